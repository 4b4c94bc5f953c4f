/** 我的互选: the caller's mutual matches that still stand, each with the other's profile as a match sees it (contact included). */
import type { ActionContext } from '../../action';
import { command, findMany } from '../../db';
import { toIso } from '../../lib/time';
import { activitiesByIds } from '../enrollment/engine';
import { MATCHMAKING_COLLECTIONS as C } from './collections';
import { renderProfiles } from './profileView';
import type { ProfileRecord } from './records';
import { blockedWith, visibleMatches } from './relations';
import { relationOf, visibleProfile } from './visibility';
import type { MatchView } from './views';

/**
 * Every match (not a page: a member has few, and a list filtered by blocks, pauses and removals has no stable
 * total to page by; at most 200 are read).
 */
export async function listMatches(ctx: ActionContext): Promise<{ items: MatchView[] }> {
  const _ = command();
  const links = await visibleMatches(ctx.openid, await blockedWith(ctx.openid));
  if (!links.length) return { items: [] };
  const others = [...new Set(links.map((l) => l.other))];
  const activityIds = [...new Set(links.map((l) => l.pair.activityId))];
  const [profiles, activities] = await Promise.all([
    findMany<ProfileRecord>(C.profiles, { _id: _.in(others) }, { limit: others.length }),
    activitiesByIds(activityIds),
  ]);
  const profileOf = new Map(profiles.map((p) => [p._id, p]));
  const titleOf = new Map(activities.map((a) => [a._id, a.title]));
  const relation = relationOf({ self: false, blocked: false, matched: true, fellowParticipants: false, organiser: false });
  const visible = links.map((l) => {
    const p = profileOf.get(l.other);
    return p ? visibleProfile(p, relation) : null;
  });
  const views = await renderProfiles(visible, 'all');
  const items: MatchView[] = [];
  links.forEach((l, i) => {
    const profile = views[i];
    if (!profile) return;
    items.push({
      matchId: l.pair._id,
      activityId: l.pair.activityId,
      activityTitle: titleOf.get(l.pair.activityId) ?? '',
      participantId: l.otherParticipantId,
      matchedAt: toIso(l.pair.matchedAt),
      profile,
    });
  });
  return { items };
}
