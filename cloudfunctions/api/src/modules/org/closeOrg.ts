/**
 * Closing (撤销) a union, or merging it into another (= closing it into that one). The closed union stays in
 * the tree marked closed: members' history and past records still name it, it takes no new applications.
 * Its members move to the target union as one bulk 转会 (each member keeps the old union in `orgHistory`), and
 * so do its applications still waiting for review. Like a move, the members move in pages within the
 * function's time and the same call again continues; the count of members moved is kept on the closed union
 * and audited when the move is complete. 转会 requests still waiting to move into the closed union are pointed at
 * the target as well (its staff decide them; nothing is approved into a closed union). Then every area's open
 * records naming the closed union (ModuleDef.orgRecords: hardship cases, 金秋助学 applications, reports…) follow
 * (followClose.ts). When the close is complete, a second pass is recorded for the cron (sweepClosed.ts): a call that
 * read the member's old union before the members moved may write its record after this pass went by.
 */
import type { z } from 'zod';
import type { ActionContext, OrgRecordHolder } from '../../action';
import { command, countWhere, findMany, updateWhere } from '../../db';
import { fail } from '../../errors';
import { functionNow } from '../../lib/clock';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { MemberRecord, OrgRecord } from '../../shared/records';
import { countPendingApplications, movePendingApplications } from '../membership/orgApplications';
import { countPendingTransfersInto, movePendingTransfersInto } from '../transfer/orgTransfers';
import { countOpenRecords, followOpenRecords } from './followClose';
import { scheduleCloseSweep } from './sweepClosed';
import { assertManages, assertOpen, isClosed, loadOrg, pendingMove } from './access';
import { orgErrors as errors } from './errors';
import { MOVE_BUDGET_MS } from './moveOrg';
import type { orgCloseInput } from './schemas';

const PAGE = 100;

export interface CloseResult {
  orgId: string;
  targetOrgId: string | null;
  /** Members moved by this call. */
  movedMembers: number;
  movedApplications: number;
  /** Waiting 转会 requests into the closed union now pointed at the target, by this call. */
  movedTransfers: number;
  /** Other areas' open records (ModuleDef.orgRecords) now naming the target, by this call. */
  movedRecords: number;
  /** False when members are still to be moved: call again with the same input to finish. */
  done: boolean;
}

interface Closing {
  targetOrgId: string | null;
  by: string;
  at: Date;
  movedMembers: number;
  movedApplications: number;
  /** Absent on closes decided before transfers followed. */
  movedTransfers?: number;
  /** Absent on closes decided before other areas' records followed; by collection in movedRecordsBy. */
  movedRecords?: number;
  movedRecordsBy?: Record<string, number>;
  done: boolean;
}

/** What one pass of a close moved; `done` false when the time budget ran out first. */
export interface FollowCounts {
  movedMembers: number;
  movedApplications: number;
  movedTransfers: number;
  movedRecords: number;
  movedRecordsBy: Record<string, number>;
  done: boolean;
}

/** Moves one page of the closed union's members; returns how many moved (0: none left). */
async function moveMembersPage(org: OrgRecord, target: OrgRecord, now: Date): Promise<number> {
  const rows = await findMany<MemberRecord>(CORE_COLLECTIONS.members, { orgId: org._id }, { limit: PAGE });
  if (!rows.length) return 0;
  const _ = command();
  const moved = await updateWhere(
    CORE_COLLECTIONS.members,
    { _id: _.in(rows.map((r) => r._id)), orgId: org._id },
    {
      orgId: target._id,
      orgName: target.name,
      orgPath: _.set(target.path),
      orgHistory: _.push([{ orgId: org._id, orgName: org.name, until: now, reason: 'org_closed' }]),
    },
  );
  return Math.max(moved, 1);
}

