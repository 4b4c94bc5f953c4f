/**
 * Contract: WeChat Cloud's security rules, as documented (云函数安全规则, 云存储安全规则), applied by the local
 * cloud to client calls only — `POST /fn/<name>` (the mini-program's callFunction) against functions.json,
 * client uploads, downloads, temporary URLs and plain file links against storage.json — while timer triggers
 * and server-side SDK calls are never checked. Also the local cloud's clock (`/_emu/clock`), by which
 * temporary links expire. Fixtures: tests/fixtures/functions; rules written per test cloud with `--rules DIR`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SecurityRules } from '../../emulator/security/rules';
import { connectSdk, startLocalCloud } from '../support/localCloud';
import { startHarness, uniqueName, type Harness } from './helpers';

jest.setTimeout(120_000);

const PROJECT_STORAGE_RULES = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../config/security/storage.json'), 'utf8'),
) as Record<string, unknown>;

function rulesDir(functions: unknown, storage: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-'));
  fs.writeFileSync(path.join(dir, 'functions.json'), JSON.stringify(functions));
  fs.writeFileSync(path.join(dir, 'storage.json'), JSON.stringify(storage));
  return dir;
}

async function startWith(functions: unknown, storage: unknown): Promise<{ h: Harness; dir: string }> {
  const dir = rulesDir(functions, storage);
  const h = await startHarness({ extraArgs: ['--functions', 'tests/fixtures/functions', '--rules', dir] });
  // Each cloud of this file gets its own SDK module: wx-server-sdk keeps its first serviceUrl once used.
  jest.isolateModules(() => {
    h.sdk = connectSdk(h.cloudProc.serviceUrl);
  });
  return { h, dir };
}

describe('rule expressions (the documented examples)', () => {
  const alice = { openid: 'o-alice' };
  const file = (openid?: string) => ({ path: 'uploads/o-alice/a.png', ...(openid ? { openid } : {}) });

  it.each([
    ['所有用户可读，仅创建者可写', { read: true, write: 'resource.openid == auth.openid' }, [true, true, true, false, false]],
    [
      '仅创建者可读写',
      { read: 'resource.openid == auth.openid', write: 'resource.openid == auth.openid' },
      [true, false, false, false, false],
    ],
    ['所有用户可读，仅管理端可写', { read: true, write: false }, [true, true, true, false, false]],
    ['仅管理端可读写 (this project)', PROJECT_STORAGE_RULES, [false, false, false, false, false]],
  ])('%s', (_label, storage, [ownerReads, otherReads, anonymousReads, otherWrites, anonymousWrites]) => {
    const rules = new SecurityRules(undefined, storage);
    expect([
      rules.mayRead(alice, file('o-alice')),
      rules.mayRead({ openid: 'o-bob' }, file('o-alice')),
      rules.mayRead(null, file('o-alice')),
      rules.mayWrite({ openid: 'o-bob' }, file('o-alice')),
      rules.mayWrite(null, file()),
    ]).toEqual([ownerReads, otherReads, anonymousReads, otherWrites, anonymousWrites]);
    // A file with no owner (written by a function) matches no user's openid.
    expect(rules.mayWrite(alice, file())).toBe(false);
  });

  it('evaluates &&, ||, !, parentheses and a regular expression on the path', () => {
    const rules = new SecurityRules(undefined, {
      read: 'auth != null && (/^public\\//.test(resource.path) == true || resource.openid == auth.openid)',
      write: '!(auth == null)',
    });
    expect(rules.mayRead(alice, { path: 'public/x.png' })).toBe(true);
    expect(rules.mayRead(alice, { path: 'private/x.png', openid: 'o-alice' })).toBe(true);
    expect(rules.mayRead(alice, { path: 'private/x.png', openid: 'o-bob' })).toBe(false);
    expect(rules.mayRead(null, { path: 'public/x.png' })).toBe(false);
    expect(rules.mayWrite(alice, { path: 'x' })).toBe(true);
    expect(rules.mayWrite(null, { path: 'x' })).toBe(false);
  });

  it('functions: the entry of the name wins over "*"; "*" is required; only true, false and "auth != null"', () => {
    const rules = new SecurityRules({ '*': { invoke: 'auth != null' }, open: { invoke: true }, cron: { invoke: false } });
    expect([rules.mayInvoke('any', alice), rules.mayInvoke('any', null)]).toEqual([true, false]);
    expect([rules.mayInvoke('open', null), rules.mayInvoke('cron', alice)]).toEqual([true, false]);
    expect(() => new SecurityRules({ api: { invoke: true } })).toThrow(/"\*" entry is required/);
    expect(() => new SecurityRules({ '*': { invoke: "auth.openid == 'x'" } })).toThrow(/WeChat accepts no other/);
    expect(() => new SecurityRules({ '*': {} })).toThrow(/"invoke"/);
    expect(() => new SecurityRules(undefined, { read: 'auth.openid ==' })).toThrow(/storage rules "read"/);
    expect(() => new SecurityRules(undefined, { read: 'user != null' })).toThrow(/unknown variable user/);
    expect(() => new SecurityRules(undefined, { list: true })).toThrow(/unknown key list/);
  });
});

describe('function rules on client calls', () => {
  let h: Harness;
  let dir: string;
  let baseUrl: string;
  beforeAll(async () => {
    ({ h, dir } = await startWith(
      { '*': { invoke: 'auth != null' }, ticker: { invoke: false }, slow: { invoke: true } },
      PROJECT_STORAGE_RULES,
    ));
    baseUrl = h.cloudProc.baseUrl;
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = async (name: string, body: Record<string, unknown>) => {
    const res = await fetch(`${baseUrl}/fn/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const invocations = async (fn: string) =>
    ((await (await fetch(`${baseUrl}/_emu/invocations?function=${fn}&limit=1000`)).json()) as { invocations: unknown[] })
      .invocations;
  const ticks = async () => {
    try {
      return ((await h.sdk.db.collection('fixture_ticks').count()) as { total: number }).total;
    } catch {
      return 0; // created by the first tick
    }
  };

  it('"invoke": false refuses every client with 403 EXCEED_AUTHORITY before any instance runs', async () => {
    const before = await ticks();
    for (const body of [{ openid: 'o-1', data: { Time: '2099-01-01' } }, { data: {} }]) {
      const r = await call('ticker', body);
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ code: 'EXCEED_AUTHORITY' });
      expect(String(r.body.message)).toContain('ticker');
    }
    expect(await invocations('ticker')).toEqual([]);
    expect(await ticks()).toBe(before);
  });

  it('timer triggers and server-side SDK calls are not client calls: they run', async () => {
    const before = await ticks();
    const fired = await fetch(`${baseUrl}/_emu/trigger/ticker/everyMinute`, { method: 'POST' });
    expect(fired.status).toBe(200);
    const called: any = await h.sdk.cloud.callFunction({ name: 'ticker', data: {} });
    expect(typeof called.result._id).toBe('string');
    expect(await ticks()).toBe(before + 2);
  });

  it('"auth != null" (the default "*") refuses a caller with no openid; true lets anyone', async () => {
    expect((await call('whoami', { data: {} })).status).toBe(403);
    const signedIn = await call('whoami', { openid: 'o-1', data: {} });
    expect(signedIn.status).toBe(200);
    expect((signedIn.body.result as { wx: { OPENID: string } }).wx.OPENID).toBe('o-1');
    const open = await call('slow', { data: { ms: 1 } });
    expect(open).toEqual({ status: 200, body: { result: { slept: 1 } } });
  });
});

describe('storage rules on client reads and writes (this project: private; only owners write)', () => {
  let h: Harness;
  let dir: string;
  let baseUrl: string;
  beforeAll(async () => {
    ({ h, dir } = await startWith({ '*': { invoke: 'auth != null' } }, PROJECT_STORAGE_RULES));
    baseUrl = h.cloudProc.baseUrl;
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await fetch(`${baseUrl}/_emu/clock`, { method: 'DELETE' });
  });

  const upload = (openid: string, cloudPath: string, body: string) =>
    fetch(`${baseUrl}/_emu/client/upload?${new URLSearchParams({ openid, cloudPath })}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
  const download = (openid: string, fileID: string) =>
    fetch(`${baseUrl}/_emu/client/download?${new URLSearchParams({ openid, fileID })}`);

  it('a client writes its own files only; nobody reads directly; the server side reads and writes anything', async () => {
    const cloudPath = `uploads/o-owner/${uniqueName('doc')}.txt`;
    const up = await upload('o-owner', cloudPath, 'mine');
    expect(up.status).toBe(200);
    const { fileID } = (await up.json()) as { fileID: string };
    expect((await upload('o-owner', cloudPath, 'mine, again')).status).toBe(200); // the owner overwrites

    const forged = await upload('o-other', cloudPath, 'forged');
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: 'STORAGE_EXCEED_AUTHORITY' });
    const server: any = await h.sdk.cloud.uploadFile({
      cloudPath: `exports/${uniqueName('x')}.txt`,
      fileContent: Buffer.from('s'),
    });
    expect((await upload('o-owner', server.fileID.split('local-bucket/')[1], 'take over')).status).toBe(403);

    for (const openid of ['o-owner', 'o-other', '']) {
      const r = await download(openid, fileID);
      expect([openid, r.status]).toEqual([openid, 403]);
    }
    const temp = await fetch(`${baseUrl}/_emu/client/getTempFileURL`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'o-owner', fileList: [fileID, 'cloud://test-env.local-bucket/none.txt'] }),
    });
    expect(((await temp.json()) as { fileList: Array<{ status: number; errMsg: string }> }).fileList).toEqual([
      { fileID, tempFileURL: '', status: -1, errMsg: 'STORAGE_EXCEED_AUTHORITY' },
      { fileID: 'cloud://test-env.local-bucket/none.txt', tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST' },
    ]);
    const plain = await fetch(`${baseUrl}/_storage/files/${cloudPath}`);
    expect(plain.status).toBe(403);
    expect(await plain.text()).toContain('private');

    const down: any = await h.sdk.cloud.downloadFile({ fileID });
    expect(down.fileContent.toString()).toBe('mine, again');
  });

  it("a temporary link serves until its maxAge has passed on the local cloud's clock, then never", async () => {
    const server: any = await h.sdk.cloud.uploadFile({
      cloudPath: `private/${uniqueName('p')}.txt`,
      fileContent: Buffer.from('t'),
    });
    const temp: any = await h.sdk.cloud.getTempFileURL({ fileList: [{ fileID: server.fileID, maxAge: 300 }] });
    const url = temp.fileList[0].tempFileURL as string;
    expect((await fetch(url)).status).toBe(200);

    const moved = await fetch(`${baseUrl}/_emu/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 299_000 }),
    });
    expect(await moved.json()).toMatchObject({ offsetMs: 299_000 });
    expect((await fetch(url)).status).toBe(200);
    await fetch(`${baseUrl}/_emu/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 2_000 }),
    });
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('expired');
  });

  it('/_emu/clock: read, set, reset; refuses junk; a timer event is stamped with it', async () => {
    const year = 365 * 86_400_000;
    const set = await fetch(`${baseUrl}/_emu/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetMs: 3 * year }),
    });
    const { now } = (await set.json()) as { now: string };
    expect(new Date(now).getUTCFullYear()).toBeGreaterThanOrEqual(new Date().getUTCFullYear() + 2);
    await fetch(`${baseUrl}/_emu/trigger/ticker/everyMinute`, { method: 'POST' });
    const latest: any = await h.sdk.db.collection('fixture_ticks').orderBy('at', 'desc').limit(1).get();
    expect(new Date(latest.data[0].time).getUTCFullYear()).toBe(new Date(now).getUTCFullYear());

    for (const body of [{}, { offsetMs: 'soon' }, { offsetMs: 1, advanceMs: 1 }, { offsetMs: 100 * year }]) {
      const r = await fetch(`${baseUrl}/_emu/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect([body, r.status]).toEqual([body, 400]);
    }
    expect(await (await fetch(`${baseUrl}/_emu/clock`, { method: 'DELETE' })).json()).toMatchObject({ offsetMs: 0 });
    expect(await (await fetch(`${baseUrl}/_emu/clock`)).json()).toMatchObject({ offsetMs: 0 });
  });
});

describe('storage rules that let all users read (a public bucket)', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    ({ h, dir } = await startWith({ '*': { invoke: 'auth != null' } }, { read: true, write: false }));
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a plain link serves anyone and never expires; clients write nothing', async () => {
    const baseUrl = h.cloudProc.baseUrl;
    const cloudPath = `public/${uniqueName('poster')}.txt`;
    const server: any = await h.sdk.cloud.uploadFile({ cloudPath, fileContent: Buffer.from('poster') });
    await fetch(`${baseUrl}/_emu/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetMs: 5 * 365 * 86_400_000 }),
    });
    const plain = await fetch(`${baseUrl}/_storage/files/${cloudPath}`);
    expect(plain.status).toBe(200);
    expect(await plain.text()).toBe('poster');
    const down = await fetch(`${baseUrl}/_emu/client/download?${new URLSearchParams({ fileID: server.fileID })}`);
    expect(await down.text()).toBe('poster');
    const up = await fetch(
      `${baseUrl}/_emu/client/upload?${new URLSearchParams({ openid: 'o-1', cloudPath: 'uploads/o-1/a.txt' })}`,
      {
        method: 'POST',
        body: 'x',
      },
    );
    expect(up.status).toBe(403);
  });
});

it('a rules file WeChat would refuse stops the local cloud at start, naming the problem', async () => {
  const dir = rulesDir({ api: { invoke: true } }, PROJECT_STORAGE_RULES);
  try {
    await expect(startLocalCloud({ extraArgs: ['--functions', 'tests/fixtures/functions', '--rules', dir] })).rejects.toThrow(
      /"\*" entry is required/,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
