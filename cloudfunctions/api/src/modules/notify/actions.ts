import { defineAction } from '../../action';
import { recordConsent } from './recordConsent';
import { notifyConsentInput } from './schemas';

export const notifyActions = {
  'notify.consent': defineAction({
    input: notifyConsentInput,
    roles: 'any',
    handler: (input, ctx) => recordConsent(input.templateKey, input.accepted, ctx),
  }),
};
