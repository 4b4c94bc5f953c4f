/**
 * Races and stale copies around review and transfer: one ID number per membership, no decision on an
 * application the reviewer has not seen, no self-review, one open transfer per member.
 */
import { applyInput } from '../support/api';
import { useCloud } from '../support/scenario';

const env = useCloud();

interface Stored {
  _id: string;
  openid: string;
  idHash: string;
  status: string;
  pendingTransferId: string;
  [key: string]: unknown;
}

async function applicationOf(openid: string): Promise<Stored> {
  const [app] = await env.store.all<Stored>('applications', { openid });
  return app;
}

/** Applies as `openid` and has the city staff approve it: a fresh member (employer channel, org-cz-wujin-g1). */
async function makeMember(openid: string): Promise<void> {
  const view = await env.ok(openid, 'membership.apply', applyInput({ name: '测试会员' }));
  await env.ok('demo-staff-city', 'membership.approve', { applicationId: view._id });
}

describe('one ID number, one membership', () => {
  it('refuses a correction of an approved application and leaves its claim alone', async () => {
    const openid = 'ri-race';
    const first = applyInput({ name: '赵一' });
    const view = await env.ok(openid, 'membership.apply', first);
    const oldHash = (await applicationOf(openid)).idHash;
    // An approved application (status set by hand, without the member record the approval would also write).
    await env.store.db
      .collection('applications')
      .doc(view._id)
      .update({ data: { status: 'approved' } });

    const corrected = applyInput({ name: '赵一' });
    const r = await env.call(openid, 'membership.apply', corrected);
    expect(r).toMatchObject({ ok: false, error: { code: 'APPLICATION_LOCKED' } });
    expect(await env.store.byId('applications', view._id)).toMatchObject({ status: 'approved', idHash: oldHash });
    // The approved application's number is still held; the new number's claim was released.
    expect(await env.store.all('id_registry', { openid })).toEqual([expect.objectContaining({ _id: oldHash })]);

    expect(await env.call('ri-race-b', 'membership.apply', corrected)).toMatchObject({ ok: true });
    expect(await env.call('ri-race-c', 'membership.apply', first)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_MEMBER' },
    });
    expect(await env.store.count('id_registry', { _id: oldHash })).toBe(1);
  });

  it('never lets an ID number back in when an approval and a correction with a new number race', async () => {
    // Approve and correct at the same moment, through the SDK and the local cloud, and check the invariants
    // whichever way each round falls. (The narrowest interleaving — an approval landing between the
    // correction's read and its write — is not forced here; the test above sets up the state it leaves.)
    for (let round = 0; round < 15; round++) {
      const openid = `ri-racing-${round}`;
      const first = applyInput({ name: '钱三' });
      const second = applyInput({ name: '钱三' });
      const view = await env.ok(openid, 'membership.apply', first);
      await Promise.all([
        env.call('demo-staff-city', 'membership.approve', { applicationId: view._id }),
        env.call(openid, 'membership.apply', second),
      ]);
      const app = await applicationOf(openid);
      // Whatever won, the registry holds exactly the number on the stored application, for this account.
      const claims = await env.store.all<Stored>('id_registry', { openid });
      expect(claims.map((c) => c._id)).toEqual([app.idHash]);
      if (app.status === 'approved') {
        expect(claims[0]).toMatchObject({ status: 'member' });
        expect((await env.store.byId<Stored>('members', openid))?.idHash).toBe(app.idHash);
      }
      // Of the two numbers, the one this account holds is refused to others; the other one is free.
      const others = await Promise.all([
        env.call(`${openid}-o1`, 'membership.apply', first),
        env.call(`${openid}-o2`, 'membership.apply', second),
      ]);
      expect(others.filter((a) => a.ok)).toHaveLength(1);
      expect(others.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'ALREADY_MEMBER' } });
      expect(await env.store.count('members', { idHash: app.idHash })).toBeLessThanOrEqual(1);
    }
  }, 60_000);

  it('leaves exactly one claim when one account applies twice at once with different ID numbers', async () => {
    for (const openid of ['ri-double-1', 'ri-double-2', 'ri-double-3']) {
      const results = await Promise.all(
        [applyInput({ name: '孙二' }), applyInput({ name: '孙二' })].map((input) => env.call(openid, 'membership.apply', input)),
      );
      expect(results.some((r) => r.ok)).toBe(true);
      const app = await applicationOf(openid);
      const claims = await env.store.all<Stored>('id_registry', { openid });
      expect(claims.map((c) => c._id)).toEqual([app.idHash]);
    }
  });
});

