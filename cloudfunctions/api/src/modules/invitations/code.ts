/** Role invitation codes: the shared link codes (shared/linkCodes.ts) with the purpose `invitation`. */
import { hashLinkCode, newLinkCode } from '../../shared/linkCodes';

/** An invitation can be accepted this long after it is made. */
export const INVITATION_LIFETIME_MS = 72 * 3600 * 1000;

/** 120 random bits, URL-safe (fits a share path and a small QR code). */
export const newInvitationCode = newLinkCode;

/** The stored form (and _id) of a code: HMAC-SHA256 with the function's ID_HASH_KEY. */
export function hashInvitationCode(code: string, key: string): string {
  return hashLinkCode('invitation', code, key);
}
