/**
 * A member applies for hardship help for the family. At most one open application per member: the case and the
 * member's lock document are written in one transaction, so two taps (or two phones) race on the lock and one
 * loses. A member whose family is already on file (在档) is told so instead.
 */
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { findById, findMany, withTransaction } from '../../db';
import { fail } from '../../errors';
import { requireActiveMember } from '../../shared/members';
import { addTimelineEntry } from '../../shared/timeline';
import { checkEvidence } from '../legalAid/checkEvidence';
import { HARDSHIP_COLLECTIONS as C } from './collections';
import type { HardshipCaseRecord, HardshipFileRecord, HelpRecord } from './records';
import { incomePerHead, OPEN_CASE_STATUSES, qualifyingLine } from '../../rules/hardship';
import type { HardshipApplyInput } from './schemas';
import { loadStandard } from './standard';
import { toCaseView, toFileView, toHelpView } from './toViews';
import type { CaseView, MyHardshipView } from './views';

interface LockRecord {
  openCaseId?: string;
}

export async function applyForHelp(input: HardshipApplyInput, ctx: ActionContext): Promise<CaseView> {
  const member = await requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能申请困难帮扶');
  // The household's total includes what each member earns (it may add other income): summed in fen, exactly.
  const membersFen = input.household.reduce((sum, h) => sum + Math.round(h.income * 100), 0);
  if (Math.round(input.income * 100) < membersFen)
    throw fail('INVALID_INPUT', `「家庭月总收入」不能低于家庭成员月收入之和 ${membersFen / 100} 元，请核对后填写`, {
      field: 'income',
    });
  const standard = await loadStandard();
  const perHead = incomePerHead(input.income, input.rigidExpenses, input.household.length);
  const line = qualifyingLine(standard);
  if (perHead > line) {
    throw fail(
      'INVALID_INPUT',
      `「家庭月总收入」按您填写的情况，家庭月人均收入为 ${perHead} 元，高于本会帮扶标准 ${line} 元，暂不符合申请条件；如有医疗等刚性支出，请如实填写「每月刚性支出」`,
      { field: 'income' },
    );
  }
  await checkEvidence(input.evidence, ctx.openid);

  const record: HardshipCaseRecord = {
    _id: `H${ctx.now.getTime().toString(36)}${randomBytes(5).toString('hex')}`,
    openid: ctx.openid,
    name: member.name,
    cardNo: member.cardNo,
    orgId: member.orgId,
    orgName: member.orgName,
    orgPath: member.orgPath,
    household: input.household,
    income: input.income,
    rigidExpenses: input.rigidExpenses,
    incomePerHead: perHead,
    causes: input.causes,
    story: input.story,
    helpAsked: input.helpAsked,
    evidenceIds: input.evidence,
    consentAt: ctx.now,
    status: 'submitted',
    submittedAt: ctx.now,
  };
  await withTransaction(async (tx) => {
    const lock = await tx.get<LockRecord>(C.locks, ctx.openid);
    if (lock?.openCaseId) {
      const open = await tx.get<HardshipCaseRecord>(C.cases, lock.openCaseId);
      if (open && OPEN_CASE_STATUSES.includes(open.status))
        throw fail('CONFLICT', '您已有正在办理的困难帮扶申请，请在「我的申请」查看进度');
    }
    const file = await tx.get<HardshipFileRecord>(C.files, ctx.openid);
    if (file?.status === 'active') throw fail('CONFLICT', '您的家庭已在困难职工档案中，无需重复申请；如情况变化请联系所在工会');
    const { _id, ...fields } = record;
    await tx.set(C.cases, _id, fields);
    await tx.set(C.locks, ctx.openid, { openCaseId: _id, updatedAt: ctx.now });
  });
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'hardship',
    refId: record._id,
    title: '困难帮扶申请已提交',
    status: 'submitted',
    statusText: '待入户调查',
    at: ctx.now,
  });
  return toCaseView(record);
}

/** The member withdraws an application before the district union decides. */
export async function withdrawCase(caseId: string, ctx: ActionContext): Promise<CaseView> {
  const c = await withTransaction(async (tx) => {
    const found = await tx.get<HardshipCaseRecord>(C.cases, caseId);
    if (!found || found.openid !== ctx.openid) throw fail('NOT_FOUND', '申请不存在');
    if (!OPEN_CASE_STATUSES.includes(found.status)) throw fail('CONFLICT', '该申请已办结，不能撤回');
    await tx.update(C.cases, caseId, { status: 'withdrawn', decidedAt: ctx.now });
    await tx.set(C.locks, ctx.openid, { openCaseId: '', updatedAt: ctx.now });
    return { ...found, _id: caseId, status: 'withdrawn' as const, decidedAt: ctx.now };
  });
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'hardship',
    refId: caseId,
    title: '困难帮扶申请已撤回',
    status: 'withdrawn',
    statusText: '已撤回',
    at: ctx.now,
  });
  return toCaseView(c);
}

/** The member's applications, their file and the help recorded on it. */
export async function myHardship(ctx: ActionContext): Promise<MyHardshipView> {
  const [cases, file, help] = await Promise.all([
    findMany<HardshipCaseRecord>(C.cases, { openid: ctx.openid }, { orderBy: [['submittedAt', 'desc']], limit: 20 }),
    findById<HardshipFileRecord>(C.files, ctx.openid),
    findMany<HelpRecord>(C.help, { openid: ctx.openid }, { orderBy: [['date', 'desc']], limit: 50 }),
  ]);
  return { cases: cases.map(toCaseView), file: file ? toFileView(file) : null, help: help.map(toHelpView) };
}
