import type { ActionContext } from '../../action';
import { ensureAccount } from '../../shared/accounts';
import type { RoleGrant } from '../../shared/grants';
import { findMemberByOpenid, toMemberSummary, type MemberSummary } from '../../shared/members';
import { findById } from '../../db';
import type { House } from '../../house';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { getMyApplication } from '../membership/submitApplication';
import type { ApplicationView } from '../membership/views';
import { listConsents } from '../notify/recordConsent';
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

export async function getSession(ctx: ActionContext): Promise<SessionView> {
  const account = await ensureAccount(ctx.openid, ctx.now);
  const [member, application, consents] = await Promise.all([
    findMemberByOpenid(ctx.openid),
    getMyApplication(ctx.openid),
    listConsents(ctx.openid),
  ]);
  // Staff see what they act for by name (我的 shows it: a union, a merchant, a station), never an id.
  const roles = await Promise.all(ctx.grants.map(async (g) => ({ ...g, ...(await scopeNameOf(g, ctx.house)) })));
  return {
    openid: ctx.openid,
    displayName: member?.name ?? application?.name ?? account.displayName ?? null,
    roles,
    isAdmin: ctx.isAdmin,
    member: member ? toMemberSummary(member) : null,
    application,
    consents,
  };
}

async function scopeNameOf(grant: RoleGrant, house: House): Promise<{ scopeName?: string }> {
  if (!grant.scopeId) return {};
  const collection = grant.role === 'staff' ? CORE_COLLECTIONS.orgs : house.scopeKind(grant.role)?.collection;
  const record = collection ? await findById<{ name?: string }>(collection, grant.scopeId) : null;
  return record?.name ? { scopeName: record.name } : {};
}
