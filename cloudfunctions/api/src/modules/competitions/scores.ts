/**
 * Scores (organiser staff only): theory and practical per registration of an approved entrant, stored with
 * who and when (earlier values kept as revisions, each change audited). A batch of scores is one
 * transaction that also writes the event's results record (a draft until published): publishing writes it
 * too, so a score entered while the ranking is being published either makes it in or is refused — never
 * stored but left out. Rankings are computed here (ranking.ts has the rule).
 */
import type { ActionContext } from '../../action';
import { command, findMany, withTransaction } from '../../db';
import { toIso } from '../../lib/time';
import { scoringNotYet } from '../../rules/competitions';
import { writeAudit } from '../../shared/audit';
import { allEnrollments, enrollmentsByIds, type EnrollmentRecord } from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { competitionErrors } from './errors';
import { teamOf } from './eventViews';
import { assertHeld, loadManagedEvent } from './events';
import { eventFieldsOf } from './hooks';
import { honoursFor, pointsOf, prizeFor, rankEntries, weightedMilli } from './ranking';
import type { EntryRecord, EventFields, ResultRow, ResultsRecord, ScoreRecord, ScoreValues, EventRecord } from './records';
import type { ScoresInput } from './schemas';
import type { RankingView } from './views';

/** Ranks, prizes and honours of `rows` from their scores, in display order (rank, then ticket; unranked last). */
export function rerank(rows: ResultRow[], fields: EventFields): ResultRow[] {
  const milliOf = new Map(rows.map((r) => [r.enrollmentId, weightedMilli(r, fields.weights)]));
  const ranked = rankEntries(rows.map((r) => ({ key: r.enrollmentId, ticket: r.ticket, milli: milliOf.get(r.enrollmentId)! })));
  const byId = new Map(rows.map((r) => [r.enrollmentId, r]));
  return ranked.map(({ key, rank }) => {
    const milli = milliOf.get(key)!;
    const { prize: _prize, ...row } = byId.get(key)!;
    const prize = prizeFor(rank, fields.prizes);
    return {
      ...row,
      total: milli === null ? null : pointsOf(milli),
      rank,
      ...(prize ? { prize } : {}),
      honours: honoursFor(rank, milli, fields.honours),
    };
  });
}

/** The approved registrations of an event and the members of its teams (for names and awards). */
export async function entrants(a: EventRecord): Promise<{ approved: EnrollmentRecord[]; members: EntryRecord[] }> {
  const approved = await allEnrollments({ activityId: a._id, status: 'approved' });
  const teamIds = approved.filter((e) => teamOf(e)).map((e) => e._id);
  const members = teamIds.length
    ? await findMany<EntryRecord>(C.entries, { teamId: command().in(teamIds), role: 'member', status: 'active' }, { limit: 1000 })
    : [];
  return { approved, members };
}

/** Result rows of the entrants with the scores given (missing scores count as not scored). */
export function computeRows(
  a: EventRecord,
  approved: EnrollmentRecord[],
  members: EntryRecord[],
  scoreOf: (enrollmentId: string) => ScoreValues | null,
): ResultRow[] {
  const rows = approved.map((e): ResultRow => {
    const team = teamOf(e);
    const mates = team ? members.filter((m) => m.teamId === e._id && m.round === team.round) : [];
    const s = scoreOf(e._id) ?? { theory: null, practical: null, absent: false };
    return {
      enrollmentId: e._id,
      ticket: e.ticket,
      openids: [e.openid, ...mates.map((m) => m.openid)],
      name: team ? [e.name, ...mates.map((m) => m.name)].join('、') : e.name,
      ...(team ? { teamName: team.name } : {}),
      orgName: e.orgName,
      theory: s.theory,
      practical: s.practical,
      total: null,
      absent: s.absent,
      rank: null,
      honours: [],
    };
  });
  return rerank(rows, eventFieldsOf(a));
}

export interface ScoreResult {
  done: string[];
  failed: Array<{ enrollmentId: string; name: string; message: string }>;
}

