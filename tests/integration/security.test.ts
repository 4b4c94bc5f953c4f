/**
 * Security rules (config/security/) on the local cloud, through the real functions: clients cannot run
 * `cron` (the rules refuse it, and so does the function itself when a user's OPENID reaches it), `cron`
 * keeps its own clock, clients read no file directly, temporary links expire, and exports are deleted
 * after a day.
 */
import declared from '../../config/collections.json';
import { seedDemo } from '../../scripts/seed-demo';
import { apiBundleExists, callOk, storeReader } from '../support/api';
import { setClock } from '../support/clock';
import { connectSdk, startLocalCloud, type LocalCloud } from '../support/localCloud';
import { futureSlot, guestInput, LA } from '../support/legalAid';
import { useCloud } from '../support/scenario';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(120_000);

const env = useCloud();
const ALL_COLLECTIONS = declared.collections.map((c) => c.name);

beforeAll(() => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
});

afterEach(async () => {
  await setClock(env.cloud.baseUrl, 0);
});

async function postFn(baseUrl: string, name: string, body: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function fireCron(baseUrl: string): Promise<Record<string, Record<string, number>>> {
  const res = await fetch(`${baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { tasks: Record<string, Record<string, number>> } } }).result.data.tasks;
}

async function invocationsOf(baseUrl: string, fn: string): Promise<unknown[]> {
  const res = await fetch(`${baseUrl}/_emu/invocations?function=${fn}&limit=1000`);
  return ((await res.json()) as { invocations: unknown[] }).invocations;
}

/** A booking for tomorrow whose member consented to the reminder: a cron run would remind them. */
async function bookingCronWouldRemind(who: string): Promise<string> {
  const slot = await futureSlot(env.cloud, 1, { period: 't0930', start: '09:30' });
  await env.ok(who, 'notify.consent', { templateKey: 'legal_aid_reminder', accepted: true });
  return (await env.ok(who, 'legalAid.book', guestInput(slot)))._id;
}

async function outbox(baseUrl: string): Promise<Array<{ touser: string }>> {
  return ((await (await fetch(`${baseUrl}/_emu/outbox`)).json()) as { messages: Array<{ touser: string }> }).messages;
}

describe('cron: only the timer runs it', () => {
  it('refuses a client call (POST /fn/cron with a future Time) before it runs: nothing changes', async () => {
    const bookingId = await bookingCronWouldRemind('sec-cron-a');
    const before = await env.store.snapshot(ALL_COLLECTIONS);
    const ranBefore = (await invocationsOf(env.cloud.baseUrl, 'cron')).length;

    for (const caller of [{ openid: 'sec-random-user' }, {}]) {
      const r = await postFn(env.cloud.baseUrl, 'cron', { ...caller, data: { Time: '2099-01-01T00:00:00Z' } });
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ code: 'EXCEED_AUTHORITY' });
      expect(r.body.result).toBeUndefined();
    }
    expect(await invocationsOf(env.cloud.baseUrl, 'cron')).toHaveLength(ranBefore);
    expect(await env.store.snapshot(ALL_COLLECTIONS)).toEqual(before);
    expect((await outbox(env.cloud.baseUrl)).filter((m) => m.touser === 'sec-cron-a')).toEqual([]);

    // The timer is not a client call: it runs, and the reminder the refused call would have sent goes out.
    expect((await fireCron(env.cloud.baseUrl))['legalAid.reminders']).toMatchObject({ reminded: 1 });
    expect(await env.store.byId(LA.bookings, bookingId)).toMatchObject({ remindedAt: expect.anything() });
  });

  it("ignores a caller's Time: a server-side call with Time 2099 runs on the function's own clock", async () => {
    const { cloud } = connectSdk(env.cloud.serviceUrl);
    const res = (await cloud.callFunction({ name: 'cron', data: { Time: '2099-01-01T00:00:00Z' } })) as unknown as {
      result: { ok: true; data: { ranAt: string } };
    };
    expect(Date.parse(res.result.data.ranAt)).toBeLessThan(Date.parse('2099-01-01T00:00:00Z'));
  });

  describe('with rules that (wrongly) let clients invoke it', () => {
    let open: LocalCloud;
    let openStore: ReturnType<typeof storeReader>;
    let rulesDir: string;
    beforeAll(async () => {
      rulesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-'));
      fs.writeFileSync(path.join(rulesDir, 'functions.json'), JSON.stringify({ '*': { invoke: true } }));
      fs.copyFileSync(path.resolve(__dirname, '../../config/security/storage.json'), path.join(rulesDir, 'storage.json'));
      open = await startLocalCloud({ extraArgs: ['--rules', rulesDir] });
      // Its own SDK module: wx-server-sdk keeps the first serviceUrl it used.
      jest.isolateModules(() => {
        openStore = storeReader(open.serviceUrl);
      });
      await seedDemo(openStore.db);
    }, 60_000);
    afterAll(async () => {
      await open?.stop();
      fs.rmSync(rulesDir, { recursive: true, force: true });
    });

    it('the function itself refuses any call that carries a user OPENID, and runs no task', async () => {
      const before = await openStore.snapshot(ALL_COLLECTIONS);
      const r = await postFn(open.baseUrl, 'cron', { openid: 'sec-random-user', data: { Time: '2099-01-01T00:00:00Z' } });
      expect(r.status).toBe(200); // the rules let it through: the function is the last line
      expect(r.body.result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '定时任务只能由定时触发器运行' } });
      expect(await openStore.snapshot(ALL_COLLECTIONS)).toEqual(before);
      expect(await outbox(open.baseUrl)).toEqual([]);
    });
  });
});

describe('files: private, read only through short-lived links the api hands out', () => {
  async function clientUpload(openid: string, cloudPath: string, body: string): Promise<Response> {
    return fetch(`${env.cloud.baseUrl}/_emu/client/upload?${new URLSearchParams({ openid, cloudPath })}`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body,
    });
  }

  it("a client reads no file directly, not even its own evidence; the api's link serves it for 5 minutes only", async () => {
    const who = 'sec-evidence-owner';
    const up = await clientUpload(who, `uploads/${who}/contract.jpg`, 'jpeg bytes of a labour contract');
    expect(up.status).toBe(200);
    const { fileID } = (await up.json()) as { fileID: string };
    const slot = await futureSlot(env.cloud, 3);
    const booking = await env.ok(who, 'legalAid.book', guestInput(slot, { evidence: [fileID] }));

    // Direct reads: wx.cloud.downloadFile / getTempFileURL from the client, and the file's plain link.
    for (const openid of [who, 'sec-stranger', '']) {
      const down = await fetch(`${env.cloud.baseUrl}/_emu/client/download?${new URLSearchParams({ openid, fileID })}`);
      expect([openid, down.status]).toEqual([openid, 403]);
      expect(await down.json()).toMatchObject({ code: 'STORAGE_EXCEED_AUTHORITY' });
    }
    const temp = await fetch(`${env.cloud.baseUrl}/_emu/client/getTempFileURL`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: who, fileList: [fileID] }),
    });
    expect(((await temp.json()) as { fileList: unknown[] }).fileList).toEqual([
      { fileID, tempFileURL: '', status: -1, errMsg: 'STORAGE_EXCEED_AUTHORITY' },
    ]);
    const plain = await fetch(`${env.cloud.baseUrl}/_storage/files/uploads/${who}/contract.jpg`);
    expect(plain.status).toBe(403);

    // Another client cannot overwrite it either (storage.json "write": only the file's owner).
    expect((await clientUpload('sec-stranger', `uploads/${who}/contract.jpg`, 'forged')).status).toBe(403);

    const detail = await env.ok(who, 'legalAid.get', { bookingId: booking._id });
    const link = detail.evidence[0].url;
    const served = await fetch(link);
    expect(served.status).toBe(200);
    expect(await served.text()).toBe('jpeg bytes of a labour contract');

    await setClock(env.cloud.baseUrl, 5 * 60_000 + 1_000);
    const late = await fetch(link);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('expired');
  });
});

describe('exports: deleted a day after they are written', () => {
  it('the cron deletes an export 25 hours old and keeps a fresh one', async () => {
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const exportRecords = () => env.store.all<{ _id: string; fileID: string }>('file_exports');
    await callOk(env.cloud.baseUrl, 'demo-staff-city', 'merchants.exportStats', { month });
    const [old] = await exportRecords();
    await setClock(env.cloud.baseUrl, 25 * 3600_000);
    const link = await callOk(env.cloud.baseUrl, 'demo-staff-city', 'merchants.exportStats', { month });
    const fresh = (await exportRecords()).find((r) => r._id !== old._id)!;
    expect(old.fileID).toMatch(/\/exports\/merchants\//);
    expect(fresh.fileID).toMatch(/\/exports\/merchants\//);
    expect((await fetch(link.url)).status).toBe(200); // its link works on the moved clock too

    const tasks = await fireCron(env.cloud.baseUrl);
    expect(tasks['files.deleteExpiredExports']).toEqual({ deleted: 1 });

    const { cloud } = connectSdk(env.cloud.serviceUrl);
    await expect(cloud.downloadFile({ fileID: old.fileID })).rejects.toBeTruthy();
    const kept = (await cloud.downloadFile({ fileID: fresh.fileID })) as { fileContent: Buffer };
    expect(kept.fileContent.length).toBeGreaterThan(0);
    expect((await exportRecords()).map((r) => r.fileID)).toEqual([fresh.fileID]);
    // Run again: nothing more is due.
    expect((await fireCron(env.cloud.baseUrl))['files.deleteExpiredExports']).toEqual({ deleted: 0 });
  });
});
