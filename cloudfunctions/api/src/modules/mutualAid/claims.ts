/**
 * The member's side: what they are covered by (plan, period, unit, what is left of the cap), a claim after a hospital
 * stay, a withdrawal before the decision. The claim's _id is `<enrolmentId>_<requestId>` and it is written together
 * with the enrolment document (the stays on it), so a double tap files one claim and two claims for overlapping stays
 * cannot both pass: the second transaction conflicts on the enrolment and, retried, sees the first stay.
 */
import type { ActionContext } from '../../action';
import { command, findById, findMany, withTransaction } from '../../db';
import { fail } from '../../errors';
import { chinaDate, toIso } from '../../lib/time';
import { assessClaim, CLAIM_STATUS_LABELS, ruleAmountFen, staysOverlap, stayProblem, toFen, toYuan } from '../../rules/mutualAid';
import { requireMember } from '../../shared/members';
import { addTimelineEntry } from '../../shared/timeline';
import { checkEvidence } from '../legalAid/checkEvidence';
import { MUTUAL_AID_COLLECTIONS as C } from './collections';
import { enrolmentIdOf } from './enrol';
import { mutualAidErrors as errors } from './errors';
import { loadPlan } from './plans';
import type { ClaimRecord, EnrolmentRecord, PlanRecord } from './records';
import type { ClaimInput } from './schemas';
import { ruleOf, toClaimView, toPlanView } from './toViews';
import type { ClaimView, CoverView, MyMutualAidView } from './views';

export async function fileClaim(input: ClaimInput, ctx: ActionContext): Promise<ClaimView> {
  const member = await requireMember(ctx.openid);
  const plan = await loadPlan(input.planId);
  const enrolmentId = enrolmentIdOf(plan._id, ctx.openid);
  const claimId = `${enrolmentId}_${input.requestId}`;
  // A second tap of the same form answers with the claim the first one filed.
  const earlier = await findById<ClaimRecord>(C.claims, claimId);
  if (earlier) return toClaimView(earlier);
  if (!(await findById<EnrolmentRecord>(C.enrolments, enrolmentId)))
    throw errors.fail('NOT_ENROLLED', `您未由单位参加「${plan.name}」，不能申请理赔；如有疑问请联系所在工会`);
  const problem = stayProblem(
    { start: plan.periodStart, end: plan.periodEnd },
    { admittedOn: input.admittedOn, dischargedOn: input.dischargedOn },
    chinaDate(ctx.now),
  );
  if (problem) throw fail('INVALID_INPUT', problem.message, { field: problem.field });
  if (input.selfPaid > input.invoiceTotal)
    throw fail('INVALID_INPUT', '「个人自付金额」不能大于发票总金额', { field: 'selfPaid' });
  await checkEvidence(input.evidence, ctx.openid);

  const selfPaidFen = toFen(input.selfPaid);
  const record: ClaimRecord = {
    _id: claimId,
    planId: plan._id,
    planName: plan.name,
    enrolmentId,
    openid: ctx.openid,
    name: member.name,
    cardNo: member.cardNo,
    orgId: '',
    orgName: '',
    orgPath: [],
    planOrgPath: plan.orgPath,
    hospital: input.hospital,
    admittedOn: input.admittedOn,
    dischargedOn: input.dischargedOn,
    invoiceTotalFen: toFen(input.invoiceTotal),
    selfPaidFen,
    ruleFen: ruleAmountFen(ruleOf(plan), selfPaidFen),
    evidenceIds: input.evidence,
    consentAt: ctx.now,
    status: 'submitted',
    submittedAt: ctx.now,
  };
  const stored = await withTransaction(async (tx) => {
    const again = await tx.get<ClaimRecord>(C.claims, claimId);
    if (again) return { claim: { ...again, _id: claimId }, fresh: false };
    const enrolment = await tx.get<EnrolmentRecord>(C.enrolments, enrolmentId);
    if (!enrolment) throw errors.fail('NOT_ENROLLED', `您未由单位参加「${plan.name}」，不能申请理赔`);
    const stay = { claimId, from: input.admittedOn, to: input.dischargedOn };
    const clash = enrolment.stays.find((s) => staysOverlap(s, stay));
    if (clash)
      throw fail('CONFLICT', `这次住院与您已申请的住院（${clash.from} 至 ${clash.to}）日期重叠，同一次住院只能申请一次`, {
        field: 'admittedOn',
      });
    // The unit is the one that enrolled the member (a later transfer does not move the claim).
    const claim: ClaimRecord = { ...record, orgId: enrolment.orgId, orgName: enrolment.orgName, orgPath: enrolment.orgPath };
    const { _id, ...fields } = claim;
    await tx.insert(C.claims, _id, fields);
    await tx.update(C.enrolments, enrolmentId, { stays: [...enrolment.stays, stay], updatedAt: ctx.now });
    return { claim, fresh: true };
  });
  const { fresh, claim } = stored;
  if (fresh) {
    await addTimelineEntry({
      openid: ctx.openid,
      area: 'mutualAid',
      refId: claimId,
      title: '医疗互助理赔申请已提交',
      status: 'submitted',
      statusText: CLAIM_STATUS_LABELS.submitted,
      at: ctx.now,
    });
  }
  return toClaimView(claim);
}