/**
 * One pass of a close: members, pending applications, waiting 转会 into the union, then every area's open records,
 * each page by page until none is left or `deadline` (epoch ms) passes; what moved is added to the union's `closing`.
 * Run again (the same close called again, or the cron's second pass), it finds only what is still to move.
 */
export async function followClose(
  org: OrgRecord,
  target: OrgRecord,
  holders: readonly OrgRecordHolder[],
  now: Date,
  deadline: number,
): Promise<FollowCounts> {
  const counts: FollowCounts = {
    movedMembers: 0,
    movedApplications: 0,
    movedTransfers: 0,
    movedRecords: 0,
    movedRecordsBy: {},
    done: false,
  };
  const steps: [keyof Omit<FollowCounts, 'done' | 'movedRecords' | 'movedRecordsBy'>, () => Promise<number>][] = [
    ['movedMembers', () => moveMembersPage(org, target, now)],
    ['movedApplications', () => movePendingApplications(org, target, PAGE)],
    ['movedTransfers', () => movePendingTransfersInto(org, target, PAGE)],
  ];
  try {
    for (const [key, page] of steps) {
      for (let n = 1; n > 0;) {
        if (Date.now() > deadline) return counts;
        n = await page();
        counts[key] += n;
      }
    }
    const records = await followOpenRecords(holders, org, target, deadline);
    counts.movedRecords = records.moved;
    counts.movedRecordsBy = records.byCollection;
    counts.done = records.done;
    return counts;
  } finally {
    await addCounts(org._id, counts);
  }
}

/** Adds a pass's counts to the closed union's `closing` (nothing written when nothing moved). */
async function addCounts(orgId: string, c: FollowCounts): Promise<void> {
  if (!(c.movedMembers || c.movedApplications || c.movedTransfers || c.movedRecords)) return;
  const _ = command();
  const byCollection = Object.fromEntries(Object.entries(c.movedRecordsBy).map(([name, n]) => [name, _.inc(n)]));
  await updateWhere(
    CORE_COLLECTIONS.orgs,
    { _id: orgId },
    {
      closing: {
        movedMembers: _.inc(c.movedMembers),
        movedApplications: _.inc(c.movedApplications),
        movedTransfers: _.inc(c.movedTransfers),
        movedRecords: _.inc(c.movedRecords),
        ...(c.movedRecords ? { movedRecordsBy: byCollection } : {}),
      },
    },
  );
}

async function finish(org: OrgRecord, closing: Closing, ctx: ActionContext, merge: boolean): Promise<CloseResult> {
  const result: CloseResult = {
    orgId: org._id,
    targetOrgId: closing.targetOrgId,
    movedMembers: 0,
    movedApplications: 0,
    movedTransfers: 0,
    movedRecords: 0,
    done: true,
  };
  if (closing.targetOrgId) {
    const target = await loadOrg(closing.targetOrgId, 'targetOrgId');
    const run = await followClose(org, target, ctx.house.orgRecordHolders, ctx.now, Date.now() + MOVE_BUDGET_MS);
    result.movedMembers = run.movedMembers;
    result.movedApplications = run.movedApplications;
    result.movedTransfers = run.movedTransfers;
    result.movedRecords = run.movedRecords;
    if (!run.done) return { ...result, done: false };
  }
  const marked = await updateWhere(CORE_COLLECTIONS.orgs, { _id: org._id, 'closing.done': false }, { closing: { done: true } });
  if (marked) {
    // Calls that read a member's old union may still write for a while: the cron moves what they leave (sweepClosed.ts).
    if (closing.targetOrgId) await scheduleCloseSweep(org._id, functionNow());
    const stored = (await loadOrg(org._id)).closing as Closing;
    const target = closing.targetOrgId ? await loadOrg(closing.targetOrgId, 'targetOrgId') : null;
    const others = stored.movedRecords ?? 0;
    await writeAudit({
      actor: ctx.openid,
      action: merge ? 'org.merge' : 'org.close',
      target: org._id,
      summary: target
        ? `${org.name} ${merge ? '并入' : '撤销，会员转入'} ${target.name}（转会 ${stored.movedMembers} 人${others ? `，其他业务待办 ${others} 件随转` : ''}）`
        : `${org.name} 撤销`,
      at: ctx.now,
      details: {
        targetOrgId: closing.targetOrgId,
        movedMembers: stored.movedMembers,
        movedApplications: stored.movedApplications,
        movedTransfers: stored.movedTransfers ?? 0,
        movedRecords: others,
        // Flat, as audit details are: "hardship_cases:1 student_aid_applications:1".
        movedRecordsBy: Object.entries(stored.movedRecordsBy ?? {})
          .map(([name, n]) => `${name}:${n}`)
          .join(' '),
      },
    });
  }
  return result;
}

