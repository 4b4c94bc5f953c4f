/**
 * Test scenarios: one local cloud per test file (`useCloud`), and small builders that set up only what a
 * test needs — an org, a member, an applicant, a staffer — written exactly as the `api` function stores
 * them (cloudfunctions/api/fixtures/people.ts), plus `expectStored` to assert on what ended up in the database.
 */
import type { ActionName, ApiContract } from '../../cloudfunctions/api/src/contract';
import type { DemoOrg } from '../../cloudfunctions/api/fixtures/demoKit';
import { makeIdNumber } from '../../cloudfunctions/api/src/rules/idNumber';
import { applicationIdOf, idHashOf, putApplicant, putMember } from '../../cloudfunctions/api/fixtures/people';
import { callApi, callOk, storeReader, type ApiEnvelope } from './api';
import { connectSdk, START_LIMIT_MS, startLocalCloud, type LocalCloud } from './localCloud';
import { seedDemoBatched } from './seed';

export interface TestCloud {
  cloud: LocalCloud;
  store: ReturnType<typeof storeReader>;
  /** Calls an action as `openid`; returns the envelope (input is `unknown` so tests can send junk). */
  call<A extends ActionName>(
    openid: string,
    action: A,
    input: ApiContract[A]['input'] | unknown,
  ): Promise<ApiEnvelope<ApiContract[A]['output']>>;
  /** Calls an action as `openid`; returns its data or fails the test with the error. */
  ok<A extends ActionName>(openid: string, action: A, input: ApiContract[A]['input']): Promise<ApiContract[A]['output']>;
}

/**
 * Registers beforeAll/afterAll for a test file: a local cloud in memory, started by its own CLI, with the
 * demo data (`demo: true`, the default) or empty (builders set up the rest); `args`: further CLI options
 * (docs/local-cloud.md), e.g. `['--lock-wait-ms', '300']`.
 */
export function useCloud(options: { demo?: boolean; args?: string[] } = {}): TestCloud {
  const t = {} as TestCloud;
  beforeAll(async () => {
    t.cloud = await startLocalCloud({ extraArgs: options.args });
    if (options.demo !== false) await seedDemoBatched(connectSdk(t.cloud.serviceUrl).db);
    t.store = storeReader(t.cloud.serviceUrl);
    t.call = (openid, action, input) => callApi(t.cloud.baseUrl, openid, action, input);
    t.ok = (openid, action, input) => callOk(t.cloud.baseUrl, openid, action, input);
  }, START_LIMIT_MS + 60_000); // the start, then writing the demo data
  afterAll(() => t.cloud?.stop());
  return t;
}

/** A call of an authority matrix: the action, its input, and the answer expected ('ok' or an error code). */
export type MatrixCall = readonly [action: string, input: unknown, expected: string];

/** What each call answered for `who`, as [action, 'ok' | error code]. */
export async function answersOf(t: TestCloud, who: string, calls: readonly MatrixCall[]): Promise<Array<[string, string]>> {
  const got: Array<[string, string]> = [];
  for (const [action, input] of calls) {
    const r = await t.call(who, action as ActionName, input);
    got.push([action, r.ok ? 'ok' : r.error.code]);
  }
  return got;
}

/**
 * An authority matrix: every caller of each row gets exactly the expected answer to each call of that row, and
 * nothing of `collections` changed (read before and after).
 */
export async function expectMatrix(
  t: TestCloud,
  rows: ReadonlyArray<readonly [callers: readonly string[], calls: readonly MatrixCall[]]>,
  collections: readonly string[],
): Promise<void> {
  const before = await t.store.snapshot(collections);
  for (const [callers, calls] of rows) {
    for (const who of callers) expect(await answersOf(t, who, calls)).toEqual(calls.map(([a, , c]) => [a, c]));
  }
  expect(await t.store.snapshot(collections)).toEqual(before);
}

