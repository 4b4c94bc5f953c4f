import type { ActionContext } from '../../action';
import { findById, removeWhere, setById } from '../../db';
import { fail } from '../../errors';
import { ROLE_LABELS } from '../../rules/roles';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { roleId, toRoleGrant, type RoleGrant } from '../../shared/grants';
import { nameAccount } from '../../shared/accounts';
import { namesOf } from '../../shared/people';
import type { RoleRecord } from '../../shared/records';
import type { RolesChangeInput, RolesGrantInput } from './schemas';

/** The scope record a grant points at (an org for staff, a merchant, a station), or INVALID_INPUT. */
async function checkScope(input: RolesChangeInput, ctx: ActionContext): Promise<string | undefined> {
  if (input.role === 'admin') {
    if (input.scopeId) throw fail('INVALID_INPUT', '管理员角色不需要管辖范围', { field: 'scopeId' });
    return undefined;
  }
  const kind = input.role === 'staff' ? { collection: CORE_COLLECTIONS.orgs, label: '工会' } : ctx.house.scopeKind(input.role);
  if (!input.scopeId) throw fail('INVALID_INPUT', `请选择${kind?.label ?? '管辖范围'}`, { field: 'scopeId' });
  if (!kind) return undefined; // the area defining this role's scope is not installed yet
  const scope = await findById<{ name?: string }>(kind.collection, input.scopeId);
  if (!scope) throw fail('INVALID_INPUT', `所选${kind.label}不存在`, { field: 'scopeId' });
  return scope.name;
}

async function personName(openid: string): Promise<string> {
  return (await namesOf([openid])).get(openid) ?? '未入会用户';
}

export async function grantRole(input: RolesGrantInput, ctx: ActionContext): Promise<RoleGrant> {
  const scopeName = await checkScope(input, ctx);
  if (input.name) await nameAccount(input.openid, input.name, ctx.now);
  const id = roleId(input.openid, input.role, input.scopeId);
  const record: RoleRecord = {
    _id: id,
    openid: input.openid,
    role: input.role,
    scopeId: input.scopeId ?? null,
    grantedAt: ctx.now,
    grantedBy: ctx.openid,
  };
  const { _id, ...data } = record;
  await setById(CORE_COLLECTIONS.roles, _id, data); // idempotent: granting twice keeps one record
  await writeAudit({
    actor: ctx.openid,
    action: 'roles.grant',
    target: id,
    summary: `${await personName(input.openid)} · ${ROLE_LABELS[input.role]}${scopeName ? `（${scopeName}）` : ''}`,
    at: ctx.now,
    details: { role: input.role, scopeId: input.scopeId ?? null },
  });
  return toRoleGrant(record);
}

export async function revokeRole(input: RolesChangeInput, ctx: ActionContext): Promise<RoleGrant> {
  const id = roleId(input.openid, input.role, input.scopeId);
  const existing = await findById<RoleRecord>(CORE_COLLECTIONS.roles, id);
  if (!existing) throw fail('NOT_FOUND', '该授权不存在（通过环境变量配置的管理员需在云开发控制台修改）');
  if (input.openid === ctx.openid && input.role === 'admin') throw fail('FORBIDDEN', '不能撤销自己的管理员角色');
  await removeWhere(CORE_COLLECTIONS.roles, { _id: id });
  await writeAudit({
    actor: ctx.openid,
    action: 'roles.revoke',
    target: id,
    summary: `${await personName(input.openid)} · ${ROLE_LABELS[input.role]}`,
    at: ctx.now,
    details: { role: input.role, scopeId: input.scopeId ?? null },
  });
  return toRoleGrant(existing);
}

