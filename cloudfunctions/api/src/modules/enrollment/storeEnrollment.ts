/** Writing an enrollment under its deterministic _id: one record per member and activity, whatever the taps. */
import { command, findById, insertUnique, updateWhere } from '../../db';
import { fail } from '../../errors';
import { seatGroupsFor, priorityRank } from './eligibility';
import { newTicket } from './drawOrder';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import { LIVE, type ActivityRecord, type Answer, type EnrollmentRecord, type EnrollmentStatus } from './records';
import type { MemberFacts } from './areaHooks';
import { enrollmentIdOf } from './waitlist';

/** Ended enrollments a member may sign up again from (while the window is open). */
export const REJOINABLE: EnrollmentStatus[] = ['cancelled', 'declined', 'expired'];

/** Fields of an earlier round that must not survive a new sign-up. */
const STALE_FIELDS = [
  'offerExpiresAt',
  'cancelledAt',
  'decidedAt',
  'decidedBy',
  'waitRank',
  'waitlistedAt',
  'promotedAt',
  'unitDecidedAt',
  'unitDecidedBy',
  'seatKey',
];

export function newEnrollment(
  activity: ActivityRecord,
  facts: MemberFacts,
  answers: Record<string, Answer>,
  extra: Record<string, unknown> | undefined,
  now: Date,
  source: EnrollmentRecord['source'],
): EnrollmentRecord {
  return {
    _id: enrollmentIdOf(activity._id, facts.openid),
    activityId: activity._id,
    area: activity.area,
    openid: facts.openid,
    name: facts.name,
    cardNo: facts.cardNo,
    orgId: facts.orgId,
    orgName: facts.orgName,
    orgPath: facts.orgPath,
    status: 'applied',
    source,
    groups: seatGroupsFor(activity, facts),
    rank: priorityRank(activity, facts),
    ticket: newTicket(),
    answers,
    ...(extra ? { extra } : {}),
    // 单位推荐: a member's own sign-up waits for their union; a nomination comes from it.
    ...(activity.unitConfirm && activity.review ? { unitStatus: source === 'self' ? 'waiting' : 'confirmed' } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

export interface Stored {
  record: EnrollmentRecord;
  /** This call wrote it (and so should write the timeline). */
  created: boolean;
  /** A live record (waitlisted, applied) this call started over: its attempt's holds are the caller's to give back. */
  replaced?: EnrollmentRecord;
}

/**
 * Inserts the enrollment; when the member already has one, returns it unchanged (a double tap, a retry),
 * or — if it is in one of `rejoinFrom` — starts it over with a guarded update (its ticket kept). Whether the
 * stored record is this call's attempt: `record.seatKey` is the caller's key.
 */
export async function storeEnrollment(record: EnrollmentRecord, rejoinFrom: readonly EnrollmentStatus[]): Promise<Stored> {
  const { _id, ...data } = record;
  if (await insertUnique(C.enrollments, _id, data)) return { record, created: true };
  const existing = await findById<EnrollmentRecord>(C.enrollments, _id);
  if (!existing) throw fail('BUSY');
  if (!rejoinFrom.includes(existing.status)) return { record: existing, created: false };
  const _ = command();
  const change: Record<string, unknown> = { ...data, ticket: existing.ticket, createdAt: existing.createdAt };
  if (existing.lateCancel) change.lateCancel = true; // history staff keep seeing
  for (const field of STALE_FIELDS) if (existing[field] !== undefined && change[field] === undefined) change[field] = _.remove();
  const changed = await updateWhere(C.enrollments, { _id, status: existing.status, updatedAt: existing.updatedAt }, change);
  if (changed === 1) {
    const merged: EnrollmentRecord = { ...existing, ...data, _id, ticket: existing.ticket, createdAt: existing.createdAt };
    for (const field of STALE_FIELDS) if (data[field] === undefined) delete merged[field];
    return { record: merged, created: true, ...(LIVE.includes(existing.status) ? { replaced: existing } : {}) };
  }
  const now = await findById<EnrollmentRecord>(C.enrollments, _id);
  if (!now) throw fail('BUSY');
  return { record: now, created: false };
}
