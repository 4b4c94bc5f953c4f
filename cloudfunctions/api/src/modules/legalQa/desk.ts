/**
 * The duty lawyers' desk and the reviewing union's view: questions of the lawyer's stations / of the stations in
 * the staff member's subtree, oldest due first, masked (who asks and the employer: never in full in a list); the
 * 工作台 counts; the timer that reminds a station's lawyers once per question when the promised first answer nears.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findMany, findPage, updateWhere, type Page } from '../../db';
import { DISPUTE_TYPE_LABELS } from '../../rules/legalQa';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { sendSubscribeMessages } from '../../shared/notify';
import type { RoleRecord } from '../../shared/records';
import { subtreeWhere } from '../../shared/scope';
import { stationsOf } from '../legalAid/access';
import { LEGAL_QA_COLLECTIONS as C } from './collections';
import type { QuestionRecord } from './records';
import type { LegalQaQueueInput } from './schemas';
import { toQuestionView } from './toViews';
import type { QuestionView } from './views';

function filterOf(input: LegalQaQueueInput, ctx: ActionContext): Record<string, unknown> {
  const _ = command();
  if (input.overdue) return { status: 'waiting', dueAt: _.lt(ctx.now) };
  return { status: input.status ?? _.in(['waiting', 'answered']) };
}

async function pageOf(where: Record<string, unknown>, input: LegalQaQueueInput, ctx: ActionContext): Promise<Page<QuestionView>> {
  const { rows, total } = await findPage<QuestionRecord>(C.questions, where, [['dueAt', 'asc']], input.page);
  return { items: rows.map((q) => toQuestionView(q, ctx.now, true)), total };
}

/** The lawyer's stations' questions. */
export async function lawyerQueue(input: LegalQaQueueInput, ctx: ActionContext): Promise<Page<QuestionView>> {
  return pageOf({ stationId: command().in(stationsOf(ctx)), ...filterOf(input, ctx) }, input, ctx);
}

/** The reviewing union: questions of the stations its subtree runs (overdue ones first to see). */
export async function staffQueue(input: LegalQaQueueInput, ctx: ActionContext): Promise<Page<QuestionView>> {
  return pageOf({ ...subtreeWhere(ctx), ...filterOf(input, ctx) }, input, ctx);
}

export async function countWaiting(ctx: ActionContext): Promise<number> {
  const stations = stationsOf(ctx);
  return stations.length ? countWhere(C.questions, { stationId: command().in(stations), status: 'waiting' }) : 0;
}

export async function countOverdue(ctx: ActionContext): Promise<number> {
  if (!ctx.isAdmin && !ctx.grants.some((g) => g.role === 'staff')) return 0;
  return countWhere(C.questions, { ...subtreeWhere(ctx), status: 'waiting', dueAt: command().lt(ctx.now) });
}

/**
 * The cron: questions still waiting whose reminder time has come are claimed one by one with a guarded update
 * (remindedAt null → now), so two ticks or two instances remind once; then each of the station's lawyers who
 * consented gets one subscribe message.
 */
export async function remindLawyers(now: Date): Promise<Record<string, number>> {
  const due = await findMany<QuestionRecord>(
    C.questions,
    { status: 'waiting', remindedAt: null, remindAt: command().lte(now) },
    { orderBy: [['remindAt', 'asc']], limit: 100 },
  );
  const claimed: QuestionRecord[] = [];
  for (const q of due) {
    if ((await updateWhere(C.questions, { _id: q._id, status: 'waiting', remindedAt: null }, { remindedAt: now })) === 1)
      claimed.push(q);
  }
  if (!claimed.length) return { questionsReminded: 0 };
  const lawyers = await findMany<RoleRecord>(
    CORE_COLLECTIONS.roles,
    { role: 'lawyer', scopeId: command().in([...new Set(claimed.map((q) => q.stationId))]) },
    { limit: 1000 },
  );
  await sendSubscribeMessages(
    claimed.flatMap((q) =>
      lawyers
        .filter((l) => l.scopeId === q.stationId)
        .map((l) => ({
          openid: l.openid,
          templateKey: 'legal_qa_reminder',
          // No case data in a message: the type and the station only.
          message: {
            title: `线上法律咨询待答复（${DISPUTE_TYPE_LABELS[q.type]}）`,
            statusText: '即将超时',
            note: q.stationName,
            at: now,
          },
        })),
    ),
  );
  return { questionsReminded: claimed.length };
}
