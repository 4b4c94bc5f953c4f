/**
 * Review in the member's chain: staff of a union covering the member's (the 基层工会 or above) check the
 * application; staff of the union that opened the window (a district or the city) decide, the amount coming from
 * the window's level table. Each step is one transaction on the application; an approval also counts itself on
 * the window (`approvedCount`), so a 公示 published meanwhile conflicts with it instead of missing it. A refusal
 * gives the student's claim back. Every staff view of a child's data is audited.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findById, findPage, withTransaction, type Page } from '../../db';
import { fail } from '../../errors';
import { decryptPii } from '../../lib/pii';
import { auditListView, writeAudit } from '../../shared/audit';
import { temporaryUrls } from '../../shared/files';
import { assertCoversOrg, coversOrg, subtreeWhere } from '../../shared/scope';
import { addTimelineEntry } from '../../shared/timeline';
import { APPLICATION_STATUS_LABELS, grantAmount, OPEN_STATUSES, type ApplicationStatus } from '../../rules/studentAid';
import { overdueBefore } from '../../rules/overdue';
import { reviewDays } from '../settings/settings';
import { releaseClaim } from './apply';
import { STUDENT_AID_COLLECTIONS as C } from './collections';
import type { ApplicationRecord, WindowRecord } from './records';
import type { CheckInput, DecideInput } from './schemas';
import { toApplicationView } from './toViews';
import type { ApplicationDetailView, ApplicationView } from './views';
import { isWindowOver } from './publicity';

export async function studentAidQueue(
  filter: { windowId?: string; status?: ApplicationStatus; page?: number },
  ctx: ActionContext,
): Promise<Page<ApplicationView>> {
  const where: Record<string, unknown> = subtreeWhere(ctx);
  where.status = filter.status ?? command().in([...OPEN_STATUSES]);
  if (filter.windowId) where.windowId = filter.windowId;
  const { rows, total } = await findPage<ApplicationRecord>(C.applications, where, [['submittedAt', 'asc']], filter.page);
  // The list shows each family's basis (income per head) and the child's school: a view of personal data.
  await auditListView(ctx, 'studentAid.queue', filter.windowId ?? 'all', `查看金秋助学申请列表（${rows.length} 份）`);
  return { items: rows.map(toApplicationView), total };
}

export async function countOpenApplications(ctx: ActionContext): Promise<number> {
  return countWhere(C.applications, { ...subtreeWhere(ctx), status: command().in([...OPEN_STATUSES]) });
}

/** Of those, the ones submitted before the union's review deadline (工作台's 超期 and the daily reminder). */
export async function countOverdueApplications(ctx: ActionContext): Promise<number> {
  const before = overdueBefore(ctx.now, await reviewDays());
  return countWhere(C.applications, {
    ...subtreeWhere(ctx),
    status: command().in([...OPEN_STATUSES]),
    submittedAt: command().lt(before),
  });
}

/** The application in full: the member themself, or staff of a union in the member's chain (audited, ID shown). */
export async function getApplication(applicationId: string, ctx: ActionContext): Promise<ApplicationDetailView> {
  const a = await findById<ApplicationRecord>(C.applications, applicationId);
  const own = a?.openid === ctx.openid;
  const staff = Boolean(a && !own && coversOrg(ctx, a.orgPath));
  if (!a || (!own && !staff)) throw fail('NOT_FOUND', '申请不存在或不属于您管辖的工会');
  const w = await findById<WindowRecord>(C.windows, a.windowId);
  if (staff) {
    await writeAudit({
      actor: ctx.openid,
      action: 'studentAid.get',
      target: a._id,
      summary: `查看金秋助学申请 · ${a.orgName}`,
      at: ctx.now,
      kind: 'pii_view',
      details: { orgId: a.orgId },
    });
  }
  const [admissionLetterUrl, receiptUrl] = await temporaryUrls([a.admissionLetterId, a.receiptId]);
  const decides = staff && !!w && coversOrg(ctx, w.orgPath);
  const view = toApplicationView(a);
  return {
    ...view,
    // The reviewing staff see the child's name and ID number in full; the member sees them masked.
    ...(staff ? { childName: a.childName, childIdNumber: decryptPii(a.childIdSealed) } : {}),
    major: a.major,
    admissionLetterUrl,
    receiptUrl,
    tableAmount: w ? grantAmount(w.amounts, a.level, a.tuition) : 0,
    can: {
      withdraw: own && OPEN_STATUSES.includes(a.status),
      check: staff && a.status === 'submitted',
      decide: decides && a.status === 'checked' && !w?.publicity,
      pay: staff && a.status === 'approved' && !!w && isWindowOver(w, ctx.now),
    },
  };
}

async function tell(a: ApplicationRecord, title: string, note: string | undefined, at: Date): Promise<void> {
  await addTimelineEntry({
    openid: a.openid,
    area: 'studentAid',
    refId: a._id,
    title,
    status: a.status,
    statusText: APPLICATION_STATUS_LABELS[a.status],
    ...(note ? { note } : {}),
    at,
    notify: true,
  });
}

