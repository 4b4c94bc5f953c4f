import type { ActionContext } from '../../action';
import type { SessionView } from '../../views';
import { findMemberByOpenid, toMemberSummary } from '../card/loadMember';
import { getMyApplication } from '../membership/submitApplication';
import { listConsents } from '../notify/recordConsent';
import { ensureAccount } from './ensureAccount';

export async function getSession(ctx: ActionContext): Promise<SessionView> {
  await ensureAccount(ctx.openid, ctx.now);
  const [member, application, consents] = await Promise.all([
    findMemberByOpenid(ctx.openid),
    getMyApplication(ctx.openid),
    listConsents(ctx.openid),
  ]);
  return {
    openid: ctx.openid,
    roles: ctx.grants,
    isAdmin: ctx.isAdmin,
    member: member ? toMemberSummary(member) : null,
    application,
    consents,
  };
}
