/**
 * 困难帮扶 test worlds: a city, a district with a 基层工会, another district, staff of each, and builders that take
 * a family from application to a file, a 公示 and its end (the window moved into the past in the store, as the
 * 公示 tests do, instead of waiting days).
 */
import type { TestCloud, GivenPerson } from './scenario';
import { givenMember, givenOrg, givenStaff } from './scenario';

export const APPLY = {
  household: [
    { relation: '本人', name: '王建军', age: 41, income: 2600 },
    { relation: '配偶', name: '李秀兰', age: 39, income: 0, situation: '患病' },
    { relation: '子女', name: '王小明', age: 15, income: 0, situation: '在读' },
  ],
  income: 2600,
  rigidExpenses: 800,
  causes: ['illness' as const],
  story: '配偶患慢性肾病需长期透析，家庭收入主要靠本人送快递。',
  helpAsked: '希望得到医疗救助',
  evidence: [] as string[],
  sensitiveConsent: true as const,
};
export const DECIDE = { approve: true, level: 'deep', civilCheck: 'low_income', note: '情况属实' } as const;
export const VISIT = {
  date: '2026-12-01',
  visitors: '张敏、刘强',
  findings: '家中确有重病患者，收入情况属实。',
  photos: [] as string[],
};

export interface HardshipWorld {
  districtId: string;
  orgId: string;
  otherOrgId: string;
  grassroots: string;
  district: string;
  otherDistrictStaff: string;
  admin: string;
  lawyer: string;
  clerk: string;
}

/** Registers a beforeAll building the world; its fields are filled in by then. */
export function hardshipWorld(env: TestCloud): HardshipWorld {
  const w = {} as HardshipWorld;
  beforeAll(async () => {
    const city = await givenOrg(env, { kind: 'city', name: '测试市总工会' });
    const d = await givenOrg(env, { parentId: city._id, kind: 'district', name: '测试区总工会' });
    const g = await givenOrg(env, { parentId: d._id, name: '测试机械厂工会' });
    const d2 = await givenOrg(env, { parentId: city._id, kind: 'district', name: '另一区总工会' });
    const g2 = await givenOrg(env, { parentId: d2._id, name: '另一区纺织厂工会' });
    Object.assign(w, {
      districtId: d._id,
      orgId: g._id,
      otherOrgId: g2._id,
      grassroots: await givenStaff(env, { orgId: g._id }),
      district: await givenStaff(env, { orgId: d._id }),
      otherDistrictStaff: await givenStaff(env, { orgId: d2._id }),
      admin: await givenStaff(env, { role: 'admin' }),
      lawyer: await givenStaff(env, { role: 'lawyer', scopeId: 'st-x' }),
      clerk: await givenStaff(env, { role: 'merchant', scopeId: 'm-x' }),
    });
  });
  return w;
}

export const memberOf = (env: TestCloud, orgId: string, name = '王建军') => givenMember(env, { orgId, name });

export async function visitedCase(env: TestCloud, w: HardshipWorld, m: GivenPerson): Promise<string> {
  const c = await env.ok(m.openid, 'hardship.apply', APPLY);
  await env.ok(w.grassroots, 'hardship.visit', { caseId: c.caseId, ...VISIT });
  return c.caseId;
}

/** A family 认定 by the district: its file (id = the member's openid), not yet in a 公示. */
export async function approvedFile(env: TestCloud, w: HardshipWorld, name?: string): Promise<{ m: GivenPerson; fileId: string }> {
  const m = await memberOf(env, w.orgId, name);
  await env.ok(w.district, 'hardship.decide', { caseId: await visitedCase(env, w, m), ...DECIDE });
  return { m, fileId: m.openid };
}

export async function publish(env: TestCloud, w: HardshipWorld, fileIds: string[], days = 1): Promise<string> {
  const p = await env.ok(w.district, 'hardship.publish', {
    orgId: w.districtId,
    title: '测试区困难职工认定公示',
    entries: fileIds.map((fileId) => ({ fileId, helpPlanned: '资金救助 2000元' })),
    days,
  });
  return p.publicityId;
}

/** Moves a 公示's end: `msFromNow` (negative: already over, grace included). */
export async function moveEnd(env: TestCloud, publicityId: string, msFromNow: number): Promise<void> {
  await env.store.db
    .collection('hardship_publicity')
    .doc(publicityId)
    .update({ data: { until: new Date(Date.now() + msFromNow) } });
}

/** A file whose 公示 is over and final: help money may be recorded on it. */
export async function fileCleared(
  env: TestCloud,
  w: HardshipWorld,
): Promise<{ m: GivenPerson; fileId: string; publicityId: string }> {
  const f = await approvedFile(env, w);
  const publicityId = await publish(env, w, [f.fileId]);
  await moveEnd(env, publicityId, -5 * 60_000);
  await env.ok(w.district, 'hardship.finalizePublicity', { publicityId });
  return { ...f, publicityId };
}
