/**
 * 消息与待办 of 线上法律咨询: a new answer for the member (an info item per answer, cleared when seen), a question
 * waiting at the caller's station for a duty lawyer (a to-do until someone answers), and each step of the member's
 * 欠薪求助 (an info item per step).
 */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { command, findMany } from '../../db';
import { asDate } from '../../lib/time';
import { DISPUTE_TYPE_LABELS, WAGE_STATUS_LABELS } from '../../rules/legalQa';
import { loadCallerGrants } from '../../shared/grants';
import { LEGAL_QA_COLLECTIONS as C } from './collections';
import type { QuestionRecord, WageRecord } from './records';
import { toStepView } from './toViews';

const LABEL = '法律咨询';

async function newAnswers(openid: string): Promise<InboxItem[]> {
  const rows = await findMany<QuestionRecord>(
    C.questions,
    { openid, lastFrom: 'lawyer', status: command().in(['answered', 'booked']) },
    { orderBy: [['lastMessageAt', 'desc']], limit: 10 },
  );
  return rows.map((q) => ({
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

async function waitingAtMyStation(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const grants = ctx.grants.length ? ctx.grants : (await loadCallerGrants(openid)).grants;
  const stations = grants.filter((g) => g.role === 'lawyer' && g.scopeId).map((g) => g.scopeId as string);
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

async function wageSteps(openid: string): Promise<InboxItem[]> {
  const rows = await findMany<WageRecord>(C.wages, { openid }, { orderBy: [['submittedAt', 'desc']], limit: 10 });
  return rows
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

export const legalQaInbox: InboxDeclaration = {
  sources: { answers: (openid) => newAnswers(openid), waiting: waitingAtMyStation, wages: (openid) => wageSteps(openid) },
};
