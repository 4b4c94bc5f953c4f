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

  const applicationId = applicationIdFor(ctx.openid);
  const existing = await findById<ApplicationRecord>(COLLECTIONS.applications, applicationId);
  if (existing?.status === 'approved') throw new AppError('APPLICATION_LOCKED', LOCKED_MESSAGE);

  const idNumber = normalizeIdNumber(input.idNumber);
  const idHash = hashIdNumber(idNumber);
  await claimIdNumber(idHash, ctx.openid, applicationId, ctx.now);
  if (existing && existing.idHash !== idHash) await releaseIdNumber(existing.idHash, ctx.openid);

  const fields = {
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
    status: 'pending' as const,
    submittedAt: ctx.now,
  };
  const _ = command();
  const record: ApplicationRecord = { _id: applicationId, ...fields };
  if (input.occupation) record.occupation = input.occupation;

  let created = false;
  if (!existing)
    created = await insertUnique(COLLECTIONS.applications, applicationId, {
      ...fields,
      ...(input.occupation ? { occupation: input.occupation } : {}),
    });
  if (!created) {
    // Resubmission: guarded so an approval that happened meanwhile is never overwritten.
    const updated = await updateWhere(
      COLLECTIONS.applications,
      { _id: applicationId, status: _.in(['pending', 'rejected']) },
      {
        ...fields,
        occupation: input.occupation ?? _.remove(),
        rejectReason: _.remove(),
        reviewedAt: _.remove(),
        reviewedBy: _.remove(),
      },
    );
    if (updated !== 1) throw new AppError('APPLICATION_LOCKED', LOCKED_MESSAGE);
  }

  await addTimelineEntry({
    openid: ctx.openid,
    area: 'membership',
    refId: applicationId,
    title: existing ? '入会申请已重新提交' : '入会申请已提交',
    status: 'pending',
    statusText: '待审核',
    note: org.name,
    at: ctx.now,
  });
  return toApplicationView(record);
}

export async function getMyApplication(openid: string): Promise<ApplicationView | null> {
  const record = await findById<ApplicationRecord>(COLLECTIONS.applications, applicationIdFor(openid));
  return record ? toApplicationView(record) : null;
}
