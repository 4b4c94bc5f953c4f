/**
 * Staff take a member's place away (`removed`): after an upheld 公示 objection, or an area's own review (a
 * 单身联谊 report upheld by the organiser). Guarded by the status it is taken from, so it happens once; a seat
 * held goes to the waitlist (or back to the activity once it has started). The member is told.
 */
import { findById, updateWhere } from '../../db';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityRecord, EnrollmentRecord, EnrollmentStatus } from './records';
import { recordStatus } from './recordStatus';
import { giveBackHolds, sameAttempt } from './holds';

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
  const { activity, note, actor, now } = request;
  const from = request.from ?? ['approved'];
  let e = request.enrollment;
  for (let attempt = 1; ; attempt += 1) {
    if (!from.includes(e.status)) return { removed: false, backfilledBy: null };
    const changed = await updateWhere(
      C.enrollments,
      // The exact status and attempt read: what is given back below is what the record held at that moment.
      { _id: e._id, status: e.status, ...sameAttempt(e) },
      { status: 'removed', rejectReason: note, decidedAt: now, decidedBy: actor, updatedAt: now },
    );
    if (changed === 1) break;
    // Changed meanwhile (promoted, confirmed, re-signed…): decide again on what is stored now.
    const current = attempt < 3 ? await findById<EnrollmentRecord>(C.enrollments, e._id) : null;
    if (!current) return { removed: false, backfilledBy: null };
    e = current;
  }
  const backfilledBy = await giveBackHolds(activity, e, now);
  await recordStatus(e, activity.title, 'removed', now, { note: request.timelineNote ?? note, notify: true });
  return { removed: true, backfilledBy };
}
