/**
 * Issue 17 "no seat given twice", 技能竞赛: the seat matrix (tests/support/seatMatrix.ts) on an individual event
 * with a per-unit cap of 2 and 单位推荐 — the unit quota groups must agree with the holders whatever the order.
 * Starting state: A (unit g1) approved, P (g2) pending, O (g1) offered, W1 (g1) and W2 (g2) waitlisted, X (g3) new.
 */
import { clearPauses } from '../support/interleave';
import { DECLARATION, openEvent } from '../support/competitions';
import { useCloud } from '../support/scenario';
import { defineSeatMatrix, membersOf, putMatrixStaff, type EngineArea } from '../support/seatMatrix';
import { putMembers, warmInstances } from '../support/trips';

const env = useCloud({ demo: false });
const unit = (g: string) => ({ orgId: `org-cz-wujin-${g}` });

const competitions: EngineArea = {
  key: 'cp',
  people: { A: unit('g1'), P: unit('g2'), Q: unit('g1'), O: unit('g1'), W1: unit('g1'), W2: unit('g2'), X: unit('g3') },
  signUpAction: 'competitions.register',
  signUpInput: (eventId) => ({ eventId, declaration: DECLARATION }),
  open: async (baseUrl, organiser) =>
    (
      await openEvent(
        baseUrl,
        { capacity: 3, unitCap: 2, unitConfirm: true, review: true, claimHours: 24, waitlist: true, format: 'individual' },
        organiser,
      )
    ).eventId,
  removal: 'objection',
  nomination: false,
  unitConfirm: true,
};

afterEach(() => clearPauses(env.cloud.baseUrl));

defineSeatMatrix(competitions, env, {
  beforeTemplate: async () => {
    await putMatrixStaff(env.store);
    await putMembers(env.store.db, membersOf(competitions));
    await warmInstances(env.cloud.baseUrl, 3);
  },
});
