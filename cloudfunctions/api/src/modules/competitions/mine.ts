/**
 * 我的竞赛: the caller's registrations (as individual or captain, paged), the teams they joined, the
 * invitations waiting for them, and their awards (shown on their profile).
 */
import type { ActionContext } from '../../action';
import { command, findMany, type Page } from '../../db';
import { toIso } from '../../lib/time';
import { activitiesByIds, enrollmentPage, type EnrollmentRecord } from '../enrollment/engine';
import { myAwards } from './awards';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { myEntry } from './eventPage';
import { eventFieldsOf } from './hooks';
import type { EntryRecord, EventAreaFields, EventRecord, InviteRecord, ResultsRecord } from './records';
import { toInvitationView } from './teams';
import type { AwardView, InvitationView, MyRegistrationItem } from './views';

export interface MyCompetitionsView extends Page<MyRegistrationItem> {
  /** Teams the caller joined as a member (not paged: a member is on few). */
  teams: MyRegistrationItem[];
  invitations: InvitationView[];
  awards: AwardView[];
}

/** The records with these ids (one request; none for no ids), by id. */
async function byIds<T extends { _id: string }>(
  ids: string[],
  read: (unique: string[]) => Promise<T[]>,
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  return new Map((await read(unique)).map((r) => [r._id, r]));
}

export async function listMyCompetitions(page: number | undefined, ctx: ActionContext): Promise<MyCompetitionsView> {
  const [{ rows, total }, joined, invites, awards] = await Promise.all([
    enrollmentPage({ openid: ctx.openid, area: 'competition' }, [['updatedAt', 'desc']], page),
    findMany<EntryRecord>(C.entries, { openid: ctx.openid, role: 'member', status: 'active' }, { limit: 20 }),
    findMany<InviteRecord>(C.invites, { openid: ctx.openid, status: 'invited' }, { orderBy: [['createdAt', 'desc']], limit: 20 }),
    myAwards(ctx.openid),
  ]);
  const eventIds = [...rows.map((e) => e.activityId), ...joined.map((j) => j.eventId)];
  const [activities, results] = await Promise.all([
    byIds(eventIds, (ids) => activitiesByIds<EventAreaFields>(ids)),
    byIds(eventIds, (ids) => findMany<ResultsRecord>(C.results, { _id: command().in(ids) }, { limit: ids.length })),
  ]);
  const published = (id: string) => {
    const r = results.get(id);
    return r && r.status !== 'draft' ? r : null;
  };
  const item = async (a: EventRecord, own: EnrollmentRecord | null, entry: EntryRecord | null) => {
    const mine = await myEntry(a, own, entry, published(a._id), ctx);
    if (!mine) return null;
    const f = eventFieldsOf(a);
    const view: MyRegistrationItem = {
      ...mine,
      eventId: a._id,
      eventTitle: a.title,
      competitionTitle: f.competitionTitle,
      trade: f.trade,
      startAt: toIso(a.startAt),
      place: a.place,
    };
    return view;
  };
  const items = (
    await Promise.all(rows.map((e) => (activities.get(e.activityId) ? item(activities.get(e.activityId)!, e, null) : null)))
  ).filter((x): x is MyRegistrationItem => !!x);
  const teams = (
    await Promise.all(joined.map((j) => (activities.get(j.eventId) ? item(activities.get(j.eventId)!, null, j) : null)))
  ).filter((x): x is MyRegistrationItem => !!x && x.role === 'member');
  const invitations = invites.map(toInvitationView).filter((i) => {
    const a = activities.get(i.eventId);
    return !a || a.status === 'open';
  });
  return { items, total, teams, invitations, awards };
}
