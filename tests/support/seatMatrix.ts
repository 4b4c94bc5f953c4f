/**
 * The seat matrix (issue 17 "no seat given twice"): every state-changing action on one seat of an engine activity
 * (疗休养, 技能竞赛, 单身联谊) against every other that can touch the same seat, the first held before EACH of its
 * database requests in turn (the local cloud's pauses) while the second runs to the end — then what is stored
 * must add up (`seatViolations`).
 *
 * Cost: the starting state is built ONCE per file through the real actions (`buildTemplate`: sign-ups, a unit's
 * confirmation, a review, a cancellation that makes an offer), then each scenario gets its own copy of those
 * documents under a fresh activity id (`cloneFixture`, direct store writes of what the actions stored — the same
 * documents, only the activity id and what is derived from it change). A scenario's activity is retired
 * afterwards (ended, no-shows marked) so the cron of later scenarios has no work on it.
 *
 * Holder keys: today a seat is held under the member's openid; the coming design stores the key on the record
 * (`seatKey`), so the invariant reads `holderKeyOf(e) = e.seatKey ?? e.openid` and holds for both.
 */
import type { ActionName } from '../../cloudfunctions/api/src/contract';
import { ENROLLMENT_COLLECTIONS } from '../../cloudfunctions/api/src/modules/enrollment/collections';
import { callApi, type ApiEnvelope, type storeReader } from './api';
import { eachPausePoint, locks, type Pause, type PauseState } from './interleave';
import { buildDemoOrgs } from '../../scripts/seed-demo';
import type { TestMember } from './trips';

type Store = ReturnType<typeof storeReader>;

export const SEAT_HOLDING = ['pending', 'approved', 'offered'];
const HOUR = 3600_000;

/**
 * Who is who in the starting state ("full", capacity 3 unless the area says otherwise):
 *   A approved (seat) · P pending review (seat) · O offered (seat, the offer made when Q cancelled) ·
 *   Q cancelled · W1, W2 waitlisted in that order · X no record yet.
 */
export const ROLES = ['A', 'P', 'Q', 'O', 'W1', 'W2', 'X'] as const;
export type Role = (typeof ROLES)[number];

/** 'full' (above) · 'expired' (O's offer past its time, for the cron) · 'spare' (one more place, nobody waiting). */
export type Fixture = 'full' | 'expired' | 'spare';

export interface EngineArea {
  /** For openids and messages. */
  key: string;
  people: Record<Role, Omit<TestMember, 'openid'>>;
  signUpAction: ActionName;
  signUpInput(activityId: string): unknown;
  /** Saves and opens an activity with review, a waitlist, a 24 h claim window, and the area's seats; returns its id. */
  open(baseUrl: string, organiser: string): Promise<string>;
  /** Before a member signs up for the first time (e.g. a 单身联谊 profile). */
  prepare?(baseUrl: string, openid: string): Promise<void>;
  /** Area data derived from the activity id, for a copied record. */
  cloneExtra?(
    extra: Record<string, unknown> | undefined,
    activityId: string,
    openid: string,
  ): Record<string, unknown> | undefined;
  /** How staff take an approved place away: an upheld 公示 objection, or an upheld 单身联谊 report. */
  removal: 'objection' | 'report';
  /** The activity takes nominations (enrollment.nominate). */
  nomination: boolean;
  /** 单位推荐: the member's union confirms before review (the template confirms A and P). */
  unitConfirm: boolean;
}

/** Staff used by the matrix: the organiser side (scope org-cz) and the units' side (scope org-cz-wujin), one per side. */
export const STAFF = { A: 'matrix-staff-a', B: 'matrix-staff-b' } as const;
export const UNIT_STAFF = { A: 'matrix-unit-a', B: 'matrix-unit-b' } as const;
export type Side = 'A' | 'B';

