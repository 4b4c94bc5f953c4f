/**
 * Competitions (竞赛), the parent records of events: staff of the organising union create and edit them;
 * members see those of their own unions (a guest sees all) once an event has opened, with their events.
 */
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { command, findById, findMany, findPage, setById, updateWhere, type Page } from '../../db';
import { fail } from '../../errors';
import { writeAudit } from '../../shared/audit';
import { findMemberByOpenid } from '../../shared/members';
import { getOrg } from '../../shared/orgs';
import { assertCoversOrg, coversOrg, orgScopes } from '../../shared/scope';
import { activitiesByIds, enrollmentIdOf, enrollmentsByIds, updateActivities } from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { statusText, toCompetitionSummary, toEventSummaries } from './eventViews';
import type { CompetitionRecord, EventAreaFields, EventRecord, ResultsRecord } from './records';
import type { CompetitionSaveInput } from './schemas';
import type { CompetitionDetail, CompetitionSummary } from './views';

export async function loadCompetition(competitionId: string): Promise<CompetitionRecord> {
  const c = await findById<CompetitionRecord>(C.competitions, competitionId);
  if (!c) throw fail('NOT_FOUND', '该竞赛不存在或已删除');
  return c;
}

/** The events of competitions (one request), drafts included. */
export async function eventsOf(competitions: CompetitionRecord[]): Promise<EventRecord[]> {
  const ids = competitions.flatMap((c) => c.eventIds);
  if (!ids.length) return [];
  return activitiesByIds<EventAreaFields>(ids, 1000);
}

export async function saveCompetition(input: CompetitionSaveInput, ctx: ActionContext): Promise<CompetitionDetail> {
  const org = await getOrg(input.orgId);
  if (!org) throw fail('INVALID_INPUT', '所选工会不存在，请重新选择', { field: 'orgId' });
  assertCoversOrg(ctx, org.path);
  const now = ctx.now;
  const fields = {
    title: input.title,
    kind: input.kind,
    year: input.year,
    description: input.description,
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    updatedAt: now,
  };
  let id = input.competitionId;
  if (id) {
    const existing = await loadCompetition(id);
    assertCoversOrg(ctx, existing.orgPath);
    if (existing.orgId !== org._id && existing.eventIds.length)
      throw fail('INVALID_INPUT', '竞赛已有项目，不能更换主办工会', { field: 'orgId' });
    const _ = command();
    const changed = await updateWhere(C.competitions, { _id: id }, { ...fields, orgPath: _.set(org.path) });
    if (changed !== 1) throw fail('CONFLICT');
    // Events carry the competition's title (their lists and messages show it).
    if (existing.title !== input.title && existing.eventIds.length)
      await updateActivities(existing.eventIds, { 'competition.competitionTitle': input.title });
  } else {
    id = `C${now.getTime().toString(36)}${randomBytes(3).toString('hex')}`;
    await setById(C.competitions, id, { ...fields, eventIds: [], createdBy: ctx.openid, createdAt: now });
  }
  await writeAudit({
    actor: ctx.openid,
    action: input.competitionId ? 'competitions.edit' : 'competitions.create',
    target: id,
    summary: `${input.title} · ${org.name}`,
    at: now,
  });
  return getCompetition(id, ctx);
}

/**
 * Competitions with at least one event opened, newest year first: a member's own unions' (organised by a
 * union on their path), or all of them for someone not yet a member.
 */
export async function listCompetitions(page: number | undefined, ctx: ActionContext): Promise<Page<CompetitionSummary>> {
  const _ = command();
  const member = await findMemberByOpenid(ctx.openid);
  const where: Record<string, unknown> = { publishedAt: _.exists(true) };
  if (member) where.orgId = _.in(member.orgPath);
  const { rows, total } = await findPage<CompetitionRecord>(
    C.competitions,
    where,
    [
      ['year', 'desc'],
      ['createdAt', 'desc'],
    ],
    page,
  );
  const events = await eventsOf(rows);
  return { items: rows.map((c) => toCompetitionSummary(c, events, ctx.now)), total };
}

/** Competitions the caller's unions organise (those without opened events too), newest first. */
export async function listManagedCompetitions(page: number | undefined, ctx: ActionContext): Promise<Page<CompetitionSummary>> {
  const scopes = orgScopes(ctx);
  const where: Record<string, unknown> = {};
  if (scopes !== null) where.orgPath = command().in(scopes);
  const { rows, total } = await findPage<CompetitionRecord>(
    C.competitions,
    where,
    [
      ['year', 'desc'],
      ['createdAt', 'desc'],
    ],
    page,
  );
  const events = await eventsOf(rows);
  return {
    items: rows.map((c) => ({ ...toCompetitionSummary(c, events, ctx.now), eventCount: c.eventIds.length })),
    total,
  };
}

/** One competition with its events (drafts only for its organiser's staff) and the caller's standing in each. */
export async function getCompetition(competitionId: string, ctx: ActionContext): Promise<CompetitionDetail> {
  const _ = command();
  const c = await loadCompetition(competitionId);
  const canManage = coversOrg(ctx, c.orgPath);
  if (!c.publishedAt && !canManage) throw fail('NOT_FOUND', '该竞赛不存在或尚未发布');
  const events = (await eventsOf([c])).filter((e) => canManage || e.status !== 'draft');
  const ordered = c.eventIds.map((id) => events.find((e) => e._id === id)).filter((e): e is EventRecord => !!e);
  const [mine, results, summaries] = await Promise.all([
    ordered.length ? enrollmentsByIds(ordered.map((e) => enrollmentIdOf(e._id, ctx.openid))) : Promise.resolve([]),
    ordered.length
      ? findMany<ResultsRecord>(C.results, { _id: _.in(ordered.map((e) => e._id)) }, { limit: ordered.length })
      : Promise.resolve([]),
    toEventSummaries(ordered, ctx.now),
  ]);
  const statusOf = new Map(mine.map((e) => [e.activityId, e.status]));
  const resultOf = new Map(results.filter((r) => r.status !== 'draft').map((r) => [r._id, r.status as 'publicity' | 'final']));
  return {
    ...toCompetitionSummary(c, events, ctx.now),
    description: c.description,
    orgId: c.orgId,
    canManage,
    events: summaries.map((s) => {
      const status = statusOf.get(s._id);
      const results = resultOf.get(s._id);
      return {
        ...s,
        ...(status ? { myStatus: status, myStatusText: statusText(status) } : {}),
        ...(results ? { resultsStatus: results } : {}),
      };
    }),
  };
}
