import { defineAction } from '../../action';
import { getCard, issueCardToken, verifyCard } from './cardService';
import { cardGetInput, cardTokenInput, cardVerifyInput } from './schemas';

export const cardActions = {
  'card.get': defineAction({ input: cardGetInput, roles: 'any', handler: (_input, ctx) => getCard(ctx) }),
  'card.token': defineAction({ input: cardTokenInput, roles: 'any', handler: (_input, ctx) => issueCardToken(ctx) }),
  'card.verify': defineAction({
    input: cardVerifyInput,
    roles: ['merchant', 'staff', 'admin'],
    handler: (input, ctx) => verifyCard(input.token, ctx),
  }),
};
