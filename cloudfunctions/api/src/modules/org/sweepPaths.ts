/**
 * The second pass of a move. A call that copied a union's path (membership.apply, a station save, an enrollment…)
 * may have read it before the move rewrote it and write it after followPaths went past its collection: that
 * copy is stale. Such a call read the path before the move finished and ends within the api function's timeout,
 * so once SETTLE_MS has passed since the move finished, no stale copy can still appear: the cron then runs
 * followPaths once more for that move (it finds only the stale copies, by position) and forgets the sweep.
 * Writers pay nothing (no re-read of the union in every call that copies its path).
 */
import type { House } from '../../house';
import { command, findMany, removeWhere, setById } from '../../db';
import { ORG_COLLECTIONS as C } from './collections';
import { followPaths, type PathMove } from './followPaths';

/** The api function's timeout (10 s, cloudfunctions/api/config.json) and a margin. */
export const SETTLE_MS = 15_000;
/** How long one cron tick sweeps before leaving the rest to the next (the cron function's timeout is 60 s). */
const SWEEP_BUDGET_MS = 20_000;

interface SweepRecord extends PathMove {
  _id: string;
  orgId: string;
  after: Date;
}

/**
 * Records the sweep of a finished move: one per move (the union and when the move was decided), so finishing the
 * same move again only postpones its sweep, and every move of a union back and forth keeps its own, in order.
 */
export async function scheduleSweep(orgId: string, move: PathMove, decidedAt: Date, finishedAt: Date): Promise<void> {
  await setById(C.pathSweeps, `${orgId}_${decidedAt.getTime()}`, {
    orgId,
    fromPath: move.fromPath,
    toPath: move.toPath,
    after: new Date(finishedAt.getTime() + SETTLE_MS),
  });
}

/** The cron task: every due sweep, oldest move first, rewrites what is still stale; a finished one is removed. */
export async function sweepMovedPaths(now: Date, house: House): Promise<Record<string, number>> {
  const deadline = Date.now() + SWEEP_BUDGET_MS;
  const due = await findMany<SweepRecord>(C.pathSweeps, { after: command().lte(now) }, { orderBy: [['after', 'asc']], limit: 100 });
  let swept = 0;
  let changed = 0;
  for (const sweep of due) {
    const run = await followPaths(house.orgPathHolders, { fromPath: sweep.fromPath, toPath: sweep.toPath }, deadline);
    changed += run.changed;
    if (!run.done) break;
    await removeWhere(C.pathSweeps, { _id: sweep._id });
    swept += 1;
  }
  return { swept, changed };
}
