/**
 * Every pair of decisions and corrections on one application, forced into every order: the first call is
 * held before each of its database requests in turn (k = 1, 2, … until it makes fewer), the second runs to
 * its end meanwhile, then the first goes on. Whatever the order: never two members or two open applications
 * for one ID number, the ID registry agrees with the applications, and no call answers INTERNAL.
 */
import type { ActionName } from '../../cloudfunctions/api/src/contract';
import { makeIdNumber } from '../../cloudfunctions/api/src/rules/idNumber';
import { PRIVACY_POLICY_VERSION } from '../../cloudfunctions/api/src/rules/membership';
import { idHashOf } from '../../cloudfunctions/api/fixtures/people';
import type { ApiEnvelope } from '../support/api';
import { builtOnce, clearPauses, pauseAt } from '../support/interleave';
import { givenApplicant, givenMember, useCloud } from '../support/scenario';

jest.setTimeout(600_000);

/**
 * A plain write of the second call that meets a lock of the held call's open transaction can only run out its
 * lock wait (the held call goes on only once the second has ended), and the product handles that timeout
 * (`decideOrWait`): the interleaving is the same whether the wait lasts 5 s (the default) or 0.3 s. Nothing else
 * runs at the same time in this file, so no other write ever waits for a lock.
 */
const env = useCloud({ args: ['--lock-wait-ms', '300'] });
afterEach(() => clearPauses(env.cloud.baseUrl));

const ORG = 'org-cz-wujin-g1';
const STAFF = 'demo-staff-city';
const STAFF_2 = 'demo-staff-wujin';

let serial = 0;
/** A fresh fictional ID number per use (birth dates walk through 1985, sequences through 000–999). */
function freshId(): string {
  serial += 1;
  const day = new Date(Date.UTC(1985, 0, 1 + (serial % 360)));
  const birth = day.toISOString().slice(0, 10).replace(/-/g, '');
  return makeIdNumber('320411', birth, String(Math.floor(serial / 360) % 1000).padStart(3, '0'));
}

interface State {
  applicant: { openid: string; applicationId: string; idNumber: string; idHash: string };
  /** Another person, and a second ID number the applicant may switch to. */
  other: string;
  newId: string;
  member?: { openid: string };
  transferId?: string;
}

interface Op {
  name: string;
  caller: (s: State) => string;
  action: ActionName;
  run: (s: State) => Promise<ApiEnvelope<unknown>>;
}

function applyAs(openid: string, idNumber: string, workUnit = '常州湖塘精密机械有限公司'): Promise<ApiEnvelope<unknown>> {
  return env.call(openid, 'membership.apply', {
    name: '交错测试',
    idNumber,
    mobile: '13800001111',
    workUnit,
    orgId: ORG,
    channel: 'employer',
    privacyConsent: PRIVACY_POLICY_VERSION,
  });
}

const approve = (by = STAFF): Op => ({
  name: by === STAFF ? 'approve' : 'approve (second staffer)',
  caller: () => by,
  action: 'membership.approve',
  run: (s) => env.call(by, 'membership.approve', { applicationId: s.applicant.applicationId }),
});
/** A batch approval (membership.approveMany) of this one application, by the second staffer. */
const approveMany: Op = {
  name: 'approveMany',
  caller: () => STAFF_2,
  action: 'membership.approveMany',
  run: (s) => env.call(STAFF_2, 'membership.approveMany', { items: [{ applicationId: s.applicant.applicationId }] }),
};
const reject: Op = {
  name: 'reject',
  caller: () => STAFF,
  action: 'membership.reject',
  run: (s) => env.call(STAFF, 'membership.reject', { applicationId: s.applicant.applicationId, reason: '材料不全' }),
};
/** The applicant corrects the application (or resubmits a rejected one) with the same number. */
const correct: Op = {
  name: 'correct',
  caller: (s) => s.applicant.openid,
  action: 'membership.apply',
  run: (s) => applyAs(s.applicant.openid, s.applicant.idNumber, '更正后的单位名称'),
};
/** The applicant corrects the ID number itself: the old number is given back. */
const correctNewId: Op = {
  name: 'correct with another ID number',
  caller: (s) => s.applicant.openid,
  action: 'membership.apply',
  run: (s) => applyAs(s.applicant.openid, s.newId),
};
/** Someone else applies with the applicant's (original) number. */
const otherClaims: Op = {
  name: 'another person applies with that number',
  caller: (s) => s.other,
  action: 'membership.apply',
  run: (s) => applyAs(s.other, s.applicant.idNumber),
};

