/**
 * Results, on the one 公示 mechanism (shared/publicity): the organiser publishes the ranking as a 公示 for N days
 * (names masked, union names, scores); any active member may object to an entry, their own included (one
 * objection per member and entry, the objector never shown); upholding an objection corrects that entry's
 * scores and re-ranks everyone, in the transaction that resolves it; when the period is over and no objection
 * is open the ranking becomes final (awards.ts), and every winner's award is written to their profile. Every
 * participant hears of each step in 我的申请.
 */
import type { ActionContext } from '../../action';
import { findById, withTransaction, type Page } from '../../db';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { toIso } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import {
  assertWindowOpen,
  chinaMonthDay,
  fileObjection,
  isWindowOpen,
  type ObjectionDecision,
  objectionFields,
  objectionPage,
  type PublicityArea,
  type PublicityWindow,
  requireObjector,
  resolveObjection,
  windowUntil,
} from '../../shared/publicity';
import { addTimelineEntry } from '../../shared/timeline';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { competitionErrors } from './errors';
import { assertHeld, loadEvent, loadManagedEvent } from './events';
import { eventFieldsOf } from './hooks';
import type { ObjectionRecord, ResultRow, ResultsRecord, ScoreRecord, ScoreValues, EventRecord } from './records';
import { weightedMilli } from './ranking';
import { computeRows, entrants, rerank } from './scores';
import type { ResultObjectionView, ResultsView } from './views';

export const TIE_RULE = '按加权总成绩从高到低排名；总成绩相同者名次并列，其后名次顺延（如1、2、2、4）；缺考者不排名';

/** The results' window: open while in 公示, closed once final. */
function windowOf(r: ResultsRecord): PublicityWindow | null {
  if (r.status === 'draft') return null;
  return { publishedAt: r.publishedAt, until: r.until, ...(r.status === 'final' ? { closedAt: r.finalizedAt ?? r.until } : {}) };
}

/**
 * What the 公示 mechanism needs to know of a results 公示: it lives on the results record, which counts the open
 * objections (`openObjections`) so that making the ranking final and an objection never both pass.
 */
export const RESULTS_PUBLICITY: PublicityArea<ResultsRecord> = {
  auditArea: 'competitions',
  host: C.results,
  objections: C.objections,
  subjectKey: 'eventId',
  windowOf,
  openCountField: 'openObjections',
  ownEntry: 'allow',
  closedMessage: '公示期已结束，不能再提出异议',
};

export function placeText(row: ResultRow): string {
  if (row.absent) return '缺考';
  if (row.rank === null) return '未排名';
  return [`第${row.rank}名`, row.prize, ...row.honours].filter(Boolean).join(' · ');
}

/** Tells everyone in `rows` where they stand (timeline + subscribe message), ten at a time. */
export async function tellParticipants(
  rows: ResultRow[],
  title: string,
  status: string,
  statusText: string,
  note: (r: ResultRow) => string,
  at: Date,
) {
  const jobs = rows.flatMap((r) => r.openids.map((openid) => ({ openid, row: r })));
  for (let i = 0; i < jobs.length; i += 10) {
    await Promise.all(
      jobs.slice(i, i + 10).map(({ openid, row }) =>
        addTimelineEntry({
          openid,
          area: 'competition',
          refId: row.enrollmentId,
          title,
          status,
          statusText,
          note: note(row),
          at,
          notify: true,
        }),
      ),
    );
  }
}

export async function loadPublished(eventId: string): Promise<ResultsRecord> {
  const r = await findById<ResultsRecord>(C.results, eventId);
  if (!r || r.status === 'draft') throw fail('NOT_FOUND', '本项目成绩尚未公示');
  return r;
}

