/** 转会 decided by the receiving org, role grant/revoke with audit, consent-driven subscribe messages. */
import { useCloud } from '../support/scenario';

const env = useCloud();

describe('transfer (转会)', () => {
  let transferId: string;

  it('lets an approved member request a move, once at a time', async () => {
    const t = await env.ok('demo-member-01', 'transfer.request', {
      toOrgId: 'org-cz-jintan-g1',
      reason: '工作调动至金坛',
    });
    transferId = t._id;
    expect(t).toMatchObject({
      status: 'pending',
      fromOrgId: 'org-cz-wujin-g1',
      toOrgId: 'org-cz-jintan-g1',
      toOrgName: '金坛茅山茶业有限公司工会',
    });
    expect(await env.store.byId('members', 'demo-member-01')).toMatchObject({
      pendingTransferId: transferId,
      orgId: 'org-cz-wujin-g1',
    });
    const second = await env.call('demo-member-01', 'transfer.request', {
      toOrgId: 'org-cz-liyang-g1',
      reason: '再次申请',
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await env.store.count('transfers', { openid: 'demo-member-01' })).toBe(1);
  });

  it('is refused to non-members and to the current org', async () => {
    expect(
      await env.call('demo-applicant-01', 'transfer.request', { toOrgId: 'org-cz-jintan-g1', reason: '想转会' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    const before = await env.store.snapshot(['transfers']);
    const sameOrg = await env.call('demo-member-01', 'transfer.request', {
      toOrgId: 'org-cz-wujin-g1',
      reason: '想转会',
    });
    expect(sameOrg).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'toOrgId' } } });
    expect(await env.store.snapshot(['transfers'])).toEqual(before);
  });

  it('cannot be decided by the sending org staff', async () => {
    const r = await env.call('demo-staff-wujin', 'transfer.approve', { transferId });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const list = await env.ok('demo-staff-wujin', 'transfer.list', {});
    expect(list.items).toHaveLength(0);
    expect(await env.store.byId('transfers', transferId)).toMatchObject({ status: 'pending' });
  });

  it('is approved by staff of the receiving subtree and moves the member', async () => {
    await env.ok('demo-admin', 'roles.grant', { openid: 'staff-jintan', role: 'staff', scopeId: 'org-cz-jintan' });
    const list = await env.ok('staff-jintan', 'transfer.list', { status: 'pending' });
    expect(list.items.map((t) => t._id)).toEqual([transferId]);
    const approved = await env.ok('staff-jintan', 'transfer.approve', { transferId });
    expect(approved).toMatchObject({ status: 'approved' });
    expect(await env.store.byId('members', 'demo-member-01')).toMatchObject({
      orgId: 'org-cz-jintan-g1',
      orgName: '金坛茅山茶业有限公司工会',
      orgPath: ['org-cz', 'org-cz-jintan', 'org-cz-jintan-g1'],
      pendingTransferId: '',
    });
    expect(await env.store.count('audit', { action: 'transfer.approve', target: transferId, actor: 'staff-jintan' })).toBe(1);
    expect((await env.ok('demo-member-01', 'card.get', {})).orgName).toBe('金坛茅山茶业有限公司工会');
    const timeline = await env.ok('demo-member-01', 'timeline.list', {});
    expect(timeline.items[0]).toMatchObject({ area: 'transfer', refId: transferId, status: 'approved' });
  });

  it('can be rejected with a reason (required)', async () => {
    const t = await env.ok('demo-member-01', 'transfer.request', {
      toOrgId: 'org-cz-liyang-g2',
      reason: '搬家到溧阳',
    });
    const noReason = await env.call('demo-staff-city', 'transfer.reject', { transferId: t._id });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const rejected = await env.ok('demo-staff-city', 'transfer.reject', {
      transferId: t._id,
      reason: '请先与原单位办理手续',
    });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '请先与原单位办理手续' });
    expect(await env.store.byId('members', 'demo-member-01')).toMatchObject({ orgId: 'org-cz-jintan-g1', pendingTransferId: '' });
  });
});

