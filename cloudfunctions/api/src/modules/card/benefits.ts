import type { Benefit } from './views';

/**
 * What a card holder can use: the one list the card page and the 优惠 tab both show (card.get, card.benefits).
 * Only what this app offers: 互助保障 returns here when the app has an area for it.
 */
export const MEMBER_BENEFITS: Benefit[] = [
  { title: '普惠商户优惠', description: '在特约商户、普惠商户出示电子工会卡，享会员专属折扣' },
  { title: '一公里服务圈', description: '工会驿站、户外劳动者服务站：饮水、休息、充电、如厕' },
  { title: '法律援助', description: '劳动争议免费咨询，值班律师、调解员为会员提供帮助' },
  { title: '职工疗休养', description: '符合条件的会员按年度计划报名工会组织的疗休养活动' },
  { title: '技能竞赛', description: '报名职工职业技能竞赛' },
  { title: '困难帮扶', description: '家庭因病、因学、意外等陷入困难，可在线申请工会帮扶，全程查看进度' },
];
