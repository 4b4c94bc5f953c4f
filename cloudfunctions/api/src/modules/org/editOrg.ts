/** Creating and renaming a union (基层工会, 街道/乡镇, 区/县总工会, 行业工会联合会). */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ActionContext } from '../../action';
import { countWhere, findMany, insertUnique, updateWhere } from '../../db';
import { fail } from '../../errors';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { toOrg, type Org } from '../../shared/orgs';
import type { OrgRecord } from '../../shared/records';
import { assertManages, assertNameFree, assertOpen, assertParentKind, loadOrg } from './access';
import type { orgCreateInput, orgRenameInput } from './schemas';

export function newOrgId(): string {
  return `org-${randomBytes(6).toString('hex')}`;
}

export async function createOrg(input: z.output<typeof orgCreateInput>, ctx: ActionContext): Promise<{ org: Org }> {
  let parent: OrgRecord | null = null;
  if (input.parentId === null) {
    if (!ctx.isAdmin) throw fail('FORBIDDEN', '只有管理员可以建立根工会');
    const [root] = await findMany<OrgRecord>(CORE_COLLECTIONS.orgs, { parentId: null }, { limit: 1 });
    if (root) throw fail('INVALID_INPUT', `已有根工会「${root.name}」，请选择上级工会`, { field: 'parentId' });
  } else {
    parent = await loadOrg(input.parentId, 'parentId');
    assertManages(ctx, parent);
    assertOpen(parent, 'parentId');
    assertParentKind(input.kind, parent);
  }
  await assertNameFree(input.parentId, input.name);
  const id = newOrgId();
  const org: OrgRecord = {
    _id: id,
    name: input.name,
    parentId: input.parentId,
    kind: input.kind,
    acceptsNewEmployment: input.acceptsNewEmployment,
    path: [...(parent?.path ?? []), id],
    sort: (await countWhere(CORE_COLLECTIONS.orgs, { parentId: input.parentId })) + 1,
    status: 'active',
    createdAt: ctx.now,
    createdBy: ctx.openid,
  };
  const { _id, ...record } = org;
  if (!(await insertUnique(CORE_COLLECTIONS.orgs, _id, record))) throw fail('CONFLICT');
  await writeAudit({
    actor: ctx.openid,
    action: 'org.create',
    target: id,
    summary: parent ? `${input.name} · 隶属 ${parent.name}` : `${input.name}（根工会）`,
    at: ctx.now,
  });
  return { org: toOrg(org) };
}

export async function renameOrg(input: z.output<typeof orgRenameInput>, ctx: ActionContext): Promise<{ org: Org }> {
  const org = await loadOrg(input.orgId);
  assertManages(ctx, org);
  assertOpen(org);
  if (org.name === input.name) return { org: toOrg(org) };
  await assertNameFree(org.parentId, input.name, org._id);
  // Guarded by the old name: of two renames at once, the later one is told to refresh instead of overwriting.
  if (!(await updateWhere(CORE_COLLECTIONS.orgs, { _id: org._id, name: org.name }, { name: input.name, updatedAt: ctx.now })))
    throw fail('CONFLICT');
  // Members' cards show their union's name: one update over the union's members (other records keep the name
  // they were made under).
  await updateWhere(CORE_COLLECTIONS.members, { orgId: org._id }, { orgName: input.name });
  await writeAudit({
    actor: ctx.openid,
    action: 'org.rename',
    target: org._id,
    summary: `${org.name} → ${input.name}`,
    at: ctx.now,
    details: { from: org.name, to: input.name },
  });
  return { org: toOrg({ ...org, name: input.name }) };
}
