/**
 * `npm run deploy` onto an EMPTY local cloud (`--empty`: no collections, functions, variables or rules, as a new
 * WeChat Cloud environment), through the deploy's own command line: the dry run prints a plan and changes
 * nothing; applying creates everything; a second apply has nothing to do; an index whose keys changed stops the
 * deploy before anything is applied; a lost keys file is never replaced by new keys. Then a smoke journey on
 * what was deployed: the setup code makes the first administrator, a member applies and is approved, signs up
 * for a trip, and the timer trigger the deploy created marks the no-show once the trip is over.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_APP_ID, LOCAL_APP_SECRET } from '../../emulator/routes/manage';
import { CloudTarget, toQueryLiteral } from '../../scripts/deploy/cloudTarget';
import { readDesired } from '../../scripts/deploy/desired';
import { applyInput, callApi, callOk, storeReader } from '../support/api';
import { setClock } from '../support/clock';
import { ROOT, startLocalCloud, TEST_ENV_ID, type LocalCloud } from '../support/localCloud';
import { enrollmentsOf, tripInput } from '../support/trips';

const DAY = 86_400_000;
const declared = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/collections.json'), 'utf8')) as {
  collections: Array<{ name: string; indexes: Array<{ name: string; keys: Array<{ field: string; direction: unknown }> }> }>;
};

let cloud: LocalCloud;
let keysDir: string;
let setupCode = '';

interface Run {
  code: number | null;
  out: string;
}

/** `npm run deploy -- --target local …` as the operator runs it (tsx, its own process). */
function runDeploy(...args: string[]): Promise<Run> {
  const cli = path.join(ROOT, 'scripts/deploy/cli.ts');
  const all = ['--import', 'tsx', cli, '--target', 'local', '--service-url', cloud.serviceUrl, '--keys-dir', keysDir, ...args];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, all, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (out += String(chunk)));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

async function health(): Promise<{ collections: string[]; functions: string[] }> {
  return (await (await fetch(`${cloud.baseUrl}/_emu/health`)).json()) as { collections: string[]; functions: string[] };
}

async function token(secret = LOCAL_APP_SECRET): Promise<Record<string, unknown>> {
  const url = `${cloud.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=${LOCAL_APP_ID}&secret=${secret}`;
  return (await (await fetch(url)).json()) as Record<string, unknown>;
}

async function manage(api: string, body: Record<string, unknown>, accessToken?: string): Promise<Record<string, unknown>> {
  const query = accessToken === undefined ? '' : `?access_token=${encodeURIComponent(accessToken)}`;
  const res = await fetch(`${cloud.baseUrl}/${api}${query}`, {
    method: 'POST',
    body: JSON.stringify({ env: TEST_ENV_ID, ...body }),
  });
  return (await res.json()) as Record<string, unknown>;
}

async function describeTarget(): Promise<{
  collections: Array<{ name: string; indexes: Array<{ name: string; unique: boolean; keys: Array<{ name: string }> }> }>;
  functions: Array<{
    name: string;
    timeout: number;
    memory_size: number;
    runtime: string;
    env_variables: Record<string, string>;
    triggers: unknown[];
  }>;
}> {
  return (await manage('_emu/manage/describe', {}, String((await token()).access_token))) as never;
}

const keysFile = () => path.join(keysDir, `${TEST_ENV_ID}.keys.json`);

beforeAll(async () => {
  keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-keys-'));
  cloud = await startLocalCloud({ extraArgs: ['--empty'] });
}, 60_000);

afterAll(async () => {
  await cloud?.stop();
  fs.rmSync(keysDir, { recursive: true, force: true });
});

describe('the management endpoints', () => {
  it('refuse a call without an access token, with a wrong one, and a token asked with a wrong secret', async () => {
    expect(await manage('tcb/databasecollectionget', {})).toMatchObject({ errcode: 41001 });
    expect(await manage('tcb/databasecollectionadd', { collection_name: 'intruder' }, 'not-a-token')).toMatchObject({
      errcode: 40014,
    });
    expect(
      await manage('_emu/manage/uploadfunction', { name: 'api', bundle_dir: path.join(ROOT, 'cloudfunctions/api') }),
    ).toMatchObject({
      errcode: 41001,
    });
    expect(await token('wrong-secret')).toMatchObject({ errcode: 40125 });
    expect(await health()).toMatchObject({ collections: [], functions: [] });

    const answer = await manage('tcb/databasecollectionget', { limit: 10, offset: 0 }, String((await token()).access_token));
    expect(answer).toEqual({ errcode: 0, errmsg: 'ok', collections: [], pager: { Offset: 0, Limit: 10, Total: 0 } });
  });
});

