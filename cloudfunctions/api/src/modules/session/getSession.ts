import type { ActionContext } from '../../action';
import { command, findByIdJoined, findMany, insertUnique } from '../../db';
import { grantsFrom, type RoleGrant } from '../../shared/grants';
import { toMemberSummary, type MemberSummary } from '../../shared/members';
import type { House } from '../../house';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { AccountRecord, ConsentRecord, MemberRecord, RoleRecord } from '../../shared/records';
import { MY_APPLICATION_LOOKUP, myApplicationOf } from '../membership/submitApplication';
import type { ApplicationRecord } from '../membership/records';
import type { ApplicationView } from '../membership/views';
import { toConsentViews } from '../notify/recordConsent';
import type { ConsentView } from '../notify/views';

export interface SessionView {
  openid: string;
  /** What to call the person: member name, else applicant name, else the name given with a role; null if none. */
  displayName: string | null;
  roles: Array<RoleGrant & { scopeName?: string }>;
  isAdmin: boolean;
  member: MemberSummary | null;
  application: ApplicationView | null;
  /** Subscribe-message consents still unused (each WeChat acceptance allows one message). */
  consents: ConsentView[];
}

/** The account with everything the launch needs joined onto it (its _id is the openid). */
interface LaunchRecord extends AccountRecord {
  joinedMembers?: MemberRecord[];
  joinedRoles?: RoleRecord[];
  joinedConsents?: ConsentRecord[];
  joinedApplications?: ApplicationRecord[];
}

const C = CORE_COLLECTIONS;

/** One request: the account, the member, role grants, consents and the application (each at its own source). */
function readLaunch(openid: string): Promise<LaunchRecord | null> {
  return findByIdJoined<LaunchRecord>(C.accounts, openid, [
    { from: C.members, localField: '_id', foreignField: '_id', as: 'joinedMembers' },
    { from: C.roles, localField: '_id', foreignField: 'openid', as: 'joinedRoles' },
    { from: C.consents, localField: '_id', foreignField: 'openid', as: 'joinedConsents' },
    MY_APPLICATION_LOOKUP,
  ]);
}

/**
 * Every app launch: one database request (the account with its member, grants, consents and application
 * joined in), one more for staff (the names of what they act for, one request per kind of scope). The first
 * launch creates the account (the _id is the openid, so concurrent first calls make one) and reads again.
 */
export async function getSession(ctx: ActionContext): Promise<SessionView> {
  let launch = await readLaunch(ctx.openid);
  if (!launch) {
    await insertUnique(C.accounts, ctx.openid, { openid: ctx.openid, createdAt: ctx.now });
    launch = (await readLaunch(ctx.openid)) ?? { _id: ctx.openid, openid: ctx.openid, createdAt: ctx.now };
  }
  const memberRecord = (launch.joinedMembers ?? [])[0] ?? null;
  const member = memberRecord ? toMemberSummary(memberRecord) : null;
  const application = myApplicationOf(ctx.openid, launch.joinedApplications);
  const { grants, isAdmin } = grantsFrom(ctx.openid, launch.joinedRoles ?? []);
  return {
    openid: ctx.openid,
    displayName: member?.name ?? application?.name ?? launch.displayName ?? null,
    roles: await withScopeNames(grants, ctx.house),
    isAdmin,
    member,
    application,
    consents: toConsentViews(launch.joinedConsents ?? []),
  };
}

/** Staff see what they act for by name (我的 shows it: a union, a merchant, a station), never an id. */
async function withScopeNames(grants: RoleGrant[], house: House): Promise<Array<RoleGrant & { scopeName?: string }>> {
  const idsByCollection = new Map<string, string[]>();
  for (const g of grants) {
    const collection = scopeCollection(g, house);
    if (collection && g.scopeId) idsByCollection.set(collection, [...(idsByCollection.get(collection) ?? []), g.scopeId]);
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...idsByCollection].map(async ([collection, ids]) => {
      const rows = await findMany<{ _id: string; name?: string }>(collection, { _id: command().in([...new Set(ids)]) });
      for (const r of rows) if (r.name) names.set(`${collection}/${r._id}`, r.name);
    }),
  );
  return grants.map((g) => {
    const name = g.scopeId ? names.get(`${scopeCollection(g, house)}/${g.scopeId}`) : undefined;
    return name ? { ...g, scopeName: name } : { ...g };
  });
}

function scopeCollection(grant: RoleGrant, house: House): string | undefined {
  if (!grant.scopeId) return undefined;
  return grant.role === 'staff' ? C.orgs : house.scopeKind(grant.role)?.collection;
}