/** The union tree and the matrix's staff (a store without the demo data: the cron has nothing else to do). */
export async function putMatrixStaff(store: Store): Promise<void> {
  for (const { _id, ...org } of buildDemoOrgs()) await store.db.collection('orgs').doc(_id).set({ data: org });
  const grants: Array<[string, string]> = [
    [STAFF.A, 'org-cz'],
    [STAFF.B, 'org-cz'],
    [UNIT_STAFF.A, 'org-cz-wujin'],
    [UNIT_STAFF.B, 'org-cz-wujin'],
  ];
  for (const [openid, scopeId] of grants) {
    await store.db
      .collection('roles')
      .doc(`${openid}:staff:${scopeId}`)
      .set({ data: { openid, role: 'staff', scopeId, grantedAt: new Date(), grantedBy: 'test' } });
  }
}

export function openidOf(area: EngineArea, role: Role): string {
  return `${area.key}-${role}`;
}

export function membersOf(area: EngineArea): TestMember[] {
  return ROLES.map((role) => ({ ...area.people[role], openid: openidOf(area, role) }));
}

export interface StoredRecord {
  _id: string;
  openid: string;
  status: string;
  groups?: string[];
  seatKey?: string;
  [key: string]: unknown;
}

interface StoredActivityDoc {
  _id: string;
  capacity: number;
  seatsLeft: number;
  holders: Record<string, string[]>;
  groupsLeft?: Record<string, number>;
  quotas?: Array<{ group: string; seats: number }>;
  unitCap?: number;
  [key: string]: unknown;
}

/** The key a record holds its seat under in the activity's `holders`: `seatKey` once stored, the openid before. */
export function holderKeyOf(e: Pick<StoredRecord, 'seatKey' | 'openid'>): string {
  return e.seatKey ?? e.openid;
}

async function ok<T>(p: Promise<ApiEnvelope<T>>, what: string): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

export interface Template {
  activity: StoredActivityDoc;
  records: StoredRecord[];
}

/** The starting state, built once through the real actions (see ROLES). */
export async function buildTemplate(baseUrl: string, store: Store, area: EngineArea): Promise<Template> {
  const id = (role: Role) => openidOf(area, role);
  if (area.prepare) for (const role of ROLES) await area.prepare(baseUrl, id(role));
  const activityId = await area.open(baseUrl, STAFF.A);
  for (const role of ['A', 'P', 'Q', 'O', 'W1', 'W2'] as const) {
    await ok(callApi(baseUrl, id(role), area.signUpAction, area.signUpInput(activityId)), `${role} signs up`);
  }
  const eid = (role: Role) => `${activityId}_${id(role)}`;
  if (area.unitConfirm) {
    await ok(
      callApi(baseUrl, UNIT_STAFF.A, 'enrollment.unitConfirm', {
        activityId,
        enrollmentIds: [eid('A'), eid('P')],
        decision: 'confirm',
      }),
      'the unit confirms A and P',
    );
  }
  const review = await ok(
    callApi(baseUrl, STAFF.A, 'enrollment.review', { activityId, enrollmentIds: [eid('A')], decision: 'approve' }),
    'A approved',
  );
  if (review.failed.length) throw new Error(`A not approved: ${JSON.stringify(review.failed)}`);
  await ok(callApi(baseUrl, id('Q'), 'enrollment.cancel', { enrollmentId: eid('Q') }), 'Q cancels');
  const activity = (await store.byId<StoredActivityDoc>('activities', activityId))!;
  const records = await store.all<StoredRecord>('enrollments', { activityId });
  const status = Object.fromEntries(records.map((r) => [r.openid, r.status]));
  const expected = { A: 'approved', P: 'pending', Q: 'cancelled', O: 'offered', W1: 'waitlisted', W2: 'waitlisted' };
  for (const [role, s] of Object.entries(expected)) {
    if (status[id(role as Role)] !== s) throw new Error(`template: ${role} is ${status[id(role as Role)]}, expected ${s}`);
  }
  await retire(store, activityId);
  return { activity, records };
}

/** Ends an activity (and marks its no-shows done) so that the cron leaves it alone from now on. */
export async function retire(store: Store, activityId: string): Promise<void> {
  const past = new Date(Date.now() - HOUR);
  await store.db
    .collection('activities')
    .doc(activityId)
    .update({ data: { startAt: past, endAt: past, noShowsMarkedAt: new Date() } });
}

let serial = 0;

