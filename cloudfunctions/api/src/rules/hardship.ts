/** The vocabulary and the eligibility rule of 困难职工帮扶, shared by the function and the app. */
export const HARDSHIP_CAUSES = [
  'illness',
  'schooling',
  'accident',
  'unemployment',
  'singleParent',
  'disability',
  'other',
] as const;
export type HardshipCause = (typeof HARDSHIP_CAUSES)[number];
export const HARDSHIP_CAUSE_LABELS: Record<HardshipCause, string> = {
  illness: '大病',
  schooling: '子女就学',
  accident: '意外',
  unemployment: '失业',
  singleParent: '单亲',
  disability: '残疾',
  other: '其他',
};

export const HARDSHIP_LEVELS = ['general', 'deep', 'sudden'] as const;
export type HardshipLevel = (typeof HARDSHIP_LEVELS)[number];
export const HARDSHIP_LEVEL_LABELS: Record<HardshipLevel, string> = {
  general: '一般困难',
  deep: '深度困难',
  sudden: '意外致困',
};

/** 待入户调查 → 待认定 → 已建档 / 未认定; the member may withdraw before the decision. */
export const CASE_STATUSES = ['submitted', 'visited', 'approved', 'rejected', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待入户调查',
  visited: '待认定',
  approved: '已建档',
  rejected: '未认定',
  withdrawn: '已撤回',
};
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['submitted', 'visited'];

export const FILE_STATUSES = ['active', 'lapsed', 'closed'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];
export const FILE_STATUS_LABELS: Record<FileStatus, string> = {
  active: '在档',
  lapsed: '未复核已失效',
  closed: '已解困脱困',
};

export const HELP_KINDS = ['money', 'goods', 'visit'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];
export const HELP_KIND_LABELS: Record<HelpKind, string> = { money: '资金救助', goods: '物资帮扶', visit: '走访慰问' };

/** The union's standard: income per head (after rigid expenses) at most the line × the factor. */
export interface HardshipStandard {
  /** Local minimum-living line, yuan per person per month. */
  incomeLine: number;
  /** e.g. 1.5: families up to 1.5 × the line may apply. */
  factor: number;
  /** Days before the yearly re-check when staff are reminded. */
  recheckNoticeDays: number;
  /** Days the 公示 of newly 认定 families stays open for objections before help money may be paid. */
  publicityDays: number;
}

export const DEFAULT_STANDARD: HardshipStandard = { incomeLine: 1000, factor: 1.5, recheckNoticeDays: 30, publicityDays: 5 };

/** A 公示 of newly 认定 families: open for objections, then final (help money may be paid), or withdrawn by staff. */
export const PUBLICITY_STATUSES = ['publicity', 'final', 'withdrawn'] as const;
export type PublicityStatus = (typeof PUBLICITY_STATUSES)[number];
export const PUBLICITY_STATUS_LABELS: Record<PublicityStatus, string> = {
  publicity: '公示中',
  final: '公示结束',
  withdrawn: '已撤回',
};

/** Income per head in yuan per month, rounded down to the fen; rigid expenses (e.g. medical) are deducted. */
export function incomePerHead(income: number, rigidExpenses: number, householdSize: number): number {
  return Math.floor((Math.max(0, income - rigidExpenses) / householdSize) * 100) / 100;
}

export function qualifyingLine(s: HardshipStandard): number {
  return Math.round(s.incomeLine * s.factor * 100) / 100;
}
