/**
 * Invitation codes: a random code travels in the share link or QR code; the database keeps only its keyed hash,
 * so reading the collection gives nobody a usable invitation. Pure functions.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** An invitation can be accepted this long after it is made. */
export const INVITATION_LIFETIME_MS = 72 * 3600 * 1000;

/** 120 random bits, URL-safe (fits a share path and a small QR code). */
export function newInvitationCode(): string {
  return randomBytes(15).toString('base64url');
}

/** The stored form (and _id) of a code: HMAC-SHA256 with the function's ID_HASH_KEY. */
export function hashInvitationCode(code: string, key: string): string {
  return createHmac('sha256', key).update(`invitation:${code}`).digest('hex');
}
