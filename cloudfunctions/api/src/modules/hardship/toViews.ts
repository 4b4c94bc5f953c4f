import { toIso } from '../../lib/time';
import type { HardshipCaseRecord, HardshipFileRecord, HelpRecord } from './records';
import {
  CASE_STATUS_LABELS,
  FILE_STATUS_LABELS,
  HARDSHIP_CAUSE_LABELS,
  HARDSHIP_LEVEL_LABELS,
  HELP_KIND_LABELS,
} from '../../rules/hardship';
import type { CaseStep, CaseView, FileView, HelpView } from './views';

export const CIVIL_CHECK_LABELS = {
  low_income: '民政认定为低收入家庭',
  subsistence: '民政认定为低保家庭',
  none: '民政未认定',
  unknown: '民政核对结果未返回',
} as const;

function stepsOf(c: HardshipCaseRecord): CaseStep[] {
  const steps: CaseStep[] = [{ at: toIso(c.submittedAt), text: `已提交申请，等待${c.orgName}入户调查` }];
  if (c.visit)
    steps.push({ at: toIso(c.visit.recordedAt), text: `${c.orgName}已入户调查（${c.visit.date}），等待区（县）总工会认定` });
  if (c.status === 'approved' && c.decidedAt)
    steps.push({ at: toIso(c.decidedAt), text: `已认定为困难职工（${HARDSHIP_LEVEL_LABELS[c.level ?? 'general']}），建立档案` });
  if (c.status === 'rejected' && c.decidedAt) steps.push({ at: toIso(c.decidedAt), text: `未予认定：${c.decisionReason ?? ''}` });
  if (c.status === 'withdrawn' && c.decidedAt) steps.push({ at: toIso(c.decidedAt), text: '您已撤回申请' });
  return steps;
}

export function toCaseView(c: HardshipCaseRecord): CaseView {
  return {
    caseId: c._id,
    status: c.status,
    statusText: CASE_STATUS_LABELS[c.status],
    name: c.name,
    orgName: c.orgName,
    householdSize: c.household.length,
    incomePerHead: c.incomePerHead,
    causes: c.causes.map((k) => HARDSHIP_CAUSE_LABELS[k]),
    helpAsked: c.helpAsked,
    submittedAt: toIso(c.submittedAt),
    ...(c.level ? { level: c.level, levelText: HARDSHIP_LEVEL_LABELS[c.level] } : {}),
    ...(c.decisionReason ? { decisionReason: c.decisionReason } : {}),
    steps: stepsOf(c),
  };
}

export function toFileView(f: HardshipFileRecord): FileView {
  return {
    fileId: f._id,
    name: f.name,
    orgName: f.orgName,
    level: f.level,
    levelText: HARDSHIP_LEVEL_LABELS[f.level],
    status: f.status,
    statusText: FILE_STATUS_LABELS[f.status],
    since: toIso(f.since),
    recheckDue: toIso(f.recheckDue),
    helpCount: f.helpCount,
    helpTotal: f.helpTotalFen / 100,
    ...(f.closedReason ? { closedReason: f.closedReason } : {}),
    ...(f.publicityId ? { publicityId: f.publicityId } : {}),
  };
}

export function toHelpView(h: HelpRecord): HelpView {
  return {
    helpId: h._id,
    kind: h.kind,
    kindText: HELP_KIND_LABELS[h.kind],
    amount: h.amountFen / 100,
    date: h.date,
    note: h.note,
  };
}
