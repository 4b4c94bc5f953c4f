/**
 * The one 公示 mechanism (shared/publicity) under forced interleavings: for each pair, the first call is held
 * before each of its database requests in turn (k = 1, 2, … until it makes fewer), the second runs meanwhile
 * (to its end, or until it waits for the first one's lock), then the first goes on — and both orders.
 *
 *   objection vs finalize   never both: either the objection is stored (open, counted) and the ranking stays
 *                           in 公示, or the ranking is final and no objection was stored;
 *   uphold vs finalize      the correction is never lost: final only with the corrected ranking;
 *   double tap              one member's objection sent twice stores one objection (counted once), both
 *                           answers name it — for a results 公示 and for a trip's list 公示.
 *
 * Time: the objection is made within the window (the local cloud's clock as is), the finalising two hours
 * later (the clock moved on before it starts): each call's `now` is taken when it starts.
 */
import type { ApiEnvelope } from '../support/api';
import { setClock } from '../support/clock';
import { CITY_STAFF, DECLARATION, eventHeld, openEvent } from '../support/competitions';
import { builtOnce, clearPauses, locks, pauseAt, type Pause, type PauseSpec } from '../support/interleave';
import { useCloud } from '../support/scenario';
import { enrollmentsOf, openTrip, putMembers, warmInstances } from '../support/trips';

jest.setTimeout(900_000);

const env = useCloud();
const HOUR = 3600_000;
const LATER = 2 * HOUR;
const NAMES = ['周建国', '钱晓梅', '孙立新', '李秀英'];
const M = NAMES.map((_, i) => `pi-${i}`);

beforeAll(async () => {
  await putMembers(
    env.store.db,
    NAMES.map((name, i) => ({ openid: M[i], name, orgId: i % 2 ? 'org-cz-wujin-g1' : 'org-cz-tianning-g1' })),
  );
  await warmInstances(env.cloud.baseUrl, 3);
}, 120_000);
afterEach(async () => {
  await clearPauses(env.cloud.baseUrl);
  await setClock(env.cloud.baseUrl, 0);
});

function code(r: ApiEnvelope<unknown>): string {
  return r.ok ? 'ok' : r.error.code;
}

