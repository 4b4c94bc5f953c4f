/** Members as every area sees them: the one lookup by openid or card number. */
import { command, findAll, findById, findMany } from '../db';
import { fail } from '../errors';
import { toIso } from '../lib/time';
import type { Channel, MemberStatus } from '../rules/membership';
import { CORE_COLLECTIONS } from './collections';
import type { MemberRecord } from './records';

export interface MemberSummary {
  cardNo: string;
  name: string;
  orgId: string;
  orgName: string;
  memberSince: string;
  status: MemberStatus;
  /** How the member joined (decides where they may transfer). */
  channel: Channel;
}

export async function findMemberByOpenid(openid: string): Promise<MemberRecord | null> {
  return findById<MemberRecord>(CORE_COLLECTIONS.members, openid);
}

/** Whether the person is an active member of the union `orgId` or of a union below it (a 公示's audience). */
export async function isActiveMemberUnder(openid: string, orgId: string): Promise<boolean> {
  const member = await findMemberByOpenid(openid);
  return Boolean(member && member.status === 'active' && member.orgPath.includes(orgId));
}

/** The caller's member record, or NOT_MEMBER. */
export async function requireMember(openid: string): Promise<MemberRecord> {
  const member = await findMemberByOpenid(openid);
  if (!member) throw fail('NOT_MEMBER');
  return member;
}

/** The caller's member record when their membership is usable, or NOT_MEMBER / MEMBER_INACTIVE. */
export async function requireActiveMember(openid: string, inactiveMessage?: string): Promise<MemberRecord> {
  const member = await requireMember(openid);
  if (member.status !== 'active') throw fail('MEMBER_INACTIVE', inactiveMessage ?? '您的会籍当前不可用，请联系所在工会');
  return member;
}

export async function findMemberByCardNo(cardNo: string): Promise<MemberRecord | null> {
  const rows = await findMany<MemberRecord>(CORE_COLLECTIONS.members, { cardNo }, { limit: 1 });
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
    channel: m.channel ?? 'employer',
  };
}

/** Members by openid (any number, 100 per request), in no particular order. */
export async function findMembersByOpenids(openids: readonly string[]): Promise<MemberRecord[]> {
  const out: MemberRecord[] = [];
  for (let i = 0; i < openids.length; i += 100) {
    const ids = openids.slice(i, i + 100);
    out.push(...(await findMany<MemberRecord>(CORE_COLLECTIONS.members, { _id: command().in(ids) }, { limit: ids.length })));
  }
  return out;
}

/**
 * Active members in the subtrees of `orgIds` who joined through `channel` or carry the member tag `tag` (the tags
 * staff keep, e.g. 户外劳动者), for lists built from a group rather than typed names.
 */
export async function activeMembersIn(
  orgIds: readonly string[],
  who: { channel: Channel } | { tag: string },
): Promise<MemberRecord[]> {
  const where: Record<string, unknown> = { orgPath: command().in([...orgIds]), status: 'active' };
  if ('channel' in who) where.channel = who.channel;
  else where.tags = who.tag;
  return findAll<MemberRecord>(CORE_COLLECTIONS.members, where);
}
