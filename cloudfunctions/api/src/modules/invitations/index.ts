/** 邀请: roles for people who are not members (duty lawyers, shop clerks, new union officers), by a share link. */
import { defineAction, defineModule } from '../../action';
import { INVITATION_COLLECTIONS } from './collections';
import { invitationErrors } from './errors';
import { acceptInvitation, createInvitation, listInvitations, revokeInvitation, showInvitation } from './invite';
import { invitationCodeInput, invitationCreateInput, invitationListInput, invitationRevokeInput } from './schemas';

const INVITERS = ['staff'] as const;

export const invitationsModule = defineModule({
  area: 'invitations',
  collections: INVITATION_COLLECTIONS,
  errors: invitationErrors.codes,
  fieldLabels: { name: '被邀请人姓名', code: '邀请码', invitationId: '邀请编号' },
  audit: { 'invitations.create': '发出邀请', 'invitations.accept': '接受邀请', 'invitations.revoke': '撤回邀请' },
  actions: {
    'invitations.create': defineAction({ input: invitationCreateInput, roles: INVITERS, handler: createInvitation }),
    'invitations.list': defineAction({
      input: invitationListInput,
      roles: INVITERS,
      handler: (input, ctx) => listInvitations(input.page, ctx),
    }),
    'invitations.revoke': defineAction({
      input: invitationRevokeInput,
      roles: INVITERS,
      handler: (input, ctx) => revokeInvitation(input.invitationId, ctx),
    }),
    'invitations.get': defineAction({
      input: invitationCodeInput,
      roles: 'any',
      handler: (input, ctx) => showInvitation(input.code, ctx),
    }),
    'invitations.accept': defineAction({
      input: invitationCodeInput,
      roles: 'any',
      handler: (input, ctx) => acceptInvitation(input.code, ctx),
    }),
  },
});
