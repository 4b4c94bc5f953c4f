/** Membership demo data: 陈晓燕, a member with a card, and 王建军, a courier whose application waits. */
import type { AreaDemo } from '../../demoKit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { makeIdNumber } from '../../rules/idNumber';
import { MEMBERSHIP_COLLECTIONS } from './collections';

/** The demo people's fictional details (openids from config/demo-identities.json). */
export const DEMO_PEOPLE = {
  member: {
    openid: 'demo-member-01',
    name: '陈晓燕',
    idNumber: makeIdNumber('320412', '19920815', '246'),
    mobile: '13915006688',
    workUnit: '常州湖塘精密机械有限公司',
    orgId: 'org-cz-wujin-g1',
    cardNo: 'CZ2024000001',
    memberSince: new Date('2024-03-15T10:00:00+08:00'),
  },
  courier: {
    openid: 'demo-courier-01',
    name: '王建军',
    idNumber: makeIdNumber('320402', '19880503', '135'),
    mobile: '18761234567',
    workUnit: '某快递公司常州天宁网点',
    orgId: 'org-cz-express',
    submittedAt: new Date('2025-05-20T09:30:00+08:00'),
  },
};

export const demo: AreaDemo = {
  order: 10,
  async seed(kit) {
    const m = DEMO_PEOPLE.member;
    await kit.addMember(m);
    await kit.put(MEMBERSHIP_COLLECTIONS.counters, 'cardNo-2024', { seq: 1 });
    const mOrg = kit.orgs.get(m.orgId)!;
    const mAppId = kit.applicationIdOf(m.openid);
    await kit.put(CORE_COLLECTIONS.timeline, 'seed-member-01-submitted', {
      openid: m.openid,
      area: 'membership',
      refId: mAppId,
      title: '入会申请已提交',
      status: 'pending',
      statusText: '待审核',
      note: mOrg.name,
      at: new Date('2024-03-10T10:00:00+08:00'),
    });
    await kit.put(CORE_COLLECTIONS.timeline, 'seed-member-01-approved', {
      openid: m.openid,
      area: 'membership',
      refId: mAppId,
      title: '入会申请已通过',
      status: 'approved',
      statusText: '已通过',
      note: `会员卡号 ${m.cardNo}`,
      at: m.memberSince,
    });

    const c = DEMO_PEOPLE.courier;
    await kit.addApplicant({ ...c, channel: 'new_employment', occupation: 'courier' });
    await kit.put(CORE_COLLECTIONS.timeline, 'seed-courier-01-submitted', {
      openid: c.openid,
      area: 'membership',
      refId: kit.applicationIdOf(c.openid),
      title: '入会申请已提交',
      status: 'pending',
      statusText: '待审核',
      note: kit.orgs.get(c.orgId)!.name,
      at: c.submittedAt,
    });
  },
};
