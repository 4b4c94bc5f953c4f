import { toIso } from '../../lib/time';
import { maskName } from '../../lib/mask';
import { CLAIM_STATUS_LABELS, explainRule, toYuan } from '../../rules/mutualAid';
import type { ClaimRecord, EnrolmentRecord, PlanRecord } from './records';
import type { ClaimStep, ClaimView, EnrolmentView, PlanView } from './views';

export function ruleOf(p: PlanRecord) {
  return { deductible: p.deductible, ratioPercent: p.ratioPercent, cap: p.cap };
}

export function toPlanView(p: PlanRecord): PlanView {
  return {
    planId: p._id,
    name: p.name,
    ownerOrgName: p.ownerOrgName,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    contribution: p.contribution,
    deductible: p.deductible,
    ratioPercent: p.ratioPercent,
    cap: p.cap,
    ruleText: explainRule(ruleOf(p)),
    note: p.note,
  };
}

function stepsOf(c: ClaimRecord): ClaimStep[] {
  const steps: ClaimStep[] = [{ at: toIso(c.submittedAt), text: '已提交理赔申请，等待工会审核' }];
  if (c.decidedAt && c.approvedFen !== undefined && (c.status === 'approved' || c.status === 'paid'))
    steps.push({ at: toIso(c.decidedAt), text: `已核准互助金 ${toYuan(c.approvedFen)} 元，等待支付` });
  if (c.status === 'rejected' && c.decidedAt) steps.push({ at: toIso(c.decidedAt), text: `未予核准：${c.decisionNote ?? ''}` });
  if (c.status === 'withdrawn' && c.decidedAt) steps.push({ at: toIso(c.decidedAt), text: '您已撤回申请' });
  if (c.payment) steps.push({ at: toIso(c.payment.recordedAt), text: `互助金已支付（${c.payment.date}），请留意银行卡到账` });
  return steps;
}

/** `masked`: staff lists show the name masked; the member and the detail view show it whole. */
export function toClaimView(c: ClaimRecord, masked = false): ClaimView {
  return {
    claimId: c._id,
    planId: c.planId,
    planName: c.planName,
    status: c.status,
    statusText: CLAIM_STATUS_LABELS[c.status],
    name: masked ? maskName(c.name) : c.name,
    orgName: c.orgName,
    hospital: c.hospital,
    admittedOn: c.admittedOn,
    dischargedOn: c.dischargedOn,
    invoiceTotal: toYuan(c.invoiceTotalFen),
    selfPaid: toYuan(c.selfPaidFen),
    ruleAmount: toYuan(c.ruleFen),
    ...(c.approvedFen !== undefined ? { approvedAmount: toYuan(c.approvedFen) } : {}),
    ...(c.decisionNote ? { decisionNote: c.decisionNote } : {}),
    ...(c.payment ? { paidOn: c.payment.date } : {}),
    submittedAt: toIso(c.submittedAt),
    steps: stepsOf(c),
  };
}

/**
 * An enrolment on the staff list. What was approved on it tells of hospital stays (health data): only staff of the
 * plan's union (who review the claims) see it; the unit that enrolled the member does not (`reviews` false).
 */
export function toEnrolmentView(e: EnrolmentRecord, reviews: boolean): EnrolmentView {
  return {
    enrolmentId: e._id,
    name: maskName(e.name),
    cardNo: e.cardNo,
    orgName: e.orgName,
    enrolledAt: toIso(e.enrolledAt),
    ...(reviews ? { approved: toYuan(e.approvedFen) } : {}),
  };
}
