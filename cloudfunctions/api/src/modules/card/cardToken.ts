/**
 * Card QR tokens (pure: no database, no env). Format, all base64url:
 *   <payload>.<signature>   payload = "<cardNo>.<expiry unix seconds>.<nonce>"
 *   signature = HMAC-SHA256(key, payload) — the full 32 bytes.
 * A token lives at most MAX_TOKEN_TTL_SECONDS; the member's screen refreshes it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const MAX_TOKEN_TTL_SECONDS = 60;

export interface SignedCardToken {
  token: string;
  expiresAt: Date;
}

export type VerifyResult =
  { ok: true; cardNo: string; expiresAt: Date; nonce: string } | { ok: false; reason: 'invalid' | 'expired' };

function sign(payload: string, key: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function signCardToken(
  cardNo: string,
  key: string,
  now: Date = new Date(),
  ttlSeconds: number = MAX_TOKEN_TTL_SECONDS,
): SignedCardToken {
  const ttl = Math.min(Math.max(1, Math.floor(ttlSeconds)), MAX_TOKEN_TTL_SECONDS);
  const exp = Math.floor(now.getTime() / 1000) + ttl;
  const nonce = randomBytes(6).toString('base64url');
  const payload = `${cardNo}.${exp}.${nonce}`;
  const encoded = Buffer.from(payload, 'utf8').toString('base64url');
  return { token: `${encoded}.${sign(payload, key).toString('base64url')}`, expiresAt: new Date(exp * 1000) };
}

export function verifyCardToken(token: string, key: string, now: Date = new Date()): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'invalid' };
  const [encoded, signature] = parts;
  if (!/^[A-Za-z0-9_-]+$/.test(encoded) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return { ok: false, reason: 'invalid' };
  const payloadBytes = Buffer.from(encoded, 'base64url');
  // Re-encoding must give the same text, or the token was altered in bits base64url ignores.
  if (payloadBytes.toString('base64url') !== encoded) return { ok: false, reason: 'invalid' };
  const payload = payloadBytes.toString('utf8');
  const given = Buffer.from(signature, 'base64url');
  if (given.toString('base64url') !== signature) return { ok: false, reason: 'invalid' };
  const expected = sign(payload, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const match = /^([A-Z0-9]{4,32})\.(\d{1,12})\.([A-Za-z0-9_-]{4,32})$/.exec(payload);
  if (!match) return { ok: false, reason: 'invalid' };
  const exp = Number(match[2]);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  // A valid signature with an expiry far in the future is not one we issued.
  if (exp - nowSeconds > MAX_TOKEN_TTL_SECONDS + 5) return { ok: false, reason: 'invalid' };
  if (nowSeconds >= exp) return { ok: false, reason: 'expired' };
  return { ok: true, cardNo: match[1], expiresAt: new Date(exp * 1000), nonce: match[3] };
}
