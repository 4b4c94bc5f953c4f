import type { SwitchableArea } from '../../rules/areas';
import type { Benefit } from './views';

/**
 * What a card holder can use: the one list the card page and the 优惠 tab both show (card.get, card.benefits).
 * Only what this app offers, and of it only the areas the union has switched on (settings.areas).
 */
const BY_AREA: Partial<Record<SwitchableArea, Benefit[]>> = {
  merchants: [
    { title: '普惠商户优惠', description: '在特约商户、普惠商户出示电子工会卡，享会员专属折扣' },
    { title: '一公里服务圈', description: '工会驿站、户外劳动者服务站：饮水、休息、充电、如厕' },
  ],
  legalAid: [{ title: '法律援助', description: '劳动争议免费咨询，值班律师、调解员为会员提供帮助' }],
  legalQa: [{ title: '线上法律咨询', description: '劳动问题在线提问，律师答复；被拖欠工资可直接求助' }],
  recuperation: [{ title: '职工疗休养', description: '符合条件的会员按年度计划报名工会组织的疗休养活动' }],
  competitions: [{ title: '技能竞赛', description: '报名职工职业技能竞赛' }],
  hardship: [{ title: '困难帮扶', description: '家庭因病、因学、意外等陷入困难，可在线申请工会帮扶，全程查看进度' }],
  studentAid: [{ title: '金秋助学', description: '困难职工家庭子女考入大学、高中，可申请工会助学金' }],
  mutualAid: [{ title: '医疗互助', description: '所在单位参加职工医疗互助的会员，住院后可在线申请互助金' }],
  counselling: [{ title: '心理咨询', description: '预约工会心理咨询室一对一咨询，可用化名' }],
};

/** The benefits of the areas that are on (an area missing from `areas` is on), in the order above. */
export function benefitsFor(areas: Partial<Record<SwitchableArea, boolean>>): Benefit[] {
  return (Object.entries(BY_AREA) as Array<[SwitchableArea, Benefit[]]>).flatMap(([area, list]) =>
    areas[area] === false ? [] : list,
  );
}
