/** The member's side (免申即享: nothing to apply for): what is waiting for them, where, until when; and 已领取. */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { command, findMany } from '../../db';
import { toIso } from '../../lib/time';
import { CAMPAIGN_KIND_LABELS, dayText } from '../../rules/campaigns';
import { CAMPAIGNS_COLLECTIONS as C } from './collections';
import type { CampaignRecord, EntryRecord } from './records';
import { toMyView } from './toViews';
import type { MyCampaignView } from './views';

export async function myCampaigns(ctx: ActionContext): Promise<{ items: MyCampaignView[] }> {
  const entries = await findMany<EntryRecord>(
    C.entries,
    { openid: ctx.openid, status: command().in(['listed', 'collected', 'closed']) },
    { orderBy: [['addedAt', 'desc']], limit: 50 },
  );
  const ids = [...new Set(entries.map((e) => e.campaignId))];
  const campaigns = ids.length
    ? await findMany<CampaignRecord>(C.campaigns, { _id: command().in(ids) }, { limit: ids.length })
    : [];
  const byId = new Map(campaigns.map((c) => [c._id, c]));
  return { items: entries.map((e) => toMyView(e, byId.get(e.campaignId))) };
}

/**
 * 消息与待办: 你有一份夏送清凉慰问品待领取, until the window's last day. One request: the entry carries what the item
 * says. It goes when collected, removed, the campaign closed, or the window ended.
 */
async function waitingItems(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const rows = await findMany<EntryRecord>(
    C.entries,
    { openid, status: 'listed', endsAt: command().gt(ctx.now) },
    { orderBy: [['endsAt', 'asc']], limit: 10 },
  );
  return rows.map((e) => ({
    key: `campaign:${e.campaignId}`,
    kind: 'todo' as const,
    label: CAMPAIGN_KIND_LABELS[e.kind],
    title: `你有一份${CAMPAIGN_KIND_LABELS[e.kind]}慰问品待领取`,
    note: `${e.gift} · 请于${dayText(e.endDate)}前凭电子工会卡到领取点领取：${e.stationsText}`,
    at: new Date(toIso(e.addedAt)),
    dueAt: new Date(toIso(e.endsAt)),
    route: 'campaignsMine',
  }));
}

export const campaignsInbox: InboxDeclaration = { sources: { campaigns: waitingItems } };
