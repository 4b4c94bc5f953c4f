import type { ActionContext } from '../../action';
import { COLLECTIONS, findById, removeWhere, setById } from '../../db';
import { AppError } from '../../errors';
import type { RoleRecord } from '../../records';
import type { RoleGrant } from '../../views';
import { getOrg } from '../org/loadOrgs';
import type { RoleChangeInput } from './schemas';
import { roleId, toRoleGrant } from './toRoleGrant';
import { writeAudit } from './writeAudit';

async function checkScope(input: RoleChangeInput): Promise<void> {
  if (input.role === 'admin') {
    if (input.scopeId) throw new AppError('INVALID_INPUT', '管理员角色不需要管辖范围', { field: 'scopeId' });
    return;
  }
  if (!input.scopeId) throw new AppError('INVALID_INPUT', '请填写管辖范围（工会、商户或法律援助站编号）', { field: 'scopeId' });
  if (input.role === 'staff' && !(await getOrg(input.scopeId))) {
    throw new AppError('INVALID_INPUT', '管辖范围中的工会不存在', { field: 'scopeId' });
  }
}

export async function grantRole(input: RoleChangeInput, ctx: ActionContext): Promise<RoleGrant> {
  await checkScope(input);
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
  await setById(COLLECTIONS.roles, _id, data); // idempotent: granting twice keeps one record
  await writeAudit(ctx.openid, 'role.grant', id, ctx.now, { role: input.role, scopeId: input.scopeId ?? null });
  return toRoleGrant(record);
}

export async function revokeRole(input: RoleChangeInput, ctx: ActionContext): Promise<RoleGrant> {
  const id = roleId(input.openid, input.role, input.scopeId);
  const existing = await findById<RoleRecord>(COLLECTIONS.roles, id);
  if (!existing) throw new AppError('NOT_FOUND', '该授权不存在（通过环境变量配置的管理员需在云开发控制台修改）');
  await removeWhere(COLLECTIONS.roles, { _id: id });
  await writeAudit(ctx.openid, 'role.revoke', id, ctx.now, { role: input.role, scopeId: input.scopeId ?? null });
  return toRoleGrant(existing);
}
