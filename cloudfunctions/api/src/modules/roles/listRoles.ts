import { findAll, findById, findMany, getDb } from '../../db';
import { hashMobile } from '../../lib/pii';
import { literalPattern } from '../../lib/schemaParts';
import type { House } from '../../house';
import { MOBILE_PATTERN } from '../../rules/person';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { envAdminGrant, readEnvAdmins, toRoleGrant, type RoleGrant } from '../../shared/grants';
import { namesOf } from '../../shared/people';
import type { MemberRecord, RoleRecord } from '../../shared/records';
import type { PersonOption, RoleGrantView } from './views';

async function scopeName(grant: RoleGrant, house: House): Promise<string | undefined> {
  if (!grant.scopeId) return undefined;
  const collection = grant.role === 'staff' ? CORE_COLLECTIONS.orgs : house.scopeKind(grant.role)?.collection;
  return collection ? ((await findById<{ name?: string }>(collection, grant.scopeId))?.name ?? undefined) : undefined;
}

/** Every grant, with the person's and the scope's names (one lookup of the people involved). */
export async function listRoles(house: House): Promise<{ items: RoleGrantView[]; total: number }> {
  const stored = (await findAll<RoleRecord>(CORE_COLLECTIONS.roles)).map(toRoleGrant);
  const envAdmins = readEnvAdmins()
    .filter((openid) => !stored.some((g) => g.openid === openid && g.role === 'admin'))
    .map(envAdminGrant);
  const grants = [...envAdmins, ...stored];
  const names = await namesOf(grants.map((g) => g.openid));
  const items = await Promise.all(
    grants.map(async (g) => {
      const name = await scopeName(g, house);
      return { ...g, personName: names.get(g.openid) ?? '未入会用户', ...(name ? { scopeName: name } : {}) };
    }),
  );
  return { items, total: items.length };
}

/** Members matching a name fragment or a full mobile number (at most 20), for the role picker. */
export async function findPeople(keyword: string): Promise<{ items: PersonOption[]; total: number }> {
  const where = MOBILE_PATTERN.test(keyword)
    ? { mobileHash: hashMobile(keyword) }
    : { name: getDb().RegExp({ regexp: literalPattern(keyword), options: '' }) };
  const rows = await findMany<MemberRecord>(CORE_COLLECTIONS.members, where, { orderBy: [['name', 'asc']], limit: 20 });
  const items = rows.map((m) => ({ openid: m._id, name: m.name, orgName: m.orgName, mobileMasked: m.mobileMasked ?? '' }));
  return { items, total: items.length };
}
