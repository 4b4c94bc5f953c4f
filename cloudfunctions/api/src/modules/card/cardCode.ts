/** A member's card code as read at a counter: signature and window checked, or the card error that says why not. */
import { requireKey } from '../../lib/pii';
import { verifyCardToken } from './cardToken';
import { cardErrors } from './errors';

export interface CardCode {
  cardNo: string;
  nonce: string;
  expiresAt?: Date;
  /** Set by readCardCodeAnyAge on a genuine code whose window has passed: the caller decides what to say. */
  expired?: boolean;
}

/**
 * A genuine code, expired or not (a forged or early one is refused). A counter uses it to say "already used"
 * rather than "expired" for a code that was redeemed: the reason that matters to the clerk.
 */
export function readCardCodeAnyAge(token: string, now: Date): CardCode {
  const result = verifyCardToken(token, requireKey('CARD_TOKEN_KEY'), now);
  if (result.ok) return { cardNo: result.cardNo, nonce: result.nonce, expiresAt: result.expiresAt };
  if (result.reason === 'expired') return { cardNo: result.cardNo, nonce: result.nonce, expired: true };
  throw cardErrors.fail(result.reason === 'early' ? 'TOKEN_EARLY' : 'TOKEN_INVALID');
}

export function readCardCode(token: string, now: Date): CardCode {
  const code = readCardCodeAnyAge(token, now);
  if (code.expired) throw cardErrors.fail('TOKEN_EXPIRED');
  return code;
}
