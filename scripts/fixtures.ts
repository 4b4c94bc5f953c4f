/**
 * Stored records for people, built exactly as the `api` function stores them (keyed hashes, sealed PII,
 * masks), for demo data and test scenarios. Keys are the local function variables unless set in the env.
 */
import { maskIdNumber, maskMobile } from '../cloudfunctions/api/src/lib/mask';
import { encryptPii, hashIdNumber, hashMobile, opaqueId } from '../cloudfunctions/api/src/lib/pii';
import type { DemoOrg, DemoPerson } from '../cloudfunctions/api/src/demoKit';
import { CORE_COLLECTIONS } from '../cloudfunctions/api/src/shared/collections';
import { MEMBERSHIP_COLLECTIONS } from '../cloudfunctions/api/src/modules/membership/collections';

const functionEnv = require('../config/local-functions.env.json') as { api: Record<string, string> };

export function fixtureKeys() {
  return {
    hashKey: process.env.ID_HASH_KEY ?? functionEnv.api.ID_HASH_KEY,
    encKey: process.env.PII_ENC_KEY ?? functionEnv.api.PII_ENC_KEY,
  };
}

export interface Put {
  (collection: string, id: string, data: Record<string, unknown>): Promise<void>;
}

export function applicationIdOf(openid: string): string {
  return opaqueId('A', openid, fixtureKeys().hashKey);
}

export function idHashOf(idNumber: string): string {
  return hashIdNumber(idNumber, fixtureKeys().hashKey);
}

function applicationFields(p: DemoPerson, org: DemoOrg) {
  const { hashKey, encKey } = fixtureKeys();
  return {
    openid: p.openid,
    name: p.name,
    idHash: hashIdNumber(p.idNumber, hashKey),
    idSealed: encryptPii(p.idNumber, encKey),
    idMasked: maskIdNumber(p.idNumber),
    mobileSealed: encryptPii(p.mobile, encKey),
    mobileMasked: maskMobile(p.mobile),
    mobileHash: hashMobile(p.mobile, hashKey),
    workUnit: p.workUnit,
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
  };
}

/** Writes a pending application and its ID claim. */
export async function putApplicant(
  put: Put,
  p: DemoPerson & { submittedAt: Date; channel?: 'employer' | 'new_employment'; occupation?: string },
  org: DemoOrg,
): Promise<void> {
  const appId = applicationIdOf(p.openid);
  const fields = applicationFields(p, org);
  await put(CORE_COLLECTIONS.accounts, p.openid, { openid: p.openid, createdAt: p.submittedAt });
  await put(MEMBERSHIP_COLLECTIONS.applications, appId, {
    ...fields,
    channel: p.channel ?? 'employer',
    ...(p.occupation ? { occupation: p.occupation } : {}),
    status: 'pending',
    consent: { version: 'seed', at: p.submittedAt },
    submittedAt: p.submittedAt,
  });
  await put(MEMBERSHIP_COLLECTIONS.idRegistry, fields.idHash, {
    openid: p.openid,
    applicationId: appId,
    status: 'applied',
    at: p.submittedAt,
  });
}

/** Writes an approved member with a card: account, application, ID registry entry, member record. */
export async function putMember(
  put: Put,
  p: DemoPerson & {
    cardNo: string;
    memberSince: Date;
    status?: 'active' | 'suspended';
    birthYear?: number;
    /** More fields of the member record that areas read (e.g. the enrollment engine's tags and attended). */
    facts?: Record<string, unknown>;
  },
  org: DemoOrg,
): Promise<void> {
  const appId = applicationIdOf(p.openid);
  const fields = applicationFields(p, org);
  const submittedAt = new Date(p.memberSince.getTime() - 3 * 86400_000);
  await put(CORE_COLLECTIONS.accounts, p.openid, { openid: p.openid, createdAt: submittedAt });
  await put(MEMBERSHIP_COLLECTIONS.applications, appId, {
    ...fields,
    channel: 'employer',
    status: 'approved',
    consent: { version: 'seed', at: submittedAt },
    submittedAt,
    reviewedAt: p.memberSince,
    reviewedBy: 'seed',
  });
  await put(MEMBERSHIP_COLLECTIONS.idRegistry, fields.idHash, {
    openid: p.openid,
    applicationId: appId,
    status: 'member',
    at: p.memberSince,
  });
  const birthYear = p.birthYear ?? Number(p.idNumber.slice(6, 10));
  const gender = p.gender ?? (Number(p.idNumber[16]) % 2 === 1 ? 'M' : 'F');
  await put(CORE_COLLECTIONS.members, p.openid, {
    openid: p.openid,
    applicationId: appId,
    cardNo: p.cardNo,
    name: p.name,
    idHash: fields.idHash,
    mobileMasked: fields.mobileMasked,
    mobileHash: fields.mobileHash,
    gender,
    birthYear,
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    channel: 'employer',
    memberSince: p.memberSince,
    status: p.status ?? 'active',
    pendingTransferId: '',
    ...p.facts,
  });
}
