/** What the app sees of 金秋助学 (shared with the app through the contract). */
import type { PublicityWindowView } from '../../shared/publicity';
import type { ApplicationStatus, EligibilityRule, LevelAmounts, SchoolLevel } from '../../rules/studentAid';

export interface WindowView {
  windowId: string;
  title: string;
  orgName: string;
  schoolYear: number;
  opensOn: string;
  closesOn: string;
  /** Applications are taken today (China time). */
  open: boolean;
  amounts: LevelAmounts;
  rule: EligibilityRule;
  ruleText: string;
  note: string;
  approvedCount: number;
  publicity?: PublicityWindowView;
  /** Staff lists: the caller manages it (publishes, exports, records payments). */
  manages?: boolean;
}

export interface Step {
  at: string;
  text: string;
}

export interface ApplicationView {
  applicationId: string;
  windowId: string;
  schoolYear: number;
  status: ApplicationStatus;
  statusText: string;
  name: string;
  orgName: string;
  /** Masked (王*明) in every list; the reviewing staff's detail view shows it in full. */
  childName: string;
  childIdNumber: string;
  level: SchoolLevel;
  levelText: string;
  school: string;
  tuition: number;
  basisText: string;
  submittedAt: string;
  amount?: number;
  note?: string;
  payment?: { date: string; amount: number };
  steps: Step[];
}

/** The application with its proof (short-lived links); staff views are audited. */
export interface ApplicationDetailView extends ApplicationView {
  major: string;
  admissionLetterUrl: string;
  receiptUrl: string;
  /** What the caller may do next. */
  can: { withdraw: boolean; check: boolean; decide: boolean; pay: boolean };
  /** The amount the window's level table gives (before any decision). */
  tableAmount: number;
}

export interface MyStudentAidView {
  windows: WindowView[];
  applications: ApplicationView[];
  /** Whether the family has an active 困难职工档案 (the form then asks nothing of income). */
  hardshipFile: { levelText: string } | null;
  incomeLine: number;
}

export interface GrantListView {
  window: WindowView;
  publicity: PublicityWindowView | null;
  rows: Array<{ ticket: string; maskedName: string; levelText: string; amount: number; orgName: string; mine: boolean }>;
}

export interface ObjectionView {
  objectionId: string;
  ticket: string;
  maskedName: string;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  note?: string;
  createdAt: string;
}
