/**
 * Moving a union (with its subtree) under another parent. The move is decided in one guarded update of the
 * union (new parent + a `moving` marker holding old and new path), then every stored path follows
 * (followPaths.ts) in pages within the function's time; the answer says whether it is done. If not (a large
 * subtree), the same call again continues where it stopped, and so does a retry after a timeout. One move runs
 * at a time: while a marker stands, other moves are refused.
 */
import type { z } from 'zod';
import type { ActionContext } from '../../action';
import { command, updateWhere } from '../../db';
import { fail } from '../../errors';
import { asDate } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { OrgRecord } from '../../shared/records';
import { assertManages, assertNameFree, assertOpen, assertParentKind, loadOrg, pendingMove } from './access';
import { orgErrors as errors } from './errors';
import { followPaths, type PathMove } from './followPaths';
import type { orgMoveInput } from './schemas';
import { scheduleSweep } from './sweepPaths';

/** How long one call keeps rewriting paths before it answers (the function's timeout is 10 s). */
export const MOVE_BUDGET_MS = 5000;

export interface MoveResult {
  orgId: string;
  path: string[];
  /** False when records are still being rewritten: call org.move again with the same input to finish. */
  done: boolean;
  changed: number;
}

async function finish(org: OrgRecord, move: PathMove, decidedAt: Date, ctx: ActionContext): Promise<MoveResult> {
  const { done, changed } = await followPaths(ctx.house.orgPathHolders, move, Date.now() + MOVE_BUDGET_MS);
  if (done) {
    const _ = command();
    await updateWhere(
      CORE_COLLECTIONS.orgs,
      { _id: org._id, moving: _.exists(true) },
      { moving: _.remove(), updatedAt: ctx.now },
    );
    // A call that read the old path meanwhile may still write it: the cron sweeps once more (sweepPaths.ts).
    await scheduleSweep(org._id, { fromPath: move.fromPath, toPath: move.toPath }, decidedAt, ctx.now);
  }
  return { orgId: org._id, path: move.toPath, done, changed };
}

export async function moveOrg(input: z.output<typeof orgMoveInput>, ctx: ActionContext): Promise<MoveResult> {
  const org = await loadOrg(input.orgId);
  assertManages(ctx, org);
  const marker = org.moving as (PathMove & { at?: unknown }) | undefined;
  if (marker) {
    // Continuing an unfinished move: only the same one.
    if (org.parentId !== input.parentId)
      throw errors.fail('ORG_MOVE_PENDING', `「${org.name}」的上一次移动尚未完成，请先按原目标完成移动`);
    return finish(org, marker, marker.at ? asDate(marker.at) : ctx.now, ctx);
  }
  if (!org.parentId) throw errors.fail('ORG_ROOT', '根工会不能移动', { field: 'orgId' });
  assertOpen(org);
  if (org.parentId === input.parentId) return { orgId: org._id, path: org.path, done: true, changed: 0 };
  const parent = await loadOrg(input.parentId, 'parentId');
  if (parent.path.includes(org._id))
    throw errors.fail('ORG_CYCLE', `不能把「${org.name}」移到它自己或其下级工会「${parent.name}」之下`, { field: 'parentId' });
  assertManages(ctx, parent);
  assertOpen(parent, 'parentId');
  assertParentKind(org.kind, parent);
  await assertNameFree(parent._id, org.name, org._id);
  const other = await pendingMove();
  if (other && other._id !== org._id)
    throw errors.fail('ORG_MOVE_PENDING', `「${other.name}」的移动尚未完成，请先完成该调整后再移动其他工会`);

  const move: PathMove = { fromPath: org.path, toPath: [...parent.path, org._id] };
  const _ = command();
  const decided = await updateWhere(
    CORE_COLLECTIONS.orgs,
    { _id: org._id, parentId: org.parentId, moving: _.exists(false) },
    { parentId: parent._id, moving: { ...move, by: ctx.openid, at: ctx.now }, updatedAt: ctx.now },
  );
  if (!decided) throw fail('CONFLICT');
  const oldParent = await loadOrg(org.parentId, 'orgId').catch(() => null);
  await writeAudit({
    actor: ctx.openid,
    action: 'org.move',
    target: org._id,
    summary: `${org.name}：${oldParent?.name ?? '原上级'} → ${parent.name}`,
    at: ctx.now,
    details: { fromParentId: org.parentId, toParentId: parent._id },
  });
  return finish({ ...org, parentId: parent._id }, move, ctx.now, ctx);
}
