import type { ActionContext } from '../../action';
import { randomUUID } from 'node:crypto';
import { command, findById, findMany, insertMany, insertUnique, updateWhere, withTransaction, type Tx } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { assertCoversOrg, coversOrg } from '../../shared/scope';
import type { MemberRecord, OrgRecord } from '../../shared/records';
import { auditEntry, writeAudit, type AuditEvent } from '../../shared/audit';
import { addTimelineEntries, addTimelineEntry, type TimelineChange } from '../../shared/timeline';
import { MEMBERSHIP_COLLECTIONS as C } from './collections';
import { allocateCardNo, allocateCardNos } from './nextSequence';
import type { ApplicationRecord, IdRegistryRecord } from './records';
import { toApplicationView } from './toApplicationView';
import type { ApplicationView, ApproveManyResult } from './views';

export async function loadApplicationInScope(applicationId: string, ctx: ActionContext): Promise<ApplicationRecord> {
  const app = await findById<ApplicationRecord>(C.applications, applicationId);
  if (!app) throw fail('NOT_FOUND', '入会申请不存在');
  assertCoversOrg(ctx, app.orgPath);
  return app;
}

const ALREADY_DECIDED = '该申请已被处理，请刷新列表';
const CHANGED = '申请人已修改申请，请重新打开后审核';
const ALREADY_DECIDED_OR_CHANGED = '该申请已被处理或已被申请人修改，请刷新列表';
const BEING_DECIDED = '该申请正在被他人处理或修改，请稍后刷新列表再试';
const ORG_CLOSED = '该申请所在工会已撤销，申请将转至接收其会员的工会审核，请刷新列表';

/**
 * Reads, inside the decision's transaction, the application a reviewer decides on: in scope, not their
 * own, still pending, and the version they saw (a correction made meanwhile is never decided unseen).
 */
async function pendingForDecision(tx: Tx, applicationId: string, seenSubmittedAt: string | undefined, ctx: ActionContext) {
  const app = await tx.get<ApplicationRecord>(C.applications, applicationId);
  if (!app) throw fail('NOT_FOUND', '入会申请不存在');
  assertCoversOrg(ctx, app.orgPath);
  if (app.openid === ctx.openid) throw fail('FORBIDDEN', '不能审核本人的申请');
  if (app.status !== 'pending') throw fail('CONFLICT', ALREADY_DECIDED);
  if (seenSubmittedAt && toIso(app.submittedAt) !== seenSubmittedAt) throw fail('CONFLICT', CHANGED);
  return app;
}

/**
 * Approves a pending application: in one transaction the application becomes approved, the member (with
 * card) is created and the ID number's registry entry becomes a membership — all or nothing, and in
 * conflict with any concurrent correction, rejection or second approval (they all write the application).
 */
export async function approveApplication(
  applicationId: string,
  seenSubmittedAt: string | undefined,
  ctx: ActionContext,
): Promise<ApplicationView> {
  // Numbered before the transaction (which may run more than once); a number lost to a refusal is a gap.
  const cardNo = await allocateCardNo(ctx.now);
  const app = await withTransaction(async (tx) => {
    const found = await pendingForDecision(tx, applicationId, seenSubmittedAt, ctx);
    const claim = await tx.get<IdRegistryRecord>(C.idRegistry, found.idHash);
    // The claim is written with the application, so this only fails if data were changed by hand.
    if (claim && claim.openid !== found.openid) throw fail('CONFLICT', '该身份证号已被他人占用，请核实后处理');
    if (await tx.get<MemberRecord>(CORE_COLLECTIONS.members, found.openid)) throw fail('CONFLICT', ALREADY_DECIDED);
    // Read and written here: a close (撤销) marks the union closed before it moves members and applications, so
    // either this approval goes first and the close moves the new member on, or it sees the union closed.
    const org = await tx.get<OrgRecord>(CORE_COLLECTIONS.orgs, found.orgId);
    if (org?.status === 'closed') throw fail('CONFLICT', ORG_CLOSED);
    if (org) await tx.update(CORE_COLLECTIONS.orgs, org._id, { lastMemberJoinedAt: ctx.now });
    await tx.update(C.applications, found._id, { status: 'approved', reviewedAt: ctx.now, reviewedBy: ctx.openid });
    await tx.set(C.idRegistry, found.idHash, { openid: found.openid, applicationId: found._id, status: 'member', at: ctx.now });
    await tx.set(CORE_COLLECTIONS.members, found.openid, memberFrom(found, cardNo, ctx.now));
    return found;
  });
  await writeAudit(approvalAudit(app, cardNo, ctx.openid, ctx.now));
  await addTimelineEntry(approvalTimeline(app, cardNo, ctx.now));
  return toApplicationView({ ...app, status: 'approved', reviewedAt: ctx.now, reviewedBy: ctx.openid });
}