/** The 基层工会 checks: passes it on to the district, or refuses with a reason (the claim is given back). */
export async function checkApplication(input: CheckInput, ctx: ActionContext): Promise<ApplicationView> {
  if (!input.pass && !input.note) throw fail('INVALID_INPUT', '「审核意见」请填写不通过的原因，会员会看到', { field: 'note' });
  const a = await withTransaction(async (tx) => {
    const found = await tx.get<ApplicationRecord>(C.applications, input.applicationId);
    if (!found) throw fail('NOT_FOUND', '申请不存在');
    assertCoversOrg(ctx, found.orgPath);
    if (found.openid === ctx.openid) throw fail('FORBIDDEN', '不能办理本人的申请');
    if (found.status !== 'submitted')
      throw fail('CONFLICT', `该申请当前为「${APPLICATION_STATUS_LABELS[found.status]}」，不能再审核，请刷新`);
    const fields = input.pass
      ? { status: 'checked' as const, checkNote: input.note, checkedBy: ctx.openid, checkedAt: ctx.now }
      : { status: 'rejected' as const, decisionNote: input.note, decidedBy: ctx.openid, decidedAt: ctx.now };
    await tx.update(C.applications, input.applicationId, fields);
    if (!input.pass) await releaseClaim(tx, found, input.applicationId);
    return { ...found, _id: input.applicationId, ...fields };
  });
  await writeAudit({
    actor: ctx.openid,
    action: input.pass ? 'studentAid.check' : 'studentAid.reject',
    target: a._id,
    summary: `${input.pass ? '审核通过' : '审核不通过'}金秋助学申请 · ${a.orgName}`,
    at: ctx.now,
    details: { orgId: a.orgId },
  });
  await tell(
    a,
    input.pass ? '金秋助学申请已通过基层工会审核' : '金秋助学申请未通过审核',
    input.pass ? undefined : input.note,
    ctx.now,
  );
  return toApplicationView(a);
}

/** The union that opened the window decides: the amount from its level table (never above the tuition), or not. */
export async function decideApplication(input: DecideInput, ctx: ActionContext): Promise<ApplicationView> {
  if (!input.approve && !input.note) throw fail('INVALID_INPUT', '「意见」请填写不予资助的原因，会员会看到', { field: 'note' });
  const first = await findById<ApplicationRecord>(C.applications, input.applicationId);
  if (!first) throw fail('NOT_FOUND', '申请不存在');
  assertCoversOrg(ctx, first.orgPath);
  const a = await withTransaction(async (tx) => {
    const found = await tx.get<ApplicationRecord>(C.applications, input.applicationId);
    const w = await tx.get<WindowRecord>(C.windows, first.windowId);
    if (!found || !w) throw fail('NOT_FOUND', '申请不存在');
    if (!coversOrg(ctx, w.orgPath)) throw fail('FORBIDDEN', `金秋助学由${w.orgName}审定，基层工会请完成审核`);
    if (found.openid === ctx.openid) throw fail('FORBIDDEN', '不能办理本人的申请');
    if (found.status === 'submitted') throw fail('CONFLICT', '该申请尚未经基层工会审核，请先审核');
    if (found.status !== 'checked')
      throw fail('CONFLICT', `该申请当前为「${APPLICATION_STATUS_LABELS[found.status]}」，不能再审定，请刷新`);
    if (w.publicity) throw fail('CONFLICT', '本学年资助名单已公示，不能再审定');
    const fields = input.approve
      ? {
          status: 'approved' as const,
          amount: grantAmount(w.amounts, found.level, found.tuition),
          decisionNote: input.note,
          decidedBy: ctx.openid,
          decidedAt: ctx.now,
        }
      : { status: 'rejected' as const, decisionNote: input.note, decidedBy: ctx.openid, decidedAt: ctx.now };
    await tx.update(C.applications, input.applicationId, fields);
    if (input.approve) await tx.update(C.windows, w._id, { approvedCount: (w.approvedCount ?? 0) + 1 });
    else await releaseClaim(tx, found, input.applicationId);
    return { ...found, _id: input.applicationId, ...fields };
  });
  await writeAudit({
    actor: ctx.openid,
    action: input.approve ? 'studentAid.approve' : 'studentAid.reject',
    target: a._id,
    summary: input.approve ? `批准金秋助学 ${a.amount} 元 · ${a.orgName}` : `不予资助 · ${a.orgName}`,
    at: ctx.now,
    details: { orgId: a.orgId },
  });
  await tell(
    a,
    input.approve ? `金秋助学已批准，资助 ${a.amount} 元` : '金秋助学申请未获资助',
    input.approve ? '资助名单公示期满后发放' : input.note,
    ctx.now,
  );
  return toApplicationView(a);
}
