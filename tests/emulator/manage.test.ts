/**
 * Contract: the local cloud's management endpoints (emulator/routes/manage.ts) — WeChat's server API for
 * collections and indexes in its request shape and answers, and the local function/trigger/rules endpoints a
 * deploy uses. An empty, durable local cloud restarted keeps what was deployed onto it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_APP_ID, LOCAL_APP_SECRET } from '../../emulator/routes/manage';
import { connectSdk, ROOT, startLocalCloud, TEST_ENV_ID, type LocalCloud } from '../support/localCloud';

async function tokenOf(cloud: LocalCloud): Promise<string> {
  const url = `${cloud.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=${LOCAL_APP_ID}&secret=${LOCAL_APP_SECRET}`;
  const answer = (await (await fetch(url)).json()) as { access_token: string; expires_in: number };
  expect(answer.expires_in).toBe(7200);
  return answer.access_token;
}

function client(cloud: LocalCloud, token: string) {
  return async (api: string, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const res = await fetch(`${cloud.baseUrl}/${api}?access_token=${token}`, {
      method: 'POST',
      body: JSON.stringify({ env: TEST_ENV_ID, ...body }),
    });
    expect(res.status).toBe(200); // WeChat answers refusals with 200 and an errcode
    return (await res.json()) as Record<string, unknown>;
  };
}

describe('management endpoints on an empty local cloud', () => {
  let cloud: LocalCloud;
  let call: ReturnType<typeof client>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'manage-'));

  beforeAll(async () => {
    cloud = await startLocalCloud({ data: dataDir, extraArgs: ['--empty'] });
    call = client(cloud, await tokenOf(cloud));
  }, 60_000);
  afterAll(async () => {
    await cloud?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('create a collection once; refuse another environment and a malformed body', async () => {
    expect(await call('tcb/databasecollectionadd', { collection_name: 'people' })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await call('tcb/databasecollectionadd', { collection_name: 'people' })).toMatchObject({
      errcode: -1,
      errmsg: expect.stringContaining('DATABASE_COLLECTION_ALREADY_EXIST'),
    });
    expect(await call('tcb/databasecollectionadd', { env: 'other-env', collection_name: 'x' })).toMatchObject({ errcode: -1 });
    expect(await call('tcb/databasecollectionadd', {})).toMatchObject({ errcode: 40101 });
    const list = await call('tcb/databasecollectionget', {});
    expect(list).toMatchObject({
      collections: [{ name: 'people', count: 0, index_count: 1 }],
      pager: { Offset: 0, Limit: 10, Total: 1 },
    });
  });

  it('updateindex: creates (enforced at once), refuses a duplicate name, drops', async () => {
    const unique = { name: 'idNo_unique', unique: true, keys: [{ name: 'idNo', direction: '1' }] };
    expect(await call('tcb/updateindex', { collection_name: 'people', create_indexes: [unique], drop_indexes: [] })).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    const { db } = connectSdk(cloud.serviceUrl);
    await db.collection('people').add({ data: { idNo: 'A1' } });
    await expect(db.collection('people').add({ data: { idNo: 'A1' } })).rejects.toThrow(/E11000|duplicate/i);

    expect(
      await call('tcb/updateindex', { collection_name: 'people', create_indexes: [unique], drop_indexes: [] }),
    ).toMatchObject({
      errcode: -1,
      errmsg: expect.stringContaining('already exists'),
    });
    const badDirection = { name: 'x', unique: false, keys: [{ name: 'x', direction: 'up' }] };
    expect(
      await call('tcb/updateindex', { collection_name: 'people', create_indexes: [badDirection], drop_indexes: [] }),
    ).toMatchObject({
      errcode: 40097,
    });

    expect(
      await call('tcb/updateindex', { collection_name: 'people', create_indexes: [], drop_indexes: [{ name: 'idNo_unique' }] }),
    ).toMatchObject({
      errcode: 0,
    });
    await db.collection('people').add({ data: { idNo: 'A1' } }); // no longer unique
    expect(await db.collection('people').where({ idNo: 'A1' }).count()).toMatchObject({ total: 2 });
  });

  it('deploys a function with its config and trigger, and rules; all kept across a restart', async () => {
    expect(
      await call('_emu/manage/uploadfunction', { name: 'cron', bundle_dir: path.join(ROOT, 'cloudfunctions/cron') }),
    ).toMatchObject({
      errcode: 0,
    });
    expect(
      await call('_emu/manage/updatefunctionconfig', {
        name: 'cron',
        runtime: 'Nodejs16.13',
        timeout: 60,
        memory_size: 300,
        env_variables: {},
      }),
    ).toMatchObject({ errcode: 40097 }); // not a size WeChat offers
    expect(
      await call('_emu/manage/updatefunctionconfig', {
        name: 'cron',
        runtime: 'Nodejs16.13',
        timeout: 60,
        memory_size: 256,
        env_variables: { ID_HASH_KEY: 'k1' },
      }),
    ).toMatchObject({ errcode: 0 });
    expect(
      await call('_emu/manage/updatetriggers', { name: 'cron', triggers: [{ name: 't', type: 'timer', config: '* * *' }] }),
    ).toMatchObject({
      errcode: 40097,
    });
    const trigger = { name: 'every10min', type: 'timer', config: '0 */10 * * * * *' };
    expect(await call('_emu/manage/updatetriggers', { name: 'cron', triggers: [trigger] })).toMatchObject({ errcode: 0 });
    expect(await call('_emu/manage/setsecurityrules', { functions: { cron: { invoke: false } } })).toMatchObject({
      errcode: 40097,
    });
    const rules = { '*': { invoke: 'auth != null' }, cron: { invoke: false } };
    expect(await call('_emu/manage/setsecurityrules', { functions: rules })).toMatchObject({ errcode: 0 });

    await cloud.stop();
    cloud = await startLocalCloud({ data: dataDir, extraArgs: ['--empty'] });
    call = client(cloud, await tokenOf(cloud));
    const described = await call('_emu/manage/describe', {});
    expect(described).toMatchObject({
      collections: [{ name: 'people', indexes: [] }],
      functions: [
        {
          name: 'cron',
          runtime: 'Nodejs16.13',
          timeout: 60,
          memory_size: 256,
          env_variables: { ID_HASH_KEY: 'k1' },
          triggers: [trigger],
          permissions: { openapi: ['subscribeMessage.send'] },
        },
      ],
      security: { functions: rules },
    });
    const refused = await fetch(`${cloud.baseUrl}/fn/cron`, {
      method: 'POST',
      body: JSON.stringify({ openid: 'o-x', data: {} }),
    });
    expect(refused.status).toBe(403);
    const fired = await fetch(`${cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
    expect(((await fired.json()) as { result: { ok: boolean } }).result.ok).toBe(true);
  }, 120_000);
});

describe('management endpoints on a local cloud that runs the project folder', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startLocalCloud();
  }, 60_000);
  afterAll(() => cloud?.stop());

  it('refuse to deploy functions over the project files, and still answer the database API', async () => {
    const call = client(cloud, await tokenOf(cloud));
    const before = fs.readFileSync(path.join(ROOT, 'cloudfunctions/api/config.json'), 'utf8');
    expect(
      await call('_emu/manage/uploadfunction', { name: 'api', bundle_dir: path.join(ROOT, 'cloudfunctions/api') }),
    ).toMatchObject({
      errcode: -1,
      errmsg: expect.stringContaining('--empty'),
    });
    expect(fs.readFileSync(path.join(ROOT, 'cloudfunctions/api/config.json'), 'utf8')).toBe(before);
    const list = (await call('tcb/databasecollectionget', { limit: 1000 })) as { collections: Array<{ name: string }> };
    expect(list.collections.map((c) => c.name)).toContain('members');
  });
});
