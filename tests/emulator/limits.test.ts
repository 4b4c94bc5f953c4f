/**
 * Contract: the limits WeChat Cloud holds, held by the local cloud too, so that a call that passes here
 * does not fail there — and input no real call sends (JSON nested thousands of levels deep) is refused
 * with a 4xx before it reaches a function, leaving the server and its instances serving.
 * Fixtures: tests/fixtures/functions.
 */
import { rawPost, rejectionOf, SDK_ENVELOPE, startHarness, uniqueName, type Harness, type Sdk } from './helpers';

jest.setTimeout(120000);

let h: Harness;
let sdk: Sdk;
let baseUrl: string;

beforeAll(async () => {
  h = await startHarness({ extraArgs: ['--functions', 'tests/fixtures/functions'] });
  sdk = h.sdk;
  baseUrl = h.cloudProc.baseUrl;
});

afterAll(async () => {
  await h?.stop();
});

async function postText(path: string, body: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: { raw: text } };
  }
}

function invoke(name: string, openid: string, data: Record<string, unknown> = {}) {
  return postText(`/fn/${name}`, JSON.stringify({ openid, data }));
}

async function runningInvocations(name: string): Promise<unknown[]> {
  const res = await fetch(`${baseUrl}/_emu/invocations?function=${name}&limit=1000`);
  const { invocations } = (await res.json()) as { invocations: Array<{ status: string }> };
  return invocations.filter((i) => i.status === 'running');
}

const deepObject = (n: number, leaf = '1') => '{"a":'.repeat(n) + leaf + '}'.repeat(n);
const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('deeply nested input', () => {
  test('a function call nested 5,000 levels deep is refused with 400 before any function runs', async () => {
    const before = (await invoke('whoami', 'o-depth')).body.result.counter as number;
    // More deep calls than a function has instances (8): none may keep one busy.
    for (const deep of [deepObject(5000), deepArray(5000), deepObject(65)]) {
      for (let i = 0; i < 5; i++) {
        const r = await postText('/fn/whoami', `{"openid":"o-depth","data":{"action":"x","input":${deep}}}`);
        expect(r.status).toBe(400);
        expect(r.body).toEqual({ code: 'INVALID_PARAM', message: 'request body nested deeper than 64 levels' });
      }
    }
    expect(await runningInvocations('whoami')).toEqual([]);
    // The H5 app's path answers the same (the refusal comes before the function is looked up).
    const api = await postText('/fn/api', `{"openid":"o-depth","data":{"action":"member.me","input":${deepArray(5000)}}}`);
    expect(api.status).toBe(400);
    expect(api.body.code).toBe('INVALID_PARAM');
    // The function never ran: its warm instance counts one more call only.
    const after = await invoke('whoami', 'o-depth', { echo: 'still here' });
    expect(after.status).toBe(200);
    expect(after.body.result.echo).toBe('still here');
    expect(after.body.result.counter).toBe(before + 1);
  });

  test('64 levels (the limit) still reach the function', async () => {
    // {openid, data: {echo: <61 levels>}} = 64 levels in all.
    const r = await postText('/fn/whoami', `{"openid":"o-depth","data":{"echo":${deepObject(61, '"leaf"')}}}`);
    expect(r.status).toBe(200);
    let echo = r.body.result.echo;
    for (let i = 0; i < 61; i++) echo = echo.a;
    expect(echo).toBe('leaf');
  });

  test('database requests: a document or query nested deeper than 100 levels is refused, the server keeps serving', async () => {
    const c = uniqueName('depth');
    await sdk.db.createCollection(c);
    const post = (body: Record<string, unknown>) => rawPost(h.cloudProc.serviceUrl, JSON.stringify({ ...SDK_ENVELOPE, ...body }));
    // 100 levels: stored and read back (MongoDB's limit on a document's nesting).
    const ok = await post({
      action: 'database.insertDocument',
      collectionName: c,
      data: [`{"_id":"d100","b":${deepObject(99)}}`],
    });
    expect(ok.json.data).toEqual({ insertedIds: ['d100'] });
    for (const deep of [deepObject(100), deepObject(5000), deepArray(5000)]) {
      const insert = await post({ action: 'database.insertDocument', collectionName: c, data: [`{"_id":"x","b":${deep}}`] });
      expect(insert.json).toEqual(
        expect.objectContaining({ code: 'INVALID_PARAM', message: 'data[0] nested deeper than 100 levels' }),
      );
      const query = await post({
        action: 'database.getDocument',
        collectionName: c,
        queryType: 'WHERE',
        query: `{"b":${deep}}`,
        limit: 10,
      });
      expect(query.json).toEqual(
        expect.objectContaining({ code: 'INVALID_PARAM', message: 'query nested deeper than 100 levels' }),
      );
    }
    const stored = (await sdk.db.collection(c).get()) as { data: Array<{ _id: string }> };
    expect(stored.data.map((d) => d._id)).toEqual(['d100']);
  });
});

