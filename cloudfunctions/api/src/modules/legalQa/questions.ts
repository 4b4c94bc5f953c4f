/**
 * 线上法律咨询: a member asks in writing (type, what happened, the employer, private evidence photos, optionally
 * anonymous to the employer) at a station — chosen, or the station of the member's district. The thread is one
 * question document plus its messages; every message is written with the question in one transaction, so two
 * lawyers answering at once both land (the second is retried on the new count) and the first-answer time is set
 * once, and a withdrawal racing the first answer leaves either an answered or a withdrawn question, never both.
 */
import type { ActionContext } from '../../action';
import { findMany, findPage, withTransaction, type Page } from '../../db';
import { fail } from '../../errors';
import { decryptPii, encryptPii } from '../../lib/pii';
import { asDate, isOwnRecentStep, toIso } from '../../lib/time';
import {
  DISPUTE_TYPE_LABELS,
  DISPUTE_TYPES,
  firstAnswerDue,
  maskEmployer,
  MAX_MESSAGES,
  OPEN_QUESTION_STATUSES,
  reminderAt,
} from '../../rules/legalQa';
import { writeAudit } from '../../shared/audit';
import { temporaryUrls } from '../../shared/files';
import { requireActiveMember } from '../../shared/members';
import type { MemberRecord } from '../../shared/records';
import { addTimelineEntry } from '../../shared/timeline';
import { loadStation } from '../legalAid/access';
import { checkEvidence } from '../legalAid/checkEvidence';
import { listStations } from '../legalAid/listSlots';
import { getSettings } from '../settings/settings';
import { loadQuestion } from './access';
import { conversionUnderWay } from './booking';
import { LEGAL_QA_COLLECTIONS as C } from './collections';
import type { MessageRecord, QuestionRecord } from './records';
import type { LegalQaAskInput, LegalQaMessageInput } from './schemas';
import { askerOf, toQuestionView } from './toViews';
import type { LegalQaFormView, QuestionView, ThreadView } from './views';
import { idOfRequest } from '../../lib/requestIds';

export const promiseText = (hours: number) => `工会承诺：提交后${hours}小时内由值班律师首次答复`;

/** The station run by the deepest union in the member's chain (the member's district's station), or null. */
async function defaultStation(member: Pick<MemberRecord, 'orgPath'> | null) {
  const { items } = await listStations();
  if (!member) return { items, station: null };
  let best: (typeof items)[number] | null = null;
  let depth = -1;
  for (const s of items) {
    const at = member.orgPath.indexOf(s.orgPath[s.orgPath.length - 1]);
    if (at > depth) [best, depth] = [s, at];
  }
  return { items, station: best };
}

/** What the form needs: types, stations (the member's district's first), districts, the promised first answer. */
export async function legalQaForm(ctx: ActionContext): Promise<LegalQaFormView> {
  const [member, settings] = await Promise.all([
    requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能在线咨询').catch(() => null),
    getSettings(),
  ]);
  // From the stored settings just read (not this instance's cached copy): the promise shown is the one a question
  // asked now gets.
  const hours = settings.deadlines.firstAnswerHours;
  const { items, station } = await defaultStation(member);
  return {
    types: DISPUTE_TYPES.map((value) => ({ value, label: DISPUTE_TYPE_LABELS[value] })),
    stations: items.map((s) => ({ stationId: s._id, name: s.name, address: s.address })),
    defaultStationId: station?._id ?? null,
    districts: settings.union.districts,
    firstAnswerHours: hours,
    promiseText: promiseText(hours),
  };
}

