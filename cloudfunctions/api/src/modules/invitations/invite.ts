/**
 * Invitations: how a person who is not a member (a duty lawyer, a shop clerk, a new union officer) is given a role.
 * Staff pick the role and scope and the person's name; the app shows a share card or QR code with the code; the
 * person opens it in WeChat, sees who invites them to what, and accepts. One use, 72 hours, revocable.
 */
import type { ActionContext } from '../../action';
import { findById, findPage, insertUnique, updateWhere, withTransaction, type Page } from '../../db';
import { AppError, fail } from '../../errors';
import { requireKey } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { ROLE_LABELS, type GrantableRole } from '../../rules/roles';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { loadCallerGrants, roleId, toRoleGrant, type RoleGrant } from '../../shared/grants';
import { getOrg } from '../../shared/orgs';
import { nameAccount } from '../../shared/accounts';
import { namesOf } from '../../shared/people';
import { coversOrg } from '../../shared/scope';
import type { RoleRecord } from '../../shared/records';
import { hashInvitationCode, INVITATION_LIFETIME_MS, newInvitationCode } from './code';
import { INVITATION_COLLECTIONS } from './collections';
import { invitationErrors } from './errors';
import type { InvitationRecord } from './records';
import type { InvitationCreateInput } from './schemas';

const C = INVITATION_COLLECTIONS;

/** What the invitee and the inviter see of an invitation (never the code's hash of another's invitation). */
export interface InvitationView {
  invitationId: string;
  role: GrantableRole;
  roleLabel: string;
  scopeId: string | null;
  scopeName: string | null;
  name: string;
  inviterName: string;
  createdAt: string;
  expiresAt: string;
  /** expired is computed: an open invitation past its expiry. */
  status: 'open' | 'accepted' | 'revoked' | 'expired';
  acceptedAt: string | null;
}

function statusOf(r: InvitationRecord, now: Date): InvitationView['status'] {
  if (r.status === 'open' && new Date(r.expiresAt).getTime() <= now.getTime()) return 'expired';
  return r.status;
}

function toView(r: InvitationRecord, now: Date): InvitationView {
  return {
    invitationId: r._id,
    role: r.role,
    roleLabel: ROLE_LABELS[r.role],
    scopeId: r.scopeId,
    scopeName: r.scopeName,
    name: r.name,
    inviterName: r.createdByName,
    createdAt: toIso(r.createdAt),
    expiresAt: toIso(r.expiresAt),
    status: statusOf(r, now),
    acceptedAt: r.acceptedAt ? toIso(r.acceptedAt) : null,
  };
}

/**
 * The scope's name, after checking the caller may hand out this role there: administrators anything; union
 * staff a staff role for a union in their subtree, or a role at a station or merchant their subtree manages.
 */
async function checkScope(input: InvitationCreateInput, ctx: ActionContext): Promise<string | null> {
  if (input.role === 'admin') {
    if (!ctx.isAdmin) throw fail('FORBIDDEN', '只有系统管理员可以邀请管理员');
    if (input.scopeId) throw fail('INVALID_INPUT', '管理员角色不需要管辖范围', { field: 'scopeId' });
    return null;
  }
  const kind = input.role === 'staff' ? { collection: CORE_COLLECTIONS.orgs, label: '工会' } : ctx.house.scopeKind(input.role);
  if (!kind) throw fail('INVALID_INPUT', '该角色暂未开通', { field: 'role' });
  if (!input.scopeId) throw fail('INVALID_INPUT', `请选择${kind.label}`, { field: 'scopeId' });
  const scope = await findById<{ name?: string; orgId?: string; path?: string[] }>(kind.collection, input.scopeId);
  if (!scope) throw fail('INVALID_INPUT', `所选${kind.label}不存在`, { field: 'scopeId' });
  if (!ctx.isAdmin) {
    const orgPath = input.role === 'staff' ? scope.path : scope.orgId ? (await getOrg(scope.orgId))?.path : undefined;
    if (!orgPath || !coversOrg(ctx, orgPath)) throw fail('FORBIDDEN', `所选${kind.label}不在您管辖的工会范围内，无权邀请`);
  }
  return scope.name ?? null;
}

export async function createInvitation(
  input: InvitationCreateInput,
  ctx: ActionContext,
): Promise<InvitationView & { code: string }> {
  const scopeName = await checkScope(input, ctx);
  const code = newInvitationCode();
  const inviterName = (await namesOf([ctx.openid])).get(ctx.openid) ?? (ctx.isAdmin ? '系统管理员' : ROLE_LABELS.staff);
  const record: InvitationRecord = {
    _id: hashInvitationCode(code, requireKey('ID_HASH_KEY')),
    role: input.role,
    scopeId: input.scopeId ?? null,
    scopeName,
    name: input.name.trim(),
    createdBy: ctx.openid,
    createdByName: inviterName,
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + INVITATION_LIFETIME_MS),
    status: 'open',
    acceptedBy: null,
    acceptedAt: null,
    revokedAt: null,
    revokedBy: null,
  };
  const { _id, ...data } = record;
  if (!(await insertUnique(C.invitations, _id, data))) throw fail('BUSY'); // 120 random bits: never in practice
  await writeAudit({
    actor: ctx.openid,
    action: 'invitations.create',
    target: _id,
    summary: `邀请${record.name}为${ROLE_LABELS[record.role]}${scopeName ? `（${scopeName}）` : ''}`,
    at: ctx.now,
    details: { role: record.role, scopeId: record.scopeId },
  });
  return { ...toView(record, ctx.now), code };
}

type AcceptRefusal = 'INVITE_REVOKED' | 'INVITE_USED' | 'INVITE_OWN' | 'INVITE_EXPIRED';

