/**
 * Roster export to Excel for staff of that scope (the organiser's staff get everyone, a unit's staff their
 * members): written to cloud storage and handed out as a short-lived link. exceljs is loaded only here
 * (shared/xlsx.ts requires it lazily), so sign-ups never pay for it. Audited as a view of personal data.
 */
import type { ActionContext } from '../../action';
import { findAll } from '../../db';
import { toIso } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { buildWorkbook, saveExport, type SheetSpec } from '../../shared/xlsx';
import { loadActivity } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { EnrollmentRecord, EnrollmentStatus } from './records';
import { STATUS_TEXT } from './recordStatus';
import { rosterWhere } from './roster';
import { areaHooks } from './areaHooks';

/** Beijing time, YYYY-MM-DD HH:mm. */
function cnTime(value: unknown): string {
  if (!value) return '';
  const t = new Date(new Date(toIso(value)).getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

const STATUS_ORDER: EnrollmentStatus[] = [
  'approved',
  'pending',
  'offered',
  'waitlisted',
  'applied',
  'cancelled',
  'declined',
  'expired',
  'rejected',
  'removed',
];

export async function exportRoster(activityId: string, status: EnrollmentStatus | undefined, ctx: ActionContext) {
  const activity = await loadActivity(activityId);
  const where = rosterWhere(ctx, activity);
  if (status) where.status = status;
  const rows = (await findAll<EnrollmentRecord>(C.enrollments, where)).sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (a.waitRank ?? 0) - (b.waitRank ?? 0) ||
      toIso(a.createdAt).localeCompare(toIso(b.createdAt)),
  );
  const extraColumns = areaHooks(activity.area)?.rosterColumns;
  const extras = rows.map((e) => extraColumns?.(e.extra) ?? {});
  const extraHeaders = [...new Set(extras.flatMap((x) => Object.keys(x)))];
  const sheet: SheetSpec = {
    name: '报名名单',
    columns: [
      { header: '序号', key: 'no', width: 6 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '会员卡号', key: 'cardNo', width: 16 },
      { header: '所在工会', key: 'orgName', width: 28 },
      { header: '状态', key: 'status', width: 10 },
      { header: '来源', key: 'source', width: 8 },
      { header: '报名时间', key: 'createdAt', width: 18 },
      { header: '抽签号', key: 'ticket', width: 14 },
      { header: '签到时间', key: 'checkedInAt', width: 18 },
      { header: '逾期取消', key: 'lateCancel', width: 8 },
      { header: '未到', key: 'noShow', width: 6 },
      ...activity.formFields.map((f) => ({ header: f.label, key: `f_${f.key}`, width: 18 })),
      ...extraHeaders.map((h, i) => ({ header: h, key: `x_${i}`, width: 24 })),
    ],
    rows: rows.map((e, i) => {
      const row: Record<string, string | number> = {
        no: i + 1,
        name: e.name,
        cardNo: e.cardNo,
        orgName: e.orgName,
        status: STATUS_TEXT[e.status],
        source: e.source === 'nomination' ? '单位推荐' : '本人报名',
        createdAt: cnTime(e.createdAt),
        ticket: e.ticket,
        checkedInAt: cnTime(e.checkedInAt),
        lateCancel: e.lateCancel ? '是' : '',
        noShow: e.noShow ? '是' : '',
      };
      for (const f of activity.formFields) {
        const answer = e.answers?.[f.key];
        row[`f_${f.key}`] =
          f.type === 'image' ? (answer ? '已上传' : '') : Array.isArray(answer) ? answer.join('、') : (answer ?? '');
      }
      extraHeaders.forEach((h, j) => (row[`x_${j}`] = extras[i][h] ?? ''));
      return row;
    }),
  };
  const content = await buildWorkbook([sheet]);
  const file = await saveExport(content, `enrollment/${activityId}`, `${activity.title}-报名名单`);
  await writeAudit({
    actor: ctx.openid,
    action: 'enrollment.export',
    target: activityId,
    summary: `${activity.title} · 导出${rows.length}人`,
    at: ctx.now,
    kind: 'pii_view',
    details: { rows: rows.length, status: status ?? 'all' },
  });
  return { url: file.url, expiresAt: file.expiresAt, rows: rows.length, fileName: `${activity.title}-报名名单.xlsx` };
}
