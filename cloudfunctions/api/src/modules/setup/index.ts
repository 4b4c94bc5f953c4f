/** 首位管理员: a new environment's first administrator claims the role with a one-time setup code. */
import { defineAction, defineModule } from '../../action';
import { claimSetupCode, setupStatus } from './claim';
import { SETUP_COLLECTIONS } from './collections';
import { setupErrors } from './errors';
import { setupClaimInput, setupStatusInput } from './schemas';

export const setupModule = defineModule({
  area: 'setup',
  collections: SETUP_COLLECTIONS,
  errors: setupErrors.codes,
  fieldLabels: { code: '设置码' },
  audit: { 'setup.claim': '以设置码成为管理员' },
  actions: {
    'setup.status': defineAction({ input: setupStatusInput, roles: 'any', handler: () => setupStatus() }),
    'setup.claim': defineAction({
      input: setupClaimInput,
      roles: 'any',
      handler: (input, ctx) => claimSetupCode(input.code, ctx),
    }),
  },
});
