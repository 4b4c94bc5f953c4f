import { defineErrors } from '../../errors';

/** Refusals of the enrollment engine, in words a member can act on (areas may pass a more specific message). */
export const enrollmentErrors = defineErrors({
  NOT_ELIGIBLE: '您暂不符合本活动的报名条件',
  NOT_OPEN: '报名尚未开始',
  SIGNUP_CLOSED: '报名已截止',
  QUOTA_FULL: '名额已满',
  CANCEL_NOT_ALLOWED: '本活动报名后不可取消，如有特殊情况请联系组织工会',
  OFFER_EXPIRED: '递补名额的确认时间已过',
  ALREADY_ENROLLED: '您已报名本活动',
});
