/**
 * Review in one step by the union running the plan (a city or district union, which holds the fund): its staff, or
 * staff above it, see the claim in full (every view audited), approve an amount computed by the plan's rule — never
 * above what is left of the member's cap — or refuse with a reason, then record the payment. The 基层工会 enrols but
 * does not see claims (health data stays with those who decide).
 *
 * The cap is held on the enrolment document: an approval reads the member's approved total there and writes it back
 * in the same transaction, so two approvals of one member's claims racing each other conflict on that document and
 * the retried one sees the first amount. A withdrawal also writes the claim (and the enrolment), so an approval and a
 * withdrawal of one claim never both happen.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findById, findPage, withTransaction, type Page } from '../../db';
import { fail } from '../../errors';
import { auditListView, writeAudit } from '../../shared/audit';
import { temporaryUrls } from '../../shared/files';
import { coversOrg, subtreeWhere } from '../../shared/scope';
import { addTimelineEntry } from '../../shared/timeline';
import { doneDayProblem } from '../../rules/dates';
import { chinaDate } from '../../rules/time';
import { toIso } from '../../lib/time';
import { assessClaim, CLAIM_STATUS_LABELS, explainRule, toFen, toYuan, type ClaimStatus } from '../../rules/mutualAid';
import { overdueBefore } from '../../rules/overdue';
import { reviewDays } from '../settings/settings';
import { MUTUAL_AID_COLLECTIONS as C } from './collections';
import { mutualAidErrors as errors } from './errors';
import { loadPlan } from './plans';
import type { ClaimRecord, EnrolmentRecord } from './records';
import type { ApproveInput, PayInput } from './schemas';
import { ruleOf, toClaimView } from './toViews';
import type { ClaimDetailView, ClaimView } from './views';

/** Claims reviewed by the caller: those of plans run by a union in the caller's subtree. */
const reviewWhere = (ctx: ActionContext) => subtreeWhere(ctx, 'planOrgPath');

export async function claimQueue(filter: { status?: ClaimStatus; page?: number }, ctx: ActionContext): Promise<Page<ClaimView>> {
  const where = { ...reviewWhere(ctx), status: filter.status ?? command().in(['submitted', 'approved']) };
  const open = !filter.status || filter.status === 'submitted' || filter.status === 'approved';
  const { rows, total } = await findPage<ClaimRecord>(C.claims, where, [['submittedAt', open ? 'asc' : 'desc']], filter.page);
  // The list shows hospital stays and amounts (health data): a view of personal data.
  await auditListView(ctx, 'mutualAid.queue', filter.status ?? 'open', `查看医疗互助理赔列表（${rows.length} 件）`);
  return { items: rows.map((c) => toClaimView(c, true)), total };
}

export async function countOpenClaims(ctx: ActionContext): Promise<number> {
  return countWhere(C.claims, { ...reviewWhere(ctx), status: 'submitted' });
}

/** Of those, the ones submitted before the union's review deadline (工作台's 超期 and the daily reminder). */
export async function countOverdueClaims(ctx: ActionContext): Promise<number> {
  const before = overdueBefore(ctx.now, await reviewDays());
  return countWhere(C.claims, { ...reviewWhere(ctx), status: 'submitted', submittedAt: command().lt(before) });
}

export async function countUnpaidClaims(ctx: ActionContext): Promise<number> {
  return countWhere(C.claims, { ...reviewWhere(ctx), status: 'approved' });
}

async function staffClaim(claimId: string, ctx: ActionContext): Promise<ClaimRecord> {
  const c = await findById<ClaimRecord>(C.claims, claimId);
  if (!c || !coversOrg(ctx, c.planOrgPath)) throw fail('NOT_FOUND', '理赔申请不存在或不属于您管辖的工会');
  if (c.openid === ctx.openid) throw fail('FORBIDDEN', '不能办理本人的理赔申请');
  return c;
}

