/**
 * One-time setup codes: how a new environment gets its first administrator without anyone copying an OPENID.
 * The operator's script (`npm run setup-code`) makes one and stores only its keyed hash; `setup.claim` hashes
 * what the person types and looks for it. Pure functions: the script imports this file too.
 */
import { createHmac, randomInt } from 'node:crypto';

/** A code is valid this long after it is made. */
export const SETUP_CODE_LIFETIME_MS = 72 * 3600 * 1000;

/** No 0/O, 1/I/L: read out or copied by hand without doubt. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** 16 random characters (about 79 bits) in groups of four: `7KQM-3RTA-WX9C-PHNE`. */
export function newSetupCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i += 1) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What the person typed, as the code is hashed: upper case, without spaces or dashes. */
export function normalizeSetupCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** The stored form (and _id) of a code: HMAC-SHA256 with the function's ID_HASH_KEY. */
export function hashSetupCode(code: string, key: string): string {
  return createHmac('sha256', key)
    .update(`setup-code:${normalizeSetupCode(code)}`)
    .digest('hex');
}
