/**
 * What decides a viewer's relation to others, read from the database: blocks (either direction, for good) and
 * mutual matches still in force (neither of the two removed from that event, no block since). Every list and
 * detail goes through these, so a blocked pair never sees each other anywhere.
 */
import { command, findMany } from '../../db';
import { enrollmentIdOf, enrollmentsByIds, type EnrollmentRecord } from '../enrollment/engine';
import { MATCHMAKING_COLLECTIONS as C } from './collections';
import type { BlockRecord, MatchmakingExtra, PairRecord } from './records';

/** Everyone the viewer blocked or was blocked by. */
export async function blockedWith(openid: string): Promise<Set<string>> {
  const _ = command();
  const rows = await findMany<BlockRecord>(
    C.blocks,
    _.or([{ blocker: openid }, { blocked: openid }]) as unknown as Record<string, unknown>,
    {
      limit: 1000,
    },
  );
  return new Set(rows.map((b) => (b.blocker === openid ? b.blocked : b.blocker)));
}

export interface MatchLink {
  pair: PairRecord;
  /** The other person's openid (server-side only). */
  other: string;
  /** The other person's participant id at that event. */
  otherParticipantId: string;
}

/** A participant's id at the event of this enrollment (set at sign-up). */
export function pidOf(e: EnrollmentRecord): string {
  return (e.extra as MatchmakingExtra | undefined)?.participantId ?? '';
}

export function otherOf(pair: Pick<PairRecord, 'members'>, openid: string): string {
  return pair.members[0] === openid ? pair.members[1] : pair.members[0];
}

/** The viewer's mutual matches that still stand, newest first. */
export async function visibleMatches(openid: string, blocked: Set<string>): Promise<MatchLink[]> {
  const pairs = await findMany<PairRecord>(
    C.pairs,
    { members: openid, mutual: true },
    {
      orderBy: [
        ['matchedAt', 'desc'],
        ['_id', 'desc'],
      ],
      limit: 200,
    },
  );
  const live = pairs.filter((p) => !blocked.has(otherOf(p, openid)));
  if (!live.length) return [];
  const ids = live.flatMap((p) => p.members.map((m) => enrollmentIdOf(p.activityId, m)));
  const rows = await enrollmentsByIds(ids);
  const byId = new Map(rows.map((e) => [e._id, e]));
  const links: MatchLink[] = [];
  for (const pair of live) {
    const [a, b] = pair.members.map((m) => byId.get(enrollmentIdOf(pair.activityId, m)));
    // A participant removed from the event (e.g. after a report) loses the matches made there, both ways.
    if (a?.status !== 'approved' || b?.status !== 'approved') continue;
    const other = otherOf(pair, openid);
    const otherEnrollment = other === a.openid ? a : b;
    links.push({ pair, other, otherParticipantId: pidOf(otherEnrollment) });
  }
  return links;
}
