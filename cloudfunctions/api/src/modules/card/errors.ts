import { defineErrors } from '../../errors';

export const cardErrors = defineErrors({
  TOKEN_INVALID: '会员码无效，请让会员刷新后重新出示',
  TOKEN_EXPIRED: '会员码已过期，请让会员刷新后重新出示',
  TOKEN_EARLY: '会员码尚未生效，请会员核对手机时间后刷新',
  SHORT_CODE_EXPIRED: '核验码已过期：请会员读出电子工会卡二维码下方新的8位核验码',
  SHORT_CODE_WRONG: '核验码不正确：请核对会员电子工会卡二维码下方的8位数字后重新输入',
});
