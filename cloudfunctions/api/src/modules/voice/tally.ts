/**
 * 安康杯 tallies: per unit and month, hazards by urgency and state, suggestions submitted, adopted and recognised,
 * in the caller's subtree; the same figures as an .xlsx (shared/xlsx, deleted by the cron after a day). Counts
 * only: no reporter appears in either.
 */
import type { ActionContext } from '../../action';
import { findAll } from '../../db';
import { writeAudit } from '../../shared/audit';
import { subtreeWhere } from '../../shared/scope';
import { buildWorkbook, saveExport, type SheetRow } from '../../shared/xlsx';
import { tallyByUnit, zeroCounts, type VoiceTallyRow } from '../../rules/voice';
import { VOICE_COLLECTIONS as C } from './collections';
import type { VoiceReportRecord } from './records';
import type { VoiceTallyView } from './views';

export async function voiceTally(month: string, ctx: ActionContext): Promise<VoiceTallyView> {
  const reports = await findAll<VoiceReportRecord>(C.reports, { ...subtreeWhere(ctx), month });
  const rows = tallyByUnit(
    reports.map((r) => ({
      orgId: r.orgId,
      orgName: r.orgName,
      kind: r.kind,
      status: r.status,
      ...(r.urgency ? { urgency: r.urgency } : {}),
      adopted: Boolean(r.adopted),
      recognised: Boolean(r.recognition),
    })),
  );
  const total = rows.reduce<VoiceTallyView['total']>((sum, row) => {
    for (const key of Object.keys(sum) as Array<keyof VoiceTallyView['total']>) sum[key] += row[key];
    return sum;
  }, zeroCounts());
  return { month, rows, total };
}

const COLUMNS: Array<{ header: string; key: keyof VoiceTallyRow; width: number }> = [
  { header: '单位（基层工会）', key: 'orgName', width: 30 },
  { header: '隐患总数', key: 'hazards', width: 10 },
  { header: '一般', key: 'hazardsNormal', width: 8 },
  { header: '较急', key: 'hazardsUrgent', width: 8 },
  { header: '紧急', key: 'hazardsCritical', width: 8 },
  { header: '办理中', key: 'hazardsOpen', width: 10 },
  { header: '已办结', key: 'hazardsClosed', width: 10 },
  { header: '不予受理', key: 'hazardsDeclined', width: 10 },
  { header: '合理化建议', key: 'suggestions', width: 12 },
  { header: '已采纳', key: 'suggestionsAdopted', width: 10 },
  { header: '优秀建议', key: 'suggestionsRecognised', width: 10 },
];

export async function exportVoiceTally(
  month: string,
  ctx: ActionContext,
): Promise<{ url: string; expiresAt: string; rows: number }> {
  const tally = await voiceTally(month, ctx);
  const content = await buildWorkbook([
    {
      name: `${month} 安康杯统计`,
      columns: COLUMNS,
      rows: [...tally.rows.map((r): SheetRow => ({ ...r })), { orgName: '合计', ...tally.total }],
    },
  ]);
  const link = await saveExport(content, 'voice', `职工建言统计-${month}`);
  await writeAudit({
    actor: ctx.openid,
    action: 'voice.export',
    target: month,
    summary: `导出 ${month} 职工建言统计（${tally.rows.length} 个单位）`,
    at: ctx.now,
  });
  return { url: link.url, expiresAt: link.expiresAt, rows: tally.rows.length };
}
