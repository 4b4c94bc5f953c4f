import { COLLECTIONS, countWhere, findMany } from '../../db';
import { toIso } from '../../lib/time';
import type { AuditRecord } from '../../records';
import type { AuditEntry, Page } from '../../views';

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(page = 1): Promise<Page<AuditEntry>> {
  const [rows, total] = await Promise.all([
    findMany<AuditRecord>(
      COLLECTIONS.audit,
      {},
      {
        orderBy: [['at', 'desc']],
        skip: (page - 1) * AUDIT_PAGE_SIZE,
        limit: AUDIT_PAGE_SIZE,
      },
    ),
    countWhere(COLLECTIONS.audit, {}),
  ]);
  const items = rows.map((r) => ({
    _id: String(r._id),
    actor: r.actor,
    action: r.action,
    target: r.target,
    at: toIso(r.at),
    ...(r.details ? { details: r.details } : {}),
  }));
  return { items, total };
}
