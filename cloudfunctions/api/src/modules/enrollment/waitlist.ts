/**
 * The waitlist: ordered by (waitRank, _id). A seat given up (cancellation, rejection, expired offer, 公示
 * removal) is handed straight to the first waitlisted member whose groups have room — moveSeat, so no third
 * caller can take it in between — and that member gets an offer to confirm (or the place at once when the
 * activity has no claim window). Every step is a guarded update, so concurrent hand-overs never offer one
 * seat twice and never skip anyone: a candidate who already got a seat, or whose group is full, is passed
 * over for the next, and a hand-over that finds its seat already passed on stops.
 */
import { command, countWhere, findById, findMany, updateWhere } from '../../db';
import { attemptKey, claimSeat, moveSeat, releaseSeat, type SeatRef } from '../../shared/capacity';
import { asDate } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityRecord, EnrollmentRecord, EnrollmentStatus } from './records';
import { recordStatus } from './recordStatus';

export function seatRef(activityId: string): SeatRef {
  return { collection: C.activities, id: activityId };
}

export function enrollmentIdOf(activityId: string, openid: string): string {
  return `${activityId}_${openid}`;
}

/** 1 = next in line. One count request. */
export async function waitlistPosition(e: Pick<EnrollmentRecord, '_id' | 'activityId' | 'waitRank'>): Promise<number> {
  const _ = command();
  const rank = e.waitRank ?? 0;
  const earlier = await countWhere(
    C.enrollments,
    _.and([
      { activityId: e.activityId, status: 'waitlisted' },
      _.or([{ waitRank: _.lt(rank) }, { waitRank: rank, _id: _.lt(e._id) }]),
    ]) as unknown as Record<string, unknown>,
  );
  return earlier + 1;
}

const BATCH = 50;

/** The next waitlisted members in order, leaving out those already tried. */
async function nextCandidates(activityId: string, tried: Set<string>): Promise<EnrollmentRecord[]> {
  const _ = command();
  const where: Record<string, unknown> = { activityId, status: 'waitlisted' };
  if (tried.size) where._id = _.nin([...tried]);
  return findMany<EnrollmentRecord>(C.enrollments, where, {
    orderBy: [
      ['waitRank', 'asc'],
      ['_id', 'asc'],
    ],
    limit: BATCH,
  });
}

/** What a waitlisted member gets with a seat: an offer to confirm within the claim window, or the place. */
function promotedStatus(activity: ActivityRecord, now: Date): { status: EnrollmentStatus; offerExpiresAt?: Date } {
  if (activity.claimHours > 0) {
    const expires = Math.min(now.getTime() + activity.claimHours * 3600_000, asDate(activity.startAt).getTime());
    return { status: 'offered', offerExpiresAt: new Date(expires) };
  }
  return { status: activity.review ? 'pending' : 'approved' };
}

function offerNote(offerExpiresAt: Date | undefined): string {
  if (!offerExpiresAt) return '候补递补成功，名额已为您保留';
  const t = new Date(offerExpiresAt.getTime() + 8 * 3600_000).toISOString();
  return `有名额空出，请于${t.slice(5, 10)} ${t.slice(11, 16)}前确认，逾期将顺延`;
}

/**
 * The key a waitlisted member's seat is held under: their record's attempt key (so that two hand-overs at once
 * cannot both seat the same attempt), or a fresh one for a record stored before attempt keys.
 */
function candidateKey(candidate: EnrollmentRecord): string {
  return candidate.seatKey ?? attemptKey(candidate.openid);
}

/**
 * Turns a waitlisted member whose attempt `key` now holds a seat into an offer — guarded: still waitlisted in
 * that same attempt (a member who left the line and joined again meanwhile has another key).
 */
async function offerSeat(activity: ActivityRecord, candidate: EnrollmentRecord, key: string, now: Date): Promise<boolean> {
  const next = promotedStatus(activity, now);
  const _ = command();
  const changed = await updateWhere(
    C.enrollments,
    { _id: candidate._id, status: 'waitlisted', seatKey: candidate.seatKey ?? _.exists(false) },
    { ...next, seatKey: key, updatedAt: now, promotedAt: now },
  );
  if (changed !== 1) return false;
  await recordStatus(candidate, activity.title, next.status, now, { note: offerNote(next.offerExpiresAt), notify: true });
  return true;
}

/**
 * Passes the seat held under key `from` to the first waitlisted member whose groups have room, or releases it
 * when nobody can take it (or the activity has started). Returns the member it went to, if any. `from` is the
 * key the caller claimed itself or read off the record whose change it won: nobody else can pass it on.
 */
export async function passSeatOn(activity: ActivityRecord, from: string, now: Date): Promise<EnrollmentRecord | null> {
  const ref = seatRef(activity._id);
  let holder = from;
  if (activity.waitlist && asDate(activity.startAt) > now) {
    const tried = new Set<string>();
    for (;;) {
      const candidates = await nextCandidates(activity._id, tried);
      if (!candidates.length) break;
      for (const candidate of candidates) {
        tried.add(candidate._id);
        const to = candidateKey(candidate);
        if (to === holder) continue;
        if (await moveSeat(ref, holder, to, candidate.groups ?? [])) {
          if (await offerSeat(activity, candidate, to, now)) return candidate;
          holder = to; // they left the waitlist meanwhile: their new seat goes on down the line
          continue;
        }
        const current = await findById<ActivityRecord>(C.activities, activity._id);
        if (!current?.holders?.[holder]) return null; // another hand-over already took this seat on
      }
    }
  }
  await releaseSeat(ref, holder);
  return null;
}

/**
 * Offers free seats to the waitlist in order (after capacity grew, or when a seat was released at the moment
 * someone joined the waitlist). Returns how many were promoted.
 */
export async function fillFreeSeats(activity: ActivityRecord, now: Date): Promise<number> {
  if (!activity.waitlist || activity.seatsLeft <= 0 || asDate(activity.startAt) <= now) return 0;
  const ref = seatRef(activity._id);
  const tried = new Set<string>();
  let promoted = 0;
  for (;;) {
    const candidates = await nextCandidates(activity._id, tried);
    if (!candidates.length) return promoted;
    for (const candidate of candidates) {
      tried.add(candidate._id);
      const key = candidateKey(candidate);
      const result = await claimSeat(ref, key, { groups: candidate.groups ?? [] });
      if (result === 'full' || result === 'closed') return promoted;
      if (result !== 'claimed') continue;
      if (await offerSeat(activity, candidate, key, now)) promoted += 1;
      else await releaseSeat(ref, key);
    }
  }
}
