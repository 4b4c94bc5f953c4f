import { defineErrors } from '../../errors';

export const mutualAidErrors = defineErrors({
  NOT_ENROLLED: '您未参加该互助保障，不能申请理赔；如有疑问请联系所在工会',
  OVER_CAP: '核准金额超过按方案可核准的金额',
});
