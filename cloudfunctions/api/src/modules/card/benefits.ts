import type { Benefit } from './views';

/** What a card holder can use (summary shown under the card). */
export const MEMBER_BENEFITS: Benefit[] = [
  { title: '普惠商户优惠', description: '在特约商户出示电子会员卡享受会员折扣' },
  { title: '法律援助', description: '劳动争议咨询、值班律师预约' },
  { title: '职工疗休养', description: '按年度计划报名疗休养活动' },
  { title: '技能竞赛', description: '报名职工职业技能竞赛' },
  { title: '职工互助保障', description: '住院、意外等互助保障' },
];
