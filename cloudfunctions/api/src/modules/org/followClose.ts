/**
 * Open records of every area follow a closed (or merged) union's members to the receiving union. Each area declares
 * the collections whose open records name a member's union for review scope (ModuleDef.orgRecords: the id field, the
 * path and name copies, the open statuses); this file moves them without knowing the areas. Finished records are
 * history and keep the union they were decided under.
 *
 * A record still to move is found by its union (the closed one) and an open status, so each page's query finds only
 * work still to do and a run stopped halfway (time budget, crash) resumes by running again.
 */
import type { OrgRecordHolder } from '../../action';
import { command, countWhere, findMany, updateWhere } from '../../db';
import type { OrgRecord } from '../../shared/records';

const PAGE = 100;

/** The open records of `holder` naming the union: by the path copy too when there is one (its index holds the union's id). */
function openIn(holder: OrgRecordHolder, orgId: string): Record<string, unknown> {
  return {
    ...(holder.pathField ? { [holder.pathField]: orgId } : {}),
    [holder.orgIdField]: orgId,
    status: command().in([...holder.openStatuses]),
  };
}

/** How many open records of every declared collection still name the union. */
export async function countOpenRecords(holders: readonly OrgRecordHolder[], orgId: string): Promise<number> {
  const counts = await Promise.all(holders.map((h) => countWhere(h.collection, openIn(h, orgId))));
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Moves one page of one holder's open records from `org` to `target`. Guarded on the union and the open status read,
 * so a decision made meanwhile keeps its record where it was decided. `found`: the page had records (look again).
 */
async function movePage(holder: OrgRecordHolder, org: OrgRecord, target: OrgRecord): Promise<{ found: boolean; moved: number }> {
  const rows = await findMany<{ _id: string }>(holder.collection, openIn(holder, org._id), { limit: PAGE });
  if (!rows.length) return { found: false, moved: 0 };
  const _ = command();
  const moved = await updateWhere(
    holder.collection,
    { ...openIn(holder, org._id), _id: _.in(rows.map((r) => r._id)) },
    {
      [holder.orgIdField]: target._id,
      ...(holder.pathField ? { [holder.pathField]: _.set(target.path) } : {}),
      ...(holder.nameField ? { [holder.nameField]: target.name } : {}),
      movedFromOrgId: org._id,
    },
  );
  return { found: true, moved };
}

export interface FollowRun {
  /** False when the deadline passed with records still to move. */
  done: boolean;
  /** Records moved, in all and by collection. */
  moved: number;
  byCollection: Record<string, number>;
}

/** Moves every declared collection's open records of `org` to `target`, page by page, until done or `deadline` (epoch ms). */
export async function followOpenRecords(
  holders: readonly OrgRecordHolder[],
  org: OrgRecord,
  target: OrgRecord,
  deadline: number,
): Promise<FollowRun> {
  const run: FollowRun = { done: true, moved: 0, byCollection: {} };
  for (const holder of holders) {
    for (;;) {
      if (Date.now() > deadline) return { ...run, done: false };
      const page = await movePage(holder, org, target);
      if (!page.found) break;
      if (page.moved) {
        run.moved += page.moved;
        run.byCollection[holder.collection] = (run.byCollection[holder.collection] ?? 0) + page.moved;
      }
    }
  }
  return run;
}
