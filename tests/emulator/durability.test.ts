/**
 * Contract: the durable store (`--data DIR`) never loses an acknowledged write, even when the process
 * is killed with SIGKILL in the middle of a burst of inserts, and it reopens healthy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectSdk, startLocalCloud, type LocalCloud } from '../support/localCloud';
import { mapLimit, uniqueName, type Sdk } from './helpers';

jest.setTimeout(180000);

let dataDir: string;
const started: LocalCloud[] = [];

function freshSdk(serviceUrl: string): Sdk {
  let sdk: Sdk | undefined;
  // A separate module registry gives a separate wx-server-sdk instance bound to this server.
  jest.isolateModules(() => {
    sdk = connectSdk(serviceUrl);
  });
  return sdk!;
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-durability-'));
});

afterAll(async () => {
  for (const p of started) await p.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('every acknowledged insert survives SIGKILL and the store reopens healthy', async () => {
  const first = await startLocalCloud({ data: dataDir });
  started.push(first);
  const sdk1 = freshSdk(first.serviceUrl);
  const c = uniqueName('dur_items');
  await sdk1.db.createCollection(c);

  const acknowledged: string[] = [];
  let killed = false;
  const exited = new Promise<void>((resolve) => first.child.once('exit', () => resolve()));
  await mapLimit(
    Array.from({ length: 1000 }, (_, i) => i),
    20,
    async (i) => {
      if (killed) return;
      try {
        const res: any = await sdk1.db.collection(c).add({ data: { i, payload: `item-${i}-${'x'.repeat(200)}` } });
        // Any answer that arrived was acknowledged by the server, even one that lands after the kill.
        acknowledged.push(res._id);
        if (acknowledged.length >= 300 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      } catch {
        // requests in flight when the process dies fail; they were never acknowledged
      }
    },
  );
  expect(killed).toBe(true);
  await exited;
  expect(acknowledged.length).toBeGreaterThanOrEqual(300);

  const second = await startLocalCloud({ data: dataDir });
  started.push(second);
  const sdk2 = freshSdk(second.serviceUrl);
  const missing: string[] = [];
  await mapLimit(acknowledged, 20, async (id) => {
    try {
      const got: any = await sdk2.db.collection(c).doc(id).get();
      if (!got.data || got.data._id !== id) missing.push(id);
    } catch {
      missing.push(id);
    }
  });
  expect(missing).toEqual([]);

  // Healthy: count covers at least the acknowledged documents, a new insert works and is counted.
  const before: any = await sdk2.db.collection(c).count();
  expect(before.total).toBeGreaterThanOrEqual(acknowledged.length);
  expect(before.total).toBeLessThanOrEqual(1000);
  const added: any = await sdk2.db.collection(c).add({ data: { after: 'restart' } });
  expect(typeof added._id).toBe('string');
  const after: any = await sdk2.db.collection(c).count();
  expect(after.total).toBe(before.total + 1);
  const back: any = await sdk2.db.collection(c).doc(added._id).get();
  expect(back.data.after).toBe('restart');
});

test('data written before a clean stop is there after restart (collections, updates, removes)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-durability-clean-'));
  try {
    const a = await startLocalCloud({ data: dir });
    started.push(a);
    const s1 = freshSdk(a.serviceUrl);
    const c = uniqueName('dur_clean');
    await s1.db.createCollection(c);
    await s1.db.collection(c).add({
      data: [
        { _id: 'k', v: 1 },
        { _id: 'gone', v: 0 },
        { _id: 'when', at: new Date('2024-01-02T03:04:05Z') },
      ] as any,
    });
    await s1.db
      .collection(c)
      .doc('k')
      .update({ data: { v: 2 } });
    await s1.db.collection(c).doc('gone').remove();
    await a.stop();

    const b = await startLocalCloud({ data: dir });
    started.push(b);
    const s2 = freshSdk(b.serviceUrl);
    expect(((await s2.db.collection(c).doc('k').get()) as any).data.v).toBe(2);
    await expect(s2.db.collection(c).doc('gone').get()).rejects.toBeTruthy();
    const when: any = await s2.db.collection(c).doc('when').get();
    expect(when.data.at).toBeInstanceOf(Date);
    expect(when.data.at.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    // The collection itself persisted: creating it again is an error, as in the real cloud.
    await expect(s2.db.createCollection(c)).rejects.toBeTruthy();
    await b.stop();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an in-memory store (--memory) starts empty each time', async () => {
  const a = await startLocalCloud();
  started.push(a);
  const s1 = freshSdk(a.serviceUrl);
  const c = uniqueName('dur_mem');
  await s1.db.createCollection(c);
  await s1.db.collection(c).add({ data: { v: 1 } });
  await a.stop();
  const b = await startLocalCloud();
  started.push(b);
  const s2 = freshSdk(b.serviceUrl);
  await expect(s2.db.collection(c).count()).rejects.toBeTruthy();
  await b.stop();
});
