/**
 * 欠薪求助, the short path: employer, months owed, amount, co-workers affected, a contact number — routed to the
 * union of the employer's district (the member picks one of the union's districts). Staff of that union (or
 * above) accept, record what was done (协调 / 移送劳动监察 / 仲裁) and close; every step is one guarded transaction
 * on the record and lands in the member's 我的申请. Staff views of the full record are audited.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findById, findPage, withTransaction, type Page } from '../../db';
import { fail } from '../../errors';
import { maskMobile } from '../../lib/mask';
import { decryptPii, encryptPii } from '../../lib/pii';
import { isOwnRecentStep } from '../../lib/time';
import {
  maskEmployer,
  unionOfDistrict,
  WAGE_ACTION_LABELS,
  WAGE_ACTIONS,
  WAGE_STATUS_LABELS,
  type WageAction,
  type WageStatus,
} from '../../rules/legalQa';
import { overdueBefore } from '../../rules/overdue';
import { writeAudit } from '../../shared/audit';
import { requireActiveMember } from '../../shared/members';
import { listAllOrgs } from '../../shared/orgs';
import { coversOrg, subtreeWhere } from '../../shared/scope';
import { addTimelineEntry } from '../../shared/timeline';
import { getSettings, reviewDays } from '../settings/settings';
import { LEGAL_QA_COLLECTIONS as C } from './collections';
import type { WageRecord, WageStep } from './records';
import type { LegalQaHandleWageInput, LegalQaReportWageInput } from './schemas';
import { toWageView } from './toViews';
import type { WageDetailView, WageView } from './views';
import { idOfRequest } from '../../lib/requestIds';

export async function reportWage(input: LegalQaReportWageInput, ctx: ActionContext): Promise<WageView> {
  const member = await requireActiveMember(ctx.openid, '您的会籍当前不可用，请拨打12351职工服务热线求助');
  const settings = await getSettings();
  if (!settings.union.districts.includes(input.district)) {
    throw fail('INVALID_INPUT', '「用人单位所在辖区」请从列表中选择', { field: 'district' });
  }
  const org = unionOfDistrict(await listAllOrgs(), input.district);
  if (!org) throw fail('INVALID_INPUT', '「用人单位所在辖区」该辖区暂无工会受理，请拨打12351职工服务热线', { field: 'district' });
  const w: WageRecord = {
    _id: idOfRequest('W', ctx.openid, input.requestId),
    openid: ctx.openid,
    name: member.name,
    employerSealed: encryptPii(input.employer),
    employerMasked: maskEmployer(input.employer),
    monthsOwed: input.monthsOwed,
    amount: input.amount,
    coworkers: input.coworkers,
    mobileSealed: encryptPii(input.contactMobile),
    mobileMasked: maskMobile(input.contactMobile),
    district: input.district,
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    status: 'submitted',
    submittedAt: ctx.now,
    steps: [{ kind: 'submitted', note: '', at: ctx.now, by: ctx.openid }],
  };
  const { _id, ...fields } = w;
  // One report per form: a second tap finds the first one's record and answers with it.
  const earlier = await withTransaction(async (tx) => {
    const found = await tx.get<WageRecord>(C.wages, _id);
    if (!found) await tx.insert(C.wages, _id, fields);
    return found;
  });
  if (earlier) return toWageView({ ...earlier, _id }, false);
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'legalQaWage',
    refId: _id,
    title: '欠薪求助已提交',
    status: 'submitted',
    statusText: WAGE_STATUS_LABELS.submitted,
    note: org.name,
    at: ctx.now,
  });
  return toWageView(w, false);
}

export async function myWages(page: number | undefined, ctx: ActionContext): Promise<Page<WageView>> {
  const { rows, total } = await findPage<WageRecord>(C.wages, { openid: ctx.openid }, [['submittedAt', 'desc']], page);
  return { items: rows.map((w) => toWageView(w, false)), total };
}

export async function wageQueue(input: { status?: WageStatus; page?: number }, ctx: ActionContext): Promise<Page<WageView>> {
  const where = { ...subtreeWhere(ctx), status: input.status ?? command().in(['submitted', 'accepted']) };
  const { rows, total } = await findPage<WageRecord>(
    C.wages,
    where,
    [['submittedAt', input.status === 'closed' ? 'desc' : 'asc']],
    input.page,
  );
  return { items: rows.map((w) => toWageView(w, true)), total };
}

export async function countOpenWages(ctx: ActionContext): Promise<number> {
  if (!ctx.isAdmin && !ctx.grants.some((g) => g.role === 'staff')) return 0;
  return countWhere(C.wages, { ...subtreeWhere(ctx), status: command().in(['submitted', 'accepted']) });
}

/** Reports not yet accepted that were submitted before the union's review deadline (工作台's 超期, the reminder). */
export async function countOverdueWages(ctx: ActionContext): Promise<number> {
  if (!ctx.isAdmin && !ctx.grants.some((g) => g.role === 'staff')) return 0;
  const before = overdueBefore(ctx.now, await reviewDays());
  return countWhere(C.wages, { ...subtreeWhere(ctx), status: 'submitted', submittedAt: command().lt(before) });
}

