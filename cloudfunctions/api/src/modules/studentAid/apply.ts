/**
 * A member applies for 金秋助学 for a child admitted to university, college or high school. One grant per student
 * per school year, whoever applies: the application and the student's claim document (keyed by the school year
 * and the keyed hash of the child's ID number) are written in one transaction, so two parents applying for one
 * child, or a double tap, race on the claim and one loses. Withdrawing (and a refusal) gives the claim back,
 * only when this application holds it.
 */
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { findMany, withTransaction, type Tx } from '../../db';
import { fail } from '../../errors';
import { maskIdNumber } from '../../lib/mask';
import { encryptPii, hashIdNumber } from '../../lib/pii';
import { checkOwnUpload } from '../../shared/files';
import { requireActiveMember } from '../../shared/members';
import { addTimelineEntry } from '../../shared/timeline';
import { normalizeIdNumber } from '../../rules/idNumber';
import { incomePerHead, isWindowOpenOn, OPEN_STATUSES } from '../../rules/studentAid';
import { chinaDate } from '../../rules/time';
import { checkEvidence } from '../legalAid/checkEvidence';
import { activeHardshipFileOf, hardshipIncomeLine } from '../hardship/eligibility';
import { STUDENT_AID_COLLECTIONS as C } from './collections';
import { studentAidErrors } from './errors';
import type { ApplicationRecord, ClaimRecord, WindowRecord } from './records';
import type { ApplyInput } from './schemas';
import { toApplicationView } from './toViews';
import type { ApplicationView, MyStudentAidView } from './views';
import { loadWindow, windowsForPath } from './windows';

export function claimIdOf(schoolYear: number, childIdNumber: string): string {
  return `${schoolYear}_${hashIdNumber(normalizeIdNumber(childIdNumber))}`;
}

/** Why the family may apply, or a refusal the member can act on. */
async function basisFor(input: ApplyInput, openid: string, w: WindowRecord): Promise<ApplicationRecord['basis']> {
  const file = await activeHardshipFileOf(openid);
  if (file) return { kind: 'file', levelText: file.levelText };
  if (w.rule === 'file')
    throw studentAidErrors.fail('NOT_ELIGIBLE', '本次金秋助学仅限已建档的困难职工家庭申请；如家庭困难，请先申请困难帮扶');
  if (!input.household)
    throw fail('INVALID_INPUT', '「家庭收入」您的家庭尚未建立困难职工档案，请填写家庭人口和收入', { field: 'household' });
  const { householdSize, income, rigidExpenses } = input.household;
  const perHead = incomePerHead(income, rigidExpenses, householdSize);
  const line = await hardshipIncomeLine();
  if (perHead > line)
    throw studentAidErrors.fail(
      'NOT_ELIGIBLE',
      `按您填写的情况，家庭月人均收入为 ${perHead} 元，高于本会困难帮扶标准 ${line} 元，暂不符合金秋助学申请条件`,
      { field: 'household' },
    );
  return { kind: 'income', incomePerHead: perHead, line, householdSize };
}

