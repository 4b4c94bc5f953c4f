/**
 * What an enrollment holds, and how an ending gives it back. A record's seat (while its status holds one) and
 * its participation hold (while it is live) are both under its attempt key (`seatKey`). Every step that ends or
 * replaces a record is a guarded update that names that key (`sameAttempt`), so exactly one actor wins the
 * change, and only the winner gives back exactly what the record held as it read it: a later attempt of the
 * same member (a re-sign, a double tap) holds other keys and is never touched.
 */
import { command } from '../../db';
import { releaseParticipation } from './participation';
import { LIVE, SEAT_HOLDING, seatKeyOf, type ActivityRecord, type EnrollmentRecord } from './records';
import { passSeatOn } from './waitlist';

/** Guard conditions: the record is still in the attempt it was read in. */
export function sameAttempt(e: Pick<EnrollmentRecord, 'seatKey'>): Record<string, unknown> {
  return { seatKey: e.seatKey ?? command().exists(false) };
}

/**
 * Gives back what `e` (as read before the change this caller won) held: its seat goes to the waitlist (or back
 * to the activity), its participation hold is released. Returns who got the seat, if anyone.
 */
export async function giveBackHolds(activity: ActivityRecord, e: EnrollmentRecord, now: Date): Promise<EnrollmentRecord | null> {
  const to = SEAT_HOLDING.includes(e.status) ? await passSeatOn(activity, seatKeyOf(e), now) : null;
  if (LIVE.includes(e.status)) await releaseParticipation(activity, e.openid, e.seatKey);
  return to;
}
