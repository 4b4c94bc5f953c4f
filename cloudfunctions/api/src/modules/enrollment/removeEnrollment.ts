/**
 * Staff take a member's place away (`removed`): after an upheld 公示 objection, or an area's own review (a
 * 单身联谊 report upheld by the organiser). Guarded by the status it is taken from, so it happens once; a seat
 * held goes to the waitlist (or back to the activity once it has started). The member is told.
 */
import { command, updateWhere } from '../../db';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityRecord, EnrollmentRecord, EnrollmentStatus } from './records';
import { recordStatus } from './recordStatus';
import { passSeatOn } from './waitlist';

export interface RemoveRequest {
  activity: ActivityRecord;
  enrollment: EnrollmentRecord;
  /** Why, in words the member sees (stored as rejectReason). */
  note: string;
  /** The note of the member's 我的申请 entry (defaults to `note`). */
  timelineNote?: string;
  /** Statuses the place may be taken from (default: approved only). */
  from?: readonly EnrollmentStatus[];
  actor: string;
  now: Date;
}

/** Returns whether this call removed it, and who got the seat from the waitlist (if anyone). */
export async function removeEnrollment(
  request: RemoveRequest,
): Promise<{ removed: boolean; backfilledBy: EnrollmentRecord | null }> {
  const { activity, enrollment: e, note, actor, now } = request;
  const from = request.from ?? ['approved'];
  const changed = await updateWhere(
    C.enrollments,
    { _id: e._id, status: command().in([...from]) },
    { status: 'removed', rejectReason: note, decidedAt: now, decidedBy: actor, updatedAt: now },
  );
  if (changed !== 1) return { removed: false, backfilledBy: null };
  // Whatever status it was read in: a member without a seat makes this a no-op (the seat check finds none).
  const backfilledBy = await passSeatOn(activity, e.openid, now);
  await recordStatus(e, activity.title, 'removed', now, { note: request.timelineNote ?? note, notify: true });
  return { removed: true, backfilledBy };
}
