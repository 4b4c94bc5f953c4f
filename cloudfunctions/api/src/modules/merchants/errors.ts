import { defineErrors } from '../../errors';

export const merchantsErrors = defineErrors({
  TOKEN_USED: '该会员码已使用过，请让会员刷新后重新出示',
  TRIES_EXCEEDED: '您今天输错核验码的次数已达上限，请改为扫描会员的二维码',
  TICKET_EXPIRED: '核验已超过3分钟，请重新扫描会员码',
  LIMIT_REACHED: '该会员已达到本优惠的使用次数上限',
  OFFER_SOLD_OUT: '本优惠的名额已用完',
  OFFER_UNAVAILABLE: '该优惠当前不可用（已暂停或不在有效期内）',
  PLACE_SUSPENDED: '该商户已暂停合作，暂不能核销',
  IMPORT_INVALID: '导入文件有错误，请按提示修改后重新上传',
});
