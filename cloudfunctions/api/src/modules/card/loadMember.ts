import { COLLECTIONS, findById, findMany } from '../../db';
import { AppError } from '../../errors';
import { toIso } from '../../lib/time';
import type { MemberRecord } from '../../records';
import type { MemberSummary } from '../../views';

export async function findMemberByOpenid(openid: string): Promise<MemberRecord | null> {
  return findById<MemberRecord>(COLLECTIONS.members, openid);
}

export async function requireMember(openid: string): Promise<MemberRecord> {
  const member = await findMemberByOpenid(openid);
  if (!member) throw new AppError('NOT_MEMBER');
  return member;
}

export async function findMemberByCardNo(cardNo: string): Promise<MemberRecord | null> {
  const rows = await findMany<MemberRecord>(COLLECTIONS.members, { cardNo }, { limit: 1 });
  return rows[0] ?? null;
}

export function toMemberSummary(m: MemberRecord): MemberSummary {
  return {
    cardNo: m.cardNo,
    name: m.name,
    orgId: m.orgId,
    orgName: m.orgName,
    memberSince: toIso(m.memberSince),
    status: m.status,
  };
}
