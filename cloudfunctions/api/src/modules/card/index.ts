/** 电子工会卡: the member's card, its short-lived QR token and 核验码 (short code), and the counter's verify step. */
import { defineAction, defineModule } from '../../action';
import { getCard, issueCardToken, issueCardTokens, listBenefits, verifyCard } from './cardService';
import { CARD_COLLECTIONS } from './collections';
import { cardErrors } from './errors';
import { purgeShortCodes } from './shortCode';
import { cardBenefitsInput, cardGetInput, cardTokenInput, cardTokensInput, cardVerifyInput } from './schemas';

export const cardModule = defineModule({
  area: 'card',
  collections: CARD_COLLECTIONS,
  cron: { purgeShortCodes },
  errors: cardErrors.codes,
  fieldLabels: { token: '会员码' },
  audit: { 'card.verify': '核验电子工会卡' },
  actions: {
    'card.get': defineAction({ input: cardGetInput, roles: 'any', handler: (_input, ctx) => getCard(ctx) }),
    'card.token': defineAction({ input: cardTokenInput, roles: 'any', handler: (_input, ctx) => issueCardToken(ctx) }),
    'card.tokens': defineAction({ input: cardTokensInput, roles: 'any', handler: (_input, ctx) => issueCardTokens(ctx) }),
    'card.benefits': defineAction({ input: cardBenefitsInput, roles: 'any', handler: async () => listBenefits() }),
    'card.verify': defineAction({
      input: cardVerifyInput,
      roles: ['merchant', 'staff', 'admin'],
      handler: (input, ctx) => verifyCard(input.token, ctx),
    }),
  },
});
