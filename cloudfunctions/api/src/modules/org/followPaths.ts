/**
 * When a union moves, every stored copy of a path through it must follow: the orgs of its subtree (`path`) and
 * every record that carries an `orgPath` for scope checks (staff of any ancestor see it). Records name the
 * union by id, so staff scopes (role grants by org id) follow on their own; only the ancestors change.
 *
 * A record not yet rewritten is found by position: the moved union at its old depth right under its old
 * parent. A rewritten one has it at its new depth, or under another parent, so each page's query finds only
 * work still to do, and a run stopped halfway (timeout, crash) resumes by running again.
 */
import type { OrgPathHolder } from '../../action';
import { command, findMany, updateWhere } from '../../db';

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
async function rewritePage(holder: OrgPathHolder, move: PathMove): Promise<number> {
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
 * Rewrites paths page by page, holder by holder (the house's orgPathHolders: every area declares its own), until every holder is done or `deadline` (epoch ms) passes.
 * Returns true when nothing is left to rewrite.
 */
export async function followPaths(
  holders: readonly OrgPathHolder[],
  move: PathMove,
  deadline: number,
): Promise<{ done: boolean; changed: number }> {
  let changed = 0;
  for (const holder of holders) {
    for (;;) {
      if (Date.now() > deadline) return { done: false, changed };
      const n = await rewritePage(holder, move);
      if (!n) break;
      changed += n;
    }
  }
  return { done: true, changed };
}
