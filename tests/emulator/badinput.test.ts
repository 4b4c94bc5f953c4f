/**
 * Contract: malformed or hostile requests to the service URL get an error answer in the shape the SDK
 * reads (`{code, message}` JSON, code a non-empty string), never crash the server, and change nothing.
 */
import http from 'node:http';
import { newCollection, rawPost, SDK_ENVELOPE, startHarness, type Harness, type RawResponse, type Sdk } from './helpers';

let h: Harness;
let sdk: Sdk;
let c: string;

beforeAll(async () => {
  h = await startHarness();
  sdk = h.sdk;
});

// A fresh collection per test holding one document that no bad request may change.
beforeEach(async () => {
  c = await newCollection(sdk, 'bad_input');
  await sdk.db.collection(c).add({ data: { _id: 'keep', a: 1, o: { k: 1 } } });
});

afterAll(async () => {
  await h?.stop();
});

function expectErrorShape(res: RawResponse) {
  if (typeof res.json?.code !== 'string') {
    throw new Error(`expected a JSON {code, message} error, got HTTP ${res.status}: ${res.text.slice(0, 300)}`);
  }
  expect(res.json.code.length).toBeGreaterThan(0);
}

async function expectHealthy() {
  expect(h.cloudProc.child.exitCode).toBeNull();
  expect(h.cloudProc.child.signalCode).toBeNull();
  const got: any = await sdk.db.collection(c).doc('keep').get();
  expect(got.data).toEqual({ _id: 'keep', a: 1, o: { k: 1 } });
  const { total } = (await sdk.db.collection(c).count()) as any;
  expect(total).toBe(1);
}

function post(body: Record<string, unknown>) {
  return rawPost(h.cloudProc.serviceUrl, JSON.stringify({ ...SDK_ENVELOPE, ...body }));
}

test('broken JSON', async () => {
  expectErrorShape(await rawPost(h.cloudProc.serviceUrl, '{"action": "database.getDocument", "collectionName": '));
  expectErrorShape(await rawPost(h.cloudProc.serviceUrl, 'not json at all'));
  expectErrorShape(await rawPost(h.cloudProc.serviceUrl, ''));
  expectErrorShape(await rawPost(h.cloudProc.serviceUrl, '[1,2,3]'));
  expectErrorShape(await rawPost(h.cloudProc.serviceUrl, 'null'));
  await expectHealthy();
});

test('broken JSON inside the query / data strings', async () => {
  expectErrorShape(
    await post({ action: 'database.getDocument', collectionName: c, queryType: 'WHERE', query: '{"a":', limit: 10 }),
  );
  expectErrorShape(await post({ action: 'database.insertDocument', collectionName: c, data: ['{"a":'] }));
  expectErrorShape(
    await post({
      action: 'database.modifyDocument',
      collectionName: c,
      queryType: 'DOC',
      query: '{"_id":"keep"}',
      data: '{"$set":',
      multi: false,
      merge: true,
      upsert: false,
    }),
  );
  await expectHealthy();
});

test('unknown or missing action', async () => {
  expectErrorShape(await post({ action: 'database.fooBar', collectionName: c }));
  expectErrorShape(await post({ action: 'nothing.atAll' }));
  expectErrorShape(await post({ collectionName: c, query: '{}' }));
  expectErrorShape(await post({ action: 42 }));
  await expectHealthy();
});

test('a body over 10 MB is refused', async () => {
  const big = 'A'.repeat(11 * 1024 * 1024);
  const res = await post({ action: 'database.insertDocument', collectionName: c, data: [JSON.stringify({ big })] });
  expectErrorShape(res);
  await expectHealthy();
});

test('unknown query and update operators', async () => {
  expectErrorShape(
    await post({ action: 'database.getDocument', collectionName: c, queryType: 'WHERE', query: '{"a":{"$foo":1}}', limit: 10 }),
  );
  expectErrorShape(
    await post({ action: 'database.calculateDocument', collectionName: c, queryType: 'WHERE', query: '{"$foo":[{"a":1}]}' }),
  );
  expectErrorShape(
    await post({
      action: 'database.removeDocument',
      collectionName: c,
      queryType: 'WHERE',
      query: '{"a":{"$foo":1}}',
      multi: true,
    }),
  );
  expectErrorShape(
    await post({
      action: 'database.modifyDocument',
      collectionName: c,
      queryType: 'WHERE',
      query: '{"a":1}',
      data: '{"$foo":{"a":2}}',
      multi: true,
      merge: true,
      upsert: false,
    }),
  );
  await expectHealthy();
});

test('operator injection in field names of inserted documents', async () => {
  for (const doc of [{ $where: 'sleep(1000)' }, { 'a.$b': 1 }, { $set: { a: 2 } }, { ok: 1, nested: { $gt: 1 } }]) {
    const res = await post({ action: 'database.insertDocument', collectionName: c, data: [JSON.stringify(doc)] });
    expectErrorShape(res);
  }
  await expectHealthy();
});

test('operator injection in field names of updates and replacements', async () => {
  const modify = (data: unknown, merge: boolean) =>
    post({
      action: 'database.modifyDocument',
      collectionName: c,
      queryType: 'DOC',
      query: '{"_id":"keep"}',
      data: JSON.stringify(data),
      multi: false,
      merge,
      upsert: !merge,
    });
  expectErrorShape(await modify({ $set: { 'a.$b': 1 } }, true));
  expectErrorShape(await modify({ $set: { $where: 'x' } }, true));
  expectErrorShape(await modify({ $set: { _id: 'other' } }, true));
  expectErrorShape(await modify({ $where: 'x' }, false));
  expectErrorShape(await modify({ a: { $gt: 1 } }, false));
  await expectHealthy();
});

