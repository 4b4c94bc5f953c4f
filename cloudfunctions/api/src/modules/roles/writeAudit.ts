import { COLLECTIONS, insert } from '../../db';
import type { AuditRecord } from '../../records';

/** Every staff/admin action leaves one entry. Targets are record ids, never raw PII. */
export async function writeAudit(
  actor: string,
  action: string,
  target: string,
  at: Date,
  details?: AuditRecord['details'],
): Promise<void> {
  const entry: AuditRecord = { actor, action, target, at };
  if (details) entry.details = details;
  await insert(COLLECTIONS.audit, entry);
}
