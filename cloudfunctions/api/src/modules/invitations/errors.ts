import { defineErrors } from '../../errors';

export const invitationErrors = defineErrors({
  INVITE_NOT_FOUND: '邀请不存在或链接不完整，请向邀请人重新索取邀请',
  INVITE_EXPIRED: '该邀请已过期（有效期72小时），请联系邀请人重新发送',
  INVITE_USED: '该邀请已被他人接受，每个邀请只能使用一次；如需开通请联系邀请人重新发送',
  INVITE_REVOKED: '该邀请已被撤回，如有疑问请联系邀请人',
  INVITE_OWN: '不能接受自己发出的邀请，请把邀请转发给被邀请人',
  INVITE_CLOSED: '该邀请已被接受或已撤回，无需再撤回',
});
