/**
 * Review in the member's chain: staff of a union covering the member's (the 基层工会 or above) record the home
 * visit; staff of a district-level union covering it (区/县总工会, 行业工会联合会 or the city) decide. Each
 * step is one transaction on the case (a visit and a decision racing on one case: one of them conflicts and
 * is retried against the new state). Staff views of an application are audited.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findById, findPage, withTransaction, type Page } from '../../db';
import { fail } from '../../errors';
import { doneDayProblem } from '../../rules/dates';
import { runsDistrictProgrammes } from '../../rules/orgKinds';
import { overdueBefore } from '../../rules/overdue';
import { auditListView, writeAudit } from '../../shared/audit';
import { checkOwnUpload, temporaryUrls } from '../../shared/files';
import { getOrg } from '../../shared/orgs';
import { assertCoversOrg, coversOrg, orgScopes, subtreeWhere } from '../../shared/scope';
import { addTimelineEntry } from '../../shared/timeline';
import { reviewDays } from '../settings/settings';
import { HARDSHIP_COLLECTIONS as C } from './collections';
import type { HardshipCaseRecord, HardshipFileRecord } from './records';
import { CASE_STATUS_LABELS, HARDSHIP_LEVEL_LABELS, type CaseStatus } from '../../rules/hardship';
import type { HardshipDecideInput } from './schemas';
import { CIVIL_CHECK_LABELS, toCaseView } from './toViews';
import type { CaseDetailView, CaseView } from './views';

const YEAR_MS = 365 * 24 * 3600_000;

export async function hardshipQueue(filter: { status?: CaseStatus; page?: number }, ctx: ActionContext): Promise<Page<CaseView>> {
  const where = subtreeWhere(ctx);
  where.status = filter.status ?? command().in(['submitted', 'visited']);
  const open = !filter.status || filter.status === 'submitted' || filter.status === 'visited';
  const { rows, total } = await findPage<HardshipCaseRecord>(
    C.cases,
    where,
    [['submittedAt', open ? 'asc' : 'desc']],
    filter.page,
  );
  // The list shows each family's income per head and causes (health, disability): a view of personal data.
  await auditListView(ctx, 'hardship.queue', filter.status ?? 'open', `查看困难帮扶申请列表（${rows.length} 户）`);
  return { items: rows.map(toCaseView), total };
}

export async function countOpenCases(ctx: ActionContext): Promise<number> {
  return countWhere(C.cases, { ...subtreeWhere(ctx), status: command().in(['submitted', 'visited']) });
}

/** Of those, the ones submitted before the union's review deadline (工作台's 超期 and the daily reminder). */
export async function countOverdueCases(ctx: ActionContext): Promise<number> {
  const before = overdueBefore(ctx.now, await reviewDays());
  return countWhere(C.cases, {
    ...subtreeWhere(ctx),
    status: command().in(['submitted', 'visited']),
    submittedAt: command().lt(before),
  });
}

/** True when one of the caller's union scopes covering the case is a district-level union (or the caller is admin). */
export async function decidesFor(ctx: ActionContext, orgPath: readonly string[]): Promise<boolean> {
  const scopes = orgScopes(ctx);
  if (scopes === null) return true;
  const covering = scopes.filter((s) => orgPath.includes(s));
  const orgs = await Promise.all(covering.map((id) => getOrg(id)));
  return orgs.some((o) => o && runsDistrictProgrammes(o.kind));
}

/** The application in full: the member themself, or staff of a union in the member's chain (audited). */
export async function getCase(caseId: string, ctx: ActionContext): Promise<CaseDetailView> {
  const c = await findById<HardshipCaseRecord>(C.cases, caseId);
  const own = c?.openid === ctx.openid;
  const staff = Boolean(c && !own && coversOrg(ctx, c.orgPath));
  if (!c || (!own && !staff)) throw fail('NOT_FOUND', '申请不存在或不属于您管辖的工会');
  if (staff) {
    await writeAudit({
      actor: ctx.openid,
      action: 'hardship.get',
      target: c._id,
      summary: `查看困难帮扶申请 · ${c.orgName}`,
      at: ctx.now,
      kind: 'pii_view',
      details: { orgId: c.orgId },
    });
  }
  const photoIds = c.visit?.photoIds ?? [];
  const urls = await temporaryUrls([...c.evidenceIds, ...photoIds]);
  const visit = c.visit && {
    date: c.visit.date,
    visitors: c.visit.visitors,
    findings: c.visit.findings,
    photoUrls: urls.slice(c.evidenceIds.length),
  };
  return {
    ...toCaseView(c),
    household: c.household,
    income: c.income,
    rigidExpenses: c.rigidExpenses,
    story: c.story,
    evidenceUrls: urls.slice(0, c.evidenceIds.length),
    ...(visit ? { visit } : {}),
    ...(c.civilCheck ? { civilCheckText: CIVIL_CHECK_LABELS[c.civilCheck.result] } : {}),
  };
}

