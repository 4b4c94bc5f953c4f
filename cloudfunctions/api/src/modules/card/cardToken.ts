/**
 * Card QR tokens (pure: no database, no env). Format, all base64url:
 *   <payload>.<signature>   payload = "<cardNo>.<expiry unix seconds>.<nonce>[.<not-before unix seconds>]"
 *   signature = HMAC-SHA256(key, payload) — the full 32 bytes.
 * A token lives at most MAX_TOKEN_TTL_SECONDS. Tokens fetched ahead for use without network (signCardTokens)
 * carry a not-before: each is valid only inside its own 60-second window. Tokens without one (the single
 * `card.token` kind) keep verifying as before.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const MAX_TOKEN_TTL_SECONDS = 60;
/** How many consecutive windows `card.tokens` signs ahead (the current one included). */
export const TOKENS_AHEAD = 6;
/** Clock slack tolerated on an expiry or a not-before that lies in the future. */
const SLACK_SECONDS = 5;

export interface SignedCardToken {
  token: string;
  expiresAt: Date;
  /** Set on tokens signed ahead: the token is refused before this moment. */
  notBefore?: Date;
}

/** An expired token's signature was good, so it still says whose code it was (a counter can tell "already used"). */
export type VerifyResult =
  | { ok: true; cardNo: string; expiresAt: Date; nonce: string }
  | { ok: false; reason: 'expired'; cardNo: string; nonce: string }
  | { ok: false; reason: 'invalid' | 'early' };

function sign(payload: string, key: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

function seal(payload: string, key: string): string {
  const encoded = Buffer.from(payload, 'utf8').toString('base64url');
  return `${encoded}.${sign(payload, key).toString('base64url')}`;
}

function nonce(): string {
  return randomBytes(6).toString('base64url');
}

export function signCardToken(
  cardNo: string,
  key: string,
  now: Date = new Date(),
  ttlSeconds: number = MAX_TOKEN_TTL_SECONDS,
): SignedCardToken {
  const ttl = Math.min(Math.max(1, Math.floor(ttlSeconds)), MAX_TOKEN_TTL_SECONDS);
  const exp = Math.floor(now.getTime() / 1000) + ttl;
  return { token: seal(`${cardNo}.${exp}.${nonce()}`, key), expiresAt: new Date(exp * 1000) };
}

/**
 * `count` consecutive tokens, one per 60-second window starting with the window `now` falls in: shown one
 * after the other, they keep the card usable for at least (count − 1) minutes without network.
 */
export function signCardTokens(
  cardNo: string,
  key: string,
  now: Date = new Date(),
  count: number = TOKENS_AHEAD,
  /** The nonce of each window (those of its 核验码, so that the QR and the code are one code); random when absent. */
  nonces: string[] = [],
): SignedCardToken[] {
  const first = Math.floor(now.getTime() / 1000 / MAX_TOKEN_TTL_SECONDS) * MAX_TOKEN_TTL_SECONDS;
  return Array.from({ length: Math.min(Math.max(1, count), TOKENS_AHEAD) }, (_, i) => {
    const nbf = first + i * MAX_TOKEN_TTL_SECONDS;
    const exp = nbf + MAX_TOKEN_TTL_SECONDS;
    return {
      token: seal(`${cardNo}.${exp}.${nonces[i] ?? nonce()}.${nbf}`, key),
      expiresAt: new Date(exp * 1000),
      notBefore: new Date(nbf * 1000),
    };
  });
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
  const match = /^([A-Z0-9]{4,32})\.(\d{1,12})\.([A-Za-z0-9_-]{4,32})(?:\.(\d{1,12}))?$/.exec(payload);
  if (!match) return { ok: false, reason: 'invalid' };
  const exp = Number(match[2]);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (match[4] !== undefined) {
    const nbf = Number(match[4]);
    // A window longer than a minute, or one further ahead than we sign, is not one we issued.
    if (exp - nbf <= 0 || exp - nbf > MAX_TOKEN_TTL_SECONDS) return { ok: false, reason: 'invalid' };
    if (nbf - nowSeconds > TOKENS_AHEAD * MAX_TOKEN_TTL_SECONDS + SLACK_SECONDS) return { ok: false, reason: 'invalid' };
    if (nowSeconds < nbf) return { ok: false, reason: 'early' };
  } else if (exp - nowSeconds > MAX_TOKEN_TTL_SECONDS + SLACK_SECONDS) {
    // A valid signature with an expiry far in the future is not one we issued.
    return { ok: false, reason: 'invalid' };
  }
  if (nowSeconds >= exp) return { ok: false, reason: 'expired', cardNo: match[1], nonce: match[3] };
  return { ok: true, cardNo: match[1], expiresAt: new Date(exp * 1000), nonce: match[3] };
}
