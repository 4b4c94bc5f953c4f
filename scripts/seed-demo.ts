/**
 * Demo data for the local cloud: a Changzhou-area union tree, the fictional people of
 * config/demo-identities.json, and their role grants. Idempotent (deterministic _ids, set()).
 *
 *   npx tsx scripts/seed-demo.ts --service-url http://127.0.0.1:PORT/admin   (or env LOCAL_CLOUD_SERVICE_URL)
 *
 * `seedDemo(db | serviceUrl)` is exported for tests and for `emulator/cli.ts --seed`.
 * Every person here is fictional; the ID numbers are made-up but checksum-valid.
 */
import { makeIdNumber } from '../cloudfunctions/api/src/lib/idNumber';
import { maskIdNumber, maskMobile } from '../cloudfunctions/api/src/lib/mask';
import { encryptPii, hashIdNumber, opaqueId } from '../cloudfunctions/api/src/lib/pii';
import { COLLECTIONS } from '../cloudfunctions/api/src/collections';
import { cloudRuntimeEnv } from '../emulator/runtimeEnv';
// Types only (erased at build): the SDK itself is required below, once the cloud env vars are set.
import type * as WxServerSdk from 'wx-server-sdk';

const functionEnv = require('../config/local-functions.env.json') as { api: Record<string, string> };

type OrgKind = 'city' | 'district' | 'industry' | 'grassroots';
export interface DemoOrg {
  _id: string;
  name: string;
  parentId: string | null;
  kind: OrgKind;
  acceptsNewEmployment: boolean;
  path: string[];
  sort: number;
}

const ROOT_ID = 'org-cz';

/** Second level: district/county-level unions and municipal industry unions; then fictional grassroots unions. */
const TREE: { id: string; name: string; kind: OrgKind; newEmployment: boolean; children: [string, string][] }[] = [
  {
    id: 'org-cz-tianning',
    name: '天宁区总工会',
    kind: 'district',
    newEmployment: true,
    children: [
      ['g1', '常州青枫纺织有限公司工会'],
      ['g2', '天宁区红梅街道总工会'],
      ['g3', '常州舜新食品有限公司工会'],
    ],
  },
  {
    id: 'org-cz-zhonglou',
    name: '钟楼区总工会',
    kind: 'district',
    newEmployment: true,
    children: [
      ['g1', '常州运河智能装备有限公司工会'],
      ['g2', '钟楼区南大街商业街区联合工会'],
    ],
  },
  {
    id: 'org-cz-xinbei',
    name: '新北区总工会',
    kind: 'district',
    newEmployment: true,
    children: [
      ['g1', '常州龙城光伏科技有限公司工会'],
      ['g2', '新北区三井街道总工会'],
      ['g3', '常州滨江化工新材料有限公司工会'],
    ],
  },
  {
    id: 'org-cz-wujin',
    name: '武进区总工会',
    kind: 'district',
    newEmployment: true,
    children: [
      ['g1', '常州湖塘精密机械有限公司工会'],
      ['g2', '武进区牛塘镇总工会'],
      ['g3', '常州淹城文旅发展有限公司工会'],
    ],
  },
  {
    id: 'org-cz-jintan',
    name: '金坛区总工会',
    kind: 'district',
    newEmployment: true,
    children: [
      ['g1', '金坛茅山茶业有限公司工会'],
      ['g2', '金坛区儒林镇总工会'],
    ],
  },
  {
    id: 'org-cz-liyang',
    name: '溧阳市总工会',
    kind: 'district',
    newEmployment: true,
    children: [
      ['g1', '溧阳天目湖旅游服务有限公司工会'],
      ['g2', '溧阳市社渚镇总工会'],
    ],
  },
  {
    id: 'org-cz-transport',
    name: '常州市交通运输工会联合会',
    kind: 'industry',
    newEmployment: false,
    children: [
      ['g1', '常州公交集团某分公司工会'],
      ['g2', '常州龙城客运有限公司工会'],
    ],
  },
  {
    id: 'org-cz-education',
    name: '常州市教育工会',
    kind: 'industry',
    newEmployment: false,
    children: [
      ['g1', '常州市某实验小学工会'],
      ['g2', '常州市某职业技术学校工会'],
    ],
  },
  {
    id: 'org-cz-express',
    name: '常州市快递行业工会联合会',
    kind: 'industry',
    newEmployment: true,
    children: [
      ['g1', '常州某速运天宁营业部工会小组'],
      ['g2', '常州某快递武进分拨中心工会'],
    ],
  },
  {
    id: 'org-cz-delivery',
    name: '常州市外卖配送行业工会联合会',
    kind: 'industry',
    newEmployment: true,
    children: [
      ['g1', '某外卖平台常州站点联合工会'],
      ['g2', '常州城区即时配送骑手工会'],
    ],
  },
  {
    id: 'org-cz-ridehailing',
    name: '常州市网约车行业工会联合会',
    kind: 'industry',
    newEmployment: true,
    children: [
      ['g1', '常州某出行平台司机工会'],
      ['g2', '常州龙城网约车服务有限公司工会'],
    ],
  },
  {
    id: 'org-cz-freight',
    name: '常州市货车司机工会联合会',
    kind: 'industry',
    newEmployment: true,
    children: [
      ['g1', '常州某物流园货车司机工会'],
      ['g2', '武进区道路货运行业工会'],
    ],
  },
];