/** The claim in full: the member themself, or staff of the plan's union or above (audited as a pii_view). */
export async function getClaim(claimId: string, ctx: ActionContext): Promise<ClaimDetailView> {
  const c = await findById<ClaimRecord>(C.claims, claimId);
  const own = c?.openid === ctx.openid;
  const staff = Boolean(c && !own && coversOrg(ctx, c.planOrgPath));
  if (!c || (!own && !staff)) throw fail('NOT_FOUND', '理赔申请不存在或不属于您管辖的工会');
  if (staff) {
    await writeAudit({
      actor: ctx.openid,
      action: 'mutualAid.get',
      target: c._id,
      summary: `查看医疗互助理赔申请 · ${c.orgName}`,
      at: ctx.now,
      kind: 'pii_view',
      details: { orgId: c.orgId },
    });
  }
  const [plan, enrolment, urls] = await Promise.all([
    loadPlan(c.planId),
    findById<EnrolmentRecord>(C.enrolments, c.enrolmentId),
    temporaryUrls(c.evidenceIds),
  ]);
  const a = assessClaim(ruleOf(plan), c.selfPaidFen, enrolment?.approvedFen ?? 0);
  return {
    ...toClaimView(c),
    mine: own,
    cardNo: c.cardNo,
    evidenceUrls: urls,
    payable: c.status === 'submitted' ? toYuan(a.payableFen) : 0,
    remaining: toYuan(a.remainingFen),
    capped: c.status === 'submitted' && a.capped,
    ruleText: explainRule(ruleOf(plan)),
    ...(c.payment ? { paymentReference: c.payment.reference } : {}),
  };
}

/**
 * After a decision on a claim (approved, rejected, paid): the audit entry (its summary names the plan's union) and
 * the step on the member's timeline, with its note when there is one; answers the claim as staff see it.
 */
async function afterDecision(
  c: ClaimRecord,
  ctx: ActionContext,
  step: { action: string; summary: string; title: string; note?: string },
): Promise<ClaimView> {
  await writeAudit({
    actor: ctx.openid,
    action: step.action,
    target: c._id,
    summary: `${step.summary} · ${c.orgName}`,
    at: ctx.now,
    details: { orgId: c.orgId },
  });
  await addTimelineEntry({
    openid: c.openid,
    area: 'mutualAid',
    refId: c._id,
    title: step.title,
    status: c.status,
    statusText: CLAIM_STATUS_LABELS[c.status],
    ...(step.note ? { note: step.note } : {}),
    at: ctx.now,
    notify: true,
  });
  return toClaimView(c);
}

export async function approveClaim(input: ApproveInput, ctx: ActionContext): Promise<ClaimView> {
  const first = await staffClaim(input.claimId, ctx);
  const plan = await loadPlan(first.planId);
  const amountFen = toFen(input.amount);
  const c = await withTransaction(async (tx) => {
    const found = await tx.get<ClaimRecord>(C.claims, input.claimId);
    if (!found) throw fail('NOT_FOUND', '理赔申请不存在');
    if (found.status !== 'submitted')
      throw fail('CONFLICT', `该申请当前为「${CLAIM_STATUS_LABELS[found.status]}」，不能再核准，请刷新`);
    const enrolment = await tx.get<EnrolmentRecord>(C.enrolments, found.enrolmentId);
    if (!enrolment) throw fail('CONFLICT', '该会员的参保记录不存在，不能核准');
    const a = assessClaim(ruleOf(plan), found.selfPaidFen, enrolment.approvedFen);
    if (a.payableFen <= 0)
      throw errors.fail(
        'OVER_CAP',
        a.ruleFen <= 0
          ? '按方案规则本次住院自付部分未超过起付线，没有可核准的金额，请选择不予核准并说明原因'
          : `该会员本期互助金已达封顶 ${plan.cap} 元，没有可核准的金额，请选择不予核准并说明原因`,
        { field: 'amount' },
      );
    if (amountFen > a.payableFen)
      throw errors.fail(
        'OVER_CAP',
        `「核准金额」最多 ${toYuan(a.payableFen)} 元（按方案规则 ${toYuan(a.ruleFen)} 元，本期剩余额度 ${toYuan(a.remainingFen)} 元），请刷新后重新核对`,
        { field: 'amount', payable: toYuan(a.payableFen) },
      );
    if (amountFen < a.payableFen && !input.note)
      throw fail('INVALID_INPUT', '「审核意见」核准金额低于按方案计算的金额时，请说明原因，会员会看到', { field: 'note' });
    const decided = {
      status: 'approved' as const,
      approvedFen: amountFen,
      decisionNote: input.note,
      decidedBy: ctx.openid,
      decidedAt: ctx.now,
    };
    await tx.update(C.claims, input.claimId, decided);
    await tx.update(C.enrolments, found.enrolmentId, { approvedFen: enrolment.approvedFen + amountFen, updatedAt: ctx.now });
    return { ...found, _id: input.claimId, ...decided };
  });
  return afterDecision(c, ctx, {
    action: 'mutualAid.approve',
    summary: `核准医疗互助金 ${input.amount} 元`,
    title: `医疗互助理赔已核准 ${input.amount} 元`,
    note: input.note,
  });
}