/** Waits until `call` has answered, or is waiting for a lock held by the paused call (then it must be let go). */
async function answeredOrBlocked<T>(call: Promise<T>, callAction: string): Promise<void> {
  let done = false;
  void call.then(
    () => (done = true),
    () => (done = true),
  );
  for (;;) {
    if (done) return;
    const { waiting } = await locks(env.cloud.baseUrl);
    if (waiting.some((w) => w.callAction === callAction)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Side {
  spec: Omit<PauseSpec, 'atRequest'>;
  /** The local cloud's clock offset this call runs at. */
  clock: number;
  run: () => Promise<ApiEnvelope<unknown>>;
}

/**
 * For k = 1, 2, …: the state `setup` built (built once, then put back before each k: `builtOnce`), the first call
 * held before its k-th database request, the second run meanwhile, the first released; `check` judges both answers
 * (first, second) and what is stored. Returns the number of pause points.
 */
async function race<S>(
  setup: () => Promise<S>,
  sides: (s: S) => [Side, Side],
  check: (outcomes: [string, string], s: S, answers: [ApiEnvelope<unknown>, ApiEnvelope<unknown>]) => Promise<void>,
): Promise<number> {
  const fresh = builtOnce(env.cloud.baseUrl, setup);
  for (let k = 1; k <= 60; k += 1) {
    const s = await fresh();
    const [first, second] = sides(s);
    const pause: Pause = await pauseAt(env.cloud.baseUrl, { ...first.spec, atRequest: k });
    await setClock(env.cloud.baseUrl, first.clock);
    const a = first.run();
    const state = await pause.settled();
    if (state.state === 'missed') {
      await a;
      await pause.disarm();
      await setClock(env.cloud.baseUrl, 0);
      return k - 1;
    }
    await setClock(env.cloud.baseUrl, second.clock);
    const b = second.run();
    await answeredOrBlocked(b, second.spec.action!);
    await pause.release();
    const answers: [ApiEnvelope<unknown>, ApiEnvelope<unknown>] = [await a, await b];
    const outcomes: [string, string] = [code(answers[0]), code(answers[1])];
    await pause.disarm();
    await setClock(env.cloud.baseUrl, 0);
    if (outcomes.includes('INTERNAL')) throw new Error(`held before request ${k}: ${outcomes.join(', ')}`);
    await check(outcomes, s, answers);
  }
  throw new Error('more than 60 pause points');
}

// ---- a results 公示 ------------------------------------------------------------------------------------------

interface Results {
  eventId: string;
  tickets: string[];
}

/** An event held, two entries scored (周建国 first, 钱晓梅 second) and their ranking in 公示 for a day. */
async function resultsInPublicity(): Promise<Results> {
  const [a, b] = [M[0], M[1]];
  const { eventId } = await openEvent(env.cloud.baseUrl, { unitConfirm: false, capacity: 5 });
  for (const m of [a, b]) await env.ok(m, 'competitions.register', { eventId, declaration: DECLARATION });
  await env.ok(CITY_STAFF, 'enrollment.review', {
    activityId: eventId,
    enrollmentIds: [a, b].map((m) => `${eventId}_${m}`),
    decision: 'approve',
  });
  await eventHeld(env.store, eventId);
  await env.ok(CITY_STAFF, 'competitions.enterScores', {
    eventId,
    scores: [
      { enrollmentId: `${eventId}_${a}`, theory: 90, practical: 90, absent: false },
      { enrollmentId: `${eventId}_${b}`, theory: 80, practical: 80, absent: false },
    ],
  });
  const published = await env.ok(CITY_STAFF, 'competitions.publishResults', { eventId, days: 1 });
  // Ends an hour from now: open for the objection; over (with its grace) for the finalising two hours later.
  await env.store.db
    .collection('competition_results')
    .doc(eventId)
    .update({ data: { until: new Date(Date.now() + HOUR) } });
  return { eventId, tickets: published.rows.map((r) => r.ticket) };
}

interface StoredResults {
  status: string;
  version: number;
  openObjections?: number;
  rows: Array<{ ticket: string; rank: number | null; total: number | null; prize?: string }>;
}

const resultsOf = (eventId: string) => env.store.byId<StoredResults>('competition_results', eventId);
const objectionsOf = (eventId: string) =>
  env.store.all<{ status: string; ticket: string }>('competition_objections', { eventId });
const awardsOf = (eventId: string) => env.store.all<{ openid: string; prize?: string }>('competition_awards', { eventId });

const objectionSide = (r: Results, openid = M[2]): Side => ({
  spec: { function: 'api', openid, action: 'competitions.objectResult' },
  clock: 0,
  run: () =>
    env.call(openid, 'competitions.objectResult', {
      eventId: r.eventId,
      ticket: r.tickets[0],
      reason: '对第一名的实操成绩有疑问',
    }),
});

const finalizeSide = (r: Results): Side => ({
  spec: { function: 'api', openid: CITY_STAFF, action: 'competitions.finalizeResults' },
  clock: LATER,
  run: () => env.call(CITY_STAFF, 'competitions.finalizeResults', { eventId: r.eventId }),
});

/** Never both: an objection stored means no final ranking, and a final ranking means no objection stored. */
async function objectionOrFinal(objection: string, finalized: string, r: Results): Promise<'objection' | 'final'> {
  const stored = await resultsOf(r.eventId);
  const objections = await objectionsOf(r.eventId);
  if (objection === 'ok') {
    expect(finalized).toBe('CONFLICT');
    expect(stored).toMatchObject({ status: 'publicity', openObjections: 1 });
    expect(objections).toEqual([expect.objectContaining({ status: 'open', ticket: r.tickets[0] })]);
    expect(await awardsOf(r.eventId)).toEqual([]);
    return 'objection';
  }
  expect(objection).toBe('CONFLICT');
  expect(finalized).toBe('ok');
  expect(stored).toMatchObject({ status: 'final', openObjections: 0 });
  expect(objections).toEqual([]);
  expect((await awardsOf(r.eventId)).map((w) => w.openid).sort()).toEqual([M[0], M[1]].sort());
  return 'final';
}

describe('a results 公示', () => {
  it('an objection racing the finalising, held at each of its requests: never both', async () => {
    const seen = new Set<string>();
    const points = await race(
      resultsInPublicity,
      (r) => [objectionSide(r), finalizeSide(r)],
      async ([objection, finalized], r) => void seen.add(await objectionOrFinal(objection, finalized, r)),
    );
    expect(points).toBeGreaterThanOrEqual(5);
    // Held before its transaction wrote, the objection lost to the finalising; held after, it won.
    expect([...seen].sort()).toEqual(['final', 'objection']);
  });

  it('the finalising racing an objection, held at each of its requests: never both', async () => {
    const seen = new Set<string>();
    const points = await race(
      resultsInPublicity,
      (r) => [finalizeSide(r), objectionSide(r)],
      async ([finalized, objection], r) => void seen.add(await objectionOrFinal(objection, finalized, r)),
    );
    expect(points).toBeGreaterThanOrEqual(4);
    expect([...seen].sort()).toEqual(['final', 'objection']);
  });

  /** A results 公示 with one open objection to the second place (钱晓梅: 80 → 95, now first). */
  async function withObjection(): Promise<Results & { objectionId: string }> {
    const r = await resultsInPublicity();
    const { objectionId } = await env.ok(M[3], 'competitions.objectResult', {
      eventId: r.eventId,
      ticket: r.tickets[1],
      reason: '第二名的成绩录入有误',
    });
    return { ...r, objectionId };
  }

  const upholdSide = (r: Results & { objectionId: string }): Side => ({
    spec: { function: 'api', openid: CITY_STAFF, action: 'competitions.resolveObjection' },
    clock: 0,
    run: () =>
      env.call(CITY_STAFF, 'competitions.resolveObjection', {
        objectionId: r.objectionId,
        decision: 'uphold',
        note: '经复核评分表，成绩应为95分',
        correction: { theory: 95, practical: 95, absent: false },
      }),
  });

  /** The correction is never lost: upheld always, and final (if at all) only with the corrected ranking. */
  async function correctionKept(uphold: string, finalized: string, r: Results & { objectionId: string }) {
    expect(uphold).toBe('ok');
    const stored = (await resultsOf(r.eventId))!;
    expect(stored).toMatchObject({ version: 2, openObjections: 0 });
    expect(stored.rows.map((x) => [x.ticket, x.total, x.rank])).toEqual([
      [r.tickets[1], 95, 1],
      [r.tickets[0], 90, 2],
    ]);
    expect(await env.store.byId('competition_objections', r.objectionId)).toMatchObject({ status: 'upheld' });
    const awards = await awardsOf(r.eventId);
    if (finalized === 'ok') {
      expect(stored.status).toBe('final');
      expect(awards.find((w) => w.openid === M[1])?.prize).toBe('一等奖');
      return 'final';
    }
    expect(finalized).toBe('CONFLICT');
    expect(stored.status).toBe('publicity');
    expect(awards).toEqual([]);
    return 'refused';
  }

  it('an uphold racing the finalising, held at each of its requests: the correction is kept', async () => {
    const seen = new Set<string>();
    const points = await race(
      withObjection,
      (r) => [upholdSide(r), finalizeSide(r)],
      async ([uphold, finalized], r) => void seen.add(await correctionKept(uphold, finalized, r)),
    );
    expect(points).toBeGreaterThanOrEqual(5);
    // Held before its transaction committed, the objection was still open and the finalising refused; held after
    // (telling the participants), the ranking was final with the correction.
    expect([...seen].sort()).toEqual(['final', 'refused']);
  });

  it('the finalising racing an uphold, held at each of its requests: final only with the correction', async () => {
    const seen = new Set<string>();
    const points = await race(
      withObjection,
      (r) => [finalizeSide(r), upholdSide(r)],
      async ([finalized, uphold], r) => {
        seen.add(await correctionKept(uphold, finalized, r));
      },
    );
    expect(points).toBeGreaterThanOrEqual(4);
    // Held before it read the results, the finalising saw the corrected ranking and made it final.
    expect([...seen].sort()).toEqual(['final', 'refused']);
  });

  it('one member’s objection sent twice, in every order: one objection, counted once', async () => {
    const points = await race(
      resultsInPublicity,
      (r) => [objectionSide(r), objectionSide(r)],
      async (outcomes, r, answers) => {
        const stored = await objectionsOf(r.eventId);
        expect(stored).toHaveLength(1);
        expectSameObjection(outcomes, answers, (stored[0] as unknown as { _id: string })._id);
        expect(await resultsOf(r.eventId)).toMatchObject({ status: 'publicity', openObjections: 1 });
        const list = await env.ok(CITY_STAFF, 'competitions.resultObjections', { eventId: r.eventId, status: 'open' });
        expect(list.total).toBe(1);
      },
    );
    expect(points).toBeGreaterThanOrEqual(5);
  });
});

/**
 * A double tap: the first tap is answered with the objection; the second too — or, when it meets the first one's
 * transaction held open longer than its retries last (only a forced pause does that), with BUSY.
 */
function expectSameObjection(outcomes: [string, string], answers: ApiEnvelope<unknown>[], storedId: string) {
  expect(outcomes[0]).toBe('ok');
  expect(['ok', 'BUSY']).toContain(outcomes[1]);
  for (const answer of answers) if (answer.ok) expect((answer.data as { objectionId: string }).objectionId).toBe(storedId);
}

// ---- a trip's list 公示 --------------------------------------------------------------------------------------

describe('a trip’s list 公示', () => {
  it('one member’s objection sent twice, in every order: one objection, both answers name it', async () => {
    const points = await race(
      async () => {
        const tripId = await openTrip(env.cloud.baseUrl, { capacity: 3, claimHours: 0 });
        for (const m of [M[0], M[1]]) await env.ok(m, 'recuperation.signUp', { activityId: tripId });
        await env.ok(CITY_STAFF, 'enrollment.publish', { activityId: tripId, days: 3 });
        const target = (await enrollmentsOf(env.store, tripId)).find((e) => e.openid === M[0])!;
        return { tripId, ticket: target.ticket };
      },
      (t) => {
        const side: Side = {
          spec: { function: 'api', openid: M[2], action: 'enrollment.object' },
          clock: 0,
          run: () =>
            env.call(M[2], 'enrollment.object', { activityId: t.tripId, ticket: t.ticket, reason: '该职工不在一线岗位工作' }),
        };
        return [side, side];
      },
      async (outcomes, t, answers) => {
        const stored = await env.store.all<{ _id: string; status: string }>('enrollment_objections', { activityId: t.tripId });
        expect(stored).toHaveLength(1);
        expect(stored[0].status).toBe('open');
        expectSameObjection(outcomes, answers, stored[0]._id);
        const list = await env.ok(CITY_STAFF, 'enrollment.objections', { activityId: t.tripId, status: 'open' });
        expect(list.total).toBe(1);
      },
    );
    expect(points).toBeGreaterThanOrEqual(4);
  });
});
