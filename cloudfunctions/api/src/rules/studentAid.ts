/** The vocabulary and the pure rules of 金秋助学, shared by the function and the app. */

/** The school the child was admitted to: 本科, 大专 (高职), 高中 or 中职. */
export const SCHOOL_LEVELS = ['university', 'college', 'highSchool'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, string> = {
  university: '本科',
  college: '大专（高职）',
  highSchool: '高中（中职）',
};

/** Who may apply besides a family on file: `file` = only 困难职工档案 families; `fileOrIncome` = or below the line. */
export const ELIGIBILITY_RULES = ['file', 'fileOrIncome'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];
export const ELIGIBILITY_RULE_LABELS: Record<EligibilityRule, string> = {
  file: '仅限已建档困难职工家庭',
  fileOrIncome: '已建档困难职工家庭，或家庭月人均收入不高于困难帮扶标准的会员家庭',
};

/** 待基层工会审核 → 待区总工会审定 → 已批准 → 已发放; not granted, withdrawn by the member. */
export const APPLICATION_STATUSES = ['submitted', 'checked', 'approved', 'paid', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '待基层工会审核',
  checked: '待区总工会审定',
  approved: '已批准',
  paid: '已发放',
  rejected: '未获资助',
  withdrawn: '已撤回',
};
/** The member may withdraw, and the child's place for the school year is held, while the application is open. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'checked'];

/** Amounts by level, in yuan. */
export type LevelAmounts = Record<SchoolLevel, number>;

/** A window is open on the China days from `opensOn` to `closesOn`, both included. */
export function isWindowOpenOn(day: string, w: { opensOn: string; closesOn: string }): boolean {
  return w.opensOn <= day && day <= w.closesOn;
}

/** The grant for a level: the window's amount, never more than the tuition the member declared. */
export function grantAmount(amounts: LevelAmounts, level: SchoolLevel, tuition: number): number {
  return Math.min(amounts[level], tuition);
}

/** Income per head in yuan per month, rigid expenses deducted, rounded down to the fen (as 困难帮扶 counts it). */
export function incomePerHead(income: number, rigidExpenses: number, householdSize: number): number {
  return Math.floor((Math.max(0, income - rigidExpenses) / householdSize) * 100) / 100;
}
