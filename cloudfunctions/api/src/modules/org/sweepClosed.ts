/**
 * The second pass of a close or merge. A call that read a member's union before the close moved the members
 * (hardship.apply, studentAid.apply, membership.approve…) may write its record naming the closed union after the
 * close went past that collection: the record would be left behind. Such a call ends within the api function's
 * timeout, so once SETTLE_MS has passed since the close finished, none can still appear: the cron then runs the
 * close's pass once more (it finds only what was left behind) and forgets the sweep. Submissions are not refused
 * for this: they are redirected, late, to the receiving union; their writers pay nothing.
 */
import type { House } from '../../house';
import { command, findById, findMany, removeWhere, setById } from '../../db';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { OrgRecord } from '../../shared/records';
import { followClose } from './closeOrg';
import { ORG_COLLECTIONS as C } from './collections';
import { SETTLE_MS } from './sweepPaths';

/** How long one cron tick sweeps before leaving the rest to the next (the cron function's timeout is 60 s). */
const SWEEP_BUDGET_MS = 20_000;
/** How far a chain of closes is followed to an open union (a target closed in turn names its own target). */
const MAX_HOPS = 10;

interface CloseSweep {
  _id: string;
  orgId: string;
  after: Date;
}

/** Records the second pass of a finished close (one per union: finishing it again only postpones it). */
export async function scheduleCloseSweep(orgId: string, finishedAt: Date): Promise<void> {
  await setById(C.closeSweeps, orgId, { orgId, after: new Date(finishedAt.getTime() + SETTLE_MS) });
}

type ClosedOrg = OrgRecord & { closing?: { targetOrgId: string | null } };

/** The union that now receives what the closed one had: its target, or the target's own target if that closed too. */
async function receivingUnion(org: ClosedOrg): Promise<OrgRecord | null> {
  let id = org.closing?.targetOrgId ?? null;
  for (let hop = 0; id && hop < MAX_HOPS; hop++) {
    const target = await findById<ClosedOrg>(CORE_COLLECTIONS.orgs, id);
    if (!target) return null;
    if (target.status !== 'closed') return target;
    id = target.closing?.targetOrgId ?? null;
  }
  return null;
}

/** The cron task: every due close sweep moves what was left behind; a finished one is removed. */
export async function sweepClosedUnions(now: Date, house: House): Promise<Record<string, number>> {
  const deadline = Date.now() + SWEEP_BUDGET_MS;
  const due = await findMany<CloseSweep>(
    C.closeSweeps,
    { after: command().lte(now) },
    { orderBy: [['after', 'asc']], limit: 100 },
  );
  let swept = 0;
  let moved = 0;
  for (const sweep of due) {
    const org = await findById<ClosedOrg>(CORE_COLLECTIONS.orgs, sweep.orgId);
    const target = org ? await receivingUnion(org) : null;
    if (org && target) {
      const run = await followClose(org, target, house.orgRecordHolders, now, deadline);
      moved += run.movedMembers + run.movedApplications + run.movedTransfers + run.movedRecords;
      if (!run.done) break;
    }
    await removeWhere(C.closeSweeps, { _id: sweep._id });
    swept += 1;
  }
  return { swept, moved };
}
