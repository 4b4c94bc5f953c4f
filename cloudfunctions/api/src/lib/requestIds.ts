/**
 * Ids of records a member or staffer creates from a form, derived from who sent it and the form's requestId (one
 * per opened form in the app): a double tap or a retry after a dropped answer finds the same record. Not
 * reversible to the openid (ids travel in links and lists).
 */
import { createHash, randomBytes } from 'node:crypto';

/** A member's submission (职工建言 report, 线上法律咨询 question, 欠薪求助): `<prefix><24 hex>`. */
export function idOfRequest(prefix: string, openid: string, requestId: string): string {
  return `${prefix}${createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 24)}`;
}

/** A place staff create (法律援助站 `st-`, 心理咨询室 `cr-`): from the form when it carries a requestId, else random. */
export function newPlaceId(prefix: string, openid: string, requestId: string | undefined): string {
  if (!requestId) return `${prefix}${randomBytes(6).toString('hex')}`;
  return `${prefix}${createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 16)}`;
}
