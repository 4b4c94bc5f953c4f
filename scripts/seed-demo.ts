/**
 * Demo data for the local cloud: a Changzhou-area union tree, the role grants of the fictional people of
 * config/demo-identities.json, then each area's own demo data (`cloudfunctions/api/fixtures/<area>/demo.ts`,
 * found by name: a new area adds its file, nothing here). Idempotent (deterministic _ids, set()).
 *
 *   npx tsx scripts/seed-demo.ts --service-url http://127.0.0.1:PORT/admin   (or env LOCAL_CLOUD_SERVICE_URL)
 *
 * `seedDemo(db | serviceUrl)` is exported for `npm run dev`, tests and e2e tests.
 * Every person here is fictional; the ID numbers are made-up but checksum-valid.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AreaDemo, DemoKit, DemoOrg } from '../cloudfunctions/api/fixtures/demoKit';
import type * as Actions from '../cloudfunctions/api/src/actions';
import { buildHouse, withHouse } from '../cloudfunctions/api/src/house';
import { CORE_COLLECTIONS } from '../cloudfunctions/api/src/shared/collections';
import { cloudRuntimeEnv } from '../emulator/runtimeEnv';
import { applicationIdOf, putApplicant, putMember } from '../cloudfunctions/api/fixtures/people';
// Types only (erased at build): the SDK itself is required below, once the cloud env vars are set.
import type * as WxServerSdk from 'wx-server-sdk';

export type { DemoOrg } from '../cloudfunctions/api/fixtures/demoKit';
type OrgKind = DemoOrg['kind'];
const ROOT_ID = 'org-cz';

/**
 * Second level: district/county-level unions and municipal industry unions; then fictional grassroots unions and,
 * under the districts, one 街道/乡镇工会 each (kind `street`: it takes the members of units without a union).
 */
const TREE: {
  id: string;
  name: string;
  kind: OrgKind;
  newEmployment: boolean;
  children: Array<[string, string] | [string, string, OrgKind]>;
}[] = [
  {
    id: 'org-cz-tianning',
    name: '天宁区总工会',
    kind: 'district',
    newEmployment: true,
    children: [
      ['g1', '常州青枫纺织有限公司工会'],
      ['g2', '天宁区红梅街道总工会', 'street'],
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
      ['g2', '新北区三井街道总工会', 'street'],
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
      ['g2', '武进区牛塘镇总工会', 'street'],
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
      ['g2', '金坛区儒林镇总工会', 'street'],
    ],
  },
  {
    id: 'org-cz-liyang',
    name: '溧阳市总工会',
    kind: 'district',
    newEmployment: true,
    children: [
      ['g1', '溧阳天目湖旅游服务有限公司工会'],
      ['g2', '溧阳市社渚镇总工会', 'street'],
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
    node.children.forEach(([suffix, name, kind = 'grassroots'], j) => {
      const id = `${node.id}-${suffix}`;
      orgs.push({
        _id: id,
        name,
        parentId: node.id,
        kind,
        acceptsNewEmployment: false,
        path: [ROOT_ID, node.id, id],
        sort: j + 1,
      });
    });
  });
  return orgs;
}

/** Role grants of the demo staff, with the (fictional) names staff screens show for them. */
export const DEMO_GRANTS = [
  { openid: 'demo-staff-city', role: 'staff', scopeId: 'org-cz', name: '周建国' },
  { openid: 'demo-staff-wujin', role: 'staff', scopeId: 'org-cz-wujin', name: '吴丽娟' },
  { openid: 'demo-merchant-01', role: 'merchant', scopeId: 'merchant-01', name: '孙悦' },
  { openid: 'demo-admin', role: 'admin', scopeId: null, name: '刘洋' },
] as const;

// Minimal structural type: the real wx-server-sdk database (tests pass theirs in).
interface SeedDb {
  collection(name: string): { doc(id: string): { set(options: { data: Record<string, unknown> }): unknown } };
}

function connect(serviceUrl: string): SeedDb {
  for (const [k, v] of Object.entries(cloudRuntimeEnv(process.env.TCB_ENV ?? 'local-env'))) process.env[k] ??= v;
  const cloud = require('wx-server-sdk') as typeof WxServerSdk;
  cloud.init({ env: process.env.TCB_ENV, serviceUrl } as unknown as Parameters<typeof cloud.init>[0]);
  return cloud.database() as unknown as SeedDb;
}

/** Demo data and example inputs live beside the function's source, never in it (nothing in src/ imports them). */
const FIXTURES_DIR = path.join(__dirname, '../cloudfunctions/api/fixtures');

/** Every area's fixtures/<area>/demo.ts, in their `order` (then by folder name). */
function areaDemos(): Array<{ area: string; demo: AreaDemo }> {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((area) => fs.existsSync(path.join(FIXTURES_DIR, area, 'demo.ts')))
    .map((area) => ({ area, demo: (require(path.join(FIXTURES_DIR, area, 'demo.ts')) as { demo: AreaDemo }).demo }))
    .sort((a, b) => (a.demo.order ?? 50) - (b.demo.order ?? 50) || a.area.localeCompare(b.area));
}

export async function seedDemo(
  target: SeedDb | string,
  now: Date = new Date(),
): Promise<{ orgs: number; grants: number; areas: string[] }> {
  const db = typeof target === 'string' ? connect(target) : target;
  const put = async (collection: string, id: string, data: Record<string, unknown>) => {
    await db.collection(collection).doc(id).set({ data });
  };
  const orgs = buildDemoOrgs();
  const orgById = new Map(orgs.map((o) => [o._id, o]));
  for (const { _id, ...org } of orgs) await put(CORE_COLLECTIONS.orgs, _id, org);

  const seededAt = new Date('2024-03-01T09:00:00+08:00');
  for (const g of DEMO_GRANTS) {
    await put(CORE_COLLECTIONS.roles, `${g.openid}:${g.role}:${g.scopeId ?? '*'}`, {
      openid: g.openid,
      role: g.role,
      scopeId: g.scopeId,
      grantedAt: seededAt,
      grantedBy: 'seed',
    });
    await put(CORE_COLLECTIONS.accounts, g.openid, { openid: g.openid, createdAt: seededAt, displayName: g.name });
  }
  const orgOf = (id: string) => {
    const org = orgById.get(id);
    if (!org) throw new Error(`demo data names an unknown org ${id}`);
    return org;
  };
  const kit: DemoKit = {
    put,
    orgs: orgById,
    now,
    addMember: (person) => putMember(put, person, orgOf(person.orgId)),
    addApplicant: (person) => putApplicant(put, person, orgOf(person.orgId)),
    applicationIdOf,
  };
  const areas = areaDemos();
  // Seeds use the engine's pure steps (seat groups …), which read what the areas declare: the function's house.
  // The action table is loaded here, not at import: a test that only takes the union tree (buildDemoOrgs) and
  // never seeds saves loading every module of the function (about a second of CPU per test file).
  const { MODULES } = require('../cloudfunctions/api/src/actions') as typeof Actions;
  const house = buildHouse(MODULES);
  for (const { demo } of areas) await withHouse(house, () => demo.seed(kit));
  return { orgs: orgs.length, grants: DEMO_GRANTS.length, areas: areas.map((a) => a.area) };
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
      console.log(`seeded ${serviceUrl}: ${counts.orgs} orgs, ${counts.grants} role grants, areas: ${counts.areas.join(', ')}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error('seed failed:', (error as Error).message);
      process.exit(1);
    },
  );
}
