/** Loading orgs for a change, and who may change them: administrators anywhere, staff within their subtree. */
import type { ActionContext } from '../../action';
import { command, findMany } from '../../db';
import { fail } from '../../errors';
import { parentKindProblem, type OrgKind } from '../../rules/orgKinds';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { getOrg } from '../../shared/orgs';
import type { OrgRecord } from '../../shared/records';
import { coversOrg } from '../../shared/scope';
import { orgErrors as errors } from './errors';

/** A closed union stays in the tree (its members' history points at it) but takes nothing new. */
export function isClosed(org: OrgRecord): boolean {
  return org.status === 'closed';
}

export async function loadOrg(orgId: string, field = 'orgId'): Promise<OrgRecord> {
  const org = await getOrg(orgId);
  if (!org) throw fail('NOT_FOUND', '工会不存在或已被删除', { field });
  return org;
}

/** Refuses when the caller's staff scopes do not include the org or one of its ancestors. */
export function assertManages(ctx: ActionContext, org: OrgRecord): void {
  if (!coversOrg(ctx, org.path)) throw fail('FORBIDDEN', `「${org.name}」不在您管辖的工会范围内，无权调整`);
}

export function assertOpen(org: OrgRecord, field = 'orgId'): void {
  if (isClosed(org)) throw errors.fail('ORG_CLOSED', `「${org.name}」已撤销，不能再作调整或接收会员`, { field });
}

/** Refuses a parent of a kind a union of `kind` may not sit under (a 街道/乡镇工会 under a 基层工会, …). */
export function assertParentKind(kind: OrgKind, parent: OrgRecord): void {
  const problem = parentKindProblem(kind, parent.kind);
  if (problem) throw errors.fail('ORG_PARENT_KIND', `${problem}，请另选上级工会`, { field: 'parentId' });
}

/** An open union of this name under `parentId` other than `exceptId`, if any. */
export async function siblingNamed(parentId: string | null, name: string, exceptId?: string): Promise<OrgRecord | null> {
  const _ = command();
  const same = await findMany<OrgRecord>(CORE_COLLECTIONS.orgs, { parentId, name, status: _.neq('closed') }, { limit: 5 });
  return same.find((o) => o._id !== exceptId) ?? null;
}

export async function assertNameFree(parentId: string | null, name: string, exceptId?: string): Promise<void> {
  if (await siblingNamed(parentId, name, exceptId))
    throw errors.fail('ORG_NAME_TAKEN', `同一上级工会下已有「${name}」，请换一个名称`, { field: 'name' });
}

/** The union whose subtree is being moved right now, if any (moves run one at a time, see moveOrg.ts). */
export async function pendingMove(): Promise<OrgRecord | null> {
  const _ = command();
  const [moving] = await findMany<OrgRecord>(CORE_COLLECTIONS.orgs, { moving: _.exists(true) }, { limit: 1 });
  return moving ?? null;
}
