/**
 * Issue 17 "no seat given twice" under a storm, per area, through the `api` function on the local cloud:
 * 100 members at once for 20 places (20 of them tapping twice), then 20 of the approved cancel and sign up again
 * at the same moment. At the end: the holders are exactly the records holding a place (≤ 20), nobody has two
 * records, every quota group agrees with its holders, and the waitlist was offered exactly one place per place
 * freed (offers in the timeline = successful cancellations of a place).
 * 疗休养: 20 places · 单身联谊: 10 men and 10 women · 技能竞赛: at most 3 per unit (10 units).
 * Size: 120 sign-ups at once (six per place, fifteen per instance of the function: the local cloud runs 8 and queues
 * the rest), then 40 calls at once; 80 are left waiting, more than the 20 places given up. It was 200 members and
 * 40 double taps: no more calls at once reach the function (the rest queue), at twice the calls.
 */
import { callApi, type ApiEnvelope } from '../support/api';
import { openEvent as openCompetitionEvent, DECLARATION } from '../support/competitions';
import { inBatches, openEvent as openMatchmakingEvent, profileInput } from '../support/matchmaking';
import { useCloud } from '../support/scenario';
import { holderKeyOf, putMatrixStaff, seatViolations, SEAT_HOLDING, STAFF, type StoredRecord } from '../support/seatMatrix';
import { openTrip, putMembers, warmInstances } from '../support/trips';

const env = useCloud({ demo: false });
const MEMBERS = 100;
const PLACES = 20;
const TAPS_TWICE = 20;
const LEAVERS = 20;
const UNITS = [
  'org-cz-wujin-g1',
  'org-cz-wujin-g2',
  'org-cz-wujin-g3',
  'org-cz-tianning-g1',
  'org-cz-tianning-g2',
  'org-cz-tianning-g3',
  'org-cz-xinbei-g1',
  'org-cz-xinbei-g2',
  'org-cz-xinbei-g3',
  'org-cz-zhonglou-g1',
];

/** Runs the calls with at most `limit` in flight (loopback: the local cloud queues beyond 8 instances anyway). */
async function bounded<T>(calls: Array<() => Promise<T>>, limit = 40): Promise<T[]> {
  const results: T[] = new Array(calls.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < calls.length; i = next++) results[i] = await calls[i]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, calls.length) }, worker));
  return results;
}

const code = (r: ApiEnvelope<unknown>) => (r.ok ? (r.data as { status: string }).status : r.error.code);

interface StormArea {
  key: string;
  signUp: (activityId: string, openid: string) => Promise<ApiEnvelope<unknown>>;
  open: () => Promise<string>;
  member: (i: number) => { orgId?: string; gender?: 'M' | 'F'; tags: string[] };
  prepare?: (openids: string[]) => Promise<void>;
}

const storms: StormArea[] = [
  {
    key: 'rc',
    signUp: (activityId, openid) => callApi(env.cloud.baseUrl, openid, 'recuperation.signUp', { activityId }),
    open: () => openTrip(env.cloud.baseUrl, { capacity: PLACES, review: false, claimHours: 24, waitlist: true }, STAFF.A),
    member: () => ({ tags: ['frontline'] }),
  },
  {
    key: 'mm',
    signUp: (activityId, openid) => callApi(env.cloud.baseUrl, openid, 'matchmaking.signUp', { activityId, followUp: false }),
    open: () =>
      openMatchmakingEvent(
        env.cloud.baseUrl,
        { capacity: PLACES, seats: { M: PLACES / 2, F: PLACES / 2 }, review: false, claimHours: 24, waitlist: true },
        STAFF.A,
      ),
    member: (i) => ({ gender: i % 2 ? 'F' : 'M', tags: [] }),
    prepare: (openids) => inBatches(openids, (o) => callApi(env.cloud.baseUrl, o, 'matchmaking.saveProfile', profileInput()), 8),
  },
  {
    key: 'cp',
    signUp: (eventId, openid) =>
      callApi(env.cloud.baseUrl, openid, 'competitions.register', { eventId, declaration: DECLARATION }),
    open: async () =>
      (
        await openCompetitionEvent(
          env.cloud.baseUrl,
          {
            capacity: PLACES,
            unitCap: 3,
            unitConfirm: false,
            review: false,
            claimHours: 24,
            waitlist: true,
            format: 'individual',
          },
          STAFF.A,
        )
      ).eventId,
    member: (i) => ({ orgId: UNITS[i % UNITS.length], tags: [] }),
  },
];

beforeAll(async () => {
  await putMatrixStaff(env.store);
  await warmInstances(env.cloud.baseUrl);
}, 120_000);

for (const area of storms) {
  it(`${area.key}: ${MEMBERS} members (+${TAPS_TWICE} double taps) for ${PLACES} places, then ${LEAVERS} cancel and re-sign at once`, async () => {
    const people = Array.from({ length: MEMBERS }, (_, i) => `storm-${area.key}-${String(i).padStart(3, '0')}`);
    await putMembers(
      env.store.db,
      people.map((openid, i) => ({ openid, ...area.member(i) })),
    );
    await area.prepare?.(people);
    const activityId = await area.open();

    const rush = await bounded([...people, ...people.slice(0, TAPS_TWICE)].map((o) => () => area.signUp(activityId, o)));
    expect(rush.map(code).filter((c) => c !== 'approved' && c !== 'waitlisted')).toEqual([]);
    expect(await seatViolations(env.store, activityId)).toEqual([]);

    const rows = await env.store.all<StoredRecord>('enrollments', { activityId });
    const approved = rows.filter((r) => r.status === 'approved');
    const leavers = approved.slice(0, LEAVERS).map((r) => r.openid);
    const storm = await bounded(
      leavers.flatMap((o) => [
        () => callApi(env.cloud.baseUrl, o, 'enrollment.cancel', { enrollmentId: `${activityId}_${o}` }),
        () => area.signUp(activityId, o),
      ]),
    );
    const cancels = storm.filter((_, i) => i % 2 === 0);
    const freed = cancels.filter((r) => r.ok && (r.data as { status: string }).status === 'cancelled').length;

    const after = await env.store.all<StoredRecord>('enrollments', { activityId });
    const activity = (await env.store.byId<{ holders: Record<string, string[]>; seatsLeft: number }>('activities', activityId))!;
    const holding = after.filter((r) => SEAT_HOLDING.includes(r.status));
    const _ = env.store.db.command;
    const offers = await env.store.count('timeline', { refId: _.in(after.map((r) => r._id)), status: 'offered' });
    const report = {
      freed,
      offers,
      holders: Object.keys(activity.holders).length,
      holdingRecords: holding.length,
      seatsLeft: activity.seatsLeft,
      answers: storm.map(code).join(' '),
    };
    console.log(`storm ${area.key}: ${JSON.stringify(report)}`);
    expect(await seatViolations(env.store, activityId)).toEqual([]);
    expect(Object.keys(activity.holders).sort()).toEqual(holding.map(holderKeyOf).sort());
    expect(holding.length).toBeLessThanOrEqual(PLACES);
    expect(new Set(after.map((r) => r.openid)).size).toBe(after.length);
    expect(after).toHaveLength(MEMBERS);
    // Each place given up went to the waitlist once (the waitlist is long enough for every one of them).
    expect(offers).toBe(freed);
  }, 600_000);
}
