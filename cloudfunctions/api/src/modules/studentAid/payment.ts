/**
 * Payment recorded after the 公示 (date, amount, by whom), and the staff export of a window's grants. Recording a
 * payment writes the application and the window (its paid count): an objection upheld at the same moment writes
 * both too, so one of them conflicts and is retried against the other's result — never a payment on a grant
 * withdrawn by an objection. A double tap finds the payment already recorded and answers with it.
 */
import type { ActionContext } from '../../action';
import { findAll, findById, withTransaction } from '../../db';
import { fail } from '../../errors';
import { decryptPii } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { namesOf } from '../../shared/people';
import { assertCoversOrg } from '../../shared/scope';
import { addTimelineEntry } from '../../shared/timeline';
import { buildWorkbook, saveExport } from '../../shared/xlsx';
import { doneDayProblem } from '../../rules/dates';
import { chinaDate } from '../../rules/time';
import { APPLICATION_STATUS_LABELS, SCHOOL_LEVEL_LABELS } from '../../rules/studentAid';
import { STUDENT_AID_COLLECTIONS as C } from './collections';
import { studentAidErrors } from './errors';
import { isWindowOver } from './publicity';
import type { ApplicationRecord, Payment, WindowRecord } from './records';
import type { PaymentInput } from './schemas';
import { toApplicationView } from './toViews';
import type { ApplicationView } from './views';
import { loadManagedWindow } from './windows';

export async function recordPayment(input: PaymentInput, ctx: ActionContext): Promise<ApplicationView> {
  const first = await findById<ApplicationRecord>(C.applications, input.applicationId);
  if (!first) throw fail('NOT_FOUND', '申请不存在');
  assertCoversOrg(ctx, first.orgPath);
  if (first.openid === ctx.openid) throw fail('FORBIDDEN', '不能为本人的申请登记发放，请由所在工会的其他工作人员办理');
  const late = doneDayProblem(input.date, '发放日期', ctx.now);
  if (late) throw fail('INVALID_INPUT', late, { field: 'date' });
  // The staffer's member name, else the name they gave when invited to the role (not a member).
  const staffName = (await namesOf([ctx.openid])).get(ctx.openid);
  const { a, created } = await withTransaction(async (tx) => {
    const found = await tx.get<ApplicationRecord>(C.applications, input.applicationId);
    const w = await tx.get<WindowRecord>(C.windows, first.windowId);
    if (!found || !w) throw fail('NOT_FOUND', '申请不存在');
    if (found.status === 'paid') return { a: { ...found, _id: input.applicationId }, created: false };
    if (found.status !== 'approved')
      throw fail('CONFLICT', `该申请当前为「${APPLICATION_STATUS_LABELS[found.status]}」，不能登记发放`);
    if (!isWindowOver({ ...w, _id: first.windowId }, ctx.now))
      throw studentAidErrors.fail('NOT_PAYABLE', '资助名单公示期结束后才能登记发放');
    // 公示期满后发放: a payment dated before the 公示's last day would contradict the record of it.
    const ended = w.publicity ? chinaDate(new Date(toIso(w.publicity.until))) : '';
    if (input.date < ended) throw fail('INVALID_INPUT', `「发放日期」不能早于资助名单公示结束日（${ended}）`, { field: 'date' });
    if ((w.openObjections ?? 0) > 0)
      throw studentAidErrors.fail('NOT_PAYABLE', `还有${w.openObjections}条公示异议未处理，处理后才能登记发放`);
    if (input.amount > (found.amount ?? 0))
      throw fail('INVALID_INPUT', `「发放金额」不能超过批准的 ${found.amount} 元`, { field: 'amount' });
    const payment: Payment = {
      date: input.date,
      amount: input.amount,
      by: ctx.openid,
      byName: staffName ?? '工会工作人员',
      recordedAt: ctx.now,
    };
    await tx.update(C.applications, input.applicationId, { status: 'paid', payment });
    await tx.update(C.windows, first.windowId, { paidCount: (w.paidCount ?? 0) + 1 });
    return { a: { ...found, _id: input.applicationId, status: 'paid' as const, payment }, created: true };
  });
  if (created) {
    await writeAudit({
      actor: ctx.openid,
      action: 'studentAid.pay',
      target: a._id,
      summary: `登记金秋助学发放 ${input.amount} 元 · ${a.orgName}`,
      at: ctx.now,
      details: { orgId: a.orgId },
    });
    await addTimelineEntry({
      openid: a.openid,
      area: 'studentAid',
      refId: a._id,
      title: `金秋助学 ${input.amount} 元已发放`,
      status: 'paid',
      statusText: '已发放',
      note: `发放日期 ${input.date}`,
      at: ctx.now,
      notify: true,
    });
  }
  return toApplicationView(a);
}

/** The window's grants in Excel for the staff who manage it (audited as a view of the children's data). */
export async function exportGrants(windowId: string, ctx: ActionContext) {
  const w = await loadManagedWindow(windowId, ctx);
  const rows = (await findAll<ApplicationRecord>(C.applications, { windowId: w._id }))
    .filter((a) => a.status === 'approved' || a.status === 'paid')
    .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a._id.localeCompare(b._id));
  const sheet = {
    name: '资助名单',
    columns: [
      { header: '会员姓名', key: 'name', width: 12 },
      { header: '所在工会', key: 'orgName', width: 28 },
      { header: '学生姓名', key: 'childName', width: 12 },
      { header: '学生身份证号', key: 'childId', width: 22 },
      { header: '学段', key: 'level', width: 14 },
      { header: '录取学校', key: 'school', width: 28 },
      { header: '学费（元）', key: 'tuition', width: 12 },
      { header: '资助金额（元）', key: 'amount', width: 14 },
      { header: '状态', key: 'status', width: 10 },
      { header: '发放日期', key: 'paidOn', width: 12 },
      { header: '发放金额（元）', key: 'paid', width: 14 },
      { header: '经办人', key: 'paidBy', width: 12 },
    ],
    rows: rows.map((a) => ({
      name: a.name,
      orgName: a.orgName,
      childName: a.childName,
      childId: decryptPii(a.childIdSealed),
      level: SCHOOL_LEVEL_LABELS[a.level],
      school: a.school,
      tuition: a.tuition,
      amount: a.amount ?? 0,
      status: APPLICATION_STATUS_LABELS[a.status],
      paidOn: a.payment?.date ?? '',
      paid: a.payment?.amount ?? '',
      paidBy: a.payment?.byName ?? '',
    })),
  };
  const file = await saveExport(await buildWorkbook([sheet]), `studentAid/${w._id}`, `${w.title}-资助名单`);
  await writeAudit({
    actor: ctx.openid,
    action: 'studentAid.export',
    target: w._id,
    summary: `${w.title} · 资助名单 · ${rows.length}条`,
    at: ctx.now,
    kind: 'pii_view',
    details: { rows: rows.length },
  });
  return { url: file.url, expiresAt: file.expiresAt, rows: rows.length, fileName: `${w.title}-资助名单.xlsx` };
}
