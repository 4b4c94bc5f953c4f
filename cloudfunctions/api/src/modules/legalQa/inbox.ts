/**
 * 消息与待办 of 线上法律咨询: a new answer for the member (an info item per answer, cleared when seen), a question
 * waiting at the caller's station for a duty lawyer (a to-do until someone answers), and each step of the member's
 * 欠薪求助 (an info item per step). ONE database request for a member: the caller's account with their role grants,
 * questions and 欠薪求助 joined in; a second only for a duty lawyer (the waiting questions of their stations) or a
 * caller without an account yet (their grants).
 */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { command, findByIdJoined, findMany } from '../../db';
import { asDate } from '../../lib/time';
import { DISPUTE_TYPE_LABELS, WAGE_STATUS_LABELS } from '../../rules/legalQa';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { loadCallerGrants } from '../../shared/grants';
import type { RoleRecord } from '../../shared/records';
import { LEGAL_QA_COLLECTIONS as C } from './collections';
import type { QuestionRecord, WageRecord } from './records';
import { toStepView } from './toViews';

const LABEL = '法律咨询';

interface Joined {
  joinedRoles?: RoleRecord[];
  joinedQuestions?: QuestionRecord[];
  joinedWages?: WageRecord[];
  [key: string]: unknown;
}

function newAnswers(questions: QuestionRecord[]): InboxItem[] {
  return questions
    .filter((q) => q.lastFrom === 'lawyer' && (q.status === 'answered' || q.status === 'booked'))
    .map((q) => ({
      key: `answer:${q._id}:${q.answerCount}`,
      kind: 'info' as const,
      label: LABEL,
      title: `值班律师答复了您的${DISPUTE_TYPE_LABELS[q.type]}咨询`,
      note: q.stationName,
      at: asDate(q.lastMessageAt),
      route: 'legalQaThread',
      params: { id: q._id },
    }));
}

async function waitingAt(stations: string[]): Promise<InboxItem[]> {
  if (!stations.length) return [];
  const rows = await findMany<QuestionRecord>(
    C.questions,
    { stationId: command().in(stations), status: 'waiting' },
    { orderBy: [['dueAt', 'asc']], limit: 20 },
  );
  return rows.map((q) => ({
    key: `waiting:${q._id}`,
    kind: 'todo' as const,
    label: LABEL,
    title: `待答复的${DISPUTE_TYPE_LABELS[q.type]}咨询`,
    note: `${q.stationName}${q.anonymous ? ' · 匿名' : ''}`,
    at: asDate(q.askedAt),
    dueAt: asDate(q.dueAt),
    route: 'legalQaThread',
    params: { id: q._id },
  }));
}

function wageSteps(wages: WageRecord[]): InboxItem[] {
  return wages
    .filter((w) => w.steps.length > 1)
    .map((w) => {
      const last = toStepView(w.steps[w.steps.length - 1]);
      return {
        key: `wage:${w._id}:${w.steps.length}`,
        kind: 'info' as const,
        label: '欠薪求助',
        title: `欠薪求助${WAGE_STATUS_LABELS[w.status]}：${last.kindText}`,
        note: w.orgName,
        at: new Date(last.at),
        route: 'legalQaWage',
        params: { id: w._id },
      };
    });
}

async function legalQaItems(openid: string, _ctx: ActionContext): Promise<InboxItem[]> {
  const me = await findByIdJoined<Joined>(
    CORE_COLLECTIONS.accounts,
    openid,
    [
      { from: CORE_COLLECTIONS.roles, localField: 'who', foreignField: 'openid', as: 'joinedRoles' },
      { from: C.questions, localField: 'who', foreignField: 'openid', as: 'joinedQuestions' },
      { from: C.wages, localField: 'who', foreignField: 'openid', as: 'joinedWages' },
    ],
    { who: openid },
  );
  // A caller without an account (a role granted before their first launch) still gets their station's to-dos.
  const roles = me ? (me.joinedRoles ?? []) : (await loadCallerGrants(openid)).grants;
  const stations = roles.filter((r) => r.role === 'lawyer' && r.scopeId).map((r) => r.scopeId as string);
  return [...newAnswers(me?.joinedQuestions ?? []), ...wageSteps(me?.joinedWages ?? []), ...(await waitingAt(stations))];
}

export const legalQaInbox: InboxDeclaration = { sources: { legalQa: legalQaItems } };