export interface Scenario {
  baseUrl: string;
  store: Store;
  area: EngineArea;
  activityId: string;
  openid(role: Role): string;
  enrollmentId(role: Role): string;
  /** The 公示 objection / 单身联谊 report against A, for the removal move. */
  removalId: string;
}

/** A fresh copy of the template under a new activity id. */
export async function cloneFixture(
  baseUrl: string,
  store: Store,
  area: EngineArea,
  template: Template,
  fixture: Fixture,
): Promise<Scenario> {
  serial += 1;
  const activityId = `AM${area.key.replace(/[^A-Za-z0-9]/g, '')}${process.pid.toString(36)}x${serial}`;
  const { _id: _templateId, ...activity } = template.activity;
  const doc = { ...activity, holders: { ...activity.holders }, groupsLeft: { ...activity.groupsLeft } } as Omit<
    StoredActivityDoc,
    '_id'
  > &
    Pick<StoredActivityDoc, 'capacity' | 'seatsLeft' | 'quotas' | 'groupsLeft'>;
  let records = template.records;
  if (fixture === 'spare') {
    // One more place and nobody waiting (a free place with a waitlist is what the cron's fillFreeSeats repairs).
    records = records.filter((r) => r.status !== 'waitlisted');
    doc.capacity += 1;
    doc.seatsLeft += 1;
    doc.quotas = (doc.quotas ?? []).map((q) => ({ ...q, seats: q.seats + 1 }));
    for (const q of doc.quotas) if (doc.groupsLeft![q.group] !== undefined) doc.groupsLeft![q.group] += 1;
  }
  await store.db.collection('activities').doc(activityId).set({ data: doc });
  const openidOfRole = (role: Role) => openidOf(area, role);
  const removalId = `${activityId}_removal`;
  await Promise.all([
    ...records.map((r) => {
      const { _id, ...rest } = r;
      const data: Record<string, unknown> = { ...rest, activityId };
      const extra = area.cloneExtra?.(r.extra as Record<string, unknown> | undefined, activityId, r.openid);
      if (extra) data.extra = extra;
      if (fixture === 'expired' && r.status === 'offered') data.offerExpiresAt = new Date(Date.now() - 60_000);
      return store.db.collection('enrollments').doc(`${activityId}_${r.openid}`).set({ data });
    }),
    putRemoval(store, area, activityId, removalId, template, openidOfRole),
  ]);
  return {
    baseUrl,
    store,
    area,
    activityId,
    openid: openidOfRole,
    enrollmentId: (role) => `${activityId}_${openidOfRole(role)}`,
    removalId,
  };
}

/** What `enrollment.object` / `matchmaking.report` store: an open objection (report) against A, raised by W2. */
async function putRemoval(
  store: Store,
  area: EngineArea,
  activityId: string,
  id: string,
  template: Template,
  openid: (role: Role) => string,
): Promise<void> {
  const a = template.records.find((r) => r.openid === openid('A'))!;
  const data =
    area.removal === 'objection'
      ? {
          activityId,
          enrollmentId: `${activityId}_${a.openid}`,
          ticket: a.ticket,
          openid: openid('W2'),
          reason: '该职工不符合本活动的参加条件，请核实。',
          status: 'open',
          createdAt: new Date(),
        }
      : {
          activityId,
          reporter: openid('W2'),
          reported: a.openid,
          reportedEnrollmentId: `${activityId}_${a.openid}`,
          category: 'fake',
          detail: '资料与本人情况明显不符。',
          status: 'open',
          createdAt: new Date(),
        };
  await store.db
    .collection(area.removal === 'objection' ? 'enrollment_objections' : 'matchmaking_reports')
    .doc(id)
    .set({ data });
}

