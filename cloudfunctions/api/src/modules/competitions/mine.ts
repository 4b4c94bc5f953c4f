/**
 * 我的竞赛: the caller's registrations (as individual or captain, paged), the teams they joined, the
 * invitations waiting for them, and their awards (shown on their profile).
 */
import type { ActionContext } from '../../action';
import { command, findMany, findPage, type Page } from '../../db';
import { toIso } from '../../lib/time';
import { ENROLLMENT_COLLECTIONS, type ActivityRecord, type EnrollmentRecord } from '../enrollment/engine';
import { myAwards } from './awards';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { myEntry } from './eventPage';
import { eventFieldsOf } from './hooks';
import type { EntryRecord, InviteRecord, ResultsRecord } from './records';
import { toInvitationView } from './teams';
import type { AwardView, InvitationView, MyRegistrationItem } from './views';

const E = ENROLLMENT_COLLECTIONS;

export interface MyCompetitionsView extends Page<MyRegistrationItem> {
  /** Teams the caller joined as a member (not paged: a member is on few). */
  teams: MyRegistrationItem[];
  invitations: InvitationView[];
  awards: AwardView[];
}

async function byIds<T extends Record<string, unknown>>(collection: string, ids: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await findMany<T & { _id: string }>(collection, { _id: command().in(unique) }, { limit: unique.length });
  return new Map(rows.map((r) => [r._id, r]));
}

export async function listMyCompetitions(page: number | undefined, ctx: ActionContext): Promise<MyCompetitionsView> {
  const [{ rows, total }, joined, invites, awards] = await Promise.all([
    findPage<EnrollmentRecord>(E.enrollments, { openid: ctx.openid, area: 'competition' }, [['updatedAt', 'desc']], page),
    findMany<EntryRecord>(C.entries, { openid: ctx.openid, role: 'member', status: 'active' }, { limit: 20 }),
    findMany<InviteRecord>(C.invites, { openid: ctx.openid, status: 'invited' }, { orderBy: [['createdAt', 'desc']], limit: 20 }),
    myAwards(ctx.openid),
  ]);
  const eventIds = [...rows.map((e) => e.activityId), ...joined.map((j) => j.eventId)];
  const [activities, results] = await Promise.all([
    byIds<ActivityRecord>(E.activities, eventIds),
    byIds<ResultsRecord>(C.results, eventIds),
  ]);
  const published = (id: string) => {
    const r = results.get(id);
    return r && r.status !== 'draft' ? r : null;
  };
  const item = async (a: ActivityRecord, own: EnrollmentRecord | null, entry: EntryRecord | null) => {
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