/** The refusal an invitation in this state gives to `openid`, or null when it may be accepted. */
function refusalFor(r: InvitationRecord, openid: string, now: Date): AcceptRefusal | null {
  if (r.status === 'revoked') return 'INVITE_REVOKED';
  if (r.status === 'accepted') return r.acceptedBy === openid ? null : 'INVITE_USED';
  if (r.createdBy === openid) return 'INVITE_OWN';
  if (new Date(r.expiresAt).getTime() <= now.getTime()) return 'INVITE_EXPIRED';
  return null;
}

/**
 * Whether the inviter could still make this invitation now: a staffer whose role was revoked (or narrowed) after
 * inviting must not hand out roles through links still open.
 */
async function inviterMayStillGrant(r: InvitationRecord, ctx: ActionContext): Promise<boolean> {
  const inviter = { ...ctx, openid: r.createdBy, ...(await loadCallerGrants(r.createdBy)) };
  if (!inviter.isAdmin && !inviter.grants.some((g) => g.role === 'staff')) return false;
  try {
    await checkScope({ role: r.role, scopeId: r.scopeId ?? undefined, name: r.name }, inviter);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** What the person who opened the link sees before accepting (who invites them to what, and until when). */
export async function showInvitation(code: string, ctx: ActionContext): Promise<InvitationView> {
  const r = await findById<InvitationRecord>(C.invitations, hashInvitationCode(code, requireKey('ID_HASH_KEY')));
  if (!r) throw invitationErrors.fail('INVITE_NOT_FOUND');
  return toView(r, ctx.now);
}

/**
 * The caller takes the role. The invitation's use and the grant are one transaction: of two people accepting the
 * same link at once exactly one writes the invitation first; the other conflicts, is retried and finds it used.
 * Accepting twice (a double tap) gives the same grant.
 */
export async function acceptInvitation(code: string, ctx: ActionContext): Promise<RoleGrant> {
  const id = hashInvitationCode(code, requireKey('ID_HASH_KEY'));
  type Outcome =
    | { refusal: AcceptRefusal | 'INVITE_NOT_FOUND' | 'INVITER_GONE' }
    | { grant: RoleRecord; invitation: InvitationRecord; again: boolean };
  const outcome = await withTransaction(async (tx): Promise<Outcome> => {
    const r = await tx.get<InvitationRecord>(C.invitations, id);
    if (!r) return { refusal: 'INVITE_NOT_FOUND' };
    const refusal = refusalFor(r, ctx.openid, ctx.now);
    if (refusal) return { refusal };
    if (r.status === 'open' && !(await inviterMayStillGrant(r, ctx))) return { refusal: 'INVITER_GONE' };
    const grant: RoleRecord = {
      _id: roleId(ctx.openid, r.role, r.scopeId),
      openid: ctx.openid,
      role: r.role,
      scopeId: r.scopeId,
      grantedAt: r.acceptedAt ?? ctx.now,
      grantedBy: r.createdBy,
    };
    if (r.status === 'accepted') return { grant, invitation: r, again: true };
    await tx.update(C.invitations, id, { status: 'accepted', acceptedBy: ctx.openid, acceptedAt: ctx.now });
    const { _id, ...data } = grant;
    await tx.set(CORE_COLLECTIONS.roles, _id, data);
    return { grant, invitation: r, again: false };
  });
  if ('refusal' in outcome)
    throw outcome.refusal === 'INVITER_GONE'
      ? invitationErrors.fail('INVITE_REVOKED', '邀请人已不再负责该范围，邀请已失效，请联系工会重新邀请')
      : invitationErrors.fail(outcome.refusal);
  const { grant, invitation, again } = outcome;
  if (!again) {
    await nameAccount(ctx.openid, invitation.name, ctx.now, { keep: true });
    await writeAudit({
      actor: ctx.openid,
      action: 'invitations.accept',
      target: grant._id,
      summary: `${invitation.name}接受${invitation.createdByName}的邀请，成为${ROLE_LABELS[invitation.role]}${
        invitation.scopeName ? `（${invitation.scopeName}）` : ''
      }`,
      at: ctx.now,
      details: { role: invitation.role, scopeId: invitation.scopeId, invitedBy: invitation.createdBy },
    });
  }
  return toRoleGrant(grant);
}

/** Withdraws an open invitation: by whoever made it, or an administrator. */
export async function revokeInvitation(invitationId: string, ctx: ActionContext): Promise<InvitationView> {
  const r = await findById<InvitationRecord>(C.invitations, invitationId);
  if (!r || (r.createdBy !== ctx.openid && !ctx.isAdmin)) throw invitationErrors.fail('INVITE_NOT_FOUND');
  const changed = await updateWhere(
    C.invitations,
    { _id: invitationId, status: 'open' },
    { status: 'revoked', revokedAt: ctx.now, revokedBy: ctx.openid },
  );
  if (changed !== 1) throw invitationErrors.fail('INVITE_CLOSED');
  await writeAudit({
    actor: ctx.openid,
    action: 'invitations.revoke',
    target: invitationId,
    summary: `撤回对${r.name}的邀请（${ROLE_LABELS[r.role]}）`,
    at: ctx.now,
  });
  return toView({ ...r, status: 'revoked', revokedAt: ctx.now, revokedBy: ctx.openid }, ctx.now);
}

/** The invitations the caller made (administrators: all), newest first. */
export async function listInvitations(page: number | undefined, ctx: ActionContext): Promise<Page<InvitationView>> {
  const where = ctx.isAdmin ? {} : { createdBy: ctx.openid };
  const { rows, total } = await findPage<InvitationRecord>(C.invitations, where, [['createdAt', 'desc']], page);
  return { items: rows.map((r) => toView(r, ctx.now)), total };
}