export async function applyForAid(input: ApplyInput, ctx: ActionContext): Promise<ApplicationView> {
  const member = await requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能申请金秋助学');
  const w = await loadWindow(input.windowId);
  if (!member.orgPath.includes(w.orgId))
    throw studentAidErrors.fail('NOT_ELIGIBLE', `本次金秋助学面向${w.orgName}所属会员，您不在范围内`);
  if (w.publicity || !isWindowOpenOn(chinaDate(ctx.now), w))
    throw fail('CONFLICT', `${w.title}申请时间为 ${w.opensOn} 至 ${w.closesOn}，当前不在申请时间内`);
  checkOwnUpload(input.admissionLetter, ctx.openid, 'admissionLetter');
  checkOwnUpload(input.receipt, ctx.openid, 'receipt');
  // Named by the form's own field (checkEvidence would name `evidence`, which this form does not have).
  if (input.receipt === input.admissionLetter)
    throw fail('INVALID_INPUT', '「学费缴费凭证」与录取通知书照片是同一个文件，请分别上传', { field: 'receipt' });
  const basis = await basisFor(input, ctx.openid, w);
  await checkEvidence([input.admissionLetter, input.receipt], ctx.openid);

  const childId = normalizeIdNumber(input.childIdNumber);
  const claimId = claimIdOf(w.schoolYear, childId);
  const record: ApplicationRecord = {
    _id: `SA${ctx.now.getTime().toString(36)}${randomBytes(5).toString('hex')}`,
    windowId: w._id,
    schoolYear: w.schoolYear,
    openid: ctx.openid,
    name: member.name,
    orgId: member.orgId,
    orgName: member.orgName,
    orgPath: member.orgPath,
    childName: input.childName,
    childIdSealed: encryptPii(childId),
    childIdMasked: maskIdNumber(childId),
    claimId,
    level: input.level,
    school: input.school,
    major: input.major,
    tuition: input.tuition,
    admissionLetterId: input.admissionLetter,
    receiptId: input.receipt,
    basis,
    consentAt: ctx.now,
    status: 'submitted',
    submittedAt: ctx.now,
  };
  await withTransaction(async (tx) => {
    const claim = await tx.get<ClaimRecord>(C.claims, claimId);
    if (claim?.applicationId) {
      const holder = await tx.get<ApplicationRecord>(C.applications, claim.applicationId);
      if (holder && holder.status !== 'withdrawn' && holder.status !== 'rejected')
        throw fail(
          'CONFLICT',
          holder.openid === ctx.openid
            ? '您已为该学生提交本学年的金秋助学申请，请在「我的申请」查看进度'
            : '该学生本学年已有家长申请金秋助学，每名学生每学年只能获得一次资助',
        );
    }
    const { _id, ...fields } = record;
    await tx.set(C.applications, _id, fields);
    await tx.set(C.claims, claimId, { schoolYear: w.schoolYear, applicationId: _id, updatedAt: ctx.now });
  });
  // Write, then look: the window's checks above and this application are not one transaction with the publishing
  // (the period may end early, the list be published meanwhile). Published since, this application is refused here;
  // else the publishing, which looks for open applications after it commits, refuses it (refuseLateApplication).
  if ((await loadWindow(w._id)).publicity) {
    await refuseLateApplication(record._id, ctx.now);
    throw fail('CONFLICT', `${w.title}资助名单已公示，申请时间已结束，本次申请未能提交`);
  }
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'studentAid',
    refId: record._id,
    title: '金秋助学申请已提交',
    status: 'submitted',
    statusText: '待基层工会审核',
    at: ctx.now,
  });
  return toApplicationView(record);
}

/** Why an application that landed after its window's grant list was published is refused (the member reads it). */
export const LATE_NOTE = '资助名单公示前申请时间已结束，本次申请未能受理';

/**
 * Refuses an application still open in a window whose grant list is published (nobody can check or decide it any
 * more) and gives the student's claim back. True when this call refused it (safe to run twice).
 */
export async function refuseLateApplication(applicationId: string, now: Date): Promise<boolean> {
  return withTransaction(async (tx) => {
    const a = await tx.get<ApplicationRecord>(C.applications, applicationId);
    if (!a || !OPEN_STATUSES.includes(a.status)) return false;
    await tx.update(C.applications, applicationId, { status: 'rejected', decisionNote: LATE_NOTE, decidedAt: now });
    await releaseClaim(tx, a, applicationId);
    return true;
  });
}

/** Gives the student's claim back, only when `applicationId` holds it (a later holder keeps theirs). */
export async function releaseClaim(tx: Tx, a: { claimId: string }, applicationId: string): Promise<void> {
  const claim = await tx.get<ClaimRecord>(C.claims, a.claimId);
  if (claim?.applicationId === applicationId) await tx.remove(C.claims, a.claimId);
}

export async function withdrawApplication(applicationId: string, ctx: ActionContext): Promise<ApplicationView> {
  const a = await withTransaction(async (tx) => {
    const found = await tx.get<ApplicationRecord>(C.applications, applicationId);
    if (!found || found.openid !== ctx.openid) throw fail('NOT_FOUND', '申请不存在');
    if (!OPEN_STATUSES.includes(found.status)) throw fail('CONFLICT', '该申请已审定，不能撤回');
    await tx.update(C.applications, applicationId, { status: 'withdrawn', decidedAt: ctx.now });
    await releaseClaim(tx, found, applicationId);
    return { ...found, _id: applicationId, status: 'withdrawn' as const, decidedAt: ctx.now };
  });
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'studentAid',
    refId: applicationId,
    title: '金秋助学申请已撤回',
    status: 'withdrawn',
    statusText: '已撤回',
    at: ctx.now,
  });
  return toApplicationView(a);
}

/** The member's windows, applications (the child masked) and whether the form needs the family's income. */
export async function myStudentAid(ctx: ActionContext): Promise<MyStudentAidView> {
  const member = await requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能申请金秋助学');
  const [windows, applications, file, incomeLine] = await Promise.all([
    windowsForPath(member.orgPath, ctx.now),
    findMany<ApplicationRecord>(C.applications, { openid: ctx.openid }, { orderBy: [['submittedAt', 'desc']], limit: 20 }),
    activeHardshipFileOf(ctx.openid),
    hardshipIncomeLine(),
  ]);
  return {
    windows,
    applications: applications.map(toApplicationView),
    hardshipFile: file ? { levelText: file.levelText } : null,
    incomeLine,
  };
}