describe('roles', () => {
  it('grant and revoke are admin-only, stored with a deterministic id, and audited', async () => {
    const granted = await env.ok('demo-admin', 'roles.grant', {
      openid: 'new-staffer',
      role: 'staff',
      scopeId: 'org-cz-xinbei',
    });
    expect(granted).toMatchObject({
      _id: 'new-staffer:staff:org-cz-xinbei',
      role: 'staff',
      scopeId: 'org-cz-xinbei',
      grantedBy: 'demo-admin',
    });
    await env.ok('demo-admin', 'roles.grant', { openid: 'new-staffer', role: 'staff', scopeId: 'org-cz-xinbei' });
    expect(await env.store.count('roles', { openid: 'new-staffer' })).toBe(1);
    expect((await env.ok('new-staffer', 'session.get', {})).roles).toHaveLength(1);
    // Only applications of the staffer's own subtree (the demo data has members in 新北区 too).
    const visible = (await env.ok('new-staffer', 'membership.list', {})).items;
    expect(visible.every((a) => a.orgId.startsWith('org-cz-xinbei'))).toBe(true);

    const revoked = await env.ok('demo-admin', 'roles.revoke', {
      openid: 'new-staffer',
      role: 'staff',
      scopeId: 'org-cz-xinbei',
    });
    expect(revoked._id).toBe('new-staffer:staff:org-cz-xinbei');
    expect(await env.store.count('roles', { openid: 'new-staffer' })).toBe(0);
    expect(await env.call('new-staffer', 'membership.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const audit = await env.store.all<{ action: string; actor: string; target: string }>('audit', {
      target: 'new-staffer:staff:org-cz-xinbei',
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['roles.grant', 'roles.grant', 'roles.revoke']);
    for (const a of audit) expect(a.actor).toBe('demo-admin');
    const listed = await env.ok('demo-admin', 'audit.list', {});
    expect(listed.items.some((a) => a.actionLabel === '撤销角色' && a.actorName === '刘洋')).toBe(true);
  });

  it('validates scopes', async () => {
    const noScope = await env.call('demo-admin', 'roles.grant', { openid: 'x', role: 'staff' });
    expect(noScope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badOrg = await env.call('demo-admin', 'roles.grant', {
      openid: 'x',
      role: 'staff',
      scopeId: 'org-nowhere',
    });
    expect(badOrg).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '所选工会不存在' } });
    const missing = await env.call('demo-admin', 'roles.revoke', { openid: 'x', role: 'merchant', scopeId: 'm-1' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists grants including env admins', async () => {
    const { items } = await env.ok('demo-admin', 'roles.list', {});
    expect(items.map((g) => g._id)).toEqual(
      expect.arrayContaining([
        'demo-staff-wujin:staff:org-cz-wujin',
        'demo-merchant-01:merchant:merchant-01',
        'demo-admin:admin:*',
      ]),
    );
  });
});

describe('subscribe messages', () => {
  it('sends one message per consent on a status change', async () => {
    const consent = await env.ok('demo-courier-01', 'notify.consent', {
      templateKey: 'membership_status',
      accepted: true,
    });
    expect(consent.consents).toEqual([expect.objectContaining({ templateKey: 'membership_status', accepted: true })]);
    const app = await env.ok('demo-courier-01', 'membership.mine', {});
    await env.ok('demo-staff-city', 'membership.approve', { applicationId: app!._id });
    // One-time subscription: the consent is used up.
    expect(await env.store.byId('consents', 'demo-courier-01:membership_status')).toMatchObject({ accepted: false });
    const outbox = await fetch(`${env.cloud.baseUrl}/_emu/outbox`)
      .then((r) => r.json())
      .catch(() => null);
    const text = JSON.stringify(outbox ?? {});
    expect(text).toContain('demo-courier-01');
    expect(text).toContain('入会申请已通过');
  });
});
