import { defineErrors } from '../../errors';

export const cardErrors = defineErrors({
  TOKEN_INVALID: '会员码无效，请让会员刷新后重新出示',
  TOKEN_EXPIRED: '会员码已过期，请让会员刷新后重新出示',
  TOKEN_EARLY: '会员码尚未生效，请会员核对手机时间后刷新',
});