describe('function timeout and memory (config.json; WeChat defaults 3 s and 256 MB)', () => {
  test('a function without a timeout in config.json is stopped after 3 s, and runs with 256 MB', async () => {
    const quick = await invoke('plain', 'o-limits', { ms: 0 });
    expect(quick.body.result).toEqual({ slept: 0, timeLimitMs: 3000, memoryLimitMb: 256 });
    const slow = await invoke('plain', 'o-limits', { ms: 4500 });
    expect(slow.status).toBe(504);
    expect(slow.body.errMsg).toBe('Invoking task timed out after 3 seconds');
    expect((await invoke('plain', 'o-limits', { ms: 10 })).body.result.slept).toBe(10);
  });

  test('a function that allocates beyond its memorySize fails with a clear error; a new instance serves the next call', async () => {
    const fits = await invoke('hog', 'o-limits', { mb: 10 });
    expect(fits.body.result).toEqual({ kept: 10, memoryLimitMb: 128 });
    const tooMuch = await invoke('hog', 'o-limits', { mb: 600 });
    expect(tooMuch.status).toBe(500);
    expect(tooMuch.body.errMsg).toBe('Error: the function ran out of memory (memorySize 128 MB); its instance was stopped');
    const [invocation] = (await (await fetch(`${baseUrl}/_emu/invocations?function=hog&limit=1`)).json()).invocations;
    expect(invocation.status).toBe('error');
    expect((await invoke('hog', 'o-limits', { mb: 10 })).body.result.kept).toBe(10);
    expect((await invoke('whoami', 'o-limits', { echo: 1 })).body.result.echo).toBe(1);
  });
});

describe('a function call carries at most 6 MB each way (WeChat Cloud refuses more)', () => {
  const MB = 1024 * 1024;

  test('data over 6 MB is refused and the function never runs; just under goes through', async () => {
    const big = await invoke('plain', 'o-limits', { pad: 'y'.repeat(6 * MB + 10), ms: 1 });
    expect(big.status).toBe(413);
    expect(big.body.errMsg).toContain('data exceed max size');
    const [last] = (await (await fetch(`${baseUrl}/_emu/invocations?function=plain&limit=1`)).json()).invocations;
    expect(last.status).toBe('error');
    const fits = await invoke('plain', 'o-limits', { pad: 'y'.repeat(5 * MB) });
    expect(fits.body.result).toMatchObject({ slept: 0 });
  });

  test('an answer over 6 MB fails the call although the function ran; 5 MB comes back whole', async () => {
    const tooBig = await invoke('plain', 'o-limits', { bytes: 6 * MB + 10 });
    expect(tooBig.status).toBe(502);
    expect(tooBig.body.errMsg).toContain('response exceed max size');
    const fits = await invoke('plain', 'o-limits', { bytes: 5 * MB });
    expect(fits.body.result.blob).toHaveLength(5 * MB);
  });
});

describe('storage: getTempFileURL names at most 50 files per call', () => {
  async function upload(name: string): Promise<string> {
    const cloudPath = `uploads/o-limits/${name}`;
    const res = await fetch(`${baseUrl}/_emu/client/upload?openid=o-limits&cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: name,
    });
    return ((await res.json()) as { fileID: string }).fileID;
  }

  test('50 files get links; 51 are refused with INVALID_PARAM, as the cloud refuses them', async () => {
    const fileIds: string[] = [];
    for (let i = 0; i < 51; i++) fileIds.push(await upload(`f${i}.txt`));
    const fifty = (await sdk.cloud.getTempFileURL({ fileList: fileIds.slice(0, 50) })) as any;
    expect(fifty.fileList).toHaveLength(50);
    expect(fifty.fileList.every((f: any) => f.status === 0 && f.tempFileURL)).toBe(true);
    const refused = await rejectionOf(sdk.cloud.getTempFileURL({ fileList: fileIds }) as Promise<unknown>);
    // @cloudbase/node-sdk throws the cloud's { code, message } as an Error, which wx-server-sdk reports as errCode -1.
    expect(refused).toMatchObject({ code: 'INVALID_PARAM', errCode: -1 });
    expect(refused.errMsg).toMatch(/^getTempFileURL:fail Invalid request param/);
  });
});
