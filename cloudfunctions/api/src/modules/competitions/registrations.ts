/**
 * Registrations as staff see them, by stage — 待单位推荐 (waiting for the member's union), 待审核 (confirmed,
 * waiting for the organiser), 已通过, 候补, 已结束 — with the declaration, the team and the scores. The
 * organiser's staff see every registration of their events; a unit's staff see their own members only (and
 * may confirm those). A registration's detail with certificate photos is audited as a view of personal data.
 */
import type { ActionContext } from '../../action';
import { command, findMany, getDb, type Page } from '../../db';
import { fail } from '../../errors';
import { literalPattern } from '../../lib/schemaParts';
import { asDate, toIso } from '../../lib/time';
import { overdueMark } from '../../rules/overdue';
import { writeAudit } from '../../shared/audit';
import { temporaryUrls } from '../../shared/files';
import { coversOrg, orgScopes } from '../../shared/scope';
import { reviewDays } from '../settings/settings';
import {
  activitiesByIds,
  activityIdsInScopes,
  enrollmentPage,
  getEnrollment,
  speaksForUnit,
  STATUS_TEXT,
  waitlistPosition,
  type EnrollmentRecord,
} from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { declarationView, scoreView, teamOf } from './eventViews';
import { loadEvent } from './events';
import { eventFieldsOf, extraOf } from './hooks';
import type { EntryRecord, EventAreaFields, EventRecord, ScoreRecord } from './records';
import type { RegistrationsInput, Stage } from './schemas';
import type { RegistrationDetail, RegistrationRow } from './views';

const WAITING_FOR_UNIT = ['applied', 'pending', 'waitlisted', 'offered'];

export function stageWhere(stage: Stage | undefined): Record<string, unknown> {
  const _ = command();
  switch (stage) {
    case 'unit':
      return { unitStatus: 'waiting', status: _.in(WAITING_FOR_UNIT) };
    case 'review':
      return { status: 'pending', unitStatus: _.neq('waiting') };
    case 'approved':
      return { status: 'approved' };
    case 'waitlisted':
      return { status: _.in(['waitlisted', 'offered', 'applied']) };
    case 'ended':
      return { status: _.in(['rejected', 'cancelled', 'declined', 'expired', 'removed']) };
    default:
      return {};
  }
}

/** The registrations of `activity` the caller may see, as a filter: all for its organiser, else their subtree. */
export function visibleWhere(ctx: ActionContext, activity: EventRecord): Record<string, unknown> {
  if (coversOrg(ctx, activity.orgPath)) return { activityId: activity._id };
  const scopes = orgScopes(ctx) ?? [];
  if (!scopes.length) throw fail('FORBIDDEN', '该竞赛项目不属于您管辖的工会，无权查看');
  return { activityId: activity._id, orgPath: command().in(scopes) };
}

/** Rows with their teams' members and scores (two requests for a page). */
export async function toRows(
  rows: EnrollmentRecord[],
  activities: Map<string, EventRecord>,
  ctx: ActionContext,
): Promise<RegistrationRow[]> {
  const _ = command();
  const teamIds = rows.filter((e) => teamOf(e)).map((e) => e._id);
  const [members, scores, days] = await Promise.all([
    teamIds.length
      ? findMany<EntryRecord>(C.entries, { teamId: _.in(teamIds), role: 'member', status: 'active' }, { limit: 1000 })
      : Promise.resolve([]),
    rows.length
      ? findMany<ScoreRecord>(C.scores, { _id: _.in(rows.map((e) => e._id)) }, { limit: rows.length })
      : Promise.resolve([]),
    reviewDays(),
  ]);
  const scoreOf = new Map(scores.map((s) => [s._id, s]));
  return Promise.all(
    rows.map(async (e): Promise<RegistrationRow> => {
      const a = activities.get(e.activityId)!;
      const x = extraOf(e);
      const team = x?.team;
      const score = scoreView(scoreOf.get(e._id), eventFieldsOf(a).weights);
      return {
        _id: e._id,
        eventId: e.activityId,
        eventTitle: a.title,
        name: e.name,
        cardNo: e.cardNo,
        orgName: e.orgName,
        status: e.status,
        statusText: STATUS_TEXT[e.status],
        ...(e.unitStatus ? { unitStatus: e.unitStatus } : {}),
        createdAt: toIso(e.createdAt),
        ticket: e.ticket,
        ...(e.status === 'waitlisted' ? { position: await waitlistPosition(e) } : {}),
        ...(e.rejectReason ? { rejectReason: e.rejectReason } : {}),
        ...(x?.declaration ? { declaration: declarationView(x.declaration) } : {}),
        ...(team
          ? {
              team: {
                name: team.name,
                size: team.size,
                members: members.filter((m) => m.teamId === e._id && m.round === team.round).map((m) => m.name),
              },
            }
          : {}),
        ...(score ? { score } : {}),
        canConfirm: e.unitStatus === 'waiting' && WAITING_FOR_UNIT.includes(e.status) && speaksForUnit(ctx, a, e),
        // Waiting for the organiser's review past the union's deadline (after any 单位推荐, counted from sign-up).
        ...(e.status === 'pending' && e.unitStatus !== 'waiting' ? overdueMark(asDate(e.createdAt), ctx.now, days) : {}),
      };
    }),
  );
}

