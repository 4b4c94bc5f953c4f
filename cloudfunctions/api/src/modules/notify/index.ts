/** Subscribe-message consent (WeChat subscriptions are one-time: each acceptance allows one message). */
import { defineAction, defineModule } from '../../action';
import { recordConsent } from './recordConsent';
import { notifyConsentInput } from './schemas';

export const notifyModule = defineModule({
  area: 'notify',
  fieldLabels: { templateKey: '消息模板', accepted: '是否同意' },
  actions: {
    'notify.consent': defineAction({
      input: notifyConsentInput,
      roles: 'any',
      handler: (input, ctx) => recordConsent(input.templateKey, input.accepted, ctx),
    }),
  },
});
