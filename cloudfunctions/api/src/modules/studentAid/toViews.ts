import { maskName } from '../../lib/mask';
import { toIso } from '../../lib/time';
import { toWindowView } from '../../shared/publicity';
import { APPLICATION_STATUS_LABELS, ELIGIBILITY_RULE_LABELS, isWindowOpenOn, SCHOOL_LEVEL_LABELS } from '../../rules/studentAid';
import { chinaDate } from '../../rules/time';
import type { ApplicationRecord, WindowRecord } from './records';
import type { ApplicationView, Step, WindowView } from './views';

export function toWindowViewOf(w: WindowRecord, now: Date): WindowView {
  return {
    windowId: w._id,
    title: w.title,
    orgName: w.orgName,
    schoolYear: w.schoolYear,
    opensOn: w.opensOn,
    closesOn: w.closesOn,
    open: !w.publicity && isWindowOpenOn(chinaDate(now), w),
    amounts: w.amounts,
    rule: w.rule,
    ruleText: ELIGIBILITY_RULE_LABELS[w.rule],
    note: w.note,
    approvedCount: w.approvedCount,
    ...(w.publicity ? { publicity: toWindowView(w.publicity, now) } : {}),
  };
}

function basisText(a: ApplicationRecord): string {
  return a.basis.kind === 'file'
    ? `困难职工档案（${a.basis.levelText}）`
    : `家庭月人均收入 ${a.basis.incomePerHead} 元（标准 ${a.basis.line} 元）`;
}

function stepsOf(a: ApplicationRecord): Step[] {
  const steps: Step[] = [{ at: toIso(a.submittedAt), text: `已提交申请，等待${a.orgName}审核` }];
  if (a.checkedAt && a.status !== 'rejected') steps.push({ at: toIso(a.checkedAt), text: '已审核通过，等待区（县）总工会审定' });
  if (a.decidedAt && (a.status === 'approved' || a.status === 'paid'))
    steps.push({ at: toIso(a.decidedAt), text: `已批准资助 ${a.amount ?? 0} 元，公示后发放` });
  if (a.status === 'rejected' && a.decidedAt) steps.push({ at: toIso(a.decidedAt), text: `未获资助：${a.decisionNote ?? ''}` });
  if (a.status === 'withdrawn' && a.decidedAt) steps.push({ at: toIso(a.decidedAt), text: '您已撤回申请' });
  if (a.payment)
    steps.push({ at: toIso(a.payment.recordedAt), text: `助学金 ${a.payment.amount} 元已于 ${a.payment.date} 发放` });
  return steps;
}

/** The application as every list shows it: the child's name and ID number masked. */
export function toApplicationView(a: ApplicationRecord): ApplicationView {
  return {
    applicationId: a._id,
    windowId: a.windowId,
    schoolYear: a.schoolYear,
    status: a.status,
    statusText: APPLICATION_STATUS_LABELS[a.status],
    name: a.name,
    orgName: a.orgName,
    childName: maskName(a.childName),
    childIdNumber: a.childIdMasked,
    level: a.level,
    levelText: SCHOOL_LEVEL_LABELS[a.level],
    school: a.school,
    tuition: a.tuition,
    basisText: basisText(a),
    submittedAt: toIso(a.submittedAt),
    ...(a.amount !== undefined ? { amount: a.amount } : {}),
    ...(a.decisionNote || a.checkNote ? { note: a.decisionNote || a.checkNote } : {}),
    ...(a.payment ? { payment: { date: a.payment.date, amount: a.payment.amount } } : {}),
    steps: stepsOf(a),
  };
}
