import { insert } from '../db';
import { CORE_COLLECTIONS } from './collections';
import type { AuditRecord } from './records';

export interface AuditEvent {
  actor: string;
  /** The action name, e.g. membership.approve; modules give each a Chinese label (ModuleDef.audit). */
  action: string;
  /** The record acted on (an id, never raw PII). */
  target: string;
  /** Who or what the target is, in words staff recognise (e.g. 李明华 · 湖塘镇总工会). Never an ID or mobile number. */
  summary?: string;
  at: Date;
  kind?: AuditRecord['kind'];
  details?: AuditRecord['details'];
}

/** Every staff/admin action, and every staff view of personal data, leaves one entry. */
export async function writeAudit(event: AuditEvent): Promise<void> {
  await insert(CORE_COLLECTIONS.audit, auditEntry(event));
}

/**
 * A staff look at a list of people's records (names with incomes, causes, health, schools): one entry for the page,
 * as a view of personal data, naming no one (the summary says what list and how many were shown).
 */
export async function auditListView(
  who: { openid: string; now: Date },
  action: string,
  target: string,
  summary: string,
): Promise<void> {
  await writeAudit({ actor: who.openid, action, target, summary, at: who.now, kind: 'pii_view' });
}

/** The stored entry of an event (a batch writes several with one insertMany). */
export function auditEntry(event: AuditEvent): AuditRecord {
  const entry: AuditRecord = { actor: event.actor, action: event.action, target: event.target, at: event.at };
  entry.kind = event.kind ?? 'change';
  if (event.summary) entry.summary = event.summary;
  if (event.details) entry.details = event.details;
  return entry;
}
