/**
 * 单身联谊 under concurrency, through the real SDK on the local cloud:
 *  - two people picking each other at the same moment, one call held before each of its database requests in
 *    turn (snapshot isolation: without the pair record both could miss the match) → exactly one match, announced
 *    by exactly one of the two calls, one 我的申请 entry each;
 *  - a double tap of a pick that completes a match, held the same way → one announcement;
 *  - the other person blocking the picker while the pick that would complete the match is held → a match not
 *    stored when the block answered never forms afterwards (no contacts, no 互选成功 to either);
 *  - the organiser removing the picker (a report upheld) while that pick is held → the same;
 *  - a burst of sign-ups for per-gender seats → never more than each gender's seats, one record per member.
 */
import { callApi, callOk, startSeededCloud, type storeReader } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { builtOnce, clearPauses, eachPausePoint, locks } from '../support/interleave';
import { eventWithParticipants, inBatches, openEvent, profileInput, type Participant } from '../support/matchmaking';
import { activityOf, putMembers, warmInstances } from '../support/trips';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
let activityId: string;
let pid: Record<string, string>;
/** One pair per forced-order test: each pause point starts from the same stored state (`builtOnce`). */
const PAIRS = 4;
let next = 0;

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
  await warmInstances(cloud.baseUrl, 4);
  const people: Participant[] = Array.from({ length: PAIRS * 2 }, (_, i) => ({
    openid: `rc-${String(i).padStart(3, '0')}`,
    gender: i % 2 === 0 ? 'F' : 'M',
  }));
  ({ activityId, pid } = await eventWithParticipants(cloud.baseUrl, store, people, { capacity: 120, seats: { M: 60, F: 60 } }));
}, 300_000);
afterAll(() => cloud?.stop());
afterEach(() => clearPauses(cloud.baseUrl));

function pair(): [string, string] {
  const a = `rc-${String(next).padStart(3, '0')}`;
  const b = `rc-${String(next + 1).padStart(3, '0')}`;
  next += 2;
  if (next > PAIRS * 2) throw new Error('not enough participants for another scenario');
  return [a, b];
}

const pick = (who: string, whom: string) =>
  callApi(cloud.baseUrl, who, 'matchmaking.pick', { activityId, participantIds: [pid[whom]] });

/** A pick answered BUSY (the other's transaction held the pair record past the retries) is tapped again. */
async function settle(answer: Awaited<ReturnType<typeof pick>>, who: string, whom: string) {
  return !answer.ok && answer.error.code === 'BUSY' ? pick(who, whom) : answer;
}

async function expectOneMatch(a: string, b: string, answers: Array<Awaited<ReturnType<typeof pick>>>): Promise<void> {
  for (const r of answers) expect(r).toMatchObject({ ok: true });
  const announced = answers.filter((r) => r.ok && r.data.matched.length === 1);
  expect(announced).toHaveLength(1);
  const pairs = await store.all<{ members: string[]; mutual: boolean; picked: boolean[] }>('matchmaking_pairs', {
    activityId,
    members: a,
  });
  expect(pairs).toEqual([expect.objectContaining({ members: [a, b], mutual: true, picked: [true, true] })]);
  for (const who of [a, b]) expect(await store.count('timeline', { openid: who, status: 'matched' })).toBe(1);
}

it('two people picking each other at once, one held before each of its database requests: one match, never missed or doubled', async () => {
  const seenAt: string[] = [];
  const [a, b] = pair();
  const nobodyPicked = builtOnce(cloud.baseUrl, async () => undefined);
  const points = await eachPausePoint(cloud.baseUrl, { function: 'api', action: 'matchmaking.pick' }, async (pause) => {
    await nobodyPicked();
    const first = pick(a, b);
    const state = await pause.settled();
    seenAt.push(`${state.request?.action ?? 'end'}:${state.request?.collectionName ?? ''}`);
    const second = await pick(b, a);
    if (state.state === 'paused') await pause.release();
    const answers = [await settle(await first, a, b), await settle(second, b, a)];
    await expectOneMatch(a, b, answers);
  });
  // The pick reads, opens a transaction, writes the picker's record and the pair's, commits, then tells both.
  console.log(`matchmaking.pick pause points: ${points} (${seenAt.join(' ')})`);
  expect(points).toBeGreaterThanOrEqual(10);
  expect(seenAt.some((s) => s.includes('matchmaking_pairs'))).toBe(true);
}, 600_000);

it('a double tap of the pick that completes a match, held at each point: announced once', async () => {
  // The other side picked first (before any pause is armed); every pause point starts from there.
  const [a, b] = pair();
  const otherPicked = builtOnce(cloud.baseUrl, () =>
    callOk(cloud.baseUrl, b, 'matchmaking.pick', { activityId, participantIds: [pid[a]] }),
  );
  // Only a's calls are held: b's pick builds the starting state inside the first scenario.
  const spec = { function: 'api', action: 'matchmaking.pick', openid: a };
  const points = await eachPausePoint(cloud.baseUrl, spec, async (pause) => {
    await otherPicked();
    const first = pick(a, b);
    const state = await pause.settled();
    const second = await pick(a, b);
    if (state.state === 'paused') await pause.release();
    await expectOneMatch(a, b, [await settle(await first, a, b), await settle(second, a, b)]);
  });
  expect(points).toBeGreaterThanOrEqual(10);
}, 600_000);

