import { fail } from '../../errors';
import type { Channel } from '../../rules/membership';
import { takesEmployeesDirectly } from '../../rules/orgKinds';
import { getOrg } from '../../shared/orgs';
import type { OrgRecord } from '../../shared/records';

/**
 * Where a worker may join: a grassroots union, or the 街道/乡镇工会 of a unit with no union of its own, or — for new
 * forms of employment (新就业形态: couriers, food delivery, ride-hailing, truck drivers …) — an org that accepts
 * them (regional or industry).
 */
export function isJoinable(org: OrgRecord, channel: Channel): boolean {
  if (takesEmployeesDirectly(org.kind)) return true;
  return channel === 'new_employment' && Boolean(org.acceptsNewEmployment);
}

export async function checkJoinableOrg(orgId: string, channel: Channel, field = 'orgId'): Promise<OrgRecord> {
  return assertJoinable(await getOrg(orgId), channel, field);
}

/** The org read (null: none), or the INVALID_INPUT a worker can act on. */
export function assertJoinable<T extends OrgRecord>(org: T | null, channel: Channel, field = 'orgId'): T {
  if (!org) throw fail('INVALID_INPUT', '所选工会不存在，请重新选择', { field });
  if (org.status === 'closed') throw fail('INVALID_INPUT', `「${org.name}」已撤销，不再接收入会申请，请选择其他工会`, { field });
  if (!isJoinable(org, channel)) {
    const message =
      channel === 'new_employment'
        ? '该工会不接收新就业形态劳动者入会，请选择基层工会或行业工会联合会'
        : '请选择您所在单位的基层工会';
    throw fail('INVALID_INPUT', message, { field });
  }
  return org;
}