export function buildDemoOrgs(): DemoOrg[] {
  const orgs: DemoOrg[] = [
    { _id: ROOT_ID, name: '常州市总工会', parentId: null, kind: 'city', acceptsNewEmployment: true, path: [ROOT_ID], sort: 0 },
  ];
  TREE.forEach((node, i) => {
    orgs.push({
      _id: node.id,
      name: node.name,
      parentId: ROOT_ID,
      kind: node.kind,
      acceptsNewEmployment: node.newEmployment,
      path: [ROOT_ID, node.id],
      sort: i + 1,
    });
    node.children.forEach(([suffix, name], j) => {
      const id = `${node.id}-${suffix}`;
      orgs.push({
        _id: id,
        name,
        parentId: node.id,
        kind: 'grassroots',
        acceptsNewEmployment: false,
        path: [ROOT_ID, node.id, id],
        sort: j + 1,
      });
    });
  });
  return orgs;
}

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

export const DEMO_GRANTS = [
  { openid: 'demo-staff-city', role: 'staff', scopeId: 'org-cz' },
  { openid: 'demo-staff-wujin', role: 'staff', scopeId: 'org-cz-wujin' },
  { openid: 'demo-merchant-01', role: 'merchant', scopeId: 'merchant-01' },
  { openid: 'demo-admin', role: 'admin', scopeId: null },
] as const;

// Minimal structural type: the real wx-server-sdk database (tests pass theirs in).
interface SeedDb {
  collection(name: string): { doc(id: string): { set(options: { data: Record<string, unknown> }): unknown } };
}

function keys() {
  return {
    hashKey: process.env.ID_HASH_KEY ?? functionEnv.api.ID_HASH_KEY,
    encKey: process.env.PII_ENC_KEY ?? functionEnv.api.PII_ENC_KEY,
  };
}

async function put(db: SeedDb, collection: string, id: string, data: Record<string, unknown>): Promise<void> {
  await db.collection(collection).doc(id).set({ data });
}

function connect(serviceUrl: string): SeedDb {
  for (const [k, v] of Object.entries(cloudRuntimeEnv(process.env.TCB_ENV ?? 'local-env'))) process.env[k] ??= v;
  const cloud = require('wx-server-sdk') as typeof WxServerSdk;
  cloud.init({ env: process.env.TCB_ENV, serviceUrl } as unknown as Parameters<typeof cloud.init>[0]);
  return cloud.database() as unknown as SeedDb;
}

