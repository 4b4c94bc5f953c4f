/** What the app sees of hardship help (shared with the app through the contract). */
import type { CaseStatus, FileStatus, HardshipLevel, HelpKind } from '../../rules/hardship';

export interface CaseStep {
  at: string;
  text: string;
}

export interface CaseView {
  caseId: string;
  status: CaseStatus;
  statusText: string;
  name: string;
  orgName: string;
  householdSize: number;
  incomePerHead: number;
  causes: string[];
  helpAsked: string;
  submittedAt: string;
  level?: HardshipLevel;
  levelText?: string;
  decisionReason?: string;
  /** Each step the member can follow (submitted, visited, decided). */
  steps: CaseStep[];
}

/** Staff of the member's chain (and the member) see the whole application; staff views are audited. */
export interface CaseDetailView extends CaseView {
  household: Array<{ relation: string; name: string; age: number; income: number; situation?: string }>;
  income: number;
  rigidExpenses: number;
  story: string;
  evidenceUrls: string[];
  visit?: { date: string; visitors: string; findings: string; photoUrls: string[] };
  civilCheckText?: string;
}

export interface HelpView {
  helpId: string;
  kind: HelpKind;
  kindText: string;
  amount: number;
  date: string;
  note: string;
}

export interface FileView {
  fileId: string;
  name: string;
  orgName: string;
  level: HardshipLevel;
  levelText: string;
  status: FileStatus;
  statusText: string;
  since: string;
  recheckDue: string;
  helpCount: number;
  helpTotal: number;
  closedReason?: string;
  /** Listed in a live 公示 (open or final); 资金救助 waits for it to be final. */
  publicityId?: string;
}

export interface MyHardshipView {
  cases: CaseView[];
  file: FileView | null;
  help: HelpView[];
}
