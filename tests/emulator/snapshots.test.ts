/**
 * Contract: the local cloud's test endpoint /_emu/snapshots remembers the database and puts it back (a forced-order
 * test builds its starting state once and restores it before each pause point). What comes back must be exactly
 * what was there: documents, removed documents, indexes and unique keys. A restore is one more commit (each
 * document put back takes a new version) and is refused while a transaction is open. Not part of WeChat Cloud.
 */
import { storeReader } from '../support/api';
import { restoreDb, snapshotDb } from '../support/interleave';
import { newCollection, startHarness, type Harness, type Sdk } from './helpers';

jest.setTimeout(60000);

let h: Harness;
let sdk: Sdk;
let baseUrl: string;
let store: ReturnType<typeof storeReader>;

beforeAll(async () => {
  h = await startHarness({ extraArgs: ['--collections', 'tests/emulator/index-collections.json'] });
  sdk = h.sdk;
  baseUrl = h.cloudProc.baseUrl;
  store = storeReader(h.cloudProc.serviceUrl);
});

afterAll(async () => {
  await h?.stop();
});

async function everything(name: string): Promise<unknown[]> {
  const { data } = await sdk.db.collection(name).orderBy('_id', 'asc').limit(1000).get();
  return data;
}

describe('/_emu/snapshots', () => {
  it('puts back changed, removed and added documents exactly, and the indexes with them', async () => {
    const plain = await newCollection(sdk, 'snap');
    const items = 'idx_items';
    await sdk.db.collection(plain).doc('a').set({ data: { n: 1, nested: { list: [1, 2], at: new Date('2026-01-02T03:04:05Z') } } });
    await sdk.db.collection(plain).doc('b').set({ data: { n: 2 } });
    await sdk.db.collection(items).doc('i1').set({ data: { cat: 'x', label: 'one' } });
    await sdk.db.collection(items).doc('i2').set({ data: { cat: 'y', label: 'two' } });
    const before = { plain: await everything(plain), items: await everything(items) };

    const id = await snapshotDb(baseUrl);
    const _ = sdk.db.command;
    await sdk.db.collection(plain).doc('a').update({ data: { n: _.inc(5), 'nested.list': _.push(3) } });
    await sdk.db.collection(plain).doc('b').remove();
    await sdk.db.collection(plain).doc('c').set({ data: { n: 3 } });
    await sdk.db.collection(items).doc('i1').update({ data: { cat: 'y' } });
    await sdk.db.collection(items).doc('i3').set({ data: { cat: 'x', label: 'three' } });
    const later = await newCollection(sdk, 'snap_later');
    await sdk.db.collection(later).add({ data: { n: 9 } });
    const versionBefore = await store.version();

    await restoreDb(baseUrl, id);

    expect({ plain: await everything(plain), items: await everything(items) }).toEqual(before);
    expect(await everything(later)).toEqual([]);
    // The equality index on `cat` answers from the restored documents (i1 is x again, i3 is gone).
    const xs = await sdk.db.collection(items).where({ cat: 'x' }).get();
    expect(xs.data.map((d: { _id: string }) => d._id)).toEqual(['i1']);
    // One change per document put back: b, c and a in the plain collection, i1 and i3, the later collection's one.
    expect((await store.version()) - versionBefore).toBe(6);
    // Restoring twice in a row changes nothing the second time.
    const again = await fetch(`${baseUrl}/_emu/snapshots/${id}/restore`, { method: 'POST' });
    expect(await again.json()).toEqual({ changed: 0 });
  });

  it('keeps unique keys as they were: a key freed by the restore can be taken, one it gives back cannot', async () => {
    await sdk.db.collection('idx_unique').doc('u1').set({ data: { code: 'K1' } });
    const id = await snapshotDb(baseUrl);
    await sdk.db.collection('idx_unique').doc('u1').remove();
    await sdk.db.collection('idx_unique').doc('u2').set({ data: { code: 'K2' } });
    await restoreDb(baseUrl, id);
    await expect(sdk.db.collection('idx_unique').add({ data: { code: 'K1' } })).rejects.toMatchObject({
      errMsg: expect.stringMatching(/duplicate|DUPLICATE|E11000/i),
    });
    await sdk.db.collection('idx_unique').add({ data: { code: 'K2' } });
    expect((await sdk.db.collection('idx_unique').where({ code: 'K2' }).get()).data).toHaveLength(1);
  });

  it('refuses to restore while a transaction is open, and restores once it has ended', async () => {
    const name = await newCollection(sdk, 'snap_tx');
    await sdk.db.collection(name).doc('d').set({ data: { n: 1 } });
    const id = await snapshotDb(baseUrl);
    await sdk.db.collection(name).doc('d').update({ data: { n: 2 } });

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const tx: any = await sdk.db.startTransaction();
    await tx.collection(name).doc('d').get();
    const refused = await fetch(`${baseUrl}/_emu/snapshots/${id}/restore`, { method: 'POST' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('TRANSACTION_OPEN');
    expect((await sdk.db.collection(name).doc('d').get()).data.n).toBe(2);
    await tx.rollback();

    await restoreDb(baseUrl, id);
    expect((await sdk.db.collection(name).doc('d').get()).data.n).toBe(1);
    const unknown = await fetch(`${baseUrl}/_emu/snapshots/snap-none/restore`, { method: 'POST' });
    expect(unknown.status).toBe(404);
  });
});