/** The member an approved application makes (the same in a single and in a batch approval). */
function memberFrom(found: ApplicationRecord, cardNo: string, now: Date): Omit<MemberRecord, '_id'> {
  return {
    openid: found.openid,
    applicationId: found._id,
    cardNo,
    name: found.name,
    idHash: found.idHash,
    mobileMasked: found.mobileMasked,
    ...(found.mobileHash ? { mobileHash: found.mobileHash } : {}),
    ...(found.birthYear ? { birthYear: found.birthYear } : {}),
    ...(found.gender ? { gender: found.gender } : {}),
    orgId: found.orgId,
    orgName: found.orgName,
    orgPath: found.orgPath,
    channel: found.channel,
    memberSince: now,
    status: 'active',
    pendingTransferId: '',
  };
}

function approvalAudit(app: ApplicationRecord, cardNo: string, actor: string, at: Date): AuditEvent {
  return {
    actor,
    action: 'membership.approve',
    target: app._id,
    summary: `${app.name} · ${app.orgName}`,
    at,
    details: { orgId: app.orgId, cardNo },
  };
}

function approvalTimeline(app: ApplicationRecord, cardNo: string, now: Date): TimelineChange {
  return {
    openid: app.openid,
    area: 'membership',
    refId: app._id,
    title: '入会申请已通过',
    status: 'approved',
    statusText: '已通过',
    note: `会员卡号 ${cardNo}`,
    at: now,
    notify: true,
  };
}

/** Rejects a pending application and gives its ID number back, in one transaction. */
export async function rejectApplication(
  applicationId: string,
  reason: string,
  seenSubmittedAt: string | undefined,
  ctx: ActionContext,
): Promise<ApplicationView> {
  const app = await withTransaction(async (tx) => {
    const found = await pendingForDecision(tx, applicationId, seenSubmittedAt, ctx);
    await tx.update(C.applications, found._id, {
      status: 'rejected',
      rejectReason: reason,
      reviewedAt: ctx.now,
      reviewedBy: ctx.openid,
    });
    const claim = await tx.get<IdRegistryRecord>(C.idRegistry, found.idHash);
    if (claim?.openid === found.openid && claim.status === 'applied') await tx.remove(C.idRegistry, found.idHash);
    return found;
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'membership.reject',
    target: app._id,
    summary: `${app.name} · ${app.orgName}`,
    at: ctx.now,
    details: { orgId: app.orgId },
  });
  await addTimelineEntry({
    openid: app.openid,
    area: 'membership',
    refId: app._id,
    title: '入会申请未通过',
    status: 'rejected',
    statusText: '未通过',
    note: reason,
    at: ctx.now,
    notify: true,
  });
  return toApplicationView({ ...app, status: 'rejected', rejectReason: reason, reviewedAt: ctx.now });
}

/**
 * Approves several applications after one confirmation; each is decided on its own (one refusal stops none),
 * with the checks of a single approval, in a few requests for the whole batch (not one transaction each):
 *  1. the applications, their ID registry entries and any member records, read in three requests;
 *  2. card numbers for those that pass, one block of the counter;
 *  3. THE decision, one conditional update: each application becomes approved only if it is still pending
 *     at exactly the version read (`submittedAt`): a correction, rejection or other approval that got there
 *     first wins (they write the application too; a correction's transaction that started before conflicts
 *     with this write and is retried on fresh data, where it finds the application approved);
 *  4. then what follows from it: registry entries → member, the members, audit and 我的申请 entries — one
 *     request each, written only for the applications this call approved (a batch mark on each).
 * Unlike a single approval these writes are not one transaction. The decision marks each application
 * `awaitingMember`, and the mark is cleared once everything in 4 is written (one request more): a call that dies
 * in between (timeout, crash) leaves marked applications, which the cron finishes (finishBatchApprovals below).
 * ≈ 13 requests for 50 applications.
 */