export async function listRegistrations(input: RegistrationsInput, ctx: ActionContext): Promise<Page<RegistrationRow>> {
  const activity = await loadEvent(input.eventId);
  const where: Record<string, unknown> = { ...visibleWhere(ctx, activity), ...stageWhere(input.stage) };
  if (input.keyword) where.name = getDb().RegExp({ regexp: literalPattern(input.keyword), options: '' });
  const order: [string, 'asc' | 'desc'][] = input.stage === 'waitlisted' ? [['waitRank', 'asc']] : [['createdAt', 'asc']];
  const { rows, total } = await enrollmentPage(where, order, input.page);
  return { items: await toRows(rows, new Map([[activity._id, activity]]), ctx), total };
}

/**
 * 单位推荐 queue: competition registrations of the caller's members waiting for their union, across events
 * (not the caller's own events, which are theirs to review), oldest first.
 */
export async function unitQueue(page: number | undefined, ctx: ActionContext): Promise<Page<RegistrationRow>> {
  const _ = command();
  const scopes = orgScopes(ctx);
  if (scopes !== null && !scopes.length) return { items: [], total: 0 };
  const where: Record<string, unknown> = { area: 'competition', ...stageWhere('unit') };
  if (scopes !== null) {
    where.orgPath = _.in(scopes);
    const managed = await activityIdsInScopes('competition', scopes, { statuses: ['open', 'closed'] });
    if (managed.length) where.activityId = _.nin(managed);
  }
  const { rows, total } = await enrollmentPage(where, [['createdAt', 'asc']], page);
  const ids = [...new Set(rows.map((r) => r.activityId))];
  const activities = ids.length ? await activitiesByIds<EventAreaFields>(ids) : [];
  return { items: await toRows(rows, new Map(activities.map((a) => [a._id, a])), ctx), total };
}

/** One registration with certificate photos (its own and each teammate's), for staff who may see it; audited. */
export async function registrationDetail(enrollmentId: string, ctx: ActionContext): Promise<RegistrationDetail> {
  const e = await getEnrollment(enrollmentId);
  if (!e || e.area !== 'competition') throw fail('NOT_FOUND', '报名记录不存在');
  const a = await loadEvent(e.activityId);
  if (!coversOrg(ctx, a.orgPath) && !coversOrg(ctx, e.orgPath)) throw fail('NOT_FOUND', '报名记录不存在');
  const [row] = await toRows([e], new Map([[a._id, a]]), ctx);
  const team = teamOf(e);
  const mates = team
    ? await findMany<EntryRecord>(
        C.entries,
        { teamId: e._id, role: 'member', status: 'active', round: team.round },
        { orderBy: [['joinedAt', 'asc']], limit: 20 },
      )
    : [];
  const photos = [extraOf(e)?.declaration?.certPhoto, ...mates.map((m) => m.declaration?.certPhoto)];
  const urls = await temporaryUrls(photos.filter((p): p is string => !!p));
  let next = 0;
  const urlOf = (p: string | undefined) => (p ? urls[next++] : undefined);
  const ownUrl = urlOf(photos[0]);
  await writeAudit({
    actor: ctx.openid,
    action: 'competitions.registration',
    target: e._id,
    summary: `${e.name} · ${a.title}`,
    at: ctx.now,
    kind: 'pii_view',
    details: { eventId: a._id },
  });
  return {
    ...row,
    ...(ownUrl ? { certPhotoUrl: ownUrl } : {}),
    teammates: mates.map((m) => {
      const url = urlOf(m.declaration?.certPhoto);
      return {
        name: m.name,
        ...(m.declaration ? { declaration: declarationView(m.declaration) } : {}),
        ...(url ? { certPhotoUrl: url } : {}),
      };
    }),
  };
}
