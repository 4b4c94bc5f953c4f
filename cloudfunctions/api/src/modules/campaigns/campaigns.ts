/** A campaign's life: staff create it (what each gets, the window, the stations), see it with its counts, close it. */
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { command, countWhere, findMany, findPage, setById, updateWhere, withTransaction, type Page } from '../../db';
import { fail } from '../../errors';
import { CAMPAIGN_KIND_LABELS, type CampaignStatus } from '../../rules/campaigns';
import { chinaDate } from '../../rules/time';
import { writeAudit } from '../../shared/audit';
import { getOrg } from '../../shared/orgs';
import { assertCoversOrg, orgScopes } from '../../shared/scope';
import { assertHandsOut, assertManages, canManage, loadCampaign, scopePaths } from './access';
import { CAMPAIGNS_COLLECTIONS as C } from './collections';
import type { CampaignRecord } from './records';
import type { CampaignsCreateInput } from './schemas';
import { toCampaignView } from './toViews';
import type { CampaignDetailView, CampaignView } from './views';

export async function createCampaign(input: CampaignsCreateInput, ctx: ActionContext): Promise<CampaignView> {
  const org = await getOrg(input.orgId);
  if (!org) throw fail('NOT_FOUND', '工会不存在', { field: 'orgId' });
  assertCoversOrg(ctx, org.path);
  if (input.endDate < input.startDate) throw fail('INVALID_INPUT', '「领取截止日期」不能早于开始日期', { field: 'endDate' });
  if (input.endDate < chinaDate(ctx.now)) throw fail('INVALID_INPUT', '「领取截止日期」不能早于今天', { field: 'endDate' });
  const record: CampaignRecord = {
    _id: `C${ctx.now.getTime().toString(36)}${randomBytes(4).toString('hex')}`,
    kind: input.kind,
    title: input.title,
    gift: input.gift,
    startDate: input.startDate,
    endDate: input.endDate,
    stations: input.stations.map((s, i) => ({ id: `s${i + 1}`, name: s.name, address: s.address })),
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    status: 'open',
    collectedCount: 0,
    createdBy: ctx.openid,
    createdAt: ctx.now,
  };
  const { _id, ...fields } = record;
  await setById(C.campaigns, _id, fields);
  await writeAudit({
    actor: ctx.openid,
    action: 'campaigns.create',
    target: _id,
    summary: `${CAMPAIGN_KIND_LABELS[input.kind]} · ${input.title} · ${org.name}`,
    at: ctx.now,
    details: { orgId: org._id },
  });
  return toCampaignView(record, true);
}

/** Campaigns run by the caller's unions or below them (to manage), and by the unions above them (to hand out). */
export async function listCampaigns(
  input: { status?: CampaignStatus; page?: number },
  ctx: ActionContext,
): Promise<Page<CampaignView>> {
  const _ = command();
  const scopes = orgScopes(ctx);
  let where: Record<string, unknown> = input.status ? { status: input.status } : {};
  if (scopes !== null) {
    const above = [...new Set((await scopePaths(ctx)).flat())];
    where = _.and([where, _.or([{ orgPath: _.in(scopes) }, { orgId: _.in(above) }])]) as unknown as Record<string, unknown>;
  }
  const { rows, total } = await findPage<CampaignRecord>(C.campaigns, where, [['createdAt', 'desc']], input.page);
  return { items: rows.map((c) => toCampaignView(c, canManage(ctx, c))), total };
}

export async function getCampaign(campaignId: string, ctx: ActionContext): Promise<CampaignDetailView> {
  const campaign = await loadCampaign(campaignId);
  const manage = canManage(ctx, campaign);
  // A station's staff see the campaign too (to hand out), by the same rule as the station.
  if (!manage) await assertHandsOut(ctx, campaign);
  const [listed, collected, removed] = await Promise.all(
    (['listed', 'collected', 'removed'] as const).map((status) => countWhere(C.entries, { campaignId, status })),
  );
  return { ...toCampaignView(campaign, manage), counts: { listed, collected, removed } };
}

/**
 * Closing writes the campaign document in a transaction, as every collection does (its count): a collection racing
 * the closing either commits first or is retried against the closed campaign and refused. The list's waiting
 * entries then leave 消息与待办 (status closed); collected ones stay as they are.
 */
export async function closeCampaign(campaignId: string, ctx: ActionContext): Promise<CampaignView> {
  const campaign = await withTransaction(async (tx) => {
    const found = await tx.get<CampaignRecord>(C.campaigns, campaignId);
    if (!found) throw fail('NOT_FOUND', '活动不存在或已删除');
    assertManages(ctx, found);
    if (found.status !== 'closed')
      await tx.update(C.campaigns, campaignId, { status: 'closed', closedAt: ctx.now, entriesSwept: false });
    return { ...found, _id: campaignId, status: 'closed' as const };
  });
  await sweepEntries(campaignId).catch(() => {
    // An entry held by a collection in flight: the timer sweeps the rest (sweepClosedCampaigns).
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'campaigns.close',
    target: campaignId,
    summary: `${campaign.title} · 已领取 ${campaign.collectedCount} 人`,
    at: ctx.now,
    details: { orgId: campaign.orgId },
  });
  return toCampaignView(campaign, true);
}

/** The waiting entries of a closed campaign leave 消息与待办 (status closed); then the campaign is marked swept. */
export async function sweepEntries(campaignId: string): Promise<number> {
  const changed = await updateWhere(C.entries, { campaignId, status: 'listed' }, { status: 'closed' });
  await updateWhere(C.campaigns, { _id: campaignId }, { entriesSwept: true });
  return changed;
}

/** The timer: closed campaigns whose entries were not all swept when they closed (safe to run twice). */
export async function sweepClosedCampaigns(): Promise<Record<string, number>> {
  const pending = await findMany<CampaignRecord>(C.campaigns, { status: 'closed', entriesSwept: false }, { limit: 20 });
  let entries = 0;
  for (const c of pending) entries += await sweepEntries(c._id);
  return { campaignEntriesClosed: entries };
}