async function applicationState(s: State): Promise<void> {
  s.applicant = await givenApplicant(env, { orgId: ORG, idNumber: freshId(), name: '交错测试' });
}

/** Checks the invariants for every number involved, and that no call answered INTERNAL. */
async function expectConsistent(s: State, answers: Array<ApiEnvelope<unknown> | undefined>, label: string): Promise<void> {
  for (const a of answers) {
    if (a && !a.ok) expect({ label, code: a.error.code }).not.toEqual({ label, code: 'INTERNAL' });
  }
  // Read at once (the reads are independent; nothing runs meanwhile), checked one number after the other.
  const stored = await Promise.all(
    [s.applicant.idNumber, s.newId].map((idNumber) => {
      const idHash = idHashOf(idNumber);
      return Promise.all([
        env.store.all<{ openid: string }>('members', { idHash }),
        env.store.all<{ openid: string; status: string }>('applications', {
          idHash,
          status: env.store.db.command.in(['pending', 'approved']),
        }),
        env.store.byId<{ openid: string; status: string }>('id_registry', idHash),
      ]);
    }),
  );
  for (const [members, open, claim] of stored) {
    expect({ label, members: members.length }).toEqual({ label, members: Math.min(members.length, 1) });
    expect({ label, open: open.length }).toEqual({ label, open: Math.min(open.length, 1) });
    // The registry holds the number exactly when an open application does, for that application's owner.
    expect({ label, claim: claim ? { openid: claim.openid, status: claim.status } : null }).toEqual({
      label,
      claim: open[0] ? { openid: open[0].openid, status: open[0].status === 'approved' ? 'member' : 'applied' } : null,
    });
    if (open[0]?.status === 'approved') expect({ label, member: members[0]?.openid }).toEqual({ label, member: open[0].openid });
    else expect({ label, members: members.length }).toEqual({ label, members: 0 });
  }
}

/**
 * Runs `first` held before each of its database requests in turn while `second` runs to its end, each time from
 * the same starting state (built once, then put back: `builtOnce`); returns the number of pause points.
 */
async function forceEveryOrder(prepare: (s: State) => Promise<void>, first: Op, second: Op): Promise<number> {
  const fresh = builtOnce(env.cloud.baseUrl, async () => {
    const s = { other: `il-other-${serial}`, newId: freshId() } as State;
    await prepare(s);
    return s;
  });
  for (let k = 1; k <= 60; k += 1) {
    const s = await fresh();
    const pause = await pauseAt(env.cloud.baseUrl, {
      function: 'api',
      openid: first.caller(s),
      action: first.action,
      atRequest: k,
    });
    const firstCall = first.run(s);
    const reached = await pause.settled();
    let secondAnswer: ApiEnvelope<unknown> | undefined;
    if (reached.state === 'paused') {
      secondAnswer = await second.run(s);
      await pause.release();
    }
    const firstAnswer = await firstCall;
    const label = `${first.name} held at request ${k}, ${second.name} in between`;
    await expectConsistent(s, [firstAnswer, secondAnswer], label);
    if (reached.state === 'missed') return k - 1;
  }
  throw new Error('more than 60 pause points');
}

const PAIRS: Array<[string, (s: State) => Promise<void>, Op, Op]> = [
  ['approve / correct', applicationState, approve(), correct],
  ['reject / correct', applicationState, reject, correct],
  ['approve / reject', applicationState, approve(), reject],
  ['approve / approve', applicationState, approve(), approve(STAFF_2)],
  ['approve / approveMany', applicationState, approve(), approveMany],
  ['approveMany / reject', applicationState, approveMany, reject],
  ['approveMany / correct', applicationState, approveMany, correct],
  ['approveMany / correct with another number', applicationState, approveMany, correctNewId],
  ['reject / correct with another number', applicationState, reject, correctNewId],
  ['approve / correct with another number', applicationState, approve(), correctNewId],
  ['correct with another number / another person takes the old one', applicationState, correctNewId, otherClaims],
  ['reject / another person takes the number', applicationState, reject, otherClaims],
  [
    'resubmit after rejection / another person takes the number',
    async (s) => {
      await applicationState(s);
      await env.ok(STAFF, 'membership.reject', { applicationId: s.applicant.applicationId, reason: '请补充材料' });
    },
    correct,
    otherClaims,
  ],
];