/** Every way what is stored fails to add up for one activity (empty: consistent). */
export async function seatViolations(store: Store, activityId: string): Promise<string[]> {
  const out: string[] = [];
  const activity = (await store.byId<StoredActivityDoc>('activities', activityId))!;
  const rows = await store.all<StoredRecord>('enrollments', { activityId });
  const holding = rows.filter((r) => SEAT_HOLDING.includes(r.status));
  const heldKeys = Object.keys(activity.holders ?? {}).sort();
  const recordKeys = holding.map(holderKeyOf).sort();
  const short = (k: string) => k.replace(/^.*-/, '');
  if (heldKeys.join() !== recordKeys.join()) {
    out.push(`holders [${heldKeys.map(short)}] ≠ seat-holding records [${holding.map((r) => `${short(r.openid)}:${r.status}`)}]`);
  }
  if (activity.seatsLeft !== activity.capacity - heldKeys.length)
    out.push(`seatsLeft ${activity.seatsLeft} ≠ capacity ${activity.capacity} − ${heldKeys.length} holders`);
  if (heldKeys.length > activity.capacity) out.push(`${heldKeys.length} holders for ${activity.capacity} places`);
  if (holding.length > activity.capacity) out.push(`${holding.length} records hold a place, ${activity.capacity} places`);
  if (activity.seatsLeft < 0) out.push(`seatsLeft ${activity.seatsLeft}`);
  for (const r of holding) {
    const groups = activity.holders?.[holderKeyOf(r)];
    if (groups && [...groups].sort().join() !== [...(r.groups ?? [])].sort().join())
      out.push(`${short(r.openid)} holds groups [${groups}] but counts against [${r.groups}]`);
  }
  const used = new Map<string, number>();
  for (const groups of Object.values(activity.holders ?? {})) for (const g of groups) used.set(g, (used.get(g) ?? 0) + 1);
  const groupsLeft = activity.groupsLeft ?? {};
  for (const g of new Set([...Object.keys(groupsLeft), ...used.keys()])) {
    const quota = activity.quotas?.find((q) => q.group === g)?.seats ?? activity.unitCap;
    const left = groupsLeft[g];
    if (left === undefined || quota === undefined) {
      out.push(`group ${g}: ${used.get(g) ?? 0} holders, no quota stored`);
      continue;
    }
    if (left !== quota - (used.get(g) ?? 0)) out.push(`group ${g}: ${left} left ≠ quota ${quota} − ${used.get(g) ?? 0} holders`);
    if (left < 0) out.push(`group ${g}: ${left} left`);
  }
  if (activity.seatsLeft > 0) {
    // A place freed while someone who fits is waiting was not handed over.
    const fits = (r: StoredRecord) => (r.groups ?? []).every((g) => (groupsLeft[g] ?? activity.unitCap ?? 0) > 0);
    const waiting = rows.filter((r) => r.status === 'waitlisted' && fits(r));
    if (waiting.length) out.push(`${activity.seatsLeft} place(s) free while ${waiting.map((r) => short(r.openid))} wait(s)`);
  }
  const people = rows.map((r) => r.openid);
  if (new Set(people).size !== people.length) out.push(`a person has two records: ${people.map(short)}`);
  if (rows.length) {
    const _ = store.db.command;
    const offers = await store.all<{ refId: string }>('timeline', { refId: _.in(rows.map((r) => r._id)), status: 'offered' });
    const per = new Map<string, number>();
    for (const o of offers) per.set(o.refId, (per.get(o.refId) ?? 0) + 1);
    for (const [refId, n] of per) if (n > 1) out.push(`${short(refId)} offered ${n} times`);
  }
  return out;
}

/** Statuses by role, e.g. { A: 'cancelled', W1: 'offered' }. */
export async function statusesOf(s: Scenario): Promise<Partial<Record<Role, string>>> {
  const rows = await s.store.all<StoredRecord>('enrollments', { activityId: s.activityId });
  const out: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const r = rows.find((x) => x.openid === s.openid(role));
    if (r) out[role] = r.status;
  }
  return out;
}

export async function offersOf(s: Scenario, role: Role): Promise<number> {
  return s.store.count('timeline', { refId: s.enrollmentId(role), status: 'offered' });
}

// ---------------------------------------------------------------------------------------------------------
// Moves: one state-changing action on the seat, by whom, and how to pause it.

export type Outcome = { ok: boolean; code?: string; status?: string };

export interface Move {
  name: string;
  /** The call to pause: the `api` action by `actor`, or the `cron` function. */
  pauseSpec(s: Scenario, side: Side): { function: string; openid?: string; action?: string; collections?: string[] };
  run(s: Scenario, side: Side): Promise<Outcome>;
}