export async function seedDemo(target: SeedDb | string): Promise<{ orgs: number; people: number; grants: number }> {
  const db = typeof target === 'string' ? connect(target) : target;
  const { hashKey, encKey } = keys();
  const orgs = buildDemoOrgs();
  const orgById = new Map(orgs.map((o) => [o._id, o]));
  for (const { _id, ...org } of orgs) await put(db, COLLECTIONS.orgs, _id, org);

  const seededAt = new Date('2024-03-01T09:00:00+08:00');
  for (const g of DEMO_GRANTS) {
    await put(db, COLLECTIONS.roles, `${g.openid}:${g.role}:${g.scopeId ?? '*'}`, {
      openid: g.openid,
      role: g.role,
      scopeId: g.scopeId,
      grantedAt: seededAt,
      grantedBy: 'seed',
    });
  }

  // 陈晓燕: approved member with a card.
  const m = DEMO_PEOPLE.member;
  const mOrg = orgById.get(m.orgId)!;
  const mAppId = opaqueId('A', m.openid, hashKey);
  const mHash = hashIdNumber(m.idNumber, hashKey);
  await put(db, COLLECTIONS.accounts, m.openid, { openid: m.openid, createdAt: seededAt });
  await put(db, COLLECTIONS.applications, mAppId, {
    openid: m.openid,
    name: m.name,
    idHash: mHash,
    idSealed: encryptPii(m.idNumber, encKey),
    idMasked: maskIdNumber(m.idNumber),
    mobileSealed: encryptPii(m.mobile, encKey),
    mobileMasked: maskMobile(m.mobile),
    workUnit: m.workUnit,
    orgId: mOrg._id,
    orgName: mOrg.name,
    orgPath: mOrg.path,
    channel: 'employer',
    status: 'approved',
    submittedAt: new Date('2024-03-10T10:00:00+08:00'),
    reviewedAt: m.memberSince,
    reviewedBy: 'demo-staff-wujin',
  });
  await put(db, COLLECTIONS.idRegistry, mHash, { openid: m.openid, applicationId: mAppId, status: 'member', at: m.memberSince });
  await put(db, COLLECTIONS.members, m.openid, {
    openid: m.openid,
    applicationId: mAppId,
    cardNo: m.cardNo,
    name: m.name,
    idHash: mHash,
    orgId: mOrg._id,
    orgName: mOrg.name,
    orgPath: mOrg.path,
    memberSince: m.memberSince,
    status: 'active',
    pendingTransferId: '',
  });
  await put(db, COLLECTIONS.counters, 'cardNo-2024', { seq: 1 });
  await put(db, COLLECTIONS.timeline, 'seed-member-01-submitted', {
    openid: m.openid,
    area: 'membership',
    refId: mAppId,
    title: '入会申请已提交',
    status: 'pending',
    statusText: '待审核',
    note: mOrg.name,
    at: new Date('2024-03-10T10:00:00+08:00'),
  });
  await put(db, COLLECTIONS.timeline, 'seed-member-01-approved', {
    openid: m.openid,
    area: 'membership',
    refId: mAppId,
    title: '入会申请已通过',
    status: 'approved',
    statusText: '已通过',
    note: `会员卡号 ${m.cardNo}`,
    at: m.memberSince,
  });

  // 王建军: a courier (新就业形态) with a pending application to the express-delivery industry union.
  const c = DEMO_PEOPLE.courier;
  const cOrg = orgById.get(c.orgId)!;
  const cAppId = opaqueId('A', c.openid, hashKey);
  const cHash = hashIdNumber(c.idNumber, hashKey);
  await put(db, COLLECTIONS.accounts, c.openid, { openid: c.openid, createdAt: c.submittedAt });
  await put(db, COLLECTIONS.applications, cAppId, {
    openid: c.openid,
    name: c.name,
    idHash: cHash,
    idSealed: encryptPii(c.idNumber, encKey),
    idMasked: maskIdNumber(c.idNumber),
    mobileSealed: encryptPii(c.mobile, encKey),
    mobileMasked: maskMobile(c.mobile),
    workUnit: c.workUnit,
    orgId: cOrg._id,
    orgName: cOrg.name,
    orgPath: cOrg.path,
    channel: 'new_employment',
    occupation: 'courier',
    status: 'pending',
    submittedAt: c.submittedAt,
  });
  await put(db, COLLECTIONS.idRegistry, cHash, { openid: c.openid, applicationId: cAppId, status: 'applied', at: c.submittedAt });
  await put(db, COLLECTIONS.timeline, 'seed-courier-01-submitted', {
    openid: c.openid,
    area: 'membership',
    refId: cAppId,
    title: '入会申请已提交',
    status: 'pending',
    statusText: '待审核',
    note: cOrg.name,
    at: c.submittedAt,
  });

  return { orgs: orgs.length, people: 2, grants: DEMO_GRANTS.length };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const serviceUrl = argValue('--service-url') ?? process.env.LOCAL_CLOUD_SERVICE_URL;
  if (!serviceUrl) {
    console.error('usage: npx tsx scripts/seed-demo.ts --service-url http://127.0.0.1:PORT/admin');
    process.exit(2);
  }
  seedDemo(serviceUrl).then(
    (counts) => {
      console.log(`seeded ${serviceUrl}: ${counts.orgs} orgs, ${counts.people} people, ${counts.grants} role grants`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error('seed failed:', (error as Error).message);
      process.exit(1);
    },
  );
}
