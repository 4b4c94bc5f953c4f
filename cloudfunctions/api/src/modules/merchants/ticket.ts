/**
 * The proof of a counter check (pure): the code's nonce, the member's card, the place and the staff member
 * who scanned, valid TICKET_SECONDS. Staff confirm an offer with it, so a code that was valid when scanned
 * can still be redeemed while staff pick the offer, and the code itself is never sent twice.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TICKET_SECONDS = 180;

export interface Ticket {
  nonce: string;
  cardNo: string;
  placeId: string;
  staff: string;
  exp: number;
}

function mac(payload: string, key: string): string {
  return createHmac('sha256', key).update(`redeem-ticket:${payload}`).digest('base64url');
}

export function signTicket(t: Omit<Ticket, 'exp'>, key: string, now: Date): { ticket: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + TICKET_SECONDS;
  const payload = [t.nonce, t.cardNo, t.placeId, t.staff, String(exp)].join('|');
  const encoded = Buffer.from(payload, 'utf8').toString('base64url');
  return { ticket: `${encoded}.${mac(payload, key)}`, expiresAt: new Date(exp * 1000) };
}

export function readTicket(
  ticket: string,
  key: string,
  now: Date,
): { ok: true; ticket: Ticket } | { ok: false; reason: 'invalid' | 'expired' } {
  const [encoded, signature, ...rest] = ticket.split('.');
  if (!encoded || !signature || rest.length) return { ok: false, reason: 'invalid' };
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(mac(payload, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const [nonce, cardNo, placeId, staff, exp, ...extra] = payload.split('|');
  if (extra.length || !nonce || !cardNo || !placeId || !staff || !/^\d{1,12}$/.test(exp ?? ''))
    return { ok: false, reason: 'invalid' };
  if (Math.floor(now.getTime() / 1000) >= Number(exp)) return { ok: false, reason: 'expired' };
  return { ok: true, ticket: { nonce, cardNo, placeId, staff, exp: Number(exp) } };
}