function outcome(r: ApiEnvelope<unknown>): Outcome {
  if (!r.ok) return { ok: false, code: r.error.code };
  const data = r.data as { status?: string; failed?: unknown[] };
  if (Array.isArray(data.failed) && data.failed.length) return { ok: false, code: 'FAILED_ITEM' };
  return { ok: true, status: data.status };
}

function apiMove(
  name: string,
  actor: (s: Scenario, side: Side) => string,
  action: ActionName,
  input: (s: Scenario) => unknown,
): Move {
  return {
    name,
    pauseSpec: (s, side) => ({ function: 'api', openid: actor(s, side), action }),
    run: async (s, side) => outcome(await callApi(s.baseUrl, actor(s, side), action, input(s))),
  };
}

export const moves = {
  signUp: (role: Role): Move => ({
    name: `signUp(${role})`,
    pauseSpec: (s) => ({ function: 'api', openid: s.openid(role), action: s.area.signUpAction }),
    run: async (s) => outcome(await callApi(s.baseUrl, s.openid(role), s.area.signUpAction, s.area.signUpInput(s.activityId))),
  }),
  cancel: (role: Role): Move =>
    apiMove(
      `cancel(${role})`,
      (s) => s.openid(role),
      'enrollment.cancel',
      (s) => ({ enrollmentId: s.enrollmentId(role) }),
    ),
  accept: (role: Role): Move =>
    apiMove(
      `accept(${role})`,
      (s) => s.openid(role),
      'enrollment.respondOffer',
      (s) => ({
        enrollmentId: s.enrollmentId(role),
        accept: true,
      }),
    ),
  decline: (role: Role): Move =>
    apiMove(
      `decline(${role})`,
      (s) => s.openid(role),
      'enrollment.respondOffer',
      (s) => ({
        enrollmentId: s.enrollmentId(role),
        accept: false,
      }),
    ),
  approve: (role: Role): Move =>
    apiMove(
      `approve(${role})`,
      (_s, side) => STAFF[side],
      'enrollment.review',
      (s) => ({
        activityId: s.activityId,
        enrollmentIds: [s.enrollmentId(role)],
        decision: 'approve',
      }),
    ),
  reject: (role: Role): Move =>
    apiMove(
      `reject(${role})`,
      (_s, side) => STAFF[side],
      'enrollment.review',
      (s) => ({
        activityId: s.activityId,
        enrollmentIds: [s.enrollmentId(role)],
        decision: 'reject',
        reason: '所填工龄与单位证明不符',
      }),
    ),
  nominate: (role: Role): Move =>
    apiMove(
      `nominate(${role})`,
      (_s, side) => STAFF[side],
      'enrollment.nominate',
      (s) => ({
        activityId: s.activityId,
        openid: s.openid(role),
      }),
    ),
  unitDecline: (role: Role): Move =>
    apiMove(
      `unitDecline(${role})`,
      (_s, side) => UNIT_STAFF[side],
      'enrollment.unitConfirm',
      (s) => ({
        activityId: s.activityId,
        enrollmentIds: [s.enrollmentId(role)],
        decision: 'decline',
        reason: '本单位另有人选',
      }),
    ),
  /** Staff take A's place away: an upheld 公示 objection, or (单身联谊) an upheld report. */
  removeA: (): Move => ({
    name: 'remove(A)',
    pauseSpec: (s, side) => ({
      function: 'api',
      openid: STAFF[side],
      action: s.area.removal === 'objection' ? 'enrollment.resolveObjection' : 'matchmaking.resolveReport',
    }),
    run: async (s, side) =>
      outcome(
        s.area.removal === 'objection'
          ? await callApi(s.baseUrl, STAFF[side], 'enrollment.resolveObjection', {
              objectionId: s.removalId,
              decision: 'uphold',
              note: '经核实不符合参加条件',
            })
          : await callApi(s.baseUrl, STAFF[side], 'matchmaking.resolveReport', {
              reportId: s.removalId,
              decision: 'remove',
              note: '经核实资料虚假',
            }),
      ),
  }),
  /**
   * The cron function (offer expiry and the rest of the housekeeping), fired as the timer would. It is held only
   * where it can meet the seat: at its requests on the engine's collections (other areas' tasks cannot).
   */
  cron: (): Move => ({
    name: 'cron',
    pauseSpec: () => ({ function: 'cron', collections: Object.values(ENROLLMENT_COLLECTIONS) }),
    run: async (s) => {
      const res = await fetch(`${s.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
      return { ok: res.ok };
    },
  }),
};

export interface Pair {
  a: Move;
  b: Move;
  fixture?: Fixture;
  /** Further checks after every order (violations in words). */
  check?(s: Scenario, a: Outcome, b: Outcome): Promise<string[]>;
}

/**
 * Lets `other` run to the end while the held call waits, then lets the held call go on. Should `other` wait for
 * a lock the held call's open transaction took (it cannot finish then), the held call is let go once that is seen.
 */
export async function runWhilePaused<T>(baseUrl: string, pause: Pause, state: PauseState, other: () => Promise<T>): Promise<T> {
  if (state.state !== 'paused') return other();
  const done = other();
  let settled = false;
  void done.then(
    () => (settled = true),
    () => (settled = true),
  );
  // Most calls finish at once: look at the locks only when this one takes a while.
  for (let wait = 50, waited = 0; !settled && waited < 15_000; waited += wait, wait = Math.min(wait * 2, 400)) {
    await Promise.race([done.catch(() => undefined), new Promise((r) => setTimeout(r, wait))]);
    if (settled) break;
    if ((await locks(baseUrl)).waiting.some((w) => w.blockedByInvocation === state.invocation)) break;
  }
  await pause.release();
  return done;
}

/**
 * Runs `first` held before each of its database requests in turn with `second` run to the end meanwhile, on a
 * fresh fixture each time; returns every violation found (with the pause point), and the number of points.
 */
export async function runOrder(
  env: { baseUrl: string; store: Store },
  area: EngineArea,
  template: Template,
  pair: Pair,
  order: 'ab' | 'ba',
): Promise<{ points: number; violations: string[]; outcomes: string[] }> {
  const [first, second] = order === 'ab' ? [pair.a, pair.b] : [pair.b, pair.a];
  const violations: string[] = [];
  const outcomes: string[] = [];
  const fixture = pair.fixture ?? 'full';
  // Who is paused depends only on the area and the role, not on the scenario's activity.
  const spec = first.pauseSpec({ area, openid: (role: Role) => openidOf(area, role) } as Scenario, 'A');
  const points = await eachPausePoint(env.baseUrl, spec, async (pause, k) => {
    const s = await cloneFixture(env.baseUrl, env.store, area, template, fixture);
    const held = first.run(s, 'A');
    const state = await pause.settled();
    const otherOutcome = await runWhilePaused(env.baseUrl, pause, state, () => second.run(s, 'B'));
    const firstOutcome = await held;
    const where =
      state.state === 'paused'
        ? `${first.name} held before request ${k} (${state.request?.collectionName ?? state.request?.action})`
        : `${first.name} then ${second.name}`;
    const [a, b] = order === 'ab' ? [firstOutcome, otherOutcome] : [otherOutcome, firstOutcome];
    const found = [...(await seatViolations(env.store, s.activityId)), ...((await pair.check?.(s, a, b)) ?? [])];
    const text = (o: Outcome) => (o.ok ? `ok${o.status ? `:${o.status}` : ''}` : o.code);
    outcomes.push(`${k}: ${pair.a.name}=${text(a)} ${pair.b.name}=${text(b)}`);
    if (found.length) {
      const st = await statusesOf(s);
      violations.push(
        `${where} ‖ ${second.name}: ${found.join('; ')} — ${JSON.stringify(st)}; ${pair.a.name}=${text(a)}, ${pair.b.name}=${text(b)}`,
      );
    }
    await retire(env.store, s.activityId);
  });
  return { points, violations, outcomes };
}

// ---------------------------------------------------------------------------------------------------------
// The pairs. Moves on one seat: signUp, cancel, accept / decline an offer, approve / reject (review), remove
// (公示 objection upheld / 单身联谊 report upheld), nominate (疗休养), unitDecline (技能竞赛's 单位推荐), cron (offer
// expiry, with the rest of the housekeeping). A pair is listed when both can touch the same seat or the same
// hand-over; both orders are run. Left out, because they cannot touch the same seat:
//   - approve(P) with accept(O), nominate, remove(A) or a cancel of another: approving moves no seat, and the others
//     do not touch P's record or seat (approve ‖ cancel(P) and approve ‖ reject(P) are in);
//   - signUp(X) of a newcomer against any hand-over on a full activity: a hand-over moves its seat straight to the
//     waitlisted member (moveSeat), never through a free seat X could claim, and X joins behind W1, W2;
//   - accept(O) with remove(A) or approve(P): different records and no seat freed by one the other could use;
//   - the cron with review, nomination or removal: the cron's seat work (offer expiry, orphan seats, free seats)
//     only meets them through the waitlist hand-over, which cancel ‖ cron already covers;
//   - nominate(X) on a full activity: the claim is refused (no seat is ever free there; see signUp(X) above).

/** Both answered ok. */
const bothOk = async (_s: Scenario, a: Outcome, b: Outcome) =>
  a.ok && b.ok ? [] : [`expected both to succeed, got ${a.ok ? 'ok' : a.code} / ${b.ok ? 'ok' : b.code}`];
/** Exactly one of them won. */
const oneWins = async (_s: Scenario, a: Outcome, b: Outcome) =>
  a.ok !== b.ok ? [] : [`expected exactly one to succeed, got ${a.ok ? 'ok' : a.code} / ${b.ok ? 'ok' : b.code}`];
/** These waitlisted members were offered a place, once each. */
const offered =
  (...roles: Role[]) =>
  async (s: Scenario): Promise<string[]> => {
    const st = await statusesOf(s);
    const out: string[] = [];
    for (const r of roles) {
      if (st[r] !== 'offered') out.push(`${r} is ${st[r]}, expected offered`);
      const n = await offersOf(s, r);
      if (n !== 1) out.push(`${r} offered ${n} times`);
    }
    return out;
  };
const all =
  (...checks: Array<(s: Scenario, a: Outcome, b: Outcome) => Promise<string[]>>) =>
  async (s: Scenario, a: Outcome, b: Outcome) =>
    (await Promise.all(checks.map((c) => c(s, a, b)))).flat();

export function enginePairs(area: EngineArea): Array<Pair & { title: string }> {
  const m = moves;
  const pairs: Array<Pair & { title: string }> = [
    { title: 'cancel ‖ re-sign by the same member', a: m.cancel('A'), b: m.signUp('A') },
    {
      title: 'double tap of sign-up',
      a: m.signUp('X'),
      b: m.signUp('X'),
      fixture: 'spare',
      check: async (s, a, b) => {
        const out = await bothOk(s, a, b);
        if (a.status !== b.status) out.push(`the taps answered ${a.status} / ${b.status}`);
        const st = await statusesOf(s);
        if (!SEAT_HOLDING.includes(st.X ?? '')) out.push(`X is ${st.X}, expected a place`);
        return out;
      },
    },
    {
      title: 'double tap of 取消报名',
      a: m.cancel('A'),
      b: m.cancel('A'),
      // The second tap answers with the cancelled enrollment, not CANCEL_NOT_ALLOWED.
      check: async (_s, a, b) =>
        a.ok && b.ok && a.status === 'cancelled' && b.status === 'cancelled'
          ? []
          : [`the taps answered ${a.status ?? a.code} / ${b.status ?? b.code}, expected cancelled / cancelled`],
    },
    { title: 'cancel ‖ staff reject of the same sign-up', a: m.cancel('P'), b: m.reject('P'), check: oneWins },
    { title: 'staff reject ‖ accept of an offer', a: m.reject('P'), b: m.accept('O'), check: bothOk },
    {
      title: 'offer expiry (cron) ‖ accept of that offer',
      a: m.cron(),
      b: m.accept('O'),
      fixture: 'expired',
      check: async (s, _a, b) => {
        const st = await statusesOf(s);
        const out = b.ok ? [`accepting an expired offer answered ok`] : [];
        if (st.O !== 'expired') out.push(`O is ${st.O}, expected expired`);
        return out;
      },
    },
    {
      title: 'cancel ‖ another’s cancel (two seats to the waitlist)',
      a: m.cancel('A'),
      b: m.cancel('P'),
      check: all(bothOk, offered('W1', 'W2')),
    },
    { title: 'cancel ‖ the first in line withdrawing', a: m.cancel('A'), b: m.cancel('W1'), check: all(bothOk, offered('W2')) },
    { title: 'cancel ‖ accept of an offer', a: m.cancel('A'), b: m.accept('O'), check: bothOk },
    { title: 'cancel ‖ decline of an offer (two seats)', a: m.cancel('A'), b: m.decline('O'), check: bothOk },
    { title: 'staff approve ‖ cancel', a: m.approve('P'), b: m.cancel('P') },
    { title: 'staff approve ‖ staff reject', a: m.approve('P'), b: m.reject('P'), check: oneWins },
    { title: 'staff removal ‖ cancel', a: m.removeA(), b: m.cancel('A') },
    { title: 'staff removal ‖ the member signing up again', a: m.removeA(), b: m.signUp('A') },
    { title: 'decline ‖ accept of the same offer', a: m.decline('O'), b: m.accept('O'), check: oneWins },
    { title: 'decline of an offer ‖ signing up again', a: m.decline('O'), b: m.signUp('O') },
    { title: 'staff reject ‖ another’s cancel (two seats)', a: m.reject('P'), b: m.cancel('A'), check: bothOk },
    { title: 'offer expiry (cron) ‖ a cancel (two seats)', a: m.cron(), b: m.cancel('A'), fixture: 'expired' },
    { title: 'offer expiry (cron) ‖ the first in line withdrawing', a: m.cron(), b: m.cancel('W1'), fixture: 'expired' },
  ];
  if (area.nomination) {
    pairs.push({ title: 'nomination ‖ the member’s own sign-up', a: m.nominate('X'), b: m.signUp('X'), fixture: 'spare' });
  }
  if (area.unitConfirm) {
    pairs.push(
      { title: '单位不予推荐 ‖ accept of the offer', a: m.unitDecline('O'), b: m.accept('O') },
      { title: '单位不予推荐 of an offer ‖ another’s cancel', a: m.unitDecline('O'), b: m.cancel('A'), check: bothOk },
    );
  }
  return pairs;
}

/**
 * Registers the whole matrix for an area in the calling test file: the starting state built once, then one test
 * per ordered pair, each reporting every pause point whose outcome does not add up.
 */
export function defineSeatMatrix(
  area: EngineArea,
  env: { cloud: { baseUrl: string }; store: Store },
  options: { beforeTemplate?: () => Promise<void> } = {},
): void {
  let template: Template;
  const points: string[] = [];
  afterAll(() => {
    if (points.length) console.log(`seat matrix ${area.key}, pause points per order:\n${points.join('\n')}`);
  });
  beforeAll(async () => {
    await options.beforeTemplate?.();
    template = await buildTemplate(env.cloud.baseUrl, env.store, area);
  }, 120_000);
  for (const pair of enginePairs(area)) {
    const orders: Array<'ab' | 'ba'> = pair.a.name === pair.b.name ? ['ab'] : ['ab', 'ba'];
    for (const order of orders) {
      const [first, second] = order === 'ab' ? [pair.a, pair.b] : [pair.b, pair.a];
      it(`${pair.title}: ${first.name} held at each request, ${second.name} meanwhile`, async () => {
        const run = await runOrder({ baseUrl: env.cloud.baseUrl, store: env.store }, area, template, pair, order);
        points.push(
          `  ${first.name} held ‖ ${second.name}: ${run.points}${run.violations.length ? ` (${run.violations.length} failing)` : ''}`,
        );
        expect(run.points).toBeGreaterThanOrEqual(1);
        expect(run.violations).toEqual([]);
      }, 300_000);
    }
  }
}
