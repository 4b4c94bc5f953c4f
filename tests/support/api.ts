/**
 * Helpers for integration tests of the `api` cloud function: call actions over the local cloud's
 * function host (as the app does in H5) and read what got stored through the real wx-server-sdk.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ActionName, ApiContract } from '../../cloudfunctions/api/src/contract';
import { makeIdNumber } from '../../cloudfunctions/api/src/rules/idNumber';
import { PRIVACY_POLICY_VERSION } from '../../cloudfunctions/api/src/rules/membership';
import { connectSdk, ROOT, startLocalCloud, type LocalCloud } from './localCloud';
import { seedDemoBatched } from './seed';

export type ApiEnvelope<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

export const API_BUNDLE = path.join(ROOT, 'cloudfunctions/api/index.js');

export function apiBundleExists(): boolean {
  return existsSync(API_BUNDLE);
}

/** POST {baseUrl}/fn/api as `openid`; returns the function's envelope. Input is `unknown` so tests can send junk. */
export async function callApi<A extends ActionName>(
  baseUrl: string,
  openid: string,
  action: A,
  input: ApiContract[A]['input'] | unknown,
): Promise<ApiEnvelope<ApiContract[A]['output']>> {
  const res = await fetch(`${baseUrl}/fn/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, data: { action, input } }),
  });
  const body = (await res.json()) as { result?: unknown; errMsg?: string };
  if (res.status !== 200) throw new Error(`function host answered ${res.status}: ${body.errMsg ?? JSON.stringify(body)}`);
  return body.result as ApiEnvelope<ApiContract[A]['output']>;
}

/** Like callApi but returns data, failing the test with the error when the call did not succeed. */
export async function callOk<A extends ActionName>(
  baseUrl: string,
  openid: string,
  action: A,
  input: ApiContract[A]['input'],
): Promise<ApiContract[A]['output']> {
  const envelope = await callApi(baseUrl, openid, action, input);
  if (!envelope.ok) throw new Error(`${action} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

/** Reads stored records through the real SDK (the same path the function uses). */
export function storeReader(serviceUrl: string) {
  const { db } = connectSdk(serviceUrl);
  return {
    db,
    async all<T = Record<string, unknown>>(collection: string, where: Record<string, unknown> = {}): Promise<T[]> {
      const res = (await db.collection(collection).where(where).limit(1000).get()) as unknown as { data: T[] };
      return res.data;
    },
    async byId<T = Record<string, unknown>>(collection: string, id: string): Promise<T | null> {
      const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as unknown as { data: T[] };
      return res.data[0] ?? null;
    },
    async count(collection: string, where: Record<string, unknown> = {}): Promise<number> {
      const res = (await db.collection(collection).where(where).count()) as unknown as { total: number };
      return res.total;
    },
    /** The store's version (the local cloud's count of committed changes): unchanged means nothing was stored. */
    async version(): Promise<number> {
      const res = await fetch(`${new URL(serviceUrl).origin}/_emu/db/version`);
      return ((await res.json()) as { version: number }).version;
    },
    /** Every document of the listed collections (by _id), to assert that a rejected call wrote nothing. */
    async snapshot(collections: readonly string[]): Promise<Record<string, Array<Record<string, unknown>>>> {
      // Eight collections at a time: a round trip's wait per eight, not per collection (all 43 at once made
      // single reads queue past the SDK's slow-request warning on a busy machine, closer to its 15 s timeout).
      const contents: Record<string, Array<Record<string, unknown>>> = {};
      for (let i = 0; i < collections.length; i += 8) {
        const names = collections.slice(i, i + 8);
        const read = await Promise.all(names.map((name) => this.all<Record<string, unknown>>(name)));
        names.forEach((name, j) => {
          contents[name] = read[j].sort((a, b) => String(a._id).localeCompare(String(b._id)));
        });
      }
      return contents;
    },
  };
}

let sequence = 100;
/** A fresh, checksum-valid fictional ID number (born 1990, Changzhou Wujin region code). */
export function freshIdNumber(): string {
  sequence += 1;
  return makeIdNumber('320412', '19900307', String(sequence).padStart(3, '0').slice(-3));
}

/** A valid membership.apply input for tests. */
export function applyInput(
  overrides: Partial<ApiContract['membership.apply']['input']> = {},
): ApiContract['membership.apply']['input'] {
  return {
    name: '李明华',
    idNumber: freshIdNumber(),
    mobile: '13812345678',
    workUnit: '常州湖塘精密机械有限公司',
    orgId: 'org-cz-wujin-g1',
    channel: 'employer',
    privacyConsent: PRIVACY_POLICY_VERSION,
    ...overrides,
  };
}

/** A local cloud (in memory) with the demo data seeded, and a reader of what it stores. */
export async function startSeededCloud(): Promise<{ cloud: LocalCloud; store: ReturnType<typeof storeReader> }> {
  const cloud = await startLocalCloud();
  await seedDemoBatched(connectSdk(cloud.serviceUrl).db);
  return { cloud, store: storeReader(cloud.serviceUrl) };
}
