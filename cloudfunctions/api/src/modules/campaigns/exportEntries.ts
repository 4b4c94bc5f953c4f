/** 发放名单 as an .xlsx link (masked names): who is on the list, who collected, when and where. Audited. */
import type { ActionContext } from '../../action';
import { toIso } from '../../lib/time';
import { chinaMoment, ENTRY_SOURCE_LABELS, ENTRY_STATUS_LABELS } from '../../rules/campaigns';
import { writeAudit } from '../../shared/audit';
import { buildWorkbook, saveExport } from '../../shared/xlsx';
import { assertManages, loadCampaign } from './access';
import { allEntries } from './lists';

export async function exportEntries(
  campaignId: string,
  ctx: ActionContext,
): Promise<{ url: string; expiresAt: string; rows: number }> {
  const campaign = await loadCampaign(campaignId);
  assertManages(ctx, campaign);
  const entries = (await allEntries(campaignId)).filter((e) => e.status !== 'removed');
  const rows = entries.map((e) => ({
    name: e.nameMasked,
    org: e.orgName,
    sources: e.sources.map((s) => ENTRY_SOURCE_LABELS[s]).join('、'),
    status: ENTRY_STATUS_LABELS[e.status],
    collectedAt: e.collectedAt ? chinaMoment(new Date(toIso(e.collectedAt))) : '',
    station: e.stationName ?? '',
  }));
  const content = await buildWorkbook([
    {
      name: '发放名单',
      columns: [
        { header: '姓名', key: 'name', width: 10 },
        { header: '所在工会', key: 'org', width: 28 },
        { header: '名单来源', key: 'sources', width: 20 },
        { header: '状态', key: 'status', width: 10 },
        { header: '领取时间', key: 'collectedAt', width: 16 },
        { header: '领取点', key: 'station', width: 24 },
      ],
      rows,
    },
  ]);
  const link = await saveExport(content, 'campaigns', `${campaign.title}-发放名单`);
  await writeAudit({
    actor: ctx.openid,
    action: 'campaigns.export',
    target: campaignId,
    summary: `导出 ${campaign.title} 发放名单（${rows.length} 人）`,
    at: ctx.now,
    // Who is on file as 困难职工 is family data (as the list's look, `campaigns.entries`).
    kind: 'pii_view',
    details: { orgId: campaign.orgId },
  });
  return { url: link.url, expiresAt: link.expiresAt, rows: rows.length };
}