export async function enterScores(input: ScoresInput, ctx: ActionContext): Promise<ScoreResult> {
  const a = await loadManagedEvent(input.eventId, ctx);
  assertHeld(a, ctx.now);
  const weights = eventFieldsOf(a).weights;
  const now = ctx.now;
  const rows = [...new Map(input.scores.map((s) => [s.enrollmentId, s])).values()];
  const enrollments = await enrollmentsByIds(rows.map((r) => r.enrollmentId));
  const byId = new Map(enrollments.map((e) => [e._id, e]));
  const result: ScoreResult = { done: [], failed: [] };
  const accepted = rows.filter((r) => {
    const e = byId.get(r.enrollmentId);
    const refuse = (message: string) => (
      result.failed.push({ enrollmentId: r.enrollmentId, name: e?.name ?? '', message }),
      false
    );
    if (!e || e.activityId !== a._id) return refuse('报名记录不存在');
    if (e.status !== 'approved') return refuse('只能为审核通过的参赛者录入成绩');
    if (!r.absent && r.theory === null && r.practical === null) return refuse('请填写成绩或标记缺考');
    return true;
  });
  if (!accepted.length) return result;
  const changed = await withTransaction(async (tx) => {
    const sheet = await tx.get<ResultsRecord>(C.results, a._id);
    if (sheet && sheet.status !== 'draft') throw competitionErrors.fail('RESULTS_LOCKED');
    const written: Array<{ id: string; values: ScoreValues }> = [];
    for (const r of accepted) {
      const values: ScoreValues = {
        theory: r.absent ? null : r.theory,
        practical: r.absent ? null : r.practical,
        absent: r.absent,
      };
      const old = await tx.get<ScoreRecord>(C.scores, r.enrollmentId);
      if (old && old.theory === values.theory && old.practical === values.practical && old.absent === values.absent) continue;
      const revisions = old
        ? [
            ...(old.revisions ?? []),
            { theory: old.theory, practical: old.practical, absent: old.absent, by: old.enteredBy, at: old.enteredAt },
          ]
        : [];
      await tx.set(C.scores, r.enrollmentId, {
        eventId: a._id,
        ...values,
        totalMilli: weightedMilli(values, weights),
        enteredBy: ctx.openid,
        enteredAt: now,
        revisions,
      });
      written.push({ id: r.enrollmentId, values });
    }
    if (written.length) await tx.set(C.results, a._id, { eventId: a._id, status: 'draft', scoredAt: now });
    return written;
  });
  for (const { id, values } of changed) {
    const e = byId.get(id)!;
    const text = values.absent ? '缺考' : `理论${values.theory ?? '—'} 实操${values.practical ?? '—'}`;
    await writeAudit({
      actor: ctx.openid,
      action: 'competitions.score',
      target: id,
      summary: `${e.name} · ${a.title} · ${text}`,
      at: now,
      details: { eventId: a._id },
    });
  }
  result.done.push(...accepted.map((r) => r.enrollmentId));
  return result;
}

/** The organiser's ranking: the published one, or computed now from the scores entered so far. */
export async function getRanking(eventId: string, ctx: ActionContext): Promise<RankingView> {
  const a = await loadManagedEvent(eventId, ctx);
  const _ = command();
  const [stored, openObjections] = await Promise.all([
    findMany<ResultsRecord>(C.results, { _id: a._id }, { limit: 1 }),
    findMany(C.objections, { eventId: a._id, status: 'open' }, { limit: 100 }),
  ]);
  const published = stored[0] && stored[0].status !== 'draft' ? stored[0] : null;
  const notYet = scoringNotYet({ startAt: toIso(a.startAt), signupEnd: toIso(a.signupEnd), status: a.status }, ctx.now);
  let rows: ResultRow[];
  let unscored = 0;
  if (published) rows = published.rows;
  else {
    const { approved, members } = await entrants(a);
    const scores = approved.length
      ? await findMany<ScoreRecord>(C.scores, { _id: _.in(approved.map((e) => e._id)) }, { limit: 1000 })
      : [];
    const scoreOf = new Map(scores.map((s) => [s._id, s]));
    unscored = approved.filter((e) => {
      const s = scoreOf.get(e._id);
      return !s || (!s.absent && (s.theory === null || s.practical === null));
    }).length;
    rows = computeRows(a, approved, members, (id) => scoreOf.get(id) ?? null);
  }
  return {
    eventId: a._id,
    status: published ? published.status : 'draft',
    rows: rows.map(({ openids: _openids, ...r }) => r),
    unscored,
    ...(published ? { until: toIso(published.until) } : {}),
    openObjections: openObjections.length,
    ...(notYet ? { notYet } : {}),
  };
}