describe('npm run deploy --target local', () => {
  it('--dry-run prints the whole plan and changes nothing', async () => {
    const run = await runDeploy('--dry-run');
    expect(run.code).toBe(0);
    expect(run.out).toContain('创建集合 applications');
    expect(run.out).toContain('创建索引 members.cardNo_unique');
    expect(run.out).toContain('上传云函数 api');
    expect(run.out).toContain('更新云函数配置 api：运行环境 Nodejs16.13，超时 10 秒，内存 256 MB');
    expect(run.out).toContain('设置定时触发器 cron：every10min');
    expect(run.out).toContain('设置云函数安全规则');
    expect(run.out).toContain('生成首位管理员的一次性设置码');
    expect(run.out).toContain('dry run');
    expect(await health()).toMatchObject({ collections: [], functions: [] });
    expect(fs.existsSync(keysFile())).toBe(false);
    expect((await fetch(`${cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' })).status).toBe(404);
  }, 120_000);

  it('applies the plan: collections, indexes, functions with config and variables, trigger, rules, settings, keys once', async () => {
    const run = await runDeploy();
    expect(run.code).toBe(0);
    const code = /one-time setup code: (\S+)/.exec(run.out);
    expect(code).not.toBeNull();
    setupCode = code![1];
    expect(run.out).toContain('请立即备份');

    const after = await health();
    expect(after.functions).toEqual(['api', 'cron']);
    // `settings` is declared in config/collections.json now (the settings module); the deploy adds it if not.
    expect(after.collections).toEqual([...new Set([...declared.collections.map((c) => c.name), 'settings'])].sort());
    const target = await describeTarget();
    for (const c of declared.collections) {
      const has = target.collections.find((x) => x.name === c.name)!;
      expect(has.indexes.map((i) => i.name).sort()).toEqual(c.indexes.map((i) => i.name).sort());
    }
    const keys = JSON.parse(fs.readFileSync(keysFile(), 'utf8')) as { keys: Record<string, string> };
    expect(Object.keys(keys.keys).sort()).toEqual(['CARD_TOKEN_KEY', 'ID_HASH_KEY', 'PII_ENC_KEY']);
    expect(fs.statSync(keysFile()).mode & 0o077).toBe(0);
    const api = target.functions.find((f) => f.name === 'api')!;
    expect(api).toMatchObject({ runtime: 'Nodejs16.13', timeout: 10, memory_size: 256, env_variables: keys.keys });
    expect(api.env_variables).not.toHaveProperty('ADMIN_OPENIDS');
    expect(target.functions.find((f) => f.name === 'cron')).toMatchObject({
      timeout: 60,
      triggers: [{ name: 'every10min', type: 'timer', config: '0 */10 * * * * *' }],
    });

    const store = storeReader(cloud.serviceUrl);
    expect(await store.byId('settings', 'union')).toMatchObject({
      union: { name: '示例市总工会' },
      areas: { matchmaking: false },
    });
    expect(await store.byId('orgs', 'org-district-a-g1')).toMatchObject({
      kind: 'grassroots',
      path: ['org-root', 'org-district-a', 'org-district-a-g1'],
    });
    expect(await store.count('setup_codes')).toBe(1);
    // The deployed rules hold: a client may call api, not cron.
    const cron = await fetch(`${cloud.baseUrl}/fn/cron`, {
      method: 'POST',
      body: JSON.stringify({ openid: 'o-client', data: {} }),
    });
    expect(cron.status).toBe(403);
    expect(await callOk(cloud.baseUrl, 'o-client', 'setup.status', {})).toEqual({ hasAdmin: false });
  }, 180_000);

  it('applied a second time, has nothing to do and changes nothing (keys untouched)', async () => {
    const keysBefore = fs.readFileSync(keysFile(), 'utf8');
    const run = await runDeploy();
    expect(run.code).toBe(0);
    expect(run.out).toContain('无需变更');
    expect(run.out).not.toContain('✓');
    expect(fs.readFileSync(keysFile(), 'utf8')).toBe(keysBefore);
    expect(await storeReader(cloud.serviceUrl).count('setup_codes')).toBe(1);
  }, 120_000);

  it('reports an index whose keys changed and stops before applying anything', async () => {
    const changed = structuredClone(declared);
    const members = changed.collections.find((c) => c.name === 'members')!;
    members.indexes.find((i) => i.name === 'cardNo_unique')!.keys.push({ field: 'orgId', direction: 1 });
    changed.collections.push({ name: 'deploy_probe', indexes: [] });
    const file = path.join(keysDir, 'collections.changed.json');
    fs.writeFileSync(file, JSON.stringify(changed));

    const run = await runDeploy('--collections', file);
    expect(run.code).toBe(3);
    expect(run.out).toContain('集合 members 的索引 cardNo_unique 字段已变更');
    expect(run.out).toContain('部署已停止');
    expect(run.out).toContain('创建集合 deploy_probe'); // planned, not applied
    expect((await health()).collections).not.toContain('deploy_probe');
    const target = await describeTarget();
    const index = target.collections.find((c) => c.name === 'members')!.indexes.find((i) => i.name === 'cardNo_unique')!;
    expect(index.keys.map((k) => k.name)).toEqual(['cardNo']);
  }, 120_000);

  it('never replaces keys: with the keys file lost, the deploy stops and asks for the backup', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-keys-lost-'));
    try {
      const run = await runDeploy('--keys-dir', elsewhere);
      expect(run.code).toBe(3);
      expect(run.out).toContain('请从备份恢复');
      expect(fs.readdirSync(elsewhere)).toEqual([]);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a journey on what was deployed', () => {
  afterAll(() => setClock(cloud.baseUrl, 0));

  it('first administrator by setup code, a member applies, is approved, books legal aid with a lawyer invited by link, signs up for a trip; the deployed timer marks the no-show', async () => {
    const admin = 'o-first-admin';
    const member = 'o-first-member';
    const store = storeReader(cloud.serviceUrl);
    expect(await callOk(cloud.baseUrl, admin, 'setup.claim', { code: setupCode })).toMatchObject({
      role: 'admin',
      scopeId: null,
    });

    const application = await callOk(cloud.baseUrl, member, 'membership.apply', applyInput({ orgId: 'org-district-a-g1' }));
    expect(await callApi(cloud.baseUrl, member, 'membership.approve', { applicationId: application._id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await callOk(cloud.baseUrl, admin, 'membership.approve', { applicationId: application._id });
    expect(await store.byId('members', member)).toMatchObject({ orgId: 'org-district-a-g1' });

    // The administrator creates a legal-aid station and a duty slot, and invites a lawyer who is not a member;
    // the lawyer accepts; the member books; the lawyer sees the booking at the station's desk.
    const station = await callOk(cloud.baseUrl, admin, 'legalAid.saveStation', {
      name: '示例区职工法律援助站',
      address: '示例区某路1号 区职工服务中心一楼',
      location: { latitude: 31.81, longitude: 119.97 },
      hours: '周一至周五 9:00–17:00',
      services: ['consult'],
      phone: '0519-8888 2351',
      orgId: 'org-root',
    });
    const slotDate = new Date(Date.now() + 8 * 3600_000 + 2 * DAY).toISOString().slice(0, 10);
    const slot = await callOk(cloud.baseUrl, admin, 'legalAid.addSlot', {
      stationId: station._id,
      slotDate,
      slotPeriod: 't1930',
      start: '19:30',
      end: '21:00',
      lawyers: ['顾明远律师'],
      capacity: 2,
    });
    const invitation = await callOk(cloud.baseUrl, admin, 'invitations.create', {
      role: 'lawyer',
      scopeId: station._id,
      name: '顾明远',
    });
    await callOk(cloud.baseUrl, 'o-first-lawyer', 'invitations.accept', { code: invitation.code });
    const booking = await callOk(cloud.baseUrl, member, 'legalAid.book', {
      slotId: slot._id,
      type: 'wages',
      way: 'in_person',
      caseText: '单位拖欠三个月工资，想咨询如何维权。',
      evidence: [],
    });
    const desk = await callOk(cloud.baseUrl, 'o-first-lawyer', 'legalAid.bookings', { view: 'upcoming', page: 1 });
    expect(desk.items.map((b) => b._id)).toEqual([booking._id]);

    const trip = await callOk(cloud.baseUrl, admin, 'recuperation.save', tripInput({ orgId: 'org-root' }));
    await callOk(cloud.baseUrl, admin, 'recuperation.open', { activityId: trip._id });
    await callOk(cloud.baseUrl, member, 'recuperation.signUp', { activityId: trip._id });
    expect(await enrollmentsOf(store, trip._id)).toMatchObject([{ openid: member, status: 'approved' }]);

    // Seven days on the trip (3 days ahead, 3 days long) is over; the trigger the deploy created fires.
    await setClock(cloud.baseUrl, 7 * DAY);
    const fired = await fetch(`${cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
    expect(fired.status).toBe(200);
    const report = (await fired.json()) as { result: { ok: boolean; data: { tasks: Record<string, Record<string, number>> } } };
    expect(report.result.ok).toBe(true);
    expect(report.result.data.tasks['enrollment.markNoShows']).toMatchObject({ noShows: 1 });
    expect(await enrollmentsOf(store, trip._id)).toMatchObject([{ openid: member, status: 'approved', noShow: true }]);

    // With an administrator now, a further deploy issues no setup code.
    await setClock(cloud.baseUrl, 0);
    const run = await runDeploy('--dry-run');
    expect(run.out).toContain('无需变更');
  }, 180_000);

  it('keeps the settings an administrator saved in the app: the next deploy does not overwrite them', async () => {
    const admin = 'o-first-admin'; // administrator since the setup-code step above
    const read = await callOk(cloud.baseUrl, admin, 'settings.get', {});
    const saved = await callOk(cloud.baseUrl, admin, 'settings.save', {
      version: read.version,
      union: { ...read.union, hotline: '0519-12351', mapCenter: read.union.mapCenter ?? { latitude: 31.81, longitude: 119.97 } },
      areas: { ...read.areas, matchmaking: true },
    });
    const run = await runDeploy();
    expect(run.code).toBe(0);
    expect(run.out).not.toContain('写入设置文档');
    expect(await storeReader(cloud.serviceUrl).byId('settings', 'union')).toMatchObject({
      version: saved.version,
      union: { hotline: '0519-12351' },
      areas: { matchmaking: true },
    });
  }, 120_000);
});

describe('the cloud target (no network: what it runs and where it stops)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("needs the credentials from the environment, and the union's own settings file", () => {
    delete process.env.WX_APPID;
    expect(() => new CloudTarget({ root: ROOT })).toThrow('WX_APPID');
    expect(() =>
      readDesired({ requireRealSettings: true, settingsFile: path.join(ROOT, 'config/union.settings.example.json') }),
    ).toThrow('config/union.settings.json');
  });

  it('prints the upload command and fails clearly without miniprogram-ci and an upload key', async () => {
    Object.assign(process.env, { WX_APPID: 'wx0123456789abcdef', WX_APPSECRET: 'secret', WX_CLOUD_ENV: 'prod-env' });
    delete process.env.WX_UPLOAD_KEY_PATH;
    const target = new CloudTarget({ root: ROOT });
    const api = readDesired().functions.find((f) => f.name === 'api')!;
    const printed = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await expect(target.uploadFunction(api)).rejects.toThrow('需要安装 miniprogram-ci 并提供上传密钥');
      expect(printed.mock.calls.flat().join('\n')).toContain(
        'miniprogram-ci cloud functions upload --pp ./ --pkp $WX_UPLOAD_KEY_PATH --appid wx0123456789abcdef --env prod-env --name api',
      );
      await expect(target.setTriggers(readDesired().functions.find((f) => f.name === 'cron')!)).rejects.toThrow('上传密钥');
    } finally {
      printed.mockRestore();
    }
  });

  it("writes documents as the server API's query strings, dates as dates", () => {
    expect(toQueryLiteral({ a: 'x"y', at: new Date('2026-12-06T00:00:00Z'), n: [1, null], skip: undefined })).toBe(
      '{"a":"x\\"y","at":new Date("2026-12-06T00:00:00.000Z"),"n":[1,null]}',
    );
  });
});
