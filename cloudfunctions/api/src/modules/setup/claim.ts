import type { ActionContext } from '../../action';
import { countWhere, withTransaction } from '../../db';
import { requireKey } from '../../lib/pii';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { readEnvAdmins, roleId, toRoleGrant, type RoleGrant } from '../../shared/grants';
import type { RoleRecord } from '../../shared/records';
import { hashSetupCode } from './code';
import { SETUP_COLLECTIONS } from './collections';
import { setupErrors } from './errors';
import { countFailure, tooManyFailures } from './rateLimit';
import type { SetupCodeRecord } from './records';

/** Whether the environment has an administrator (ADMIN_OPENIDS or a stored grant); nothing else is revealed. */
export async function setupStatus(): Promise<{ hasAdmin: boolean }> {
  if (readEnvAdmins().length > 0) return { hasAdmin: true };
  return { hasAdmin: (await countWhere(CORE_COLLECTIONS.roles, { role: 'admin' })) > 0 };
}

type Refusal = 'SETUP_CODE_INVALID' | 'SETUP_CODE_EXPIRED' | 'SETUP_CODE_USED';

/**
 * The caller becomes administrator (no scope: the whole union tree, from the root union down) with a valid,
 * unused, unexpired code. The code's use and the grant are one transaction: of concurrent claims exactly one
 * writes the code first, the others conflict, are retried and find it used. A refused code changes nothing
 * but the caller's count of wrong tries.
 */
export async function claimSetupCode(typed: string, ctx: ActionContext): Promise<RoleGrant> {
  if (await tooManyFailures(ctx.openid, ctx.now)) throw setupErrors.fail('SETUP_TOO_MANY_TRIES');
  const codeId = hashSetupCode(typed, requireKey('ID_HASH_KEY'));
  const grantId = roleId(ctx.openid, 'admin');
  const grant: RoleRecord = {
    _id: grantId,
    openid: ctx.openid,
    role: 'admin',
    scopeId: null,
    grantedAt: ctx.now,
    grantedBy: 'setup-code',
  };
  const outcome = await withTransaction(async (tx): Promise<Refusal | null> => {
    const code = await tx.get<SetupCodeRecord>(SETUP_COLLECTIONS.setupCodes, codeId);
    if (!code) return 'SETUP_CODE_INVALID';
    if (code.usedAt) return 'SETUP_CODE_USED';
    if (new Date(code.expiresAt).getTime() <= ctx.now.getTime()) return 'SETUP_CODE_EXPIRED';
    await tx.update(SETUP_COLLECTIONS.setupCodes, codeId, { usedAt: ctx.now, usedBy: ctx.openid });
    const { _id, ...data } = grant;
    await tx.set(CORE_COLLECTIONS.roles, _id, data);
    return null;
  });
  if (outcome) {
    if (outcome === 'SETUP_CODE_INVALID') await countFailure(ctx.openid, ctx.now);
    throw setupErrors.fail(outcome);
  }
  await writeAudit({
    actor: ctx.openid,
    action: 'setup.claim',
    target: grantId,
    summary: '通过一次性设置码成为管理员',
    at: ctx.now,
    details: { role: 'admin', scopeId: null },
  });
  return toRoleGrant(grant);
}
