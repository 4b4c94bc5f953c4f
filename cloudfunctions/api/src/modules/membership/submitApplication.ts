import type { ActionContext } from '../../action';
import { findById, findByIdJoined, insertUnique, withTransaction, type Lookup, type Tx } from '../../db';
import { fail } from '../../errors';
import { maskIdNumber, maskMobile } from '../../lib/mask';
import { decryptPii, encryptPii, hashIdNumber, hashMobile, opaqueId } from '../../lib/pii';
import { normalizeIdNumber, personFacts } from '../../rules/idNumber';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { AccountRecord, MemberRecord, OrgRecord } from '../../shared/records';
import { addTimelineEntry } from '../../shared/timeline';
import { assertJoinable } from './checkJoinableOrg';
import { MEMBERSHIP_COLLECTIONS as C } from './collections';
import { membershipErrors } from './errors';
import type { ApplicationRecord, IdRegistryRecord } from './records';
import type { MembershipApplyInput } from './schemas';
import { toApplicationView } from './toApplicationView';
import type { ApplicationView } from './views';

export function applicationIdFor(openid: string): string {
  return opaqueId('A', openid);
}

const LOCKED_MESSAGE = '您的入会申请已审核通过，不能再修改；如需变更所在工会请申请转会';

/** 实名入会: create the application, or correct and resubmit a pending/rejected one. */
export async function submitApplication(input: MembershipApplyInput, ctx: ActionContext): Promise<ApplicationView> {
  if (input.channel === 'new_employment' && !input.occupation) {
    throw fail('INVALID_INPUT', '「职业」请选择您的职业类型', { field: 'occupation' });
  }
  // One request: the org, with the caller's account, member record and application joined in.
  const org = assertJoinable(
    await findByIdJoined<OrgWithCaller>(CORE_COLLECTIONS.orgs, input.orgId, CALLER_LOOKUPS, { caller: ctx.openid }),
    input.channel,
  );
  if (!org.joinedAccounts?.length)
    await insertUnique(CORE_COLLECTIONS.accounts, ctx.openid, { openid: ctx.openid, createdAt: ctx.now });
  if (org.joinedMembers?.length) throw membershipErrors.fail('APPLICATION_LOCKED', LOCKED_MESSAGE);

  const idNumber = normalizeIdNumber(input.idNumber);
  const record: ApplicationRecord = {
    _id: applicationIdFor(ctx.openid),
    openid: ctx.openid,
    name: input.name.trim(),
    idHash: hashIdNumber(idNumber),
    idSealed: encryptPii(idNumber),
    idMasked: maskIdNumber(idNumber),
    mobileSealed: encryptPii(input.mobile),
    mobileMasked: maskMobile(input.mobile),
    mobileHash: hashMobile(input.mobile),
    ...personFacts(idNumber),
    workUnit: input.workUnit,
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    channel: input.channel,
    status: 'pending',
    consent: { version: input.privacyConsent, at: ctx.now },
    submittedAt: ctx.now,
  };
  if (input.occupation) record.occupation = input.occupation;

  const seenBefore = (org.joinedApplications ?? []).some((a) => a._id === record._id);
  const previous = await storeApplication(record, seenBefore);
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

interface OrgWithCaller extends OrgRecord {
  joinedAccounts?: AccountRecord[];
  joinedMembers?: MemberRecord[];
  joinedApplications?: ApplicationRecord[];
}

const CALLER_LOOKUPS: Lookup[] = [
  { from: CORE_COLLECTIONS.accounts, localField: 'caller', foreignField: '_id', as: 'joinedAccounts' },
  { from: CORE_COLLECTIONS.members, localField: 'caller', foreignField: '_id', as: 'joinedMembers' },
  { from: C.applications, localField: 'caller', foreignField: 'openid', as: 'joinedApplications' },
];

/**
 * A first application (none seen) is two inserts in one transaction: the ID number's registry entry and the
 * application, each refused when its _id exists — so both are written or neither, and a number held by
 * anyone (or an application made meanwhile, e.g. a second tap) sends it to the full path below, which reads
 * what is stored and decides (a correction, or ALREADY_MEMBER with its message). Returns the version replaced.
 */
async function storeApplication(record: ApplicationRecord, seenBefore: boolean): Promise<ApplicationRecord | null> {
  if (!seenBefore) {
    try {
      await withTransaction(async (tx) => {
        const { _id, ...fields } = record;
        await tx.insert(C.idRegistry, record.idHash, claimOf(record));
        await tx.insert(C.applications, _id, fields);
      });
      return null;
    } catch {
      // Something exists by now (or the write failed): decide on what is stored, as any correction is.
    }
  }
  return withTransaction((tx) => writeApplication(tx, record));
}

function claimOf(record: ApplicationRecord): Omit<IdRegistryRecord, '_id'> {
  return { openid: record.openid, applicationId: record._id, status: 'applied', at: record.submittedAt };
}

/**
 * Claims the ID number and stores the application in one transaction: the registry entry of every number
 * involved and the application are written together or not at all. Every other change to this application
 * (approve, reject, another correction) writes the application too, and every other claim of these numbers
 * writes their registry entries, so under snapshot isolation any two of them conflict and one is retried
 * on fresh data: an ID number never ends up held by two people, nor an application without its claim.
 * Returns the version it replaced, or null for a first application.
 */
async function writeApplication(tx: Tx, record: ApplicationRecord): Promise<ApplicationRecord | null> {
  const previous = await tx.get<ApplicationRecord>(C.applications, record._id);
  if (previous?.status === 'approved') throw membershipErrors.fail('APPLICATION_LOCKED', LOCKED_MESSAGE);

  const claim = await tx.get<IdRegistryRecord>(C.idRegistry, record.idHash);
  if (claim && claim.openid !== record.openid) {
    throw membershipErrors.fail(
      'ALREADY_MEMBER',
      claim.status === 'member'
        ? '该身份证号已入会，不能重复入会。如非本人操作，请联系所在工会处理'
        : '该身份证号已提交入会申请，正在审核中，不能重复申请。如非本人操作，请联系工会处理',
    );
  }
  // The application is written first: its lock is what a batch approval's plain write waits on (and gives up
  // on, refusing cleanly), so this transaction never holds a registry entry the batch would wait for.
  const { _id, ...fields } = record;
  await tx.set(C.applications, _id, fields);
  await tx.set(C.idRegistry, record.idHash, claimOf(record));

  // A correction with another number gives the old one back (only this applicant's, only while not a member).
  if (previous && previous.idHash !== record.idHash) {
    const old = await tx.get<IdRegistryRecord>(C.idRegistry, previous.idHash);
    if (old?.openid === record.openid && old.status === 'applied') await tx.remove(C.idRegistry, previous.idHash);
  }
  return previous;
}

/**
 * The caller's application joined onto a document whose _id is their openid (the account): session.get reads
 * it with the account in one request. Pick it out of the joined rows with `myApplicationOf`.
 */
export const MY_APPLICATION_LOOKUP: Lookup = {
  from: C.applications,
  localField: '_id',
  foreignField: 'openid',
  as: 'joinedApplications',
};

export function myApplicationOf(openid: string, joined: readonly ApplicationRecord[] | undefined): ApplicationView | null {
  const record = (joined ?? []).find((a) => a._id === applicationIdFor(openid));
  return record ? toApplicationView(record) : null;
}

export async function getMyApplication(openid: string): Promise<ApplicationView | null> {
  const record = await findById<ApplicationRecord>(C.applications, applicationIdFor(openid));
  return record ? toApplicationView(record) : null;
}

/**
 * The caller's own contact as they gave it when applying (name and full mobile), to fill in later forms; null
 * without an application. Only ever the caller's own: the openid comes from the call's context.
 */
export async function getMyContact(openid: string): Promise<{ name: string; mobile: string } | null> {
  const record = await findById<ApplicationRecord>(C.applications, applicationIdFor(openid));
  if (!record || !record.mobileSealed) return null;
  return { name: record.name, mobile: decryptPii(record.mobileSealed) };
}
