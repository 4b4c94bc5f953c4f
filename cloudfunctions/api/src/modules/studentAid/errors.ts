import { defineErrors } from '../../errors';

/** Refusals of 金秋助学, in words a member or staff member can act on. */
export const studentAidErrors = defineErrors({
  NOT_ELIGIBLE: '暂不符合金秋助学申请条件',
  NOT_PAYABLE: '公示期结束且异议处理完毕后才能登记发放',
});