export function toResultsView(r: ResultsRecord, a: EventRecord, openid: string, now: Date): ResultsView {
  return {
    eventId: r.eventId,
    title: r.title,
    status: r.status as 'publicity' | 'final',
    publishedAt: toIso(r.publishedAt),
    until: toIso(r.until),
    open: isWindowOpen(windowOf(r), now),
    ...(r.finalizedAt ? { finalizedAt: toIso(r.finalizedAt) } : {}),
    version: r.version,
    weights: eventFieldsOf(a).weights,
    rows: r.rows.map((row) => ({
      ticket: row.ticket,
      displayName: row.teamName ?? maskName(row.name),
      orgName: row.orgName,
      theory: row.theory,
      practical: row.practical,
      total: row.total,
      absent: row.absent,
      rank: row.rank,
      ...(row.prize ? { prize: row.prize } : {}),
      honours: row.honours,
      mine: row.openids.includes(openid),
    })),
    corrections: (r.corrections ?? []).map((c) => ({ ticket: c.ticket, note: c.note, at: toIso(c.at) })),
    tieRule: TIE_RULE,
  };
}

export async function publishResults(eventId: string, days: number | undefined, ctx: ActionContext): Promise<ResultsView> {
  const a = await loadManagedEvent(eventId, ctx);
  const now = ctx.now;
  assertHeld(a, now, '公示成绩');
  const { approved, members } = await entrants(a);
  if (!approved.length) throw fail('CONFLICT', '本项目没有审核通过的参赛者，无法公示成绩');
  const until = windowUntil(now, days ?? a.publicityDays ?? 5);
  const record = await withTransaction(async (tx) => {
    const sheet = await tx.get<ResultsRecord>(C.results, a._id);
    if (sheet && sheet.status !== 'draft') throw fail('CONFLICT', '本项目成绩已公示');
    const scores = new Map<string, ScoreRecord | null>();
    for (const e of approved) scores.set(e._id, await tx.get<ScoreRecord>(C.scores, e._id));
    const missing = approved.filter((e) => {
      const s = scores.get(e._id);
      return !s || (!s.absent && (s.theory === null || s.practical === null));
    });
    if (missing.length)
      throw competitionErrors.fail(
        'SCORES_INCOMPLETE',
        `还有${missing.length}名（队）参赛者未录入完整成绩，如：${missing
          .slice(0, 3)
          .map((e) => e.name)
          .join('、')}`,
      );
    const fields = eventFieldsOf(a);
    const published: ResultsRecord = {
      _id: a._id,
      eventId: a._id,
      competitionId: fields.competitionId,
      title: a.title,
      status: 'publicity',
      publishedAt: now,
      publishedBy: ctx.openid,
      until,
      version: 1,
      openObjections: 0,
      rows: computeRows(a, approved, members, (id) => scores.get(id) ?? null),
      corrections: [],
    };
    const { _id, ...data } = published;
    await tx.set(C.results, _id, data);
    return published;
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'competitions.publishResults',
    target: a._id,
    summary: `${a.title} · ${record.rows.length}名（队）· 公示至${chinaMonthDay(until)}`,
    at: now,
  });
  await tellParticipants(
    record.rows,
    a.title,
    'results_publicity',
    '成绩公示',
    (r) => `${placeText(r)}，公示期至${chinaMonthDay(until)}`,
    now,
  );
  return toResultsView(record, a, ctx.openid, now);
}

export async function getResults(eventId: string, ctx: ActionContext): Promise<ResultsView> {
  const a = await loadEvent(eventId);
  return toResultsView(await loadPublished(eventId), a, ctx.openid, ctx.now);
}

/** Any active member may object to an entry of an open 公示 — their own included (e.g. a score entered wrongly). */
export async function raiseResultObjection(eventId: string, ticket: string, reason: string, ctx: ActionContext) {
  await requireObjector(ctx);
  const r = await loadPublished(eventId);
  assertWindowOpen(windowOf(r), RESULTS_PUBLICITY.closedMessage, ctx.now);
  const row = r.rows.find((x) => x.ticket === ticket);
  if (!row) throw fail('NOT_FOUND', '公示名单中没有该条目，请刷新后重试');
  return fileObjection(RESULTS_PUBLICITY, eventId, row, reason, ctx);
}