describe('a decision on a stale copy', () => {
  it('is refused when the member corrected the application after the reviewer opened it', async () => {
    const openid = 'ri-stale';
    const view = await env.ok(openid, 'membership.apply', applyInput({ name: '钱二', workUnit: '旧单位名称' }));
    const opened = await env.ok('demo-staff-city', 'membership.get', { applicationId: view._id });
    await env.ok(openid, 'membership.apply', applyInput({ name: '钱二', workUnit: '更正后的单位' }));

    const approve = await env.call('demo-staff-city', 'membership.approve', {
      applicationId: view._id,
      submittedAt: opened.submittedAt,
    });
    expect(approve).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '申请人已修改申请，请重新打开后审核' } });
    const reject = await env.call('demo-staff-city', 'membership.reject', {
      applicationId: view._id,
      submittedAt: opened.submittedAt,
      reason: '材料不全',
    });
    expect(reject).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '申请人已修改申请，请重新打开后审核' } });
    expect(await env.store.byId('applications', view._id)).toMatchObject({ status: 'pending', workUnit: '更正后的单位' });
    expect(await env.store.count('members', { openid })).toBe(0);
    expect(await env.store.count('audit', { action: 'membership.approve', target: view._id })).toBe(0);

    const reopened = await env.ok('demo-staff-city', 'membership.get', { applicationId: view._id });
    const approved = await env.ok('demo-staff-city', 'membership.approve', {
      applicationId: view._id,
      submittedAt: reopened.submittedAt,
    });
    expect(approved).toMatchObject({ status: 'approved', workUnit: '更正后的单位' });
  });
});

describe('self-review', () => {
  const openid = 'ri-self-staff';

  it('is refused for a staff member’s own application', async () => {
    await env.ok('demo-admin', 'roles.grant', { openid, role: 'staff', scopeId: 'org-cz' });
    const view = await env.ok(openid, 'membership.apply', applyInput({ name: '自审员' }));
    const approve = await env.call(openid, 'membership.approve', { applicationId: view._id });
    expect(approve).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能审核本人的申请' } });
    const reject = await env.call(openid, 'membership.reject', { applicationId: view._id, reason: '自己驳回' });
    expect(reject).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能审核本人的申请' } });
    expect(await env.store.byId('applications', view._id)).toMatchObject({ status: 'pending' });
    expect(await env.store.count('members', { openid })).toBe(0);
  });

  it('is refused for a staff member’s own transfer', async () => {
    const app = await applicationOf(openid);
    await env.ok('demo-staff-city', 'membership.approve', { applicationId: app._id });
    const t = await env.ok(openid, 'transfer.request', { toOrgId: 'org-cz-jintan-g1', reason: '工作调动' });
    const approve = await env.call(openid, 'transfer.approve', { transferId: t._id });
    expect(approve).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能审核本人的申请' } });
    const reject = await env.call(openid, 'transfer.reject', { transferId: t._id, reason: '自己驳回' });
    expect(reject).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能审核本人的申请' } });
    expect(await env.store.byId('transfers', t._id)).toMatchObject({ status: 'pending' });
    expect(await env.store.byId('members', openid)).toMatchObject({ orgId: 'org-cz-wujin-g1', pendingTransferId: t._id });
  });
});

describe('transfer requests', () => {
  it('store one pending transfer and lock the member to it when sent three at once', async () => {
    const openid = 'ri-mover';
    await makeMember(openid);
    const results = await Promise.all(
      ['org-cz-jintan-g1', 'org-cz-liyang-g1', 'org-cz-tianning-g1'].map((toOrgId) =>
        env.call(openid, 'transfer.request', { toOrgId, reason: '工作调动' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const transfers = await env.store.all<Stored>('transfers', { openid });
    expect(transfers).toHaveLength(1);
    expect(transfers[0].status).toBe('pending');
    expect((await env.store.byId<Stored>('members', openid))!.pendingTransferId).toBe(transfers[0]._id);
  });

  it('keep an employer-channel member out of orgs only new-employment workers may join', async () => {
    const openid = 'ri-employer';
    await makeMember(openid);
    expect(await env.store.byId('members', openid)).toMatchObject({ channel: 'employer' });
    // demo-member-01 is a seeded member whose record predates the stored channel: its application decides.
    for (const who of [openid, 'demo-member-01']) {
      const before = await env.store.snapshot(['transfers', 'timeline']);
      const r = await env.call(who, 'transfer.request', { toOrgId: 'org-cz-tianning', reason: '工作调动' });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'toOrgId' } } });
      expect(await env.store.snapshot(['transfers', 'timeline'])).toEqual(before);
      expect(await env.store.byId('members', who)).toMatchObject({ pendingTransferId: '' });
    }
  });

  it('are not approved for a suspended member', async () => {
    const openid = 'ri-suspended';
    await makeMember(openid);
    const t = await env.ok(openid, 'transfer.request', { toOrgId: 'org-cz-jintan-g1', reason: '工作调动' });
    await env.store.db
      .collection('members')
      .doc(openid)
      .update({ data: { status: 'suspended' } });
    const r = await env.call('demo-staff-city', 'transfer.approve', { transferId: t._id });
    expect(r).toMatchObject({ ok: false, error: { code: 'MEMBER_INACTIVE' } });
    expect(await env.store.byId('transfers', t._id)).toMatchObject({ status: 'pending' });
    expect(await env.store.byId('members', openid)).toMatchObject({ orgId: 'org-cz-wujin-g1', pendingTransferId: t._id });
    expect(await env.store.count('audit', { target: t._id })).toBe(0);
  });
});
