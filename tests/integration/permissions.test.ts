/** Who may do what: members, scoped staff, admins. Every refusal is checked on the store too. */
import { applyInput } from '../support/api';
import { useCloud } from '../support/scenario';

const env = useCloud();

let wujinAppId: string;
let tianningAppId: string;

beforeAll(async () => {
  wujinAppId = (await env.ok('perm-wujin', 'membership.apply', applyInput({ name: '武进申请人', orgId: 'org-cz-wujin-g2' })))._id;
  tianningAppId = (
    await env.ok('perm-tianning', 'membership.apply', applyInput({ name: '天宁申请人', orgId: 'org-cz-tianning-g1' }))
  )._id;
});

describe('a member', () => {
  it.each([
    'membership.list',
    'membership.get',
    'membership.approve',
    'membership.reject',
    'transfer.list',
    'roles.list',
    'audit.list',
  ] as const)('cannot call %s', async (action) => {
    const input: Record<string, unknown> = {
      'membership.list': {},
      'membership.get': { applicationId: wujinAppId },
      'membership.approve': { applicationId: wujinAppId },
      'membership.reject': { applicationId: wujinAppId, reason: '测试' },
      'transfer.list': {},
      'roles.list': {},
      'audit.list': {},
    }[action];
    const r = await env.call('demo-member-01', action, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } });
  });

  it("cannot read or approve another member's application", async () => {
    const before = await env.store.byId('applications', wujinAppId);
    const r = await env.call('perm-tianning', 'membership.get', { applicationId: wujinAppId });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(r)).not.toContain('武进申请人');
    const approve = await env.call('perm-tianning', 'membership.approve', { applicationId: wujinAppId });
    expect(approve).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.store.byId('applications', wujinAppId)).toEqual(before);
    expect(await env.store.count('members', { openid: 'perm-wujin' })).toBe(0);
    // membership.mine only ever returns the caller's own application
    expect(await env.ok('perm-tianning', 'membership.mine', {})).toMatchObject({ _id: tianningAppId });
  });

  it('cannot grant itself a role', async () => {
    const before = await env.store.snapshot(['roles', 'audit']);
    const r = await env.call('demo-member-01', 'roles.grant', { openid: 'demo-member-01', role: 'admin' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.store.snapshot(['roles', 'audit'])).toEqual(before);
  });

  it('cannot pass an identity in the input', async () => {
    const r = await env.call('demo-member-01', 'session.get', { openid: 'demo-admin' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('scoped staff', () => {
  it("of Wujin cannot see, open, approve or reject Tianning's application", async () => {
    const list = await env.ok('demo-staff-wujin', 'membership.list', {});
    expect(list.items.map((a) => a._id)).toContain(wujinAppId);
    expect(list.items.map((a) => a._id)).not.toContain(tianningAppId);
    for (const action of ['membership.get', 'membership.approve'] as const) {
      const r = await env.call('demo-staff-wujin', action, { applicationId: tianningAppId });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '该记录不属于您管辖的工会，无权处理' } });
    }
    const rej = await env.call('demo-staff-wujin', 'membership.reject', {
      applicationId: tianningAppId,
      reason: '越权',
    });
    expect(rej).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.store.byId('applications', tianningAppId)).toMatchObject({ status: 'pending' });
    expect(await env.store.count('members', { openid: 'perm-tianning' })).toBe(0);
    expect(await env.store.count('audit', { target: tianningAppId })).toBe(0);
  });

  it('of the city union (an ancestor) covers every district', async () => {
    const list = await env.ok('demo-staff-city', 'membership.list', { status: 'pending' });
    expect(list.items.map((a) => a._id)).toEqual(expect.arrayContaining([wujinAppId, tianningAppId]));
    expect(list.total).toBeGreaterThanOrEqual(3); // + the seeded courier
    const detail = await env.ok('demo-staff-city', 'membership.get', { applicationId: tianningAppId });
    expect(detail.idNumberFull).toMatch(/^\d{17}[\dX]$/);
  });

  it('gets NOT_FOUND for an unknown application', async () => {
    const r = await env.call('demo-staff-city', 'membership.approve', { applicationId: 'A-nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '入会申请不存在' } });
  });

  it('cannot verify cards unless merchant/staff/admin', async () => {
    const r = await env.call('perm-wujin', 'card.verify', { token: 'abc.def' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

it('answers UNAUTHENTICATED when there is no OPENID', async () => {
  const res = await fetch(`${env.cloud.baseUrl}/fn/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { action: 'session.get', input: {} } }),
  });
  const body = (await res.json()) as { result?: unknown; errMsg?: string };
  expect(res.status).toBe(200);
  expect(body.result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
