/**
 * Issue 17 "no seat given twice", 疗休养: every pair of actions on one seat, the first held before each of its
 * database requests in turn (tests/support/seatMatrix.ts). After every order the trip's holders are exactly the
 * records holding a place, seatsLeft = capacity − holders, nobody has two records or two offers.
 */
import { callApi } from '../support/api';
import { clearPauses } from '../support/interleave';
import { useCloud } from '../support/scenario';
import {
  defineSeatMatrix,
  holderKeyOf,
  membersOf,
  openidOf,
  putMatrixStaff,
  seatViolations,
  STAFF,
  type EngineArea,
} from '../support/seatMatrix';
import { openTrip, putMembers, warmInstances } from '../support/trips';

const env = useCloud({ demo: false });
const member = { tags: ['frontline'] };

const recuperation: EngineArea = {
  key: 'rc',
  people: { A: member, P: member, Q: member, O: member, W1: member, W2: member, X: member },
  signUpAction: 'recuperation.signUp',
  signUpInput: (activityId) => ({ activityId }),
  open: (baseUrl, organiser) =>
    openTrip(baseUrl, { capacity: 3, review: true, claimHours: 24, waitlist: true, allowNomination: true }, organiser),
  removal: 'objection',
  nomination: true,
  unitConfirm: false,
};

afterEach(() => clearPauses(env.cloud.baseUrl));

defineSeatMatrix(recuperation, env, {
  beforeTemplate: async () => {
    await putMatrixStaff(env.store);
    await putMembers(env.store.db, membersOf(recuperation));
    await warmInstances(env.cloud.baseUrl, 3);
  },
});

it('a second tap of 取消报名 answers with the cancelled enrollment', async () => {
  const baseUrl = env.cloud.baseUrl;
  const tripId = await openTrip(baseUrl, { capacity: 2 }, STAFF.A);
  const who = openidOf(recuperation, 'X');
  const signed = await callApi(baseUrl, who, 'recuperation.signUp', { activityId: tripId });
  expect(signed).toMatchObject({ ok: true, data: { status: 'approved' } });
  const enrollmentId = `${tripId}_${who}`;
  const first = await callApi(baseUrl, who, 'enrollment.cancel', { enrollmentId });
  const second = await callApi(baseUrl, who, 'enrollment.cancel', { enrollmentId });
  expect(first).toMatchObject({ ok: true, data: { _id: enrollmentId, status: 'cancelled' } });
  expect(second).toMatchObject({ ok: true, data: { _id: enrollmentId, status: 'cancelled' } });
  expect(await seatViolations(env.store, tripId)).toEqual([]);
  expect(holderKeyOf({ openid: who })).toBe(who);
});
