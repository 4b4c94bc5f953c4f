/**
 * Housekeeping the `cron` function runs every 10 minutes (each task idempotent, safe to run twice):
 * offers not confirmed in time expire and pass on; seats held without an enrollment (a crash between claim
 * and insert, or between a status change and its hand-over) are passed on after 10 minutes; free seats go
 * to the waitlist; 公示 periods close; places not checked in by the end are recorded as no-shows.
 */
import { command, findAll, findMany, getDb, updateWhere } from '../../db';
import { asDate } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import { personOfKey } from '../../shared/capacity';
import { giveBackHolds, sameAttempt } from './holds';
import { SEAT_HOLDING, seatKeyOf, type ActivityRecord, type EnrollmentRecord } from './records';
import { recordStatus } from './recordStatus';
import { enrollmentIdOf, fillFreeSeats, passSeatOn } from './waitlist';

export const ORPHAN_GRACE_MS = 10 * 60_000;

/** Activities whose seats are still in play. */
async function liveActivities(now: Date): Promise<ActivityRecord[]> {
  const _ = command();
  return findAll<ActivityRecord>(C.activities, { status: _.in(['open', 'closed']), endAt: _.gt(now) });
}

export async function expireOffers(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const due = await findMany<EnrollmentRecord>(C.enrollments, { status: 'offered', offerExpiresAt: _.lte(now) }, { limit: 200 });
  const activities = new Map<string, ActivityRecord>();
  let expired = 0;
  for (const e of due) {
    const changed = await updateWhere(
      C.enrollments,
      { _id: e._id, status: 'offered', offerExpiresAt: _.lte(now), ...sameAttempt(e) },
      { status: 'expired', updatedAt: now, offerExpiresAt: _.remove() },
    );
    if (changed !== 1) continue;
    expired += 1;
    let activity = activities.get(e.activityId);
    if (!activity) {
      [activity] = await findMany<ActivityRecord>(C.activities, { _id: e.activityId }, { limit: 1 });
      if (activity) activities.set(e.activityId, activity);
    }
    if (!activity) continue;
    await recordStatus(e, activity.title, 'expired', now, { note: '未在时限内确认，名额已顺延给下一位候补', notify: true });
    await giveBackHolds(activity, e, now);
  }
  return { expired };
}

export async function releaseOrphanSeats(now: Date): Promise<Record<string, number>> {
  const _ = command();
  let marked = 0;
  let released = 0;
  const live = (await liveActivities(now)).filter(
    (a) => Object.keys(a.holders ?? {}).length || Object.keys(a.orphans ?? {}).length,
  );
  // A holder key is explained only by the seat-holding record whose attempt it is. The records of every live
  // activity's holders are looked up together, 500 a request (not a request per activity, every ten minutes).
  const ids = [...new Set(live.flatMap((a) => Object.keys(a.holders ?? {}).map((h) => enrollmentIdOf(a._id, personOfKey(h)))))];
  const holding = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = await findMany<EnrollmentRecord>(C.enrollments, { _id: _.in(part) }, { limit: part.length });
    for (const e of rows) if (SEAT_HOLDING.includes(e.status)) holding.add(`${e.activityId} ${seatKeyOf(e)}`);
  }
  for (const activity of live) {
    const seen = activity.orphans ?? {};
    const orphans = Object.keys(activity.holders ?? {}).filter((h) => !holding.has(`${activity._id} ${h}`));
    for (const h of orphans) {
      const since = seen[h];
      if (!since) {
        await updateWhere(C.activities, { _id: activity._id }, { [`orphans.${h}`]: now });
        marked += 1;
      } else if (now.getTime() - asDate(since).getTime() >= ORPHAN_GRACE_MS) {
        await updateWhere(C.activities, { _id: activity._id }, { [`orphans.${h}`]: _.remove() });
        await passSeatOn(activity, h, now);
        released += 1;
      }
    }
    for (const h of Object.keys(seen)) {
      if (!orphans.includes(h)) await updateWhere(C.activities, { _id: activity._id }, { [`orphans.${h}`]: _.remove() });
    }
  }
  return { marked, released };
}

/** Of these activities, the ones someone is waitlisted for: one request per 500 activities. */
async function withWaitlisted(activityIds: string[]): Promise<Set<string>> {
  const _ = command();
  const $ = getDb().command.aggregate;
  const waiting = new Set<string>();
  for (let i = 0; i < activityIds.length; i += 500) {
    const part = activityIds.slice(i, i + 500);
    const res = (await getDb()
      .collection(C.enrollments)
      .aggregate()
      .match({ activityId: _.in(part), status: 'waitlisted' })
      .group({ _id: '$activityId', n: $.sum(1) })
      .limit(part.length)
      .end()) as { list: Array<{ _id: string }> };
    for (const row of res.list) waiting.add(row._id);
  }
  return waiting;
}

export async function fillSeatsFromWaitlist(now: Date): Promise<Record<string, number>> {
  const free = (await liveActivities(now)).filter((a) => a.waitlist && a.seatsLeft > 0 && asDate(a.startAt) > now);
  if (!free.length) return { promoted: 0 };
  const waiting = await withWaitlisted(free.map((a) => a._id));
  let promoted = 0;
  for (const activity of free) if (waiting.has(activity._id)) promoted += await fillFreeSeats(activity, now);
  return { promoted };
}

export async function closePublicity(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const due = await findMany<ActivityRecord>(
    C.activities,
    { 'publicity.until': _.lte(now), 'publicity.closedAt': _.exists(false) },
    { limit: 200 },
  );
  let closed = 0;
  for (const a of due) {
    closed += await updateWhere(
      C.activities,
      { _id: a._id, 'publicity.closedAt': _.exists(false) },
      { 'publicity.closedAt': now },
    );
  }
  return { closed };
}

export async function markNoShows(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const ended = await findMany<ActivityRecord>(
    C.activities,
    { status: _.in(['open', 'closed']), endAt: _.lte(now), noShowsMarkedAt: _.exists(false) },
    { limit: 50 },
  );
  let noShows = 0;
  for (const a of ended) {
    const absent = await findAll<EnrollmentRecord>(C.enrollments, {
      activityId: a._id,
      status: 'approved',
      checkedInAt: _.exists(false),
      noShow: _.exists(false),
    });
    for (const e of absent) {
      const changed = await updateWhere(
        C.enrollments,
        { _id: e._id, status: 'approved', checkedInAt: _.exists(false), noShow: _.exists(false) },
        { noShow: true, updatedAt: now },
      );
      if (changed !== 1) continue;
      noShows += 1;
      await recordStatus(e, a.title, 'no_show', now, { note: '活动结束时未签到，已记为未到' });
    }
    await updateWhere(C.activities, { _id: a._id }, { noShowsMarkedAt: now });
  }
  return { activities: ended.length, noShows };
}
