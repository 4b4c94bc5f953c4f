/**
 * Who may do what with a campaign: staff of its union or above manage it (build the list, close, export); staff of
 * any union inside its subtree (a 基层工会 office or 驿站 acting as a station) may also hand out.
 */
import type { ActionContext } from '../../action';
import { findById } from '../../db';
import { fail } from '../../errors';
import { getOrg } from '../../shared/orgs';
import { coversOrg, orgScopes } from '../../shared/scope';
import { CAMPAIGNS_COLLECTIONS as C } from './collections';
import type { CampaignRecord } from './records';

export async function loadCampaign(campaignId: string): Promise<CampaignRecord> {
  const campaign = await findById<CampaignRecord>(C.campaigns, campaignId);
  if (!campaign) throw fail('NOT_FOUND', '活动不存在或已删除');
  return campaign;
}

export function canManage(ctx: ActionContext, campaign: Pick<CampaignRecord, 'orgPath'>): boolean {
  return coversOrg(ctx, campaign.orgPath);
}

export function assertManages(ctx: ActionContext, campaign: Pick<CampaignRecord, 'orgPath'>): void {
  if (!canManage(ctx, campaign)) throw fail('FORBIDDEN', '该活动不属于您管辖的工会，无权处理');
}

/** The ancestors-and-self of every union the caller acts for (to find campaigns run above them). */
export async function scopePaths(ctx: ActionContext): Promise<string[][]> {
  const scopes = orgScopes(ctx) ?? [];
  const orgs = await Promise.all(scopes.map((id) => getOrg(id)));
  return orgs.flatMap((o) => (o ? [o.path] : []));
}

/** Staff who manage the campaign, or staff of a union inside its subtree (a station's staff). */
export async function assertHandsOut(ctx: ActionContext, campaign: CampaignRecord): Promise<void> {
  if (canManage(ctx, campaign)) return;
  const paths = await scopePaths(ctx);
  if (!paths.some((p) => p.includes(campaign.orgId))) throw fail('FORBIDDEN', '该活动不属于您所在的工会，不能在此发放');
}
