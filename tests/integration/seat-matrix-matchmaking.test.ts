/**
 * Issue 17 "no seat given twice", 单身联谊: the seat matrix (tests/support/seatMatrix.ts) on an event with per-gender
 * seats (2 men, 1 woman) — the gender quota groups must agree with the holders whatever the order, and a place
 * freed goes to the first in line of that gender. Starting state: A (M) approved, P (F) pending, O (M) offered,
 * W1 (F) and W2 (M) waitlisted, X (F) new. Staff removal = a report upheld by the organiser.
 */
import { participantIdOf } from '../../cloudfunctions/api/src/modules/matchmaking/ids';
import { fixtureKeys } from '../../cloudfunctions/api/fixtures/people';
import { callOk } from '../support/api';
import { clearPauses } from '../support/interleave';
import { openEvent, profileInput } from '../support/matchmaking';
import { useCloud } from '../support/scenario';
import { defineSeatMatrix, membersOf, putMatrixStaff, type EngineArea } from '../support/seatMatrix';
import { putMembers, warmInstances } from '../support/trips';

const env = useCloud({ demo: false });
const man = { gender: 'M' as const };
const woman = { gender: 'F' as const };

const matchmaking: EngineArea = {
  key: 'mm',
  people: { A: man, P: woman, Q: man, O: man, W1: woman, W2: man, X: woman },
  signUpAction: 'matchmaking.signUp',
  signUpInput: (activityId) => ({ activityId, followUp: true }),
  open: (baseUrl, organiser) =>
    openEvent(baseUrl, { capacity: 3, seats: { M: 2, F: 1 }, review: true, claimHours: 24, waitlist: true }, organiser),
  prepare: async (baseUrl, openid) => {
    await callOk(baseUrl, openid, 'matchmaking.saveProfile', profileInput());
  },
  cloneExtra: (extra, activityId, openid) => ({
    ...extra,
    participantId: participantIdOf(activityId, openid, fixtureKeys().hashKey),
  }),
  removal: 'report',
  nomination: false,
  unitConfirm: false,
};

afterEach(() => clearPauses(env.cloud.baseUrl));

defineSeatMatrix(matchmaking, env, {
  beforeTemplate: async () => {
    await putMatrixStaff(env.store);
    await putMembers(env.store.db, membersOf(matchmaking));
    await warmInstances(env.cloud.baseUrl, 3);
  },
});