describe.each(PAIRS)('%s', (_name, prepare, a, b) => {
  it(`holds with ${a.name} held at each request while ${b.name} runs`, async () => {
    expect(await forceEveryOrder(prepare, a, b)).toBeGreaterThan(3);
  });
  it(`holds with ${b.name} held at each request while ${a.name} runs`, async () => {
    expect(await forceEveryOrder(prepare, b, a)).toBeGreaterThan(3);
  });
});

describe('transfers', () => {
  const TO_A = 'org-cz-jintan-g1';
  const TO_B = 'org-cz-tianning-g1';
  const memberState = async (s: State) => {
    const m = await givenMember(env, { orgId: ORG, idNumber: freshId() });
    s.member = { openid: m.openid };
    s.applicant = { openid: m.openid, applicationId: m.applicationId, idNumber: m.idNumber, idHash: m.idHash };
  };
  const request = (to: string): Op => ({
    name: `request a transfer to ${to}`,
    caller: (s) => s.member!.openid,
    action: 'transfer.request',
    run: (s) => env.call(s.member!.openid, 'transfer.request', { toOrgId: to, reason: '工作调动' }),
  });

  async function openTransfers(s: State): Promise<number> {
    return env.store.count('transfers', { openid: s.member!.openid, status: 'pending' });
  }

  it('never leaves a member with two open transfers, in any order of two requests', async () => {
    const fresh = builtOnce(env.cloud.baseUrl, async () => {
      const s = { newId: freshId() } as State;
      await memberState(s);
      return s;
    });
    for (let k = 1; k <= 60; k += 1) {
      const s = await fresh();
      const pause = await pauseAt(env.cloud.baseUrl, {
        function: 'api',
        openid: s.member!.openid,
        action: 'transfer.request',
        atRequest: k,
      });
      const first = request(TO_A).run(s);
      const reached = await pause.settled();
      let second: ApiEnvelope<unknown> | undefined;
      if (reached.state === 'paused') {
        second = await request(TO_B).run(s);
        await pause.release();
      }
      const answers = [await first, second];
      expect(answers.some((r) => r && !r.ok && r.error.code === 'INTERNAL')).toBe(false);
      const open = await openTransfers(s);
      expect(open).toBe(1);
      const member = await env.store.byId<{ pendingTransferId: string }>('members', s.member!.openid);
      const [pending] = await env.store.all<{ _id: string }>('transfers', { openid: s.member!.openid, status: 'pending' });
      expect(member?.pendingTransferId).toBe(pending._id);
      if (reached.state === 'missed') return;
    }
  });

  it('decides a transfer once when approval and rejection interleave', async () => {
    const decide = (kind: 'approve' | 'reject'): Op => ({
      name: kind,
      caller: () => STAFF,
      action: kind === 'approve' ? 'transfer.approve' : 'transfer.reject',
      run: (s) =>
        kind === 'approve'
          ? env.call(STAFF, 'transfer.approve', { transferId: s.transferId! })
          : env.call(STAFF, 'transfer.reject', { transferId: s.transferId!, reason: '材料不全' }),
    });
    for (const [first, second] of [
      [decide('approve'), decide('reject')],
      [decide('reject'), decide('approve')],
    ]) {
      const fresh = builtOnce(env.cloud.baseUrl, async () => {
        const s = { newId: freshId() } as State;
        await memberState(s);
        s.transferId = (await env.ok(s.member!.openid, 'transfer.request', { toOrgId: TO_A, reason: '工作调动' }))._id;
        return s;
      });
      for (let k = 1; k <= 60; k += 1) {
        const s = await fresh();
        const pause = await pauseAt(env.cloud.baseUrl, { function: 'api', openid: STAFF, action: first.action, atRequest: k });
        const firstCall = first.run(s);
        const reached = await pause.settled();
        let secondAnswer: ApiEnvelope<unknown> | undefined;
        if (reached.state === 'paused') {
          secondAnswer = await second.run(s);
          await pause.release();
        }
        const answers = [await firstCall, secondAnswer];
        expect(answers.some((r) => r && !r.ok && r.error.code === 'INTERNAL')).toBe(false);
        const t = await env.store.byId<{ status: string }>('transfers', s.transferId!);
        const member = await env.store.byId<{ orgId: string; pendingTransferId: string }>('members', s.member!.openid);
        expect(['approved', 'rejected']).toContain(t?.status);
        // The member moved exactly when the transfer was approved, and is free to ask again either way.
        expect(member).toMatchObject({ orgId: t?.status === 'approved' ? TO_A : ORG, pendingTransferId: '' });
        expect(answers.filter((r) => r?.ok)).toHaveLength(1);
        if (reached.state === 'missed') break;
      }
    }
  });
});
