/**
 * 批量通过 (membership.approveMany): each application decided on its own with the checks of a single approval,
 * and what an approval makes stored for each one approved (member with its own card number, registry entry,
 * audit entry, 我的申请 entry and the consented message) — through the real SDK on the local cloud.
 */
import { apiBundleExists } from '../support/api';
import { givenApplicant, useCloud } from '../support/scenario';
import { outbox } from '../support/trips';

const env = useCloud();
const STAFF = 'demo-staff-wujin';

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
});

describe('membership.approveMany', () => {
  it('approves the pending ones, refuses each other one with its reason, and stores what an approval makes', async () => {
    const a = await givenApplicant(env, { orgId: 'org-cz-wujin-g1', name: '批量甲' });
    const b = await givenApplicant(env, { orgId: 'org-cz-wujin-g2', name: '批量乙' });
    const elsewhere = await givenApplicant(env, { orgId: 'org-cz-tianning-g1', name: '辖外丙' });
    const decided = await givenApplicant(env, { orgId: 'org-cz-wujin-g1', name: '已审丁' });
    await env.ok(STAFF, 'membership.approve', { applicationId: decided.applicationId });
    const changed = await givenApplicant(env, { orgId: 'org-cz-wujin-g1', name: '已改戊' });
    const taken = await givenApplicant(env, { orgId: 'org-cz-wujin-g1', name: '占用己' });
    await env.store.db
      .collection('id_registry')
      .doc(taken.idHash)
      .update({ data: { openid: 'someone-else' } });
    await env.ok(a.openid, 'notify.consent', { templateKey: 'membership_status', accepted: true });
    await fetch(`${env.cloud.baseUrl}/_emu/outbox`, { method: 'DELETE' });

    const result = await env.ok(STAFF, 'membership.approveMany', {
      items: [
        { applicationId: a.applicationId },
        { applicationId: b.applicationId },
        { applicationId: elsewhere.applicationId },
        { applicationId: decided.applicationId },
        { applicationId: changed.applicationId, submittedAt: '2024-01-01T00:00:00.000Z' },
        { applicationId: taken.applicationId },
        { applicationId: 'A-no-such-application' },
        { applicationId: a.applicationId },
      ],
    });
    expect(result.approved).toEqual([a.applicationId, b.applicationId]);
    expect(result.failed).toEqual([
      { applicationId: elsewhere.applicationId, name: '', message: '该记录不属于您管辖的工会，无权处理' },
      { applicationId: decided.applicationId, name: '已审丁', message: '该申请已被处理，请刷新列表' },
      { applicationId: changed.applicationId, name: '已改戊', message: '申请人已修改申请，请重新打开后审核' },
      { applicationId: taken.applicationId, name: '占用己', message: '该身份证号已被他人占用，请核实后处理' },
      { applicationId: 'A-no-such-application', name: '', message: '入会申请不存在' },
      { applicationId: a.applicationId, name: '批量甲', message: '该申请已被处理，请刷新列表' },
    ]);

    const members = await Promise.all(
      [a, b].map((p) => env.store.byId<{ cardNo: string; status: string; orgId: string }>('members', p.openid)),
    );
    expect(members.map((m) => m?.status)).toEqual(['active', 'active']);
    expect(members.map((m) => m?.orgId)).toEqual(['org-cz-wujin-g1', 'org-cz-wujin-g2']);
    expect(new Set(members.map((m) => m?.cardNo)).size).toBe(2);
    const decidedMember = await env.store.byId<{ cardNo: string }>('members', decided.openid);
    expect(members.map((m) => m?.cardNo)).not.toContain(decidedMember?.cardNo);
    for (const p of [a, b]) {
      expect(await env.store.byId('id_registry', p.idHash)).toMatchObject({ openid: p.openid, status: 'member' });
      expect(await env.store.byId('applications', p.applicationId)).toMatchObject({ status: 'approved', reviewedBy: STAFF });
      expect(await env.store.count('audit', { action: 'membership.approve', target: p.applicationId })).toBe(1);
      const timeline = await env.ok(p.openid, 'timeline.list', {});
      expect(timeline.items[0]).toMatchObject({ refId: p.applicationId, status: 'approved', title: '入会申请已通过' });
    }
    // The call wrote everything an approval makes: no application is left waiting for its member.
    expect(await env.store.count('applications', { awaitingMember: true })).toBe(0);
    // Nothing approved for the refused ones.
    for (const p of [elsewhere, changed, taken]) {
      expect(await env.store.byId('applications', p.applicationId)).toMatchObject({ status: 'pending' });
      expect(await env.store.byId('members', p.openid)).toBeNull();
    }
    expect(await env.store.byId('id_registry', taken.idHash)).toMatchObject({ openid: 'someone-else', status: 'applied' });
    // The one who consented gets one message, and the consent is used.
    const messages = await outbox(env.cloud.baseUrl);
    expect(messages.map((m) => m.touser)).toEqual([a.openid]);
    expect(await env.store.byId('consents', `${a.openid}:membership_status`)).toMatchObject({ accepted: false });
  });

  it('decides an application once when a batch and a single approval race', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => givenApplicant(env, { orgId: 'org-cz-wujin-g1' })));
    const items = people.map((p) => ({ applicationId: p.applicationId }));
    const [batch, ...singles] = await Promise.all([
      env.ok(STAFF, 'membership.approveMany', { items }),
      ...people.map((p) => env.call('demo-staff-city', 'membership.approve', { applicationId: p.applicationId })),
    ]);
    const singleWins = singles.filter((r) => r.ok).length;
    expect(batch.approved.length + singleWins).toBe(6);
    for (const p of people) {
      expect(await env.store.count('members', { openid: p.openid })).toBe(1);
      expect(await env.store.byId('id_registry', p.idHash)).toMatchObject({ openid: p.openid, status: 'member' });
      expect(await env.store.count('audit', { action: 'membership.approve', target: p.applicationId })).toBe(1);
    }
  });

  it('is finished by the cron when the call died after the decision, once', async () => {
    // What a batch call leaves when it dies between its decision and the member records (timeout, crash).
    const p = await givenApplicant(env, { orgId: 'org-cz-wujin-g1', name: '中断庚' });
    const decidedAt = new Date(Date.now() - 10 * 60_000);
    await env.store.db
      .collection('applications')
      .doc(p.applicationId)
      .update({
        data: { status: 'approved', reviewedAt: decidedAt, reviewedBy: STAFF, approvalBatch: 'b-died', awaitingMember: true },
      });
    const fresh = await givenApplicant(env, { orgId: 'org-cz-wujin-g1', name: '进行中辛' });
    await env.store.db
      .collection('applications')
      .doc(fresh.applicationId)
      .update({
        data: { status: 'approved', reviewedAt: new Date(), reviewedBy: STAFF, approvalBatch: 'b-running', awaitingMember: true },
      });

    for (let round = 0; round < 2; round += 1) {
      const res = await fetch(`${env.cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
      expect(res.status).toBe(200);
    }
    expect(await env.store.byId('members', p.openid)).toMatchObject({
      status: 'active',
      orgId: 'org-cz-wujin-g1',
      cardNo: expect.stringMatching(/^CZ\d{10}$/),
    });
    expect(await env.store.count('members', { openid: p.openid })).toBe(1);
    expect(await env.store.byId('id_registry', p.idHash)).toMatchObject({ openid: p.openid, status: 'member' });
    expect(await env.store.byId<Record<string, unknown>>('applications', p.applicationId)).not.toHaveProperty('awaitingMember');
    expect(await env.store.count('audit', { action: 'membership.approve', target: p.applicationId, actor: STAFF })).toBe(1);
    const timeline = await env.ok(p.openid, 'timeline.list', {});
    expect(timeline.items.filter((i: { status: string }) => i.status === 'approved')).toHaveLength(1);
    // A mark younger than any call may live belongs to a call still running: left to it.
    expect(await env.store.byId('members', fresh.openid)).toBeNull();
    expect(await env.store.byId('applications', fresh.applicationId)).toMatchObject({ awaitingMember: true });
  });
});
