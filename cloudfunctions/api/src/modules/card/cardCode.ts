/** A member's card code as read at a counter: signature and window checked, or the card error that says why not. */
import { requireKey } from '../../lib/pii';
import { verifyCardToken } from './cardToken';
import { cardErrors } from './errors';

export interface CardCode {
  cardNo: string;
  nonce: string;
  expiresAt: Date;
}

export function readCardCode(token: string, now: Date): CardCode {
  const result = verifyCardToken(token, requireKey('CARD_TOKEN_KEY'), now);
  if (result.ok) return { cardNo: result.cardNo, nonce: result.nonce, expiresAt: result.expiresAt };
  throw cardErrors.fail(
    result.reason === 'expired' ? 'TOKEN_EXPIRED' : result.reason === 'early' ? 'TOKEN_EARLY' : 'TOKEN_INVALID',
  );
}
