/**
 * 消息与待办 of 单身联谊: a new match (informational: cleared when opened), and where the engine's items for events
 * open (an offered place on the event's page; the area publishes no lists). A match the member can no longer see
 * (a block, a participant removed) is not shown: the same reader as 我的互选.
 */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { asDate } from '../enrollment/engine';
import { INFO_DAYS } from '../enrollment/inbox';
import { blockedWith, visibleMatches } from './relations';

async function newMatches(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const since = ctx.now.getTime() - INFO_DAYS * 86_400_000;
  // Blocks are read only when there is a match to hide (most members have none): one request saved per count.
  const links = (await visibleMatches(openid, new Set())).filter(
    (l) => l.pair.matchedAt && asDate(l.pair.matchedAt).getTime() >= since,
  );
  if (!links.length) return [];
  const blocked = await blockedWith(openid);
  return links
    .filter((l) => !blocked.has(l.other))
    .map((l) => ({
      key: `match:${l.pair._id}`,
      kind: 'info' as const,
      label: '单身联谊',
      title: '互选成功',
      note: '你们互相选择了对方，可在「我的互选」查看对方资料与联系方式',
      at: asDate(l.pair.matchedAt),
      route: 'matchmakingMatches',
    }));
}

export const matchmakingInbox: InboxDeclaration = {
  sources: { matches: newMatches },
  activityPages: { area: 'matchmaking', pages: { activity: (id) => ({ route: 'matchmakingDetail', params: { id } }) } },
};