it('a block answered while the completing pick is held: the match never forms after it, at any point', async () => {
  const [a, b] = pair();
  const otherPicked = builtOnce(cloud.baseUrl, () =>
    callOk(cloud.baseUrl, b, 'matchmaking.pick', { activityId, participantIds: [pid[a]] }),
  );
  const spec = { function: 'api', action: 'matchmaking.pick', openid: a };
  const mutualPairs = () => store.count('matchmaking_pairs', { activityId, members: a, mutual: true });
  let refusedAfterBlock = 0;
  const points = await eachPausePoint(cloud.baseUrl, spec, async (pause) => {
    await otherPicked();
    const first = pick(a, b);
    const state = await pause.settled();
    let blockDone = false;
    const blocking = callOk(cloud.baseUrl, b, 'matchmaking.block', { activityId, participantId: pid[a] }).finally(() => {
      blockDone = true;
    });
    // The block either answers, or waits for the held pick's transaction (the pick then comes first).
    let waited = false;
    while (!blockDone && !waited) {
      waited = (await locks(cloud.baseUrl)).waiting.some((w) => w.openid === b);
      if (!waited) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const matchedBeforeBlock = blockDone ? (await mutualPairs()) > 0 : true;
    if (state.state === 'paused') await pause.release();
    await blocking;
    const answer = await settle(await first, a, b);
    if (!matchedBeforeBlock) {
      // The block came first: the pick may not reveal the blocker, now or later.
      expect(answer.ok && answer.data.matched.length).toBeFalsy();
      expect(await mutualPairs()).toBe(0);
      expect(await store.count('timeline', { openid: b, status: 'matched' })).toBe(0);
      refusedAfterBlock += 1;
    }
    // Either way, neither sees the other's contact once the block stands.
    const mine = await callOk(cloud.baseUrl, a, 'matchmaking.matches', {});
    expect(JSON.stringify(mine)).not.toContain(pid[b]);
  });
  expect(points).toBeGreaterThanOrEqual(5);
  expect(refusedAfterBlock).toBeGreaterThan(0);
}, 600_000);

it('a picker removed from the event while the completing pick is held never gets the other contact afterwards', async () => {
  const [a, b] = pair();
  // b picked a, then reported a; the organiser upholds the report while a's pick is held.
  const reported = builtOnce(cloud.baseUrl, async () => {
    await callOk(cloud.baseUrl, b, 'matchmaking.pick', { activityId, participantIds: [pid[a]] });
    const filed = await callOk(cloud.baseUrl, b, 'matchmaking.report', {
      activityId,
      participantId: pid[a],
      category: 'harassment',
      detail: '活动中多次言语骚扰',
      alsoBlock: false,
    });
    return filed.reportId;
  });
  const spec = { function: 'api', action: 'matchmaking.pick', openid: a };
  const mutualPairs = () => store.count('matchmaking_pairs', { activityId, members: a, mutual: true });
  let refusedAfterRemoval = 0;
  const points = await eachPausePoint(cloud.baseUrl, spec, async (pause) => {
    const reportId = await reported();
    const first = pick(a, b);
    const state = await pause.settled();
    let removalDone = false;
    const removing = callOk(cloud.baseUrl, 'demo-staff-city', 'matchmaking.resolveReport', {
      reportId,
      decision: 'remove',
      note: '经核实移出本场活动',
    }).finally(() => {
      removalDone = true;
    });
    let waited = false;
    while (!removalDone && !waited) {
      waited = (await locks(cloud.baseUrl)).waiting.some((w) => w.callAction === 'matchmaking.resolveReport');
      if (!waited) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const matchedBefore = removalDone ? (await mutualPairs()) > 0 : true;
    if (state.state === 'paused') await pause.release();
    await removing;
    const answer = await settle(await first, a, b);
    if (!matchedBefore) {
      expect(answer.ok && answer.data.matched.length).toBeFalsy();
      expect(await mutualPairs()).toBe(0);
      expect(await store.count('timeline', { openid: b, status: 'matched' })).toBe(0);
      refusedAfterRemoval += 1;
    }
  });
  expect(points).toBeGreaterThanOrEqual(5);
  expect(refusedAfterRemoval).toBeGreaterThan(0);
}, 600_000);

it('a burst of sign-ups for per-gender seats never gives a gender more than its seats', async () => {
  const women = Array.from({ length: 24 }, (_, i) => ({ openid: `rq-f${i}`, gender: 'F' as const }));
  const men = Array.from({ length: 24 }, (_, i) => ({ openid: `rq-m${i}`, gender: 'M' as const }));
  await putMembers(store.db, [...women, ...men]);
  await inBatches([...women, ...men], (p) => callOk(cloud.baseUrl, p.openid, 'matchmaking.saveProfile', profileInput()));
  const event = await openEvent(cloud.baseUrl, { capacity: 12, seats: { M: 5, F: 6 }, waitlist: true });
  const everyone = [...women, ...men].map((p) => p.openid);
  const taps = [...everyone, ...everyone.slice(0, 12)]; // a dozen tap twice
  const answers = await Promise.all(
    taps.map((o) => callApi(cloud.baseUrl, o, 'matchmaking.signUp', { activityId: event, followUp: false })),
  );
  expect(answers.filter((r) => !r.ok)).toEqual([]);
  const rows = await store.all<{ openid: string; status: string; groups: string[] }>('enrollments', { activityId: event });
  expect(rows).toHaveLength(everyone.length);
  const placed = (g: string) => rows.filter((r) => r.status === 'approved' && r.groups.includes(g)).length;
  expect(placed('gender:F')).toBe(6);
  expect(placed('gender:M')).toBe(5);
  expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(everyone.length - 11);
  const activity = await activityOf(store, event);
  expect(activity).toMatchObject({ seatsLeft: 1, groupsLeft: { 'gender:F': 0, 'gender:M': 0 } });
  expect(Object.keys(activity!.holders).sort()).toEqual(
    rows
      .filter((r) => r.status === 'approved')
      .map((r) => r.openid)
      .sort(),
  );
}, 300_000);
