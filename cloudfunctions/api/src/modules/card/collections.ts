export const CARD_COLLECTIONS = {
  /**
   * The short numeric codes shown under the card's QR code, one per card and one-minute window
   * (`${cardNo}_${window}`), each with the nonce of that window's QR token; `slot` (`${window}:${code}`) has a
   * unique index, so no two live codes are the same.
   */
  shortCodes: 'card_short_codes',
} as const;
