import type { ActionContext } from '../../action';
import { command, countWhere, findPage, type Page } from '../../db';
import type { ApplicationStatus } from '../../rules/membership';
import { orgScopes } from '../../shared/scope';
import { TRANSFER_COLLECTIONS as C } from './collections';
import type { TransferRecord } from './records';
import { toTransferView } from './toTransferView';
import type { TransferView } from './views';

function scopedWhere(ctx: ActionContext): Record<string, unknown> {
  const scopes = orgScopes(ctx);
  return scopes === null ? {} : { toOrgPath: command().in(scopes) };
}

/** Transfers INTO the caller's org subtrees (all for admins); waiting ones oldest first. */
export async function listTransfers(
  filter: { status?: ApplicationStatus; page?: number },
  ctx: ActionContext,
): Promise<Page<TransferView>> {
  const where = scopedWhere(ctx);
  if (filter.status) where.status = filter.status;
  const order: [string, 'asc' | 'desc'][] = filter.status === 'pending' ? [['requestedAt', 'asc']] : [['requestedAt', 'desc']];
  const { rows, total } = await findPage<TransferRecord>(C.transfers, where, order, filter.page);
  return { items: rows.map(toTransferView), total };
}

export async function countPendingTransfers(ctx: ActionContext): Promise<number> {
  return countWhere(C.transfers, { ...scopedWhere(ctx), status: 'pending' });
}