function nextSteps(status: WageStatus): WageDetailView['nextSteps'] {
  if (status === 'submitted') return ['accept'];
  if (status === 'accepted') return ['coordinate', 'labor_inspection', 'arbitration', 'close'];
  return [];
}

const isStaffFor = (w: WageRecord, ctx: ActionContext) =>
  (ctx.isAdmin || ctx.grants.some((g) => g.role === 'staff')) && coversOrg(ctx, w.orgPath);

function toDetail(w: WageRecord, staff: boolean): WageDetailView {
  return {
    ...toWageView(w, staff),
    employer: decryptPii(w.employerSealed),
    ...(staff ? { mobile: decryptPii(w.mobileSealed), name: w.name } : {}),
    nextSteps: staff ? nextSteps(w.status) : [],
  };
}

/** The member's own, or staff of the union it was routed to (or above; audited). */
export async function getWage(wageId: string, ctx: ActionContext): Promise<WageDetailView> {
  const w = await findById<WageRecord>(C.wages, wageId);
  const own = w?.openid === ctx.openid;
  const staff = Boolean(w && !own && isStaffFor(w, ctx));
  if (!w || (!own && !staff)) throw fail('NOT_FOUND', '欠薪求助不存在或不属于您管辖的工会');
  if (staff) {
    await writeAudit({
      actor: ctx.openid,
      action: 'legalQa.wage',
      target: w._id,
      summary: `查看欠薪求助 · ${w.orgName}`,
      at: ctx.now,
      kind: 'pii_view',
      details: { orgId: w.orgId },
    });
  }
  return toDetail(w, staff);
}

const STEP_TEXT: Record<LegalQaHandleWageInput['step'], string> = {
  accept: '工会已受理',
  close: '已办结',
  ...(WAGE_ACTION_LABELS as Record<WageAction, string>),
};

const isWageAction = (kind: WageStep['kind']): kind is WageAction => (WAGE_ACTIONS as readonly string[]).includes(kind);

export async function handleWage(input: LegalQaHandleWageInput, ctx: ActionContext): Promise<WageDetailView> {
  if (input.step === 'close' && !input.note) {
    throw fail('INVALID_INPUT', '「处理说明」办结时请写明处理结果', { field: 'note' });
  }
  const after = await withTransaction(async (tx) => {
    const w = await tx.get<WageRecord>(C.wages, input.wageId);
    if (!w) throw fail('NOT_FOUND', '欠薪求助不存在或不属于您管辖的工会');
    const record = { ...w, _id: input.wageId };
    if (!isStaffFor(record, ctx)) throw fail('FORBIDDEN', '该欠薪求助不属于您管辖的工会，无权处理');
    if (w.openid === ctx.openid) throw fail('FORBIDDEN', '不能办理本人提交的欠薪求助，请由所在工会的其他工作人员办理');
    const kind: WageStep['kind'] = input.step === 'accept' ? 'accepted' : input.step === 'close' ? 'closed' : input.step;
    // What was done (协调…) may be recorded again and again while the report is handled; the one this staff member
    // just recorded, sent again (a double tap, a retry), is recorded and told once. 受理 and 办结 happen once anyway.
    const last = w.steps[w.steps.length - 1];
    if (isWageAction(kind) && isOwnRecentStep(last, ctx) && last.kind === kind && last.note === input.note) {
      return { ...record, repeat: true };
    }
    if (!nextSteps(w.status).includes(input.step)) {
      throw fail('CONFLICT', `该欠薪求助${WAGE_STATUS_LABELS[w.status]}，不能${STEP_TEXT[input.step]}，请刷新后查看`);
    }
    const status: WageStatus = input.step === 'accept' ? 'accepted' : input.step === 'close' ? 'closed' : w.status;
    const steps = [...w.steps, { kind, note: input.note, at: ctx.now, by: ctx.openid }];
    await tx.update(C.wages, input.wageId, { status, steps, updatedAt: ctx.now });
    return { ...record, status, steps, repeat: false };
  });
  if (after.repeat) return toDetail(after, true);
  await writeAudit({
    actor: ctx.openid,
    action: 'legalQa.handleWage',
    target: after._id,
    summary: `${STEP_TEXT[input.step]} · ${after.orgName}`,
    at: ctx.now,
    details: { step: input.step },
  });
  await addTimelineEntry({
    openid: after.openid,
    area: 'legalQaWage',
    refId: after._id,
    title: `欠薪求助：${STEP_TEXT[input.step]}`,
    status: after.status,
    statusText: WAGE_STATUS_LABELS[after.status],
    ...(input.note ? { note: input.note } : {}),
    at: ctx.now,
    notify: true,
  });
  return toDetail(after, true);
}