export async function recordVisit(
  input: { caseId: string; date: string; visitors: string; findings: string; photos: string[] },
  ctx: ActionContext,
): Promise<CaseView> {
  const late = doneDayProblem(input.date, '走访日期', ctx.now);
  if (late) throw fail('INVALID_INPUT', late, { field: 'date' });
  for (const p of input.photos) checkOwnUpload(p, ctx.openid, 'photos');
  const c = await withTransaction(async (tx) => {
    const found = await tx.get<HardshipCaseRecord>(C.cases, input.caseId);
    if (!found) throw fail('NOT_FOUND', '申请不存在');
    assertCoversOrg(ctx, found.orgPath);
    if (found.openid === ctx.openid) throw fail('FORBIDDEN', '不能办理本人的申请');
    if (found.status !== 'submitted')
      throw fail('CONFLICT', `该申请当前为「${CASE_STATUS_LABELS[found.status]}」，不能再登记入户调查，请刷新`);
    const visit = {
      date: input.date,
      visitors: input.visitors,
      findings: input.findings,
      photoIds: input.photos,
      recordedBy: ctx.openid,
      recordedAt: ctx.now,
    };
    await tx.update(C.cases, input.caseId, { status: 'visited', visit });
    return { ...found, _id: input.caseId, status: 'visited' as const, visit };
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'hardship.visit',
    target: c._id,
    summary: `入户调查 · ${c.orgName}`,
    at: ctx.now,
    details: { orgId: c.orgId },
  });
  await addTimelineEntry({
    openid: c.openid,
    area: 'hardship',
    refId: c._id,
    title: '工会已入户调查',
    status: 'visited',
    statusText: '待认定',
    at: ctx.now,
    notify: true,
  });
  return toCaseView(c);
}

/** The district union decides: 建档 with a level (the file is opened, or renewed, in the same transaction), or not. */
export async function decideCase(input: HardshipDecideInput, ctx: ActionContext): Promise<CaseView> {
  const level = input.level;
  if (input.approve && !level) throw fail('INVALID_INPUT', '「困难类别」认定为困难职工时请选择困难类别', { field: 'level' });
  if (!input.approve && !input.note) throw fail('INVALID_INPUT', '「意见」请填写不予认定的原因，会员会看到', { field: 'note' });
  const first = await findById<HardshipCaseRecord>(C.cases, input.caseId);
  if (!first) throw fail('NOT_FOUND', '申请不存在');
  assertCoversOrg(ctx, first.orgPath);
  if (!(await decidesFor(ctx, first.orgPath)))
    throw fail('FORBIDDEN', '困难职工认定由区（县）总工会办理，基层工会请完成入户调查');
  const c = await withTransaction(async (tx) => {
    const found = await tx.get<HardshipCaseRecord>(C.cases, input.caseId);
    if (!found) throw fail('NOT_FOUND', '申请不存在');
    if (found.openid === ctx.openid) throw fail('FORBIDDEN', '不能办理本人的申请');
    if (found.status === 'submitted') throw fail('CONFLICT', '该申请尚未入户调查，请先由基层工会登记入户调查');
    if (found.status !== 'visited')
      throw fail('CONFLICT', `该申请当前为「${CASE_STATUS_LABELS[found.status]}」，不能再认定，请刷新`);
    const civilCheck = { result: input.civilCheck, note: input.note };
    const decided = {
      status: input.approve ? ('approved' as const) : ('rejected' as const),
      civilCheck,
      decisionReason: input.note,
      decidedBy: ctx.openid,
      decidedAt: ctx.now,
      ...(input.approve ? { level } : {}),
    };
    await tx.update(C.cases, input.caseId, decided);
    // The lock also keeps the last decision, which 消息与待办 shows (inbox.ts) without a query of its own.
    await tx.set(C.locks, found.openid, {
      openCaseId: '',
      updatedAt: ctx.now,
      lastDecision: { caseId: input.caseId, status: decided.status, reason: input.note, at: ctx.now },
    });
    if (input.approve && level) {
      const file = await tx.get<HardshipFileRecord>(C.files, found.openid);
      const fields: Omit<HardshipFileRecord, '_id'> = {
        openid: found.openid,
        name: found.name,
        orgId: found.orgId,
        orgName: found.orgName,
        orgPath: found.orgPath,
        caseId: input.caseId,
        level,
        status: 'active',
        since: ctx.now,
        recheckDue: new Date(ctx.now.getTime() + YEAR_MS),
        helpCount: file?.helpCount ?? 0,
        helpTotalFen: file?.helpTotalFen ?? 0,
      };
      await tx.set(C.files, found.openid, fields);
    }
    return { ...found, _id: input.caseId, ...decided };
  });
  await writeAudit({
    actor: ctx.openid,
    action: input.approve ? 'hardship.approve' : 'hardship.reject',
    target: c._id,
    summary: input.approve
      ? `认定困难职工（${HARDSHIP_LEVEL_LABELS[level ?? 'general']}）· ${c.orgName}`
      : `不予认定 · ${c.orgName}`,
    at: ctx.now,
    details: { orgId: c.orgId },
  });
  await addTimelineEntry({
    openid: c.openid,
    area: 'hardship',
    refId: c._id,
    title: input.approve ? '已认定为困难职工，建立帮扶档案' : '困难帮扶申请未予认定',
    status: c.status,
    statusText: CASE_STATUS_LABELS[c.status],
    ...(input.approve ? {} : { note: input.note }),
    at: ctx.now,
    notify: true,
  });
  return toCaseView(c);
}
