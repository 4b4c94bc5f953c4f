/**
 * The final ranking and the awards it gives: once the 公示 is over (and a minute more, so an objection sent
 * at the last moment has landed) with no objection open, the organiser — or the cron task — makes it final
 * through the 公示 mechanism (shared/publicity), guarded by the version they saw (a correction meanwhile fails
 * it) and by the open-objection count on the results record (an objection meanwhile fails it). Then each winner's
 * award is written under a deterministic id (`${eventId}_${openid}`: running it twice writes the same
 * records) and every participant is told; `awardedAt` marks that done, and the cron task finishes the job
 * if a call stopped half-way.
 */
import type { ActionContext } from '../../action';
import { command, findMany, setById, updateWhere } from '../../db';
import { fail } from '../../errors';
import { chinaYear, toIso } from '../../lib/time';
import { FINALIZE_GRACE_MS, finalizePublicity } from '../../shared/publicity';
import { writeAudit } from '../../shared/audit';
import { loadActivity } from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { loadManagedEvent } from './events';
import { eventFieldsOf } from './hooks';
import { EVENT_LEVELS, type AwardRecord, type ResultsRecord, type EventAreaFields, type EventRecord } from './records';
import { loadPublished, placeText, RESULTS_PUBLICITY, tellParticipants, toResultsView } from './results';
import type { AwardView, ResultsView } from './views';

async function writeAwards(r: ResultsRecord, a: EventRecord, now: Date): Promise<number> {
  const f = eventFieldsOf(a);
  let written = 0;
  for (const row of r.rows) {
    if (!row.prize && !row.honours.length) continue;
    for (const openid of row.openids) {
      const { _id, ...award }: AwardRecord = {
        _id: `${a._id}_${openid}`,
        openid,
        eventId: a._id,
        competitionId: f.competitionId,
        competitionTitle: f.competitionTitle,
        trade: f.trade,
        level: f.level,
        year: chinaYear(new Date(toIso(a.startAt))),
        rank: row.rank!,
        total: row.total!,
        ...(row.prize ? { prize: row.prize } : {}),
        honours: row.honours,
        ...(row.teamName ? { teamName: row.teamName } : {}),
        awardedAt: now,
      };
      await setById(C.awards, _id, award);
      written += 1;
    }
  }
  await tellParticipants(r.rows, a.title, 'results_final', '成绩确定', (row) => `最终成绩：${placeText(row)}`, now);
  await updateWhere(C.results, { _id: r._id, awardedAt: command().exists(false) }, { awardedAt: now });
  return written;
}

/** Publicity → final (guarded by the version read and no objection open), then the awards. */
async function makeFinal(r: ResultsRecord, a: EventRecord, now: Date): Promise<{ ok: true } | { ok: false; why: string }> {
  const done = await finalizePublicity(
    RESULTS_PUBLICITY,
    r,
    { status: 'publicity', version: r.version },
    { status: 'final', finalizedAt: now },
    now,
    { what: '确定成绩', raced: '成绩刚被更正或已确定，请刷新后重试' },
  );
  if (done.ok) await writeAwards({ ...r, status: 'final', finalizedAt: now }, a, now);
  return done;
}

export async function finalizeResults(eventId: string, ctx: ActionContext): Promise<ResultsView> {
  const a = await loadManagedEvent(eventId, ctx);
  const r = await loadPublished(eventId);
  if (r.status === 'final') throw fail('CONFLICT', '成绩已确定');
  const done = await makeFinal(r, a, ctx.now);
  if (!done.ok) throw fail('CONFLICT', done.why);
  await writeAudit({
    actor: ctx.openid,
    action: 'competitions.finalizeResults',
    target: a._id,
    summary: `${a.title} · ${r.rows.length}名（队）`,
    at: ctx.now,
  });
  return toResultsView(await loadPublished(eventId), a, ctx.openid, ctx.now);
}

/** Cron: rankings whose 公示 is over with nothing open become final; awards a stopped call left unwritten. */
export async function finalizeDueResults(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const due = await findMany<ResultsRecord>(
    C.results,
    { status: 'publicity', until: _.lte(new Date(now.getTime() - FINALIZE_GRACE_MS)) },
    { limit: 50 },
  );
  let finalized = 0;
  for (const r of due) if ((await makeFinal(r, await loadActivity<EventAreaFields>(r._id), now)).ok) finalized += 1;
  const unawarded = await findMany<ResultsRecord>(
    C.results,
    { status: 'final', awardedAt: _.exists(false), finalizedAt: _.lte(new Date(now.getTime() - 5 * 60_000)) },
    { limit: 20 },
  );
  for (const r of unawarded) await writeAwards(r, await loadActivity<EventAreaFields>(r._id), now);
  return { finalized, awarded: unawarded.length };
}

export function toAwardView(w: AwardRecord): AwardView {
  return {
    _id: w._id,
    competitionTitle: w.competitionTitle,
    trade: w.trade,
    levelLabel: EVENT_LEVELS[w.level],
    year: w.year,
    rank: w.rank,
    total: w.total,
    ...(w.prize ? { prize: w.prize } : {}),
    honours: w.honours,
    ...(w.teamName ? { teamName: w.teamName } : {}),
    awardedAt: toIso(w.awardedAt),
  };
}

export async function myAwards(openid: string): Promise<AwardView[]> {
  const rows = await findMany<AwardRecord>(C.awards, { openid }, { orderBy: [['awardedAt', 'desc']], limit: 50 });
  return rows.map(toAwardView);
}