export async function approveMany(
  items: Array<{ applicationId: string; submittedAt?: string }>,
  ctx: ActionContext,
): Promise<ApproveManyResult> {
  const _ = command();
  const refused = new Map<string, { name: string; message: string }>();
  const refuse = (id: string, message: string, name = '') => {
    if (!refused.has(id)) refused.set(id, { name, message });
  };
  const ids = [...new Set(items.map((i) => i.applicationId))];
  const apps = new Map(
    (await findMany<ApplicationRecord>(C.applications, { _id: _.in(ids) }, { limit: 100 })).map((a) => [a._id, a]),
  );
  const candidates: ApplicationRecord[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const app = apps.get(item.applicationId);
    // Names only where the caller may see them (not for unknown or out-of-scope applications, nor their own).
    if (!app) refuse(item.applicationId, '入会申请不存在');
    else if (!coversOrg(ctx, app.orgPath)) refuse(app._id, '该记录不属于您管辖的工会，无权处理');
    else if (app.openid === ctx.openid) refuse(app._id, '不能审核本人的申请');
    else if (app.status !== 'pending' || seen.has(app._id)) refuse(app._id, ALREADY_DECIDED, app.name);
    else if (item.submittedAt && toIso(app.submittedAt) !== item.submittedAt) refuse(app._id, CHANGED, app.name);
    else candidates.push(app);
    seen.add(item.applicationId);
  }
  const [claims, members, closedOrgs] = candidates.length
    ? await Promise.all([
        findMany<IdRegistryRecord>(C.idRegistry, { _id: _.in(candidates.map((a) => a.idHash)) }, { limit: 100 }),
        findMany<MemberRecord>(CORE_COLLECTIONS.members, { _id: _.in(candidates.map((a) => a.openid)) }, { limit: 100 }),
        findMany<OrgRecord>(
          CORE_COLLECTIONS.orgs,
          { _id: _.in([...new Set(candidates.map((a) => a.orgId))]), status: 'closed' },
          { limit: 100 },
        ),
      ])
    : [[], [], []];
  const claimOf = new Map(claims.map((c) => [c._id, c]));
  const isMember = new Set(members.map((m) => m._id));
  const isClosed = new Set(closedOrgs.map((o) => o._id));
  const deciding = candidates.filter((app) => {
    const claim = claimOf.get(app.idHash);
    if (claim && claim.openid !== app.openid) refuse(app._id, '该身份证号已被他人占用，请核实后处理', app.name);
    else if (isMember.has(app.openid)) refuse(app._id, ALREADY_DECIDED, app.name);
    else if (isClosed.has(app.orgId)) refuse(app._id, ORG_CLOSED, app.name);
    else return true;
    return false;
  });

  let approved: ApplicationRecord[] = [];
  if (deciding.length) {
    // Numbered before the decision; a number lost to an application decided meanwhile is a gap.
    const cardNos = await allocateCardNos(ctx.now, deciding.length);
    const batch = randomUUID();
    const updated = await decideOrWait(
      // The union read too: an application a close moved meanwhile is decided by the union it moved to.
      anyOf(deciding.map((a) => ({ _id: a._id, status: 'pending', submittedAt: a.submittedAt, orgId: a.orgId }))),
      { status: 'approved', reviewedAt: ctx.now, reviewedBy: ctx.openid, approvalBatch: batch, awaitingMember: true },
    );
    approved = deciding;
    if (updated === null) {
      // One of them is held by another open decision or correction past the wait: nothing was written.
      approved = [];
      for (const a of deciding) refuse(a._id, BEING_DECIDED, a.name);
    } else if (updated !== deciding.length) {
      const mine = await findMany<ApplicationRecord>(
        C.applications,
        { _id: _.in(deciding.map((a) => a._id)), approvalBatch: batch },
        { limit: 100 },
      );
      const won = new Set(mine.map((a) => a._id));
      approved = deciding.filter((a) => won.has(a._id));
      for (const a of deciding) if (!won.has(a._id)) refuse(a._id, ALREADY_DECIDED_OR_CHANGED, a.name);
    }
    const cardNoOf = new Map(approved.map((a, i) => [a._id, cardNos[i]]));
    await afterBatchApproval(approved, cardNoOf, claimOf, ctx);
    if (approved.length) {
      const done = { _id: _.in(approved.map((a) => a._id)), approvalBatch: batch, awaitingMember: true };
      await updateWhere(C.applications, done, { awaitingMember: _.remove() });
    }
  }
  const approvedIds = new Set(approved.map((a) => a._id));
  const result: ApproveManyResult = { approved: [], failed: [] };
  for (const item of items) {
    const refusal = refused.get(item.applicationId);
    if (approvedIds.has(item.applicationId) && !result.approved.includes(item.applicationId)) {
      result.approved.push(item.applicationId);
    } else {
      const r = refusal ?? { name: '', message: ALREADY_DECIDED };
      result.failed.push({ applicationId: item.applicationId, name: r.name, message: r.message });
    }
  }
  return result;
}

