import { defineErrors } from '../../errors';

/** Refusals at the station, in sentences a staffer can tell the member. */
export const campaignsErrors = defineErrors({
  NOT_LISTED: '该会员不在本次活动的发放名单上，如有疑问请联系活动所属工会',
  ALREADY_COLLECTED: '该会员已领取过本次慰问品',
  CAMPAIGN_CLOSED: '本次活动已结束，不能再发放',
  OUT_OF_WINDOW: '不在领取时间内',
  TICKET_EXPIRED: '核验已超过3分钟，请重新扫描会员码或输入核验码',
});
