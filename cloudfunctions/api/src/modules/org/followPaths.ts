/**
 * When a union moves, every stored copy of a path through it must follow: the orgs of its subtree (`path`) and
 * every record that carries an `orgPath` for scope checks (staff of any ancestor see it). Records name the
 * union by id, so staff scopes (role grants by org id) follow on their own; only the ancestors change.
 *
 * A record not yet rewritten is found by position: the moved union at its old depth right under its old
 * parent. A rewritten one has it at its new depth, or under another parent, so each page's query finds only
 * work still to do, and a run stopped halfway (timeout, crash) resumes by running again.
 */
import { command, findMany, updateWhere } from '../../db';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { COMPETITION_COLLECTIONS } from '../competitions/collections';
import { ENROLLMENT_COLLECTIONS } from '../enrollment/collections';
import { LEGAL_AID_COLLECTIONS } from '../legalAid/collections';
import { MATCHMAKING_COLLECTIONS } from '../matchmaking/collections';
import { MEMBERSHIP_COLLECTIONS } from '../membership/collections';
import { MERCHANTS_COLLECTIONS } from '../merchants/collections';
import { NOTICES_COLLECTIONS } from '../notices/collections';
import { TRANSFER_COLLECTIONS } from '../transfer/collections';

/** Every stored path that runs through an org: collection and field. The orgs themselves come first. */
export const PATH_HOLDERS: ReadonlyArray<{ collection: string; field: string }> = [
  { collection: CORE_COLLECTIONS.orgs, field: 'path' },
  { collection: CORE_COLLECTIONS.members, field: 'orgPath' },
  { collection: MEMBERSHIP_COLLECTIONS.applications, field: 'orgPath' },
  { collection: ENROLLMENT_COLLECTIONS.activities, field: 'orgPath' },
  { collection: ENROLLMENT_COLLECTIONS.enrollments, field: 'orgPath' },
  { collection: COMPETITION_COLLECTIONS.competitions, field: 'orgPath' },
  { collection: LEGAL_AID_COLLECTIONS.stations, field: 'orgPath' },
  { collection: MATCHMAKING_COLLECTIONS.profiles, field: 'orgPath' },
  { collection: NOTICES_COLLECTIONS.notices, field: 'orgPath' },
  { collection: MERCHANTS_COLLECTIONS.places, field: 'orgPath' },
  { collection: MERCHANTS_COLLECTIONS.redemptions, field: 'placeOrgPath' },
  { collection: TRANSFER_COLLECTIONS.transfers, field: 'toOrgPath' },
];

const PAGE = 100;

export interface PathMove {
  /** The moved union's path before and after the move (both end with its id). */
  fromPath: string[];
  toPath: string[];
}

/** The query of records whose path still runs through the moved union's old place. */
function stillOld(field: string, move: PathMove): Record<string, string> {
  const depth = move.fromPath.length - 1;
  return { [`${field}.${depth - 1}`]: move.fromPath[depth - 1], [`${field}.${depth}`]: move.fromPath[depth] };
}

/**
 * Rewrites one page of one holder; returns how many records it changed (0: that holder is done).
 * Records with the same old path share one update.
 */
async function rewritePage(holder: { collection: string; field: string }, move: PathMove): Promise<number> {
  const where = stillOld(holder.field, move);
  const rows = await findMany<Record<string, unknown> & { _id: string }>(holder.collection, where, { limit: PAGE });
  if (!rows.length) return 0;
  const depth = move.fromPath.length - 1;
  const groups = new Map<string, { path: string[]; ids: string[] }>();
  for (const row of rows) {
    const old = row[holder.field] as string[];
    const path = [...move.toPath, ...old.slice(depth + 1)];
    const key = path.join('/');
    const group = groups.get(key) ?? { path, ids: [] };
    group.ids.push(row._id);
    groups.set(key, group);
  }
  const _ = command();
  let changed = 0;
  for (const g of groups.values())
    changed += await updateWhere(holder.collection, { ...where, _id: _.in(g.ids) }, { [holder.field]: _.set(g.path) });
  // A page found but nothing changed means another run rewrote it meanwhile: still progress, look again.
  return Math.max(changed, 1);
}

/**
 * Rewrites paths page by page until every holder is done or `deadline` (epoch ms) passes.
 * Returns true when nothing is left to rewrite.
 */
export async function followPaths(move: PathMove, deadline: number): Promise<{ done: boolean; changed: number }> {
  let changed = 0;
  for (const holder of PATH_HOLDERS) {
    for (;;) {
      if (Date.now() > deadline) return { done: false, changed };
      const n = await rewritePage(holder, move);
      if (!n) break;
      changed += n;
    }
  }
  return { done: true, changed };
}