export async function askQuestion(input: LegalQaAskInput, ctx: ActionContext): Promise<QuestionView> {
  const member = await requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能在线咨询');
  let station: { _id: string; name: string; orgPath: string[] } | null;
  if (input.stationId) station = await loadStation(input.stationId);
  else station = (await defaultStation(member)).station;
  if (!station) throw fail('INVALID_INPUT', '「法律援助站」您所在辖区暂无法律援助站，请选择一个援助站', { field: 'stationId' });
  await checkEvidence(input.evidence, ctx.openid);

  // The stored settings, read now: the promise a question gets is the one the form shows, even right after an
  // administrator changed it (a cached copy may be up to CACHE_MS old).
  const hours = (await getSettings()).deadlines.firstAnswerHours;
  const dueAt = firstAnswerDue(ctx.now, hours);
  const q: QuestionRecord = {
    _id: idOfRequest('Q', ctx.openid, input.requestId),
    openid: ctx.openid,
    name: member.name,
    anonymous: input.anonymous,
    type: input.type,
    storySealed: encryptPii(input.story),
    employerSealed: encryptPii(input.employer),
    employerMasked: maskEmployer(input.employer),
    evidence: input.evidence,
    stationId: station._id,
    stationName: station.name,
    orgPath: station.orgPath,
    status: 'waiting',
    askedAt: ctx.now,
    dueAt,
    remindAt: reminderAt(dueAt, hours),
    remindedAt: null,
    firstAnsweredAt: null,
    messageCount: 0,
    answerCount: 0,
    lastFrom: 'member',
    lastMessageAt: ctx.now,
  };
  const { _id, ...fields } = q;
  // One question per form: a second tap finds the first one's record and answers with it.
  const earlier = await withTransaction(async (tx) => {
    const found = await tx.get<QuestionRecord>(C.questions, _id);
    if (!found) await tx.insert(C.questions, _id, fields);
    return found;
  });
  if (earlier) return toQuestionView({ ...earlier, _id }, ctx.now, false);
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'legalQa',
    refId: _id,
    title: `线上法律咨询已提交（${DISPUTE_TYPE_LABELS[q.type]}）`,
    status: 'waiting',
    statusText: '待律师答复',
    note: `${station.name} · ${hours}小时内首次答复`,
    at: ctx.now,
  });
  return toQuestionView(q, ctx.now, false);
}

export async function myQuestions(page: number | undefined, ctx: ActionContext): Promise<Page<QuestionView>> {
  const { rows, total } = await findPage<QuestionRecord>(C.questions, { openid: ctx.openid }, [['askedAt', 'desc']], page);
  return { items: rows.map((q) => toQuestionView(q, ctx.now, false)), total };
}

/** The whole thread: the member, the station's lawyers or the reviewing union (those two audited). */
export async function getThread(questionId: string, ctx: ActionContext): Promise<ThreadView> {
  const { q, viewer } = await loadQuestion(questionId, ctx);
  if (viewer !== 'member') {
    await writeAudit({
      actor: ctx.openid,
      action: 'legalQa.get',
      target: q._id,
      summary: `查看线上法律咨询 · ${q.stationName}`,
      at: ctx.now,
      kind: 'pii_view',
      details: { stationId: q.stationId },
    });
  }
  const [messages, urls] = await Promise.all([
    findMany<MessageRecord>(C.messages, { questionId: q._id }, { orderBy: [['_id', 'asc']], limit: MAX_MESSAGES }),
    temporaryUrls(q.evidence),
  ]);
  // The promise this question was given when asked (a later change of the setting does not rewrite it).
  const hours = Math.round((asDate(q.dueAt).getTime() - asDate(q.askedAt).getTime()) / 3600_000);
  return {
    ...toQuestionView(q, ctx.now, viewer !== 'member'),
    viewer,
    story: decryptPii(q.storySealed),
    employer: decryptPii(q.employerSealed),
    evidenceUrls: urls,
    messages: messages.map((m) => ({
      messageId: m._id,
      from: m.from,
      fromText: m.from === 'lawyer' ? '值班律师' : viewer === 'member' ? '我' : askerOf(q),
      text: decryptPii(m.textSealed),
      at: toIso(m.at),
      mine: m.by === ctx.openid,
    })),
    ...(viewer === 'member' ? {} : { askerName: q.name }),
    promiseText: promiseText(hours),
  };
}

/**
 * One message in the thread, written with the question in one transaction: the message id is the thread's next
 * number, so two writers at once conflict on the question and the later is retried on the new count. A repeat of
 * the writer's own last message (a double tap) writes nothing and answers the question as it is (`repeat`).
 */
