/**
 * 医疗互助保障: the vocabulary and the claim rule, pure and shared by the function and the app. Money is counted in
 * fen (integers add exactly); plans and forms speak yuan.
 */

/** 待审核 → 已核准 → 已支付; or 未予核准; the member may withdraw before the decision. */
export const CLAIM_STATUSES = ['submitted', 'approved', 'paid', 'rejected', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  submitted: '待审核',
  approved: '已核准，待支付',
  paid: '已支付',
  rejected: '未予核准',
  withdrawn: '已撤回',
};
/** Claims whose hospital stay still counts (a new claim for an overlapping stay is refused). */
export const LIVE_CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'approved', 'paid'];

/** Days after the plan's period ends during which a stay inside the period may still be claimed. */
export const CLAIM_GRACE_DAYS = 90;

export interface PlanRule {
  /** 起付线 per hospital stay, yuan. */
  deductible: number;
  /** 报销比例, percent of the self-paid part above the deductible (1–100). */
  ratioPercent: number;
  /** 年度封顶 per person per period, yuan. */
  cap: number;
}

export const toFen = (yuan: number): number => Math.round(yuan * 100);
export const toYuan = (fen: number): number => fen / 100;

/** What the plan's rule pays for one stay, before the cap: (self-paid − deductible) × ratio, rounded down to the fen. */
export function ruleAmountFen(rule: PlanRule, selfPaidFen: number): number {
  const above = selfPaidFen - toFen(rule.deductible);
  if (above <= 0) return 0;
  return Math.floor((above * rule.ratioPercent) / 100);
}

export interface ClaimAssessment {
  /** By the rule alone. */
  ruleFen: number;
  /** What is left of the member's cap for the period before this claim. */
  remainingFen: number;
  /** What may be approved: the rule's amount, never above what is left of the cap. */
  payableFen: number;
  /** True when the cap cut the amount. */
  capped: boolean;
}

export function assessClaim(rule: PlanRule, selfPaidFen: number, approvedSoFarFen: number): ClaimAssessment {
  const ruleFen = ruleAmountFen(rule, selfPaidFen);
  const remainingFen = Math.max(0, toFen(rule.cap) - approvedSoFarFen);
  const payableFen = Math.min(ruleFen, remainingFen);
  return { ruleFen, remainingFen, payableFen, capped: payableFen < ruleFen };
}

/** The rule in one sentence, as the member and staff read it. */
export function explainRule(rule: PlanRule): string {
  return `每次住院个人自付部分超过起付线 ${rule.deductible} 元的，按 ${rule.ratioPercent}% 给予互助金，每人每期累计最高 ${rule.cap} 元`;
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Why a hospital stay cannot be claimed on a plan whose period is [start, end] (China days, inclusive), or null.
 * The stay must lie inside the period, be over (discharged no later than today), and be claimed within the grace
 * days after the period. Each message names the field it is about.
 */
export function stayProblem(
  period: { start: string; end: string },
  stay: { admittedOn: string; dischargedOn: string },
  today: string,
): { field: 'admittedOn' | 'dischargedOn'; message: string } | null {
  if (stay.dischargedOn < stay.admittedOn) return { field: 'dischargedOn', message: '「出院日期」不能早于入院日期' };
  if (stay.dischargedOn > today) return { field: 'dischargedOn', message: '「出院日期」不能晚于今天，请出院后再申请' };
  if (stay.admittedOn < period.start || stay.admittedOn > period.end)
    return {
      field: 'admittedOn',
      message: `「入院日期」不在保障期内（${period.start} 至 ${period.end}），这次住院不能在本期申请`,
    };
  if (stay.dischargedOn > period.end)
    return { field: 'dischargedOn', message: `「出院日期」晚于保障期结束日 ${period.end}，请按保障期内的住院申请` };
  if (today > addDays(period.end, CLAIM_GRACE_DAYS))
    return {
      field: 'dischargedOn',
      message: `本期互助保障已于 ${addDays(period.end, CLAIM_GRACE_DAYS)} 截止申请，请联系所在工会`,
    };
  return null;
}

/** True when two stays share at least one day. */
export function staysOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}
