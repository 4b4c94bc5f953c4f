/** The channel a member joined through, for other areas (转会 allows only orgs joinable through it). */
import { findById } from '../../db';
import type { Channel } from '../../rules/membership';
import type { MemberRecord } from '../../shared/records';
import { MEMBERSHIP_COLLECTIONS } from './collections';
import type { ApplicationRecord } from './records';

/** The member record's channel; older member records lack it, their application has it (else employer). */
export async function channelOf(member: Pick<MemberRecord, 'channel' | 'applicationId'>): Promise<Channel> {
  if (member.channel) return member.channel;
  const app = await findById<ApplicationRecord>(MEMBERSHIP_COLLECTIONS.applications, member.applicationId);
  return app?.channel ?? 'employer';
}
