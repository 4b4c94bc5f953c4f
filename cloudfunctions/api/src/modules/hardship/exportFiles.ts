/**
 * 困难职工档案 as an .xlsx for staff, limited to the caller's subtree (an administrator: all), as other exports go
 * (shared/xlsx: a short-lived link; the file is deleted after a day). Names and amounts are personal data: the
 * export is audited as a pii_view, and nothing of it is logged.
 */
import type { ActionContext } from '../../action';
import { findAll } from '../../db';
import { toIso } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { subtreeWhere } from '../../shared/scope';
import { buildWorkbook, saveExport } from '../../shared/xlsx';
import { FILE_STATUS_LABELS, HARDSHIP_LEVEL_LABELS, type FileStatus } from '../../rules/hardship';
import { chinaDate } from '../../rules/time';
import { HARDSHIP_COLLECTIONS as C } from './collections';
import type { HardshipFileRecord } from './records';

const day = (d: HardshipFileRecord['since']) => chinaDate(new Date(toIso(d)));

export async function exportFiles(input: { status?: FileStatus }, ctx: ActionContext) {
  const where = { ...subtreeWhere(ctx), ...(input.status ? { status: input.status } : {}) };
  const files = (await findAll<HardshipFileRecord>(C.files, where)).sort(
    (a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'),
  );
  const content = await buildWorkbook([
    {
      name: '困难职工档案',
      columns: [
        { header: '姓名', key: 'name', width: 12 },
        { header: '所在工会', key: 'orgName', width: 28 },
        { header: '困难类别', key: 'level', width: 12 },
        { header: '档案状态', key: 'status', width: 14 },
        { header: '建档日期', key: 'since', width: 12 },
        { header: '复核到期', key: 'recheckDue', width: 12 },
        { header: '帮扶次数', key: 'helpCount', width: 10 },
        { header: '资金救助合计（元）', key: 'helpTotal', width: 16 },
        { header: '已公示', key: 'published', width: 8 },
        { header: '办结原因', key: 'closedReason', width: 30 },
      ],
      rows: files.map((f) => ({
        name: f.name,
        orgName: f.orgName,
        level: HARDSHIP_LEVEL_LABELS[f.level],
        status: FILE_STATUS_LABELS[f.status],
        since: day(f.since),
        recheckDue: day(f.recheckDue),
        helpCount: f.helpCount,
        helpTotal: f.helpTotalFen / 100,
        published: f.publicityId ? '是' : '否',
        closedReason: f.closedReason ?? '',
      })),
    },
  ]);
  const link = await saveExport(content, 'hardship', '困难职工档案');
  await writeAudit({
    actor: ctx.openid,
    action: 'hardship.export',
    target: 'files',
    summary: `导出困难职工档案（${files.length} 户）`,
    at: ctx.now,
    kind: 'pii_view',
    details: { rows: files.length, ...(input.status ? { status: input.status } : {}) },
  });
  return { url: link.url, expiresAt: link.expiresAt, rows: files.length };
}