async function postMessage(
  questionId: string,
  text: string,
  from: 'member' | 'lawyer',
  ctx: ActionContext,
): Promise<{ q: QuestionRecord; repeat: boolean }> {
  return withTransaction(async (tx) => {
    const q = await tx.get<QuestionRecord>(C.questions, questionId);
    if (!q) throw fail('NOT_FOUND', '咨询不存在或您无权查看');
    const stored = { ...q, _id: questionId };
    if (!OPEN_QUESTION_STATUSES.includes(q.status)) {
      throw fail(
        'CONFLICT',
        q.status === 'withdrawn' ? '咨询人已撤回该咨询，不能再回复' : '该咨询已转为到站咨询，请在预约中继续沟通',
      );
    }
    const idOf = (n: number) => `${questionId}_${String(n).padStart(3, '0')}`;
    const last = q.messageCount ? await tx.get<MessageRecord>(C.messages, idOf(q.messageCount)) : null;
    if (isOwnRecentStep(last, ctx) && last.from === from && decryptPii(last.textSealed) === text) {
      return { q: stored, repeat: true };
    }
    if (q.messageCount >= MAX_MESSAGES) throw fail('CONFLICT', '本咨询的留言已达上限，请预约到站咨询继续沟通');
    const n = q.messageCount + 1;
    await tx.insert(C.messages, idOf(n), {
      questionId,
      from,
      by: ctx.openid,
      textSealed: encryptPii(text),
      at: ctx.now,
    });
    const change: Partial<QuestionRecord> = { messageCount: n, lastFrom: from, lastMessageAt: ctx.now };
    if (from === 'lawyer') {
      Object.assign(change, { answerCount: q.answerCount + 1, status: 'answered' });
      if (!q.firstAnsweredAt) Object.assign(change, { firstAnsweredAt: ctx.now, firstAnsweredBy: ctx.openid });
    }
    await tx.update(C.questions, questionId, change);
    return { q: { ...stored, ...change }, repeat: false };
  });
}

/** A duty lawyer of the question's station answers (the first answer stops the promised clock). */
export async function answerQuestion(input: LegalQaMessageInput, ctx: ActionContext): Promise<QuestionView> {
  const { q, viewer } = await loadQuestion(input.questionId, ctx);
  if (viewer !== 'lawyer') throw fail('FORBIDDEN', '只有该法律援助站的值班律师可以答复');
  const { q: after, repeat } = await postMessage(q._id, input.text, 'lawyer', ctx);
  if (repeat) return toQuestionView(after, ctx.now, true);
  await addTimelineEntry({
    openid: q.openid,
    area: 'legalQa',
    refId: q._id,
    title: `值班律师答复了您的法律咨询（${DISPUTE_TYPE_LABELS[q.type]}）`,
    status: 'answered',
    statusText: '律师已答复',
    note: q.stationName,
    at: ctx.now,
    notify: true,
  });
  return toQuestionView(after, ctx.now, true);
}

/** The member adds to the thread (a follow-up question or a detail the lawyer asked for). */
export async function followUp(input: LegalQaMessageInput, ctx: ActionContext): Promise<QuestionView> {
  const { q, viewer } = await loadQuestion(input.questionId, ctx);
  if (viewer !== 'member') throw fail('FORBIDDEN', '只有咨询人本人可以追问');
  return toQuestionView((await postMessage(q._id, input.text, 'member', ctx)).q, ctx.now, false);
}

/** The member withdraws a question nobody has answered yet. */
export async function withdrawQuestion(questionId: string, ctx: ActionContext): Promise<QuestionView> {
  const after = await withTransaction(async (tx) => {
    const q = await tx.get<QuestionRecord>(C.questions, questionId);
    if (!q || q.openid !== ctx.openid) throw fail('NOT_FOUND', '咨询不存在或您无权查看');
    if (q.status !== 'waiting') {
      throw fail('CONFLICT', q.status === 'withdrawn' ? '该咨询已撤回' : '律师已答复，不能撤回；如不再需要可不必回复');
    }
    // A conversion to a booking claimed the question first: its booking is being made (booking.ts).
    if (conversionUnderWay(q, ctx.now))
      throw fail('CONFLICT', '该咨询正在转为到站咨询，不能撤回；请在「我的预约」查看或取消预约');
    await tx.update(C.questions, questionId, { status: 'withdrawn', withdrawnAt: ctx.now });
    return { ...q, _id: questionId, status: 'withdrawn' as const, withdrawnAt: ctx.now };
  });
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'legalQa',
    refId: questionId,
    title: '线上法律咨询已撤回',
    status: 'withdrawn',
    statusText: '已撤回',
    at: ctx.now,
  });
  return toQuestionView(after, ctx.now, false);
}