test('server-side JavaScript operators are refused in queries', async () => {
  expectErrorShape(
    await post({ action: 'database.getDocument', collectionName: c, queryType: 'WHERE', query: '{"$where":"true"}', limit: 10 }),
  );
  expectErrorShape(
    await post({
      action: 'database.getDocument',
      collectionName: c,
      queryType: 'WHERE',
      query: '{"$expr":{"$function":{"body":"function(){return true}","args":[],"lang":"js"}}}',
      limit: 10,
    }),
  );
  expectErrorShape(
    await post({
      action: 'database.aggregateDocuments',
      collectionName: c,
      stages: [{ stageKey: '$match', stageValue: '{"$where":"true"}' }],
    }),
  );
  await expectHealthy();
});

test('wrong types in every field', async () => {
  const base = { action: 'database.getDocument', collectionName: c, queryType: 'WHERE', query: '{}', limit: 10 };
  const cases: Record<string, unknown>[] = [
    { ...base, query: { a: 1 } },
    { ...base, query: 5 },
    { ...base, query: ['{}'] },
    { ...base, collectionName: undefined },
    { ...base, collectionName: 12 },
    { ...base, collectionName: { $gt: '' } },
    { ...base, collectionName: '' },
    { ...base, collectionName: 'no_such_collection_zz' },
    { ...base, limit: 'ten' },
    { ...base, offset: 'x' },
    { ...base, offset: -5 },
    { ...base, projection: 7 },
    { ...base, order: 'nope' },
    { ...base, queryType: 'SIDEWAYS' },
    { action: 'database.insertDocument', collectionName: c, data: 'not-an-array-of-strings' },
    { action: 'database.insertDocument', collectionName: c, data: [{ a: 1 }] },
    { action: 'database.insertDocument', collectionName: c, data: ['5'] },
    { action: 'database.insertDocument', collectionName: c },
    {
      action: 'database.modifyDocument',
      collectionName: c,
      queryType: 'DOC',
      query: '{"_id":"keep"}',
      data: { a: 1 },
      multi: false,
      merge: true,
    },
    {
      action: 'database.modifyDocument',
      collectionName: c,
      queryType: 'DOC',
      query: '{"_id":"keep"}',
      multi: false,
      merge: true,
    },
    {
      action: 'database.modifyDocument',
      collectionName: c,
      queryType: 'DOC',
      query: '{"_id":"keep"}',
      data: '[1]',
      multi: false,
      merge: true,
    },
    { action: 'database.removeDocument', collectionName: c, queryType: 'WHERE', query: 3, multi: true },
    { action: 'database.aggregateDocuments', collectionName: c, stages: 'x' },
    { action: 'database.aggregateDocuments', collectionName: c, stages: [{ stageKey: '$match', stageValue: 5 }] },
    { action: 'database.aggregateDocuments', collectionName: c, stages: [{ stageKey: 5, stageValue: '{}' }] },
    { action: 'database.aggregateDocuments', collectionName: c, stages: [{ stageKey: '$limit', stageValue: '"x"' }] },
    { ...base, transactionId: 12345 },
    { ...base, transactionId: 'no-such-transaction' },
    { action: 'database.commitTransaction', transactionId: 'no-such-transaction' },
    { action: 'database.commitTransaction' },
    { action: 'database.addCollection', collectionName: 7 },
    { action: 'database.addCollection' },
  ];
  const failures: string[] = [];
  for (const body of cases) {
    const res = await post(body);
    if (typeof res.json?.code !== 'string' || res.json.code.length === 0) {
      failures.push(`${JSON.stringify(body)} -> HTTP ${res.status} ${res.text.slice(0, 200)}`);
    }
  }
  expect(failures).toEqual([]);
  await expectHealthy();
});

test('after all of the above, valid SDK requests still work', async () => {
  const { db } = sdk;
  const res: any = await db.collection(c).add({ data: { after: true } });
  const got: any = await db.collection(c).doc(res._id).get();
  expect(got.data.after).toBe(true);
  await db.collection(c).doc(res._id).remove();
  await expectHealthy();
});

test('a web page from another origin is refused; the H5 app on a loopback origin is answered', async () => {
  const body = JSON.stringify({ action: 'database.getDocument', collectionName: c, query: '{"_id":"keep"}', queryType: 'DOC' });
  const post = (origin: string) =>
    fetch(`${h.cloudProc.serviceUrl}?env=test-env`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body,
    });
  const foreign = await post('https://evil.example');
  expect(foreign.status).toBe(403);
  expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  const local = await post('http://127.0.0.1:10086');
  expect(local.status).toBe(200);
  expect(local.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:10086');
  expect(((await local.json()) as { data: { list: string[] } }).data.list).toHaveLength(1);
});

test('a request whose Host is not this machine is refused with 403 (DNS rebinding), whatever the path', async () => {
  const { port } = new URL(h.cloudProc.baseUrl);
  const get = (host: string, path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1.evil.example', 'localhost.evil.example:80']) {
    for (const path of ['/_emu/outbox', '/_emu/health', '/admin', '/fn/api']) {
      const res = await get(host, path);
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('messages');
    }
  }
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost', `[::1]:${port}`]) {
    expect((await get(host, '/_emu/outbox')).status).toBe(200);
  }
});
