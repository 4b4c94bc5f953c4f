/**
 * One team per member per event: every member taking part in a team event has ONE record
 * `${eventId}_${openid}` naming their team (a captain's own team is their registration). A member joins a
 * team only by rewriting that record inside a transaction that also writes the team's registration (its
 * size), so two invitations accepted at once, or accepting while registering one's own team, can never put
 * a member in two teams: the transactions conflict on the member's record and one is retried on fresh data.
 *
 * A record still binds its member while its team takes part:
 *  - a teammate's, while the team's registration is active in the round they joined (a team registering
 *    again after it ended starts a new round, without its former members);
 *  - a captain's, while their registration is active — or for two minutes after they last started a
 *    registration, which may still be on its way (longer than any function call runs).
 */
import type { Tx } from '../../db';
import { toIso } from '../../lib/time';
import { txEnrollment, type EnrollmentRecord } from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { ACTIVE, teamOf } from './eventViews';
import type { EntryRecord } from './records';

export const CAPTAIN_GRACE_MS = 2 * 60_000;

export function entryIdOf(eventId: string, openid: string): string {
  return `${eventId}_${openid}`;
}

/** Whether `entry` still binds its member, given its team's registration (null when there is none). */
export function entryBinds(entry: EntryRecord | null, team: EnrollmentRecord | null, now: Date): boolean {
  if (!entry || entry.status !== 'active') return false;
  const teamActive = !!team && ACTIVE.includes(team.status);
  if (entry.role === 'member') return teamActive && teamOf(team!)?.round === entry.round;
  return teamActive || now.getTime() - new Date(toIso(entry.updatedAt)).getTime() < CAPTAIN_GRACE_MS;
}

/** Reads, inside a transaction, the member's record and the registration of the team it names. */
export async function readEntry(
  tx: Tx,
  eventId: string,
  openid: string,
): Promise<{ entry: EntryRecord | null; team: EnrollmentRecord | null }> {
  const entry = await tx.get<EntryRecord>(C.entries, entryIdOf(eventId, openid));
  const team = entry ? await txEnrollment(tx, entry.teamId) : null;
  return { entry, team };
}

/** Why a bound member cannot take part another way, in words. */
export function boundMessage(entry: EntryRecord, team: EnrollmentRecord | null): string {
  if (entry.role === 'captain') return '您已作为队长报名本项目，不能再加入其他队伍';
  return `您已加入本项目的「${teamOf(team!)?.name ?? '其他'}」队伍，同一项目只能参加一支队伍`;
}
