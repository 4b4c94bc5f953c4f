/**
 * Contract: the local function host runs cloud functions the way WeChat does — getWXContext() with the
 * caller's identity, warm instances keeping module state, one invocation at a time per instance, the
 * config.json timeout, openapi permissions with the subscribe-message outbox, and timer triggers.
 * Fixtures live in tests/fixtures/functions.
 */
import { startHarness, uniqueName, type Harness, type Sdk } from './helpers';

jest.setTimeout(120000);

let h: Harness;
let sdk: Sdk;
let baseUrl: string;

beforeAll(async () => {
  // --env makes the local cloud's env id match the one the test SDK is initialised with (TEST_ENV_ID).
  h = await startHarness({ extraArgs: ['--functions', 'tests/fixtures/functions', '--env', 'test-env'] });
  sdk = h.sdk;
  baseUrl = h.cloudProc.baseUrl;
});

afterAll(async () => {
  await h?.stop();
});

interface Invocation {
  status: number;
  body: any;
}

async function invoke(name: string, openid: string, data: Record<string, unknown> = {}): Promise<Invocation> {
  const res = await fetch(`${baseUrl}/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, data }),
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body };
}

test('getWXContext() gives the caller identity; event.userInfo carries openId and appId', async () => {
  const r = await invoke('whoami', 'o-1', { echo: 'hello' });
  expect(r.status).toBe(200);
  const { wx, userInfo, echo } = r.body.result;
  expect(echo).toBe('hello');
  expect(wx.OPENID).toBe('o-1');
  expect(typeof wx.APPID).toBe('string');
  expect(wx.APPID.length).toBeGreaterThan(0);
  expect(typeof wx.UNIONID).toBe('string');
  expect(wx.UNIONID.length).toBeGreaterThan(0);
  expect(wx.ENV).toBe('test-env');
  expect(userInfo).toEqual(expect.objectContaining({ openId: 'o-1', appId: wx.APPID }));
});

test('different callers get different identities, also when calls overlap', async () => {
  const ids = ['o-a', 'o-b', 'o-c', 'o-d', 'o-e', 'o-f'];
  const results = await Promise.all(ids.map((id) => invoke('whoami', id, { sleepMs: 300 })));
  for (let i = 0; i < ids.length; i++) {
    expect(results[i].status).toBe(200);
    expect(results[i].body.result.wx.OPENID).toBe(ids[i]);
    expect(results[i].body.result.userInfo.openId).toBe(ids[i]);
  }
});

test('sequential calls reuse a warm instance: module state persists', async () => {
  const first = await invoke('whoami', 'o-warm');
  const second = await invoke('whoami', 'o-warm');
  const third = await invoke('whoami', 'o-other');
  expect(first.status).toBe(200);
  expect(second.body.result.instanceId).toBe(first.body.result.instanceId);
  expect(third.body.result.instanceId).toBe(first.body.result.instanceId);
  expect(second.body.result.counter).toBe(first.body.result.counter + 1);
  expect(third.body.result.counter).toBe(first.body.result.counter + 2);
  // A warm instance must not leak the previous caller's identity.
  expect(third.body.result.wx.OPENID).toBe('o-other');
});

test('concurrent calls use more than one instance, each serving one call at a time', async () => {
  const results = await Promise.all(Array.from({ length: 4 }, (_, i) => invoke('whoami', `o-par-${i}`, { sleepMs: 1000 })));
  for (const r of results) expect(r.status).toBe(200);
  const instances = new Set(results.map((r) => r.body.result.instanceId));
  expect(instances.size).toBeGreaterThan(1);
  // Run in parallel, not one after another: calls on different instances were running at the same moment.
  const calls = results.map((r) => r.body.result);
  const overlapping = calls.some((a) =>
    calls.some((b) => a.instanceId !== b.instanceId && a.startedAt < b.endedAt && b.startedAt < a.endedAt),
  );
  expect(overlapping).toBe(true);
  // One invocation at a time per instance: calls served by the same instance never overlap.
  for (const id of instances) {
    const spans = results
      .map((r) => r.body.result)
      .filter((x) => x.instanceId === id)
      .sort((a, b) => a.startedAt - b.startedAt);
    for (let i = 1; i < spans.length; i++) expect(spans[i].startedAt).toBeGreaterThanOrEqual(spans[i - 1].endedAt);
  }
});

test('a call that exceeds the configured timeout fails with a timeout errMsg, and the function recovers', async () => {
  const r = await invoke('slow', 'o-1', { ms: 4000 });
  expect(r.status).not.toBe(200);
  expect(typeof r.body.errMsg).toBe('string');
  expect(r.body.errMsg).toMatch(/time(d)?\s?out/i);
  // Cut at the 1 s timeout, not after the full sleep: had the host waited for the function it would have its
  // answer ({ slept: 4000 }, 200); it answered 504 naming the configured second, and logged the call as timed out.
  expect(r.status).toBe(504);
  expect(r.body.errMsg).toBe('Invoking task timed out after 1 seconds');
  const log = (await (await fetch(`${baseUrl}/_emu/invocations?function=slow&limit=1`)).json()) as {
    invocations: Array<{ status: string }>;
  };
  expect(log.invocations[0].status).toBe('timeout');
  const ok = await invoke('slow', 'o-1', { ms: 50 });
  expect(ok.status).toBe(200);
  expect(ok.body.result).toEqual({ slept: 50 });
});

test('an exception in the function is a failed call with its message', async () => {
  const r = await invoke('whoami', 'o-1', { throwMsg: 'kaboom-123' });
  expect(r.status).not.toBe(200);
  expect(r.body.errMsg).toMatch(/kaboom-123/);
  const after = await invoke('whoami', 'o-1');
  expect(after.status).toBe(200);
});

test('an unknown function is a failed call', async () => {
  const r = await invoke('no-such-function', 'o-1');
  expect(r.status).not.toBe(200);
  expect(typeof r.body.errMsg).toBe('string');
});

test('subscribeMessage.send with the permission lands in the outbox', async () => {
  const templateId = uniqueName('tpl');
  const data = { thing1: { value: '活动报名成功' }, time2: { value: '2025-01-01 10:00' } };
  const before = Date.now();
  const r = await invoke('sender', 'o-send', { touser: 'o-target', templateId, page: 'pages/mine/index', data });
  expect(r.status).toBe(200);
  expect(r.body.result.errCode).toBe(0);
  const res = await fetch(`${baseUrl}/_emu/outbox`);
  expect(res.status).toBe(200);
  const outbox: any = await res.json();
  expect(Array.isArray(outbox.messages)).toBe(true);
  const mine = outbox.messages.filter((m: any) => m.templateId === templateId);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toEqual(expect.objectContaining({ touser: 'o-target', templateId, page: 'pages/mine/index', data }));
  const at = new Date(mine[0].at).getTime();
  expect(at).toBeGreaterThanOrEqual(before - 1000);
  expect(at).toBeLessThanOrEqual(Date.now() + 1000);
});

test('subscribeMessage.send without the permission fails and sends nothing', async () => {
  const templateId = uniqueName('tpl-denied');
  const r = await invoke('nosend', 'o-1', { templateId });
  expect(r.status).not.toBe(200);
  expect(r.body.errMsg).toMatch(/permission|权限|-604101/i);
  const outbox: any = await (await fetch(`${baseUrl}/_emu/outbox`)).json();
  expect(outbox.messages.filter((m: any) => m.templateId === templateId)).toHaveLength(0);
});

test('a timer trigger fired on demand runs the function, which writes to the database', async () => {
  const before = await countTicks();
  const res = await fetch(`${baseUrl}/_emu/trigger/ticker/everyMinute`, { method: 'POST' });
  expect(res.status).toBe(200);
  await res.text();
  const after = await countTicks();
  expect(after.total).toBe(before.total + 1);
  const latest: any = await sdk.db.collection('fixture_ticks').orderBy('at', 'desc').limit(1).get();
  expect(latest.data[0].triggerName).toBe('everyMinute');
  expect(String(latest.data[0].type)).toMatch(/timer/i);
  const unknown = await fetch(`${baseUrl}/_emu/trigger/ticker/noSuchTrigger`, { method: 'POST' });
  expect(unknown.status).not.toBe(200);
});

async function countTicks(): Promise<{ total: number }> {
  try {
    return (await sdk.db.collection('fixture_ticks').count()) as any;
  } catch {
    return { total: 0 }; // the collection is created by the first tick
  }
}

test('cloud.callFunction from the SDK resolves {result}', async () => {
  const res: any = await sdk.cloud.callFunction({ name: 'whoami', data: { echo: 'via-sdk' } });
  expect(res.result.echo).toBe('via-sdk');
  expect(res.result.wx.ENV).toBe('test-env');
  expect(typeof res.result.instanceId).toBe('string');
});

test('cloud.callFunction of a failing function rejects', async () => {
  await expect(sdk.cloud.callFunction({ name: 'whoami', data: { throwMsg: 'sdk-fail' } })).rejects.toBeTruthy();
});
