import { defineErrors } from '../../errors';

export const membershipErrors = defineErrors({
  ALREADY_MEMBER: '该身份证号已入会，如有疑问请联系所在工会',
  APPLICATION_LOCKED: '入会申请已审核通过，不能再修改',
});
