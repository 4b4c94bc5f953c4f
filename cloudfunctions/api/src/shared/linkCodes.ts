/**
 * Codes that travel in a share link or QR code (role invitations, team invitations): a random code goes in the
 * link; the database keeps only its keyed hash, so reading a collection gives nobody a usable link. Each use
 * names its purpose, so a code of one kind never opens a record of another. Pure functions.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** 120 random bits, URL-safe (fits a share path and a small QR code). */
export function newLinkCode(): string {
  return randomBytes(15).toString('base64url');
}

/** The stored form (and _id) of a code: HMAC-SHA256 with the function's ID_HASH_KEY, over `${purpose}:${code}`. */
export function hashLinkCode(purpose: string, code: string, key: string): string {
  return createHmac('sha256', key).update(`${purpose}:${code}`).digest('hex');
}

/** A link code as the share path carries it (base64url, 20 characters; a little slack for older links). */
export const LINK_CODE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