/** The member withdraws a claim before it is decided; the stay is freed for a corrected claim. */
export async function withdrawClaim(claimId: string, ctx: ActionContext): Promise<ClaimView> {
  const claim = await withTransaction(async (tx) => {
    const found = await tx.get<ClaimRecord>(C.claims, claimId);
    if (!found || found.openid !== ctx.openid) throw fail('NOT_FOUND', '理赔申请不存在');
    if (found.status !== 'submitted') throw fail('CONFLICT', `该申请当前为「${CLAIM_STATUS_LABELS[found.status]}」，不能撤回`);
    const enrolment = await tx.get<EnrolmentRecord>(C.enrolments, found.enrolmentId);
    await tx.update(C.claims, claimId, { status: 'withdrawn', decidedAt: ctx.now });
    if (enrolment)
      await tx.update(C.enrolments, found.enrolmentId, {
        stays: enrolment.stays.filter((s) => s.claimId !== claimId),
        updatedAt: ctx.now,
      });
    return { ...found, _id: claimId, status: 'withdrawn' as const, decidedAt: ctx.now };
  });
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'mutualAid',
    refId: claimId,
    title: '医疗互助理赔申请已撤回',
    status: 'withdrawn',
    statusText: CLAIM_STATUS_LABELS.withdrawn,
    at: ctx.now,
  });
  return toClaimView(claim);
}

function toCoverView(e: EnrolmentRecord, plan: PlanRecord, now: Date): CoverView {
  const today = chinaDate(now);
  const { remainingFen } = assessClaim(ruleOf(plan), 0, e.approvedFen);
  return {
    enrolmentId: e._id,
    plan: toPlanView(plan),
    orgName: e.orgName,
    enrolledAt: toIso(e.enrolledAt),
    approved: toYuan(e.approvedFen),
    remaining: toYuan(remainingFen),
    current: plan.periodStart <= today && today <= plan.periodEnd,
  };
}

/** What the member is covered by and their claims. */
export async function myMutualAid(ctx: ActionContext): Promise<MyMutualAidView> {
  const [enrolments, claims] = await Promise.all([
    findMany<EnrolmentRecord>(C.enrolments, { openid: ctx.openid }, { orderBy: [['enrolledAt', 'desc']], limit: 10 }),
    findMany<ClaimRecord>(C.claims, { openid: ctx.openid }, { orderBy: [['submittedAt', 'desc']], limit: 30 }),
  ]);
  const plans = enrolments.length
    ? await findMany<PlanRecord>(C.plans, { _id: command().in(enrolments.map((e) => e.planId)) }, { limit: enrolments.length })
    : [];
  const byId = new Map(plans.map((p) => [p._id, p]));
  const covers = enrolments
    .filter((e) => byId.has(e.planId))
    .map((e) => toCoverView(e, byId.get(e.planId) as PlanRecord, ctx.now))
    .sort((a, b) => b.plan.periodStart.localeCompare(a.plan.periodStart));
  return { covers, claims: claims.map((c) => toClaimView(c)) };
}
