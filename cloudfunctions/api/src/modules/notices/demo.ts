/** 工会动态 demo data, in the voice of the Changzhou-area unions' own programmes (fictional notices). */
import type { AreaDemo } from '../../demoKit';
import { chinaDate } from '../../rules/time';
import { NOTICES_COLLECTIONS } from './collections';

const NOTICES = [
  {
    id: 'notice-demo-01',
    daysAgo: 2,
    orgId: 'org-cz',
    title: '普惠服务“一公里”持续扩容',
    body: '市总工会新增一批特约商户，覆盖餐饮、购物、休闲娱乐、生活服务等类别。会员在门店出示电子工会卡即可享受会员折扣，详情见“优惠”页。线下“一公里”、线上“天天惠”，让职工在家门口享受工会服务。',
  },
  {
    id: 'notice-demo-02',
    daysAgo: 6,
    orgId: 'org-cz',
    title: '2026年职工疗休养计划发布',
    body: '今年将继续扩大劳模、先进工作者和一线职工疗休养覆盖面，优先安排从未参加过疗休养的一线职工、从事苦脏累险工作的职工。各基层工会可按名额推荐，会员也可在“疗休养”专区查看资格并报名。',
  },
  {
    id: 'notice-demo-03',
    daysAgo: 11,
    orgId: 'org-cz-wujin',
    title: '武进区职工法律援助站延长值班时间',
    body: '为方便职工下班后咨询劳动争议问题，区职工法律援助站每周二、周四晚间增设值班律师，可在“法律援助”中预约。如遇紧急情况，请拨打12351职工服务热线。',
  },
  {
    id: 'notice-demo-04',
    daysAgo: 20,
    orgId: 'org-cz',
    title: '全市职工职业技能竞赛报名启动',
    body: '本届竞赛设一级竞赛项目和二级竞赛项目，涵盖焊工、电工、数控车工、农机修理工等工种。以赛促学、以赛促练，获奖选手按规定享受相应奖励。请关注“技能竞赛”专区的报名通知。',
  },
];

export const demo: AreaDemo = {
  async seed(kit) {
    for (const n of NOTICES) {
      const org = kit.orgs.get(n.orgId)!;
      const at = new Date(kit.now.getTime() - n.daysAgo * 86400_000);
      await kit.put(NOTICES_COLLECTIONS.notices, n.id, {
        title: n.title,
        date: chinaDate(at),
        body: n.body,
        orgId: org._id,
        orgName: org.name,
        orgPath: org.path,
        createdBy: 'seed',
        createdAt: at,
        updatedAt: at,
      });
    }
  },
};
