/**
 * 消息与待办 of 技能竞赛: a team invitation to confirm (cleared by accepting or declining it, or when the event's
 * registration closes), results published for an event the member is in (informational: cleared when opened), and
 * where the engine's items for events open (an offered place on the event's page).
 */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { command, findMany } from '../../db';
import { chinaDate, toIso } from '../../lib/time';
import { activitiesByIds } from '../enrollment/engine';
import { INFO_DAYS } from '../enrollment/inbox';
import { COMPETITION_COLLECTIONS as C } from './collections';
import type { InviteRecord, ResultsRecord } from './records';

const LABEL = '技能竞赛';

async function teamInvitations(openid: string, _ctx: ActionContext): Promise<InboxItem[]> {
  const invites = await findMany<InviteRecord>(
    C.invites,
    { openid, status: 'invited' },
    { orderBy: [['createdAt', 'desc']], limit: 20 },
  );
  if (!invites.length) return [];
  const open = new Set(
    (await activitiesByIds([...new Set(invites.map((i) => i.eventId))])).filter((a) => a.status === 'open').map((a) => a._id),
  );
  return invites
    .filter((i) => open.has(i.eventId))
    .map((i) => ({
      key: `teamInvite:${i._id}`,
      kind: 'todo' as const,
      label: LABEL,
      title: `${i.captainName}邀请您加入「${i.teamName}」`,
      note: `${i.eventTitle} · 请确认是否参加`,
      at: new Date(toIso(i.updatedAt ?? i.createdAt)),
      route: 'competitionEvent',
      params: { id: i.eventId },
    }));
}

async function publishedResults(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const _ = command();
  const since = new Date(ctx.now.getTime() - INFO_DAYS * 86_400_000);
  const results = await findMany<ResultsRecord>(
    C.results,
    { 'rows.openids': openid, status: _.in(['publicity', 'final']), publishedAt: _.gte(since) },
    { orderBy: [['publishedAt', 'desc']], limit: 10 },
  );
  return results.map((r) => ({
    key: `result:${r._id}`,
    kind: 'info' as const,
    label: LABEL,
    title: `${r.status === 'final' ? '成绩已确定' : '成绩公示'}：${r.title}`,
    note:
      r.status === 'final'
        ? '最终成绩与获奖名单已发布'
        : `公示至${chinaDate(new Date(toIso(r.until)))}，如有异议可在公示期内提出`,
    at: new Date(toIso(r.finalizedAt ?? r.publishedAt)),
    route: 'competitionResults',
    params: { id: r.eventId },
  }));
}

export const competitionsInbox: InboxDeclaration = {
  sources: { teamInvites: teamInvitations, results: publishedResults },
  activityPages: { area: 'competition', pages: { activity: (id) => ({ route: 'competitionEvent', params: { id } }) } },
};
