/**
 * Record ids of 单身联谊. Deterministic (a double tap or two racing calls land on one record) and opaque where
 * they stand for a relation between two people, so that no id says who picked, blocked or reported whom.
 * `key`: the hash key (the function's ID_HASH_KEY when absent; demo data passes the local one).
 */
import { opaqueId } from '../../lib/pii';

/** How other participants of one event refer to a participant (a different id at every event). */
export function participantIdOf(activityId: string, openid: string, key?: string): string {
  return opaqueId('P', `${activityId}:${openid}`, key);
}

/** One per event and picker. */
export function pickIdOf(activityId: string, openid: string): string {
  return `${activityId}_${openid}`;
}

/** One per event and pair, whichever of the two writes first: the id comes from the sorted pair. */
export function pairOf(activityId: string, a: string, b: string, key?: string): { id: string; members: [string, string] } {
  const members: [string, string] = a < b ? [a, b] : [b, a];
  return { id: opaqueId('M', `${activityId}:${members[0]}:${members[1]}`, key), members };
}

export function blockIdOf(blocker: string, blocked: string): string {
  return opaqueId('B', `${blocker}:${blocked}`);
}

/** One report per reporter, person and event. */
export function reportIdOf(activityId: string, reporter: string, reported: string, key?: string): string {
  return opaqueId('R', `${activityId}:${reporter}:${reported}`, key);
}