let counter = 0;
function next(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid.toString(36)}-${counter}`;
}

async function put(t: TestCloud, collection: string, id: string, data: Record<string, unknown>): Promise<void> {
  await t.store.db.collection(collection).doc(id).set({ data });
}

async function orgById(t: TestCloud, id: string): Promise<DemoOrg> {
  const org = await t.store.byId<DemoOrg>('orgs', id);
  if (!org) throw new Error(`no org ${id}: create it with givenOrg first`);
  return org;
}

/** An org under `parentId` (or a root). Grassroots unless told otherwise. */
export async function givenOrg(
  t: TestCloud,
  o: { id?: string; name?: string; parentId?: string | null; kind?: DemoOrg['kind']; acceptsNewEmployment?: boolean } = {},
): Promise<DemoOrg> {
  const id = o.id ?? next('org');
  const parent = o.parentId ? await orgById(t, o.parentId) : null;
  const org: DemoOrg = {
    _id: id,
    name: o.name ?? `测试工会${counter}`,
    parentId: parent?._id ?? null,
    kind: o.kind ?? (parent ? 'grassroots' : 'city'),
    acceptsNewEmployment: o.acceptsNewEmployment ?? false,
    path: [...(parent?.path ?? []), id],
    sort: counter,
  };
  const { _id, ...fields } = org;
  await put(t, 'orgs', _id, fields);
  return org;
}

let idSequence = 500;
/** A fresh, checksum-valid fictional ID number (birth date and sex digit adjustable). */
export function idNumberFor(birth = '19900307', male = true): string {
  idSequence = (idSequence + 2) % 1000;
  const seq = String(idSequence + (male ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  return makeIdNumber('320404', birth, seq);
}

export interface GivenPerson {
  openid: string;
  name: string;
  idNumber: string;
  mobile: string;
  orgId: string;
}

function person(o: Partial<GivenPerson> & { orgId: string }): GivenPerson {
  return {
    openid: o.openid ?? next('u'),
    name: o.name ?? '测试会员',
    idNumber: o.idNumber ?? idNumberFor(),
    mobile: o.mobile ?? `139${String(10_000_000 + counter).slice(-8)}`,
    orgId: o.orgId,
  };
}

/** An active member with a card in `orgId` (account, approved application, ID registry entry, member). */
export async function givenMember(
  t: TestCloud,
  o: Partial<GivenPerson> & { orgId: string; cardNo?: string; status?: 'active' | 'suspended'; gender?: 'M' | 'F' },
): Promise<GivenPerson & { cardNo: string; applicationId: string; idHash: string }> {
  const p = person(o);
  const cardNo = o.cardNo ?? `CZT${String(counter).padStart(9, '0')}`;
  const org = await orgById(t, p.orgId);
  await putMember(
    (c, id, d) => put(t, c, id, d),
    { ...p, workUnit: '测试单位', cardNo, memberSince: new Date(), status: o.status, gender: o.gender },
    org,
  );
  return { ...p, cardNo, applicationId: applicationIdOf(p.openid), idHash: idHashOf(p.idNumber) };
}

/** A pending membership application in `orgId` (account, application, ID claim). */
export async function givenApplicant(
  t: TestCloud,
  o: Partial<GivenPerson> & { orgId: string },
): Promise<GivenPerson & { applicationId: string; idHash: string }> {
  const p = person(o);
  const org = await orgById(t, p.orgId);
  await putApplicant((c, id, d) => put(t, c, id, d), { ...p, workUnit: '测试单位', submittedAt: new Date() }, org);
  return { ...p, applicationId: applicationIdOf(p.openid), idHash: idHashOf(p.idNumber) };
}

/** A role grant (staff of an org subtree unless told otherwise); returns the staffer's openid. */
export async function givenStaff(
  t: TestCloud,
  o: { openid?: string; orgId?: string; role?: 'staff' | 'merchant' | 'lawyer' | 'counsellor' | 'admin'; scopeId?: string } = {},
): Promise<string> {
  const openid = o.openid ?? next('staff');
  const role = o.role ?? 'staff';
  const scopeId = role === 'admin' ? null : (o.scopeId ?? o.orgId ?? null);
  await put(t, 'roles', `${openid}:${role}:${scopeId ?? '*'}`, {
    openid,
    role,
    scopeId,
    grantedAt: new Date(),
    grantedBy: 'test',
  });
  return openid;
}

/** Asserts on stored documents: by _id (matching fields), or every document matching `where` (as a list). */
export async function expectStored(
  t: TestCloud,
  collection: string,
  idOrWhere: string | Record<string, unknown>,
  expected: unknown,
): Promise<void> {
  if (typeof idOrWhere === 'string') {
    const doc = await t.store.byId(collection, idOrWhere);
    if (expected === null) expect(doc).toBeNull();
    else expect(doc).toMatchObject(expected as Record<string, unknown>);
    return;
  }
  expect(await t.store.all(collection, idOrWhere)).toEqual(expected);
}
