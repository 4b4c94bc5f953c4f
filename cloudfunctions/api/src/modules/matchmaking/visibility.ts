/**
 * THE one decision of what a viewer may see of a 单身联谊 profile (pure, unit-tested). Every action that returns
 * profile data passes the stored profile through `visibleProfile(profile, relation)` and renders only what it
 * returns (profileView.ts); nothing else reads a profile's fields for a response.
 */
import { DEFAULT_VISIBILITY, PROFILE_FIELDS, type ContactKind, type Education, type Visibility } from '../../rules/matchmaking';
import type { ProfileRecord } from './records';

/**
 * How the viewer stands to the profile's owner. Strangers, blocked people (either direction), and anyone once
 * the owner has paused are `none`.
 */
export type ViewerRelation = 'self' | 'match' | 'participant' | 'organiser' | 'none';

/** Which visibility levels each relation is entitled to. */
const SEES: Record<ViewerRelation, readonly Visibility[]> = {
  self: ['participants', 'matches', 'nobody'],
  match: ['participants', 'matches'],
  participant: ['participants'],
  organiser: ['participants'],
  none: [],
};

export interface VisibleProfile {
  nickname: string;
  gender: 'M' | 'F';
  birthYear?: number;
  height?: number;
  education?: Education;
  city?: string;
  occupation?: string;
  intro?: string;
  /** fileIDs: they leave the function only as short-lived URLs. */
  photos?: string[];
  /** Only for the owner and their mutual matches; opened (decrypted) by the renderer. */
  contact?: { kind: ContactKind; sealed: string };
}

/** What `relation` may see of `profile`, or null when nothing at all (not even that it exists). */
export function visibleProfile(profile: ProfileRecord, relation: ViewerRelation): VisibleProfile | null {
  if (relation === 'none') return null;
  if (profile.paused && relation !== 'self') return null;
  const seen = SEES[relation];
  const out: VisibleProfile = { nickname: profile.nickname, gender: profile.gender };
  const fields = out as unknown as Record<string, unknown>;
  for (const field of PROFILE_FIELDS) {
    const level = profile.visibility?.[field] ?? DEFAULT_VISIBILITY[field];
    if (seen.includes(level)) fields[field] = field === 'photos' ? [...profile.photos] : profile[field];
  }
  if (relation === 'self' || relation === 'match') out.contact = { kind: profile.contactKind, sealed: profile.contactSealed };
  return out;
}

/** What is known about the viewer and the owner when deciding their relation. */
export interface RelationFacts {
  self: boolean;
  /** Either has blocked the other. */
  blocked: boolean;
  /** Both picked each other at some event (and neither was removed from it). */
  matched: boolean;
  /** Both checked in at the event in question, while its picks are open. */
  fellowParticipants: boolean;
  /** The viewer is staff of the event's organising union. */
  organiser: boolean;
}

/** The relation, most entitled first; a block outranks everything but oneself. */
export function relationOf(f: RelationFacts): ViewerRelation {
  if (f.self) return 'self';
  if (f.blocked) return 'none';
  if (f.matched) return 'match';
  if (f.fellowParticipants) return 'participant';
  if (f.organiser) return 'organiser';
  return 'none';
}