export async function closeOrg(input: z.output<typeof orgCloseInput>, ctx: ActionContext, merge = false): Promise<CloseResult> {
  const org = await loadOrg(input.orgId);
  assertManages(ctx, org);
  const targetOrgId = input.targetOrgId ?? null;
  if (isClosed(org)) {
    const closing = org.closing as Closing | undefined;
    if (!closing || closing.targetOrgId !== targetOrgId)
      throw errors.fail('ORG_CLOSED', `「${org.name}」已撤销`, { field: 'orgId' });
    // Continuing (or repeating) the same close: finishes moving members, if any are left.
    return finish(org, closing, ctx, merge);
  }
  if (!org.parentId) throw errors.fail('ORG_ROOT', '根工会不能撤销或合并', { field: 'orgId' });
  const _ = command();
  const children = await countWhere(CORE_COLLECTIONS.orgs, { parentId: org._id, status: _.neq('closed') });
  if (children)
    throw errors.fail('ORG_HAS_CHILDREN', `「${org.name}」下还有${children}个下级工会，请先移动或撤销下级工会`, {
      field: 'orgId',
    });
  const moving = await pendingMove();
  if (moving && moving.path.includes(org._id))
    throw errors.fail('ORG_MOVE_PENDING', `「${moving.name}」的移动尚未完成，请先完成该调整`);
  let target: OrgRecord | null = null;
  if (targetOrgId) {
    target = await loadOrg(targetOrgId, 'targetOrgId');
    if (target.path.includes(org._id))
      throw errors.fail('ORG_TARGET_INVALID', `接收会员的工会不能是「${org.name}」本身或其下级工会`, { field: 'targetOrgId' });
    assertOpen(target, 'targetOrgId');
    assertManages(ctx, target);
  } else {
    const [members, pending, transfers, others] = await Promise.all([
      countWhere(CORE_COLLECTIONS.members, { orgId: org._id }),
      countPendingApplications(org._id),
      countPendingTransfersInto(org._id),
      countOpenRecords(ctx.house.orgRecordHolders, org._id),
    ]);
    if (members || pending || transfers || others)
      throw fail(
        'INVALID_INPUT',
        `「${org.name}」还有${members}名会员、${pending}份待审核申请${transfers ? `、${transfers}份待审核的转入申请` : ''}${others ? `、${others}件其他业务的待办申请` : ''}，请选择接收会员的工会`,
        { field: 'targetOrgId' },
      );
  }
  const closing: Closing = {
    targetOrgId,
    by: ctx.openid,
    at: ctx.now,
    movedMembers: 0,
    movedApplications: 0,
    movedTransfers: 0,
    movedRecords: 0,
    done: false,
  };
  const decided = await updateWhere(
    CORE_COLLECTIONS.orgs,
    { _id: org._id, status: _.neq('closed') },
    { status: 'closed', closedAt: ctx.now, closing, ...(merge && target ? { mergedInto: target._id } : {}) },
  );
  if (!decided) throw fail('CONFLICT');
  return finish({ ...org, status: 'closed' }, closing, ctx, merge);
}
