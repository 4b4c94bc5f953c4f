/**
 * 消息与待办 of 金秋助学 (informational, from the last 30 days; cleared when opened): a grant approved, a refusal
 * with its reason, a payment recorded. Each opens the area's page, where the member follows every step.
 */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { command, findMany } from '../../db';
import { toIso } from '../../lib/time';
import { INFO_DAYS } from '../enrollment/inbox';
import { STUDENT_AID_COLLECTIONS as C } from './collections';
import type { ApplicationRecord } from './records';

const LABEL = '金秋助学';

function itemOf(a: ApplicationRecord): InboxItem | null {
  const base = { kind: 'info' as const, label: LABEL, route: 'studentAidMine', params: { id: a._id } };
  if (a.status === 'paid' && a.payment)
    return {
      ...base,
      key: `studentAid:${a._id}:paid`,
      title: `金秋助学 ${a.payment.amount} 元已发放`,
      note: `发放日期 ${a.payment.date}`,
      at: new Date(toIso(a.payment.recordedAt)),
    };
  if (a.status === 'approved' && a.decidedAt)
    return {
      ...base,
      key: `studentAid:${a._id}:approved`,
      title: `金秋助学已批准，资助 ${a.amount ?? 0} 元`,
      note: '资助名单公示期满后发放',
      at: new Date(toIso(a.decidedAt)),
    };
  if (a.status === 'rejected' && a.decidedAt)
    return {
      ...base,
      key: `studentAid:${a._id}:rejected`,
      title: '金秋助学申请未获资助',
      ...(a.decisionNote ? { note: a.decisionNote } : {}),
      at: new Date(toIso(a.decidedAt)),
    };
  return null;
}

async function results(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const since = new Date(ctx.now.getTime() - INFO_DAYS * 86_400_000);
  const rows = await findMany<ApplicationRecord>(
    C.applications,
    { openid, status: command().in(['approved', 'paid', 'rejected']) },
    { orderBy: [['submittedAt', 'desc']], limit: 10 },
  );
  return rows.map(itemOf).filter((i): i is InboxItem => !!i && i.at >= since);
}

export const studentAidInbox: InboxDeclaration = { sources: { studentAid: results } };
