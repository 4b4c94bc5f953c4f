/**
 * Makes a one-time setup code for a new environment's first administrator and prints it. The code is valid for
 * 72 hours and once: the first person to enter it in 我的 → 设置首位管理员 becomes administrator. Only its keyed
 * hash (HMAC with the `api` function's ID_HASH_KEY) is stored, in `setup_codes`.
 *
 *   npm run setup-code -- --service-url http://127.0.0.1:PORT/admin      (the local cloud; its ID_HASH_KEY is read
 *                                                                          from config/local-functions.env.json)
 *   ID_HASH_KEY=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run setup-code -- --env <env-id>
 *                                                                         (a WeChat Cloud environment, same SDK)
 *
 * `createSetupCode(db, …)` is exported for tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hashSetupCode, newSetupCode, SETUP_CODE_LIFETIME_MS } from '../cloudfunctions/api/src/modules/setup/code';
import { SETUP_COLLECTIONS } from '../cloudfunctions/api/src/modules/setup/collections';
import { cloudRuntimeEnv } from '../emulator/runtimeEnv';
// Types only (erased at build): the SDK itself is required below, once the cloud env vars are set.
import type * as WxServerSdk from 'wx-server-sdk';

interface CodeDb {
  collection(name: string): { doc(id: string): { set(options: { data: Record<string, unknown> }): unknown } };
}

export interface CreatedSetupCode {
  code: string;
  expiresAt: Date;
}

/** Stores a new code's hash (with its expiry) and returns the code: the only time it is seen. */
export async function createSetupCode(
  db: CodeDb,
  options: { key: string; now?: Date; createdBy?: string },
): Promise<CreatedSetupCode> {
  const now = options.now ?? new Date();
  const code = newSetupCode();
  const expiresAt = new Date(now.getTime() + SETUP_CODE_LIFETIME_MS);
  await db
    .collection(SETUP_COLLECTIONS.setupCodes)
    .doc(hashSetupCode(code, options.key))
    .set({
      data: { createdAt: now, expiresAt, createdBy: options.createdBy ?? 'setup-code script', usedAt: null, usedBy: null },
    });
  return { code, expiresAt };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The key the `api` function hashes with: ID_HASH_KEY from the environment, else the local cloud's. */
function hashKey(local: boolean): string | undefined {
  if (process.env.ID_HASH_KEY) return process.env.ID_HASH_KEY;
  if (!local) return undefined;
  const file = path.join(__dirname, '../config/local-functions.env.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { api?: { ID_HASH_KEY?: string } }).api?.ID_HASH_KEY;
}

function connect(serviceUrl: string | undefined, envId: string | undefined): CodeDb {
  if (serviceUrl) for (const [k, v] of Object.entries(cloudRuntimeEnv(process.env.TCB_ENV ?? 'local-env'))) process.env[k] ??= v;
  const cloud = require('wx-server-sdk') as typeof WxServerSdk;
  cloud.init({ env: envId ?? process.env.TCB_ENV, ...(serviceUrl ? { serviceUrl } : {}) } as unknown as Parameters<
    typeof cloud.init
  >[0]);
  return cloud.database() as unknown as CodeDb;
}

if (require.main === module) {
  const serviceUrl = argValue('--service-url') ?? process.env.LOCAL_CLOUD_SERVICE_URL;
  const envId = argValue('--env');
  if (!serviceUrl && !envId) {
    console.error('usage: npm run setup-code -- --service-url http://127.0.0.1:PORT/admin   (or --env <env-id>)');
    process.exit(2);
  }
  const key = hashKey(Boolean(serviceUrl));
  if (!key) {
    console.error("ID_HASH_KEY is not set: use the value of the api function's ID_HASH_KEY variable");
    process.exit(2);
  }
  createSetupCode(connect(serviceUrl, envId), { key, createdBy: argValue('--by') ?? 'setup-code script' }).then(
    ({ code, expiresAt }) => {
      console.log(`一次性设置码 / one-time setup code: ${code}`);
      console.log(`有效期至 / valid until: ${expiresAt.toISOString()} (72 h, one use)`);
      console.log('在小程序「我的 → 设置首位管理员」中输入，输入者即成为管理员。');
      process.exit(0);
    },
    (error: unknown) => {
      console.error('setup code not created:', (error as Error).message);
      process.exit(1);
    },
  );
}
