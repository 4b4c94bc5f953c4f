/**
 * 核验码: the short numeric code under the card's QR code, typed by a clerk when scanning is not possible.
 * Unlike a QR token it carries no signature, so it is stored: one code per card and one-minute window, bound to
 * that card and to the nonce of the window's QR token (a code and its QR are one code: either consumes both).
 * A code lives only in its own window, and no two live codes are the same (unique index on `slot`; a collision
 * draws a new code). How hard it is to guess, with the counter's limit on wrong tries: docs/merchants.md.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { command, findMany, insertMany, removeWhere } from '../../db';
import { fail } from '../../errors';
import { CARD_COLLECTIONS as C } from './collections';
import type { CardCode } from './cardCode';
import { MAX_TOKEN_TTL_SECONDS, TOKENS_AHEAD } from './cardToken';
import { cardErrors } from './errors';

export const SHORT_CODE_DIGITS = 8;
export const SHORT_CODE_PATTERN = /^\d{8}$/;
/** Attempts at drawing a set of codes that collides with no live one (a collision is about 1 in 10^4 even with 10^4 live codes). */
const DRAWS = 4;

export interface ShortCodeRecord {
  /** `${cardNo}_${window}`: one code per card and window, whoever asks for it first. */
  _id: string;
  cardNo: string;
  code: string;
  /** The window start (unix seconds) and the code: unique among live codes. */
  slot: string;
  /** The nonce of this window's QR token, so that redeeming by either consumes the same code. */
  nonce: string;
  notBefore: Date;
  expiresAt: Date;
  [key: string]: unknown;
}

/** The start (unix seconds) of the one-minute window `at` falls in. */
export function windowOf(at: Date): number {
  return Math.floor(at.getTime() / 1000 / MAX_TOKEN_TTL_SECONDS) * MAX_TOKEN_TTL_SECONDS;
}

function drawCode(): string {
  return String(randomInt(0, 10 ** SHORT_CODE_DIGITS)).padStart(SHORT_CODE_DIGITS, '0');
}

function newRecord(cardNo: string, window: number): ShortCodeRecord {
  const code = drawCode();
  return {
    _id: `${cardNo}_${window}`,
    cardNo,
    code,
    slot: `${window}:${code}`,
    nonce: randomBytes(6).toString('base64url'),
    notBefore: new Date(window * 1000),
    expiresAt: new Date((window + MAX_TOKEN_TTL_SECONDS) * 1000),
  };
}

/**
 * A code used at a counter is retired (with its QR: they share the nonce), so that the card's next `card.tokens`
 * in the same minute draws a fresh one instead of showing the used code until the minute ends. `windows`: how far
 * back the used code's window may lie (a counter ticket lives a few minutes).
 */
export async function retireShortCode(cardNo: string, nonce: string, now: Date, windows = 6): Promise<void> {
  const current = windowOf(now);
  const ids = Array.from({ length: windows }, (_, i) => `${cardNo}_${current - i * MAX_TOKEN_TTL_SECONDS}`);
  await removeWhere(C.shortCodes, { _id: command().in(ids), nonce });
}

/**
 * The card's codes for the current window and the next ones (as many as `card.tokens` signs), made when first
 * asked for: one read and, when a window is new, one insert of all the new ones. A concurrent call for the same
 * card, or a code already live for another card, refuses the whole insert; the next draw reads again.
 */
export async function shortCodesFor(cardNo: string, now: Date, count: number = TOKENS_AHEAD): Promise<ShortCodeRecord[]> {
  const first = windowOf(now);
  const windows = Array.from({ length: count }, (_, i) => first + i * MAX_TOKEN_TTL_SECONDS);
  const ids = windows.map((w) => `${cardNo}_${w}`);
  for (let draw = 0; draw < DRAWS; draw++) {
    const stored = await findMany<ShortCodeRecord>(C.shortCodes, { _id: command().in(ids) }, { limit: count });
    const byId = new Map(stored.map((r) => [r._id, r]));
    const missing = windows.filter((w) => !byId.has(`${cardNo}_${w}`)).map((w) => newRecord(cardNo, w));
    if (missing.length === 0) return ids.map((id) => byId.get(id)!);
    try {
      await insertMany(C.shortCodes, missing);
      for (const r of missing) byId.set(r._id, r);
      return ids.map((id) => byId.get(id)!);
    } catch {
      // Another call made some of them, or a drawn code is live for another card: read and draw again.
    }
  }
  throw fail('BUSY', '核验码生成繁忙，请稍后刷新');
}

/**
 * A typed code as read at a counter: the card and nonce of the live code, or why not (expired = it was this
 * code's previous window; anything else is wrong). One read.
 */
export async function readShortCode(code: string, now: Date): Promise<CardCode> {
  const current = windowOf(now);
  const previous = current - MAX_TOKEN_TTL_SECONDS;
  const found = await findMany<ShortCodeRecord>(
    C.shortCodes,
    { slot: command().in([`${current}:${code}`, `${previous}:${code}`]) },
    { limit: 2 },
  );
  const live = found.find((r) => r.slot === `${current}:${code}`);
  if (live) return { cardNo: live.cardNo, nonce: live.nonce, expiresAt: new Date(live.expiresAt) };
  // Said under the field the clerk typed into.
  if (found.length) throw cardErrors.fail('SHORT_CODE_EXPIRED', undefined, { field: 'code' });
  throw cardErrors.fail('SHORT_CODE_WRONG', undefined, { field: 'code' });
}

/** The cron task: codes whose window ended more than an hour ago are of no use to anyone. */
export async function purgeShortCodes(now: Date): Promise<Record<string, number>> {
  const removed = await removeWhere(C.shortCodes, { expiresAt: command().lt(new Date(now.getTime() - 3600_000)) });
  return { removed };
}