/** What an approval makes, for a batch: one request per collection (registry, members, audit, 我的申请). */
async function afterBatchApproval(
  approved: ApplicationRecord[],
  cardNoOf: Map<string, string>,
  claimOf: Map<string, IdRegistryRecord>,
  ctx: ActionContext,
): Promise<void> {
  if (!approved.length) return;
  const claimed = approved.filter((a) => claimOf.has(a.idHash));
  if (claimed.length) {
    await updateWhere(C.idRegistry, anyOf(claimed.map((a) => ({ _id: a.idHash, openid: a.openid }))), {
      status: 'member',
      at: ctx.now,
    });
  }
  // An application without its registry entry (only if data were changed by hand) gets one, as a single approval does.
  const unclaimed = approved.filter((a) => !claimOf.has(a.idHash));
  await insertMany(
    C.idRegistry,
    unclaimed.map((a) => ({ _id: a.idHash, openid: a.openid, applicationId: a._id, status: 'member', at: ctx.now })),
  );
  await insertMany(
    CORE_COLLECTIONS.members,
    approved.map((a) => ({ _id: a.openid, ...memberFrom(a, cardNoOf.get(a._id)!, ctx.now) })),
  );
  await insertMany(
    CORE_COLLECTIONS.audit,
    approved.map((a) => auditEntry(approvalAudit(a, cardNoOf.get(a._id)!, ctx.openid, ctx.now))),
  );
  await addTimelineEntries(approved.map((a) => approvalTimeline(a, cardNoOf.get(a._id)!, ctx.now)));
}

/**
 * The batch's decision: one plain conditional update of all its applications. A plain write waits while an open
 * transaction (a single approval, a rejection, a correction) holds one of them, then applies to what that
 * transaction committed — all its documents at once, or none. Null when the wait ran out (the database's lock
 * timeout): then nothing was written.
 */
async function decideOrWait(where: Record<string, unknown>, change: Record<string, unknown>): Promise<number | null> {
  try {
    return await updateWhere(C.applications, where, change);
  } catch (error) {
    const e = error as { message?: unknown; errMsg?: unknown } | null;
    if (`${String(e?.message ?? '')} ${String(e?.errMsg ?? '')}`.includes('LockTimeout')) return null;
    throw error;
  }
}

/** A where clause matching any of `clauses` (each a document's own guard). */
function anyOf(clauses: Array<Record<string, unknown>>): Record<string, unknown> {
  return command().or(clauses) as unknown as Record<string, unknown>;
}

/** Longer than any call of `api` lives (its timeout is 10 s): a mark older than this belongs to a call that died. */
export const BATCH_REPAIR_GRACE_MS = 2 * 60_000;

/**
 * The cron side of approveMany: applications a batch approved whose call died before it wrote what an approval
 * makes (still marked `awaitingMember` after the grace period) get it now, one by one and idempotently — the
 * ID registry entry becomes a membership, the member is created with a new card number unless it exists (then
 * the call had got that far, and its audit and 我的申请 entries are not written twice), then the mark is cleared.
 */
export async function finishBatchApprovals(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const cutoff = new Date(now.getTime() - BATCH_REPAIR_GRACE_MS);
  const stranded = await findMany<ApplicationRecord>(
    C.applications,
    { awaitingMember: true, status: 'approved', reviewedAt: _.lt(cutoff) },
    { limit: 100 },
  );
  let finished = 0;
  for (const app of stranded) {
    await updateWhere(C.idRegistry, { _id: app.idHash, openid: app.openid }, { status: 'member', at: now });
    await insertUnique(C.idRegistry, app.idHash, { openid: app.openid, applicationId: app._id, status: 'member', at: now });
    const cardNo = (await findById(CORE_COLLECTIONS.members, app.openid)) ? null : await allocateCardNo(now);
    if (cardNo && (await insertUnique(CORE_COLLECTIONS.members, app.openid, memberFrom(app, cardNo, now)))) {
      await writeAudit(approvalAudit(app, cardNo, app.reviewedBy ?? 'cron', now));
      await addTimelineEntry(approvalTimeline(app, cardNo, now));
      finished += 1;
    }
    await updateWhere(C.applications, { _id: app._id, awaitingMember: true }, { awaitingMember: _.remove() });
  }
  return { batchApprovalsFinished: finished };
}