export async function listResultObjections(
  eventId: string,
  status: ObjectionRecord['status'] | undefined,
  page: number | undefined,
  ctx: ActionContext,
): Promise<Page<ResultObjectionView>> {
  await loadManagedEvent(eventId, ctx);
  const r = await findById<ResultsRecord>(C.results, eventId);
  const { rows, total } = await objectionPage<ObjectionRecord>(RESULTS_PUBLICITY, eventId, status, page);
  const names = new Map((r?.rows ?? []).map((x) => [x.ticket, x.teamName ? `${x.teamName}（${x.name}）` : x.name]));
  return {
    items: rows.map((o) => ({
      _id: o._id,
      displayName: names.get(o.ticket) ?? '',
      ...objectionFields(o),
    })),
    total,
  };
}

/**
 * Upholding corrects the entry's scores and re-ranks (score record, results and objection in the transaction
 * that resolves it); dismissing records why. The objector and the participants whose place changed are told.
 */
export async function resolveResultObjection(
  objectionId: string,
  decision: ObjectionDecision,
  note: string,
  correction: ScoreValues | undefined,
  ctx: ActionContext,
) {
  const objection = await findById<ObjectionRecord>(C.objections, objectionId);
  if (!objection) throw fail('NOT_FOUND', '异议不存在');
  const a = await loadManagedEvent(objection.eventId, ctx);
  const fields = eventFieldsOf(a);
  const now = ctx.now;
  let values: ScoreValues | undefined;
  if (decision === 'uphold') {
    values = correction!.absent
      ? { theory: null, practical: null, absent: true }
      : { theory: correction!.theory, practical: correction!.practical, absent: false };
    if (!values.absent && (values.theory === null || values.practical === null))
      throw fail('INVALID_INPUT', '请填写更正后的理论和实操成绩', { field: 'correction' });
  }
  const { status, corrected: moved } = await resolveObjection(RESULTS_PUBLICITY, objection, decision, note, ctx, {
    summary: `${a.title} · ${note}`,
    correct: async (tx, o, r) => {
      if (!r || r.status !== 'publicity') throw competitionErrors.fail('RESULTS_LOCKED', '成绩已确定，不能再更正');
      const old = await tx.get<ScoreRecord>(C.scores, o.enrollmentId);
      const rows = rerank(
        r.rows.map((row) => (row.enrollmentId === o.enrollmentId ? { ...row, ...values! } : row)),
        fields,
      );
      await tx.set(C.scores, o.enrollmentId, {
        eventId: o.eventId,
        ...values!,
        totalMilli: weightedMilli(values!, fields.weights),
        enteredBy: ctx.openid,
        enteredAt: now,
        revisions: [
          ...(old?.revisions ?? []),
          ...(old
            ? [{ theory: old.theory, practical: old.practical, absent: old.absent, by: old.enteredBy, at: old.enteredAt }]
            : []),
        ],
        correctedBy: objectionId,
      });
      // Everyone whose place changed hears of it: the entry corrected, and those it moved past.
      const before = new Map(r.rows.map((x) => [x.enrollmentId, placeText(x)]));
      return {
        result: rows.filter((x) => x.enrollmentId === o.enrollmentId || before.get(x.enrollmentId) !== placeText(x)),
        objectionFields: { correction: values },
        hostFields: {
          rows,
          version: r.version + 1,
          corrections: [...(r.corrections ?? []), { ticket: o.ticket, note, at: now }],
        },
      };
    },
  });
  if (moved?.length)
    await tellParticipants(
      moved,
      a.title,
      'results_corrected',
      '成绩更正',
      (x) => `成绩公示经核实更正：${note}。您现为${placeText(x)}`,
      now,
    );
  await addTimelineEntry({
    openid: objection.openid,
    area: 'competition',
    refId: objectionId,
    title: a.title,
    status: `objection_${status}`,
    statusText: decision === 'uphold' ? '异议成立' : '异议不成立',
    note: `您对成绩公示的异议已处理：${note}`,
    at: now,
    notify: true,
  });
  return { objectionId, status };
}
