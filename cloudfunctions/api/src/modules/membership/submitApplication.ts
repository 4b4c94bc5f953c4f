import type { ActionContext } from '../../action';
import { COLLECTIONS, command, findById, insertUnique, updateWhere } from '../../db';
import { AppError } from '../../errors';
import { normalizeIdNumber } from '../../lib/idNumber';
import { maskIdNumber, maskMobile } from '../../lib/mask';
import { encryptPii, hashIdNumber, opaqueId } from '../../lib/pii';
import type { ApplicationRecord } from '../../records';
import type { ApplicationView } from '../../views';
import { findMemberByOpenid } from '../card/loadMember';
import { checkJoinableOrg } from '../org/checkJoinableOrg';
import { ensureAccount } from '../session/ensureAccount';
import { addTimelineEntry } from '../timeline/addTimelineEntry';
import { claimIdNumber, releaseIdNumber } from './claimIdNumber';
import type { MemberApplyInput } from './schemas';
import { toApplicationView } from './toApplicationView';

export function applicationIdFor(openid: string): string {
  return opaqueId('A', openid);
}

const LOCKED_MESSAGE = '您的入会申请已审核通过，不能再修改；如需变更所在工会请申请转会';

/** 实名入会: create the application, or correct and resubmit a pending/rejected one. */
export async function submitApplication(input: MemberApplyInput, ctx: ActionContext): Promise<ApplicationView> {
  if (input.channel === 'new_employment' && !input.occupation) {
    throw new AppError('INVALID_INPUT', '「职业」请选择您的职业类型', { field: 'occupation' });
  }
  const org = await checkJoinableOrg(input.orgId, input.channel);
  await ensureAccount(ctx.openid, ctx.now);
  if (await findMemberByOpenid(ctx.openid)) throw new AppError('APPLICATION_LOCKED', LOCKED_MESSAGE);

  const idNumber = normalizeIdNumber(input.idNumber);
  const idHash = hashIdNumber(idNumber);
  const record: ApplicationRecord = {
    _id: applicationIdFor(ctx.openid),
    openid: ctx.openid,
    name: input.name,
    idHash,
    idSealed: encryptPii(idNumber),
    idMasked: maskIdNumber(idNumber),
    mobileSealed: encryptPii(input.mobile),
    mobileMasked: maskMobile(input.mobile),
    workUnit: input.workUnit,
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    channel: input.channel,
    status: 'pending',
    submittedAt: ctx.now,
  };
  if (input.occupation) record.occupation = input.occupation;

  await claimIdNumber(idHash, ctx.openid, record._id, ctx.now);
  let previous: ApplicationRecord | null;
  try {
    previous = await writeApplication(record);
  } catch (error) {
    // Our application was not stored, so our new claim must not outlive it (unless the stored one holds it too).
    const stored = await findById<ApplicationRecord>(COLLECTIONS.applications, record._id);
    if (stored?.idHash !== idHash) await releaseIdNumber(idHash, ctx.openid);
    throw error;
  }
  // Only now has the stored application stopped holding its old number; freeing it earlier could free the
  // number of an application a reviewer approves in between.
  if (previous && previous.idHash !== idHash) await releaseIdNumber(previous.idHash, ctx.openid);

  await addTimelineEntry({
    openid: ctx.openid,
    area: 'membership',
    refId: record._id,
    title: previous ? '入会申请已重新提交' : '入会申请已提交',
    status: 'pending',
    statusText: '待审核',
    note: org.name,
    at: ctx.now,
  });
  return toApplicationView(record);
}

/**
 * Creates the application, or replaces the stored pending/rejected one; returns the version it replaced.
 * The replacement is guarded by the version read (status and submittedAt), so an approval or another
 * submission that lands meanwhile is never overwritten: this caller gets an error instead.
 */
async function writeApplication(record: ApplicationRecord): Promise<ApplicationRecord | null> {
  const { _id, ...data } = record;
  const existing = await findById<ApplicationRecord>(COLLECTIONS.applications, _id);
  if (!existing && (await insertUnique(COLLECTIONS.applications, _id, data))) return null;
  // A correction, or a first submission that lost to a concurrent one from the same account.
  const previous = existing ?? (await findById<ApplicationRecord>(COLLECTIONS.applications, _id));
  if (previous?.status === 'approved') throw new AppError('APPLICATION_LOCKED', LOCKED_MESSAGE);
  const _ = command();
  const updated = previous
    ? await updateWhere(
        COLLECTIONS.applications,
        { _id, status: _.in(['pending', 'rejected']), submittedAt: previous.submittedAt },
        {
          ...data,
          occupation: data.occupation ?? _.remove(),
          rejectReason: _.remove(),
          reviewedAt: _.remove(),
          reviewedBy: _.remove(),
        },
      )
    : 0;
  if (updated === 1) return previous;
  const now = await findById<ApplicationRecord>(COLLECTIONS.applications, _id);
  if (now?.status === 'approved') throw new AppError('APPLICATION_LOCKED', LOCKED_MESSAGE);
  throw new AppError('CONFLICT', '您的申请刚刚已在别处提交或修改，请刷新后查看');
}

export async function getMyApplication(openid: string): Promise<ApplicationView | null> {
  const record = await findById<ApplicationRecord>(COLLECTIONS.applications, applicationIdFor(openid));
  return record ? toApplicationView(record) : null;
}
