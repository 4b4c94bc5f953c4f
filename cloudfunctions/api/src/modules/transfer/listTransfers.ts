import type { ActionContext } from '../../action';
import { command, countWhere, findPage, type Page } from '../../db';
import { asDate } from '../../lib/time';
import type { ApplicationStatus } from '../../rules/membership';
import { overdueBefore, overdueMark } from '../../rules/overdue';
import { orgScopes } from '../../shared/scope';
import { reviewDays } from '../settings/settings';
import { TRANSFER_COLLECTIONS as C } from './collections';
import type { TransferRecord } from './records';
import { toTransferView } from './toTransferView';
import type { TransferView } from './views';

function scopedWhere(ctx: ActionContext): Record<string, unknown> {
  const scopes = orgScopes(ctx);
  return scopes === null ? {} : { toOrgPath: command().in(scopes) };
}

/**
 * Transfers INTO the caller's org subtrees (all for admins); waiting ones oldest first, flagged overdue (with
 * days past the deadline) once they wait past the review deadline.
 */
export async function listTransfers(
  filter: { status?: ApplicationStatus; page?: number },
  ctx: ActionContext,
): Promise<Page<TransferView>> {
  const where = scopedWhere(ctx);
  if (filter.status) where.status = filter.status;
  const order: [string, 'asc' | 'desc'][] = filter.status === 'pending' ? [['requestedAt', 'asc']] : [['requestedAt', 'desc']];
  const [{ rows, total }, days] = await Promise.all([findPage<TransferRecord>(C.transfers, where, order, filter.page), reviewDays()]);
  return {
    items: rows.map((r) => {
      const view = toTransferView(r);
      return r.status === 'pending' ? { ...view, ...overdueMark(asDate(r.requestedAt), ctx.now, days) } : view;
    }),
    total,
  };
}

/** Transfers into the caller's subtrees waiting past the review deadline (the 工作台 tile's overdue count). */
export async function countOverdueTransfers(ctx: ActionContext): Promise<number> {
  const before = overdueBefore(ctx.now, await reviewDays());
  return countWhere(C.transfers, { ...scopedWhere(ctx), status: 'pending', requestedAt: command().lt(before) });
}

export async function countPendingTransfers(ctx: ActionContext): Promise<number> {
  return countWhere(C.transfers, { ...scopedWhere(ctx), status: 'pending' });
}
