/**
 * The organiser's view of an event's sign-ups with their profiles, for review and balanced groups: what a fellow
 * participant would see (visibleProfile `organiser`: never a match-only or hidden field, never the contact), the
 * single status, and the seats per gender. Audited as a view of personal data.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findMany } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { SINGLE_STATUS_TEXT } from '../../rules/matchmaking';
import { writeAudit } from '../../shared/audit';
import { enrollmentPage, loadManagedActivity, STATUS_TEXT, type EnrollmentStatus } from '../enrollment/engine';
import { MATCHMAKING_COLLECTIONS as C } from './collections';
import { AREA, genderSeats } from './events';
import { renderProfiles } from './profileView';
import type { ProfileRecord } from './records';
import { relationOf, visibleProfile } from './visibility';
import type { OrganiserItem, OrganiserView } from './views';

export async function listEventProfiles(
  input: { activityId: string; status?: EnrollmentStatus; page?: number },
  ctx: ActionContext,
): Promise<OrganiserView> {
  const activity = await loadManagedActivity(input.activityId, ctx);
  if (activity.area !== AREA) throw fail('NOT_FOUND', '该联谊活动不存在');
  const where: Record<string, unknown> = { activityId: activity._id };
  if (input.status) where.status = input.status;
  const [{ rows, total }, openReports] = await Promise.all([
    enrollmentPage(where, [['createdAt', 'asc']], input.page),
    countWhere(C.reports, { activityId: activity._id, status: 'open' }),
  ]);
  const profiles = rows.length
    ? await findMany<ProfileRecord>(C.profiles, { _id: command().in(rows.map((e) => e.openid)) }, { limit: rows.length })
    : [];
  const profileOf = new Map(profiles.map((p) => [p._id, p]));
  const relation = relationOf({ self: false, blocked: false, matched: false, fellowParticipants: false, organiser: true });
  const views = await renderProfiles(
    rows.map((e) => {
      const p = profileOf.get(e.openid);
      return p ? visibleProfile(p, relation) : null;
    }),
    'cover',
  );
  const items = rows.map((e, i): OrganiserItem => {
    const p = profileOf.get(e.openid);
    return {
      enrollmentId: e._id,
      name: e.name,
      orgName: e.orgName,
      status: e.status,
      statusText: STATUS_TEXT[e.status],
      ...(e.checkedInAt ? { checkedInAt: toIso(e.checkedInAt) } : {}),
      single: p ? { status: p.single.status, statusText: SINGLE_STATUS_TEXT[p.single.status] } : null,
      profile: views[i],
    };
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'matchmaking.eventProfiles',
    target: activity._id,
    summary: `${activity.title} · 查看参加者资料 ${items.length} 人`,
    at: ctx.now,
    kind: 'pii_view',
  });
  return {
    items,
    total,
    summary: {
      capacity: activity.capacity,
      seatsLeft: Math.max(0, activity.seatsLeft),
      genderSeats: genderSeats(activity),
      openReports,
    },
  };
}