export async function rejectClaim(input: { claimId: string; note: string }, ctx: ActionContext): Promise<ClaimView> {
  await staffClaim(input.claimId, ctx);
  const c = await withTransaction(async (tx) => {
    const found = await tx.get<ClaimRecord>(C.claims, input.claimId);
    if (!found) throw fail('NOT_FOUND', '理赔申请不存在');
    if (found.status !== 'submitted')
      throw fail('CONFLICT', `该申请当前为「${CLAIM_STATUS_LABELS[found.status]}」，不能再审核，请刷新`);
    const enrolment = await tx.get<EnrolmentRecord>(C.enrolments, found.enrolmentId);
    const decided = { status: 'rejected' as const, decisionNote: input.note, decidedBy: ctx.openid, decidedAt: ctx.now };
    await tx.update(C.claims, input.claimId, decided);
    // The stay is freed: the member may claim it again with what was missing.
    if (enrolment)
      await tx.update(C.enrolments, found.enrolmentId, {
        stays: enrolment.stays.filter((s) => s.claimId !== input.claimId),
        updatedAt: ctx.now,
      });
    return { ...found, _id: input.claimId, ...decided };
  });
  return afterDecision(c, ctx, {
    action: 'mutualAid.reject',
    summary: '不予核准医疗互助理赔',
    title: '医疗互助理赔未予核准',
    note: input.note,
  });
}

export async function recordPayment(input: PayInput, ctx: ActionContext): Promise<ClaimView> {
  await staffClaim(input.claimId, ctx);
  const late = doneDayProblem(input.date, '支付日期', ctx.now);
  if (late) throw fail('INVALID_INPUT', late, { field: 'date' });
  const c = await withTransaction(async (tx) => {
    const found = await tx.get<ClaimRecord>(C.claims, input.claimId);
    if (!found) throw fail('NOT_FOUND', '理赔申请不存在');
    if (found.status === 'paid') throw fail('CONFLICT', '该申请已登记支付');
    if (found.status !== 'approved')
      throw fail('CONFLICT', `该申请当前为「${CLAIM_STATUS_LABELS[found.status]}」，核准后才能登记支付`);
    const approvedOn = found.decidedAt ? chinaDate(new Date(toIso(found.decidedAt))) : '';
    if (input.date < approvedOn) throw fail('INVALID_INPUT', `「支付日期」不能早于核准日期（${approvedOn}）`, { field: 'date' });
    const payment = { date: input.date, reference: input.reference, recordedBy: ctx.openid, recordedAt: ctx.now };
    await tx.update(C.claims, input.claimId, { status: 'paid', payment });
    return { ...found, _id: input.claimId, status: 'paid' as const, payment };
  });
  return afterDecision(c, ctx, {
    action: 'mutualAid.pay',
    summary: `登记医疗互助金支付 ${toYuan(c.approvedFen ?? 0)} 元`,
    title: `医疗互助金 ${toYuan(c.approvedFen ?? 0)} 元已支付`,
  });
}
