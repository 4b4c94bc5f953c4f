/**
 * Scenario helpers for the enrollment engine and 疗休养: members written straight into the store (as the
 * function stores them, cloudfunctions/api/fixtures/people.ts putMember), a valid trip to save, and reading what ended up stored.
 */
import type { ApiContract } from '../../cloudfunctions/api/src/contract';
import { makeIdNumber } from '../../cloudfunctions/api/src/rules/idNumber';
import { buildDemoOrgs } from '../../scripts/seed-demo';
import { putMember } from '../../cloudfunctions/api/fixtures/people';
import { callApi, callOk, type storeReader } from './api';
import type { LooseDb } from './localCloud';

type Store = ReturnType<typeof storeReader>;
type SaveInput = ApiContract['recuperation.save']['input'];

const ORGS = new Map(buildDemoOrgs().map((o) => [o._id, o]));
const HOUR = 3600_000;

export interface TestMember {
  openid: string;
  orgId?: string;
  name?: string;
  /** 'M' | 'F': chooses the ID number's gender digit. */
  gender?: 'M' | 'F';
  birthYear?: number;
  tags?: string[];
  attended?: Record<string, number>;
  status?: 'active' | 'suspended';
}

let serial = 0;
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';

/** Writes members (account, application, ID registry entry, member record) straight into the store. */
export async function putMembers(db: LooseDb, members: TestMember[], concurrency = 25): Promise<void> {
  const put = async (collection: string, id: string, data: Record<string, unknown>) => {
    await db.collection(collection).doc(id).set({ data });
  };
  const queue = [...members];
  const worker = async () => {
    for (let m = queue.shift(); m; m = queue.shift()) {
      serial += 1;
      const seq = String(100 + (serial % 800)).padStart(3, '0');
      // The 17th digit is odd for men, even for women.
      const sequence = `${seq.slice(0, 2)}${m.gender === 'F' ? '2' : '1'}`;
      const birth = `${m.birthYear ?? 1988}0${1 + (serial % 9)}1${serial % 10}`;
      const org = ORGS.get(m.orgId ?? 'org-cz-wujin-g1')!;
      await putMember(
        put,
        {
          openid: m.openid,
          name: m.name ?? `${SURNAMES[serial % SURNAMES.length]}测${'一二三四五六七八九'[serial % 9]}`,
          idNumber: makeIdNumber('320412', birth, sequence),
          mobile: `139${String(10000000 + serial).slice(-8)}`,
          workUnit: org.name,
          orgId: org._id,
          cardNo: `CZT${String(serial).padStart(9, '0')}`,
          memberSince: new Date('2022-03-01T09:00:00+08:00'),
          status: m.status,
          ...(m.gender ? { gender: m.gender } : {}),
          facts: { tags: m.tags ?? [], attended: m.attended ?? {} },
        },
        org,
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** A valid trip whose sign-up window is open now (starts in three days), with the given changes. */
export function tripInput(overrides: Partial<SaveInput> = {}): SaveInput {
  const now = Date.now();
  const iso = (offset: number) => new Date(now + offset).toISOString();
  return {
    orgId: 'org-cz',
    title: '一线职工疗休养·金坛茅山',
    description: '面向一线职工的四日疗休养活动，含健康体检与康养课程。',
    place: '常州市金坛区茅山风景区',
    startAt: iso(72 * HOUR),
    endAt: iso(144 * HOUR),
    signupStart: iso(-HOUR),
    signupEnd: iso(24 * HOUR),
    capacity: 10,
    mode: 'fcfs',
    review: false,
    waitlist: true,
    claimHours: 24,
    fee: '工会全额补助',
    cancelPolicy: { kind: 'untilSignupEnd' },
    base: '金坛茅山职工疗休养基地',
    everyYears: 0,
    ...overrides,
  };
}

/** Saves and opens a trip as `staff` (default: the city union's staffer); returns its id. */
export async function openTrip(baseUrl: string, overrides: Partial<SaveInput> = {}, staff = 'demo-staff-city'): Promise<string> {
  const trip = await callOk(baseUrl, staff, 'recuperation.save', tripInput(overrides));
  await callOk(baseUrl, staff, 'recuperation.open', { activityId: trip._id });
  return trip._id;
}

export interface StoredEnrollment {
  _id: string;
  openid: string;
  status: string;
  waitRank?: number;
  groups: string[];
  ticket: string;
  rank: number;
  lateCancel?: boolean;
  noShow?: boolean;
  checkedInAt?: unknown;
  offerExpiresAt?: unknown;
  source: string;
  [key: string]: unknown;
}

export async function enrollmentsOf(store: Store, activityId: string): Promise<StoredEnrollment[]> {
  const all: StoredEnrollment[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = (await store.db
      .collection('enrollments')
      .where({ activityId })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(1000)
      .get()) as { data: StoredEnrollment[] };
    all.push(...res.data);
    if (res.data.length < 1000) return all;
  }
}

export interface StoredActivity {
  _id: string;
  seatsLeft: number;
  /** Seat holders by PERSON (the openid part of each per-attempt key); a person holding two seats shows as `openid#2`. */
  holders: Record<string, string[]>;
  /** The holder keys as stored (`openid:attempt`, or a bare openid for records stored before attempt keys). */
  holderKeys: string[];
  groupsLeft: Record<string, number>;
  [key: string]: unknown;
}

/** Holder keys → persons; a second key of one person is kept apart (`openid#2`) so that it fails equality checks. */
export function holdersByPerson(holders: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, groups] of Object.entries(holders ?? {})) {
    const person = key.split(':')[0];
    let name = person;
    for (let n = 2; name in out; n += 1) name = `${person}#${n}`;
    out[name] = groups;
  }
  return out;
}

export async function activityOf(store: Store, activityId: string): Promise<StoredActivity> {
  const stored = (await store.byId<StoredActivity>('activities', activityId))!;
  const holderKeys = Object.keys(stored.holders ?? {});
  return { ...stored, holderKeys, holders: holdersByPerson(stored.holders) };
}

/** Waitlisted enrollments in waitlist order (waitRank, then _id). */
export function waitlistOrder(rows: StoredEnrollment[]): StoredEnrollment[] {
  return rows
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => (a.waitRank ?? 0) - (b.waitRank ?? 0) || (a._id < b._id ? -1 : 1));
}

/** Moves stored dates of an activity (time passing, e.g. the window closing) — the function reads them fresh. */
export async function setActivityFields(store: Store, activityId: string, fields: Record<string, unknown>): Promise<void> {
  await store.db.collection('activities').doc(activityId).update({ data: fields });
}

export async function fireCron(baseUrl: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
  const body = (await res.json()) as { result: { data: { tasks: Record<string, unknown> } } };
  return body.result.data.tasks;
}

export async function outbox(
  baseUrl: string,
): Promise<Array<{ touser: string; templateId: string; data: Record<string, { value: string }> }>> {
  const res = await fetch(`${baseUrl}/_emu/outbox`);
  return (
    (await res.json()) as { messages: Array<{ touser: string; templateId: string; data: Record<string, { value: string }> }> }
  ).messages;
}

/**
 * Starts the function host's instances one at a time (1, 2, … n calls at once: each round adds at most one
 * cold instance), so that a test's burst of concurrent calls meets warm instances instead of several cold
 * starts racing the 10 s timeout on a busy machine. A round that still times out is repeated.
 */
export async function warmInstances(baseUrl: string, n = 8): Promise<void> {
  for (let k = 1; k <= n; k += 1) {
    for (let attempt = 1; ; attempt += 1) {
      const results = await Promise.allSettled(Array.from({ length: k }, () => callApi(baseUrl, 'warm-up', 'org.tree', {})));
      if (results.every((r) => r.status === 'fulfilled') || attempt >= 3) break;
    }
  }
}
