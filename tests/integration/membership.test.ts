/** 实名入会 end to end: apply → review → card, reject → resubmit, through the real SDK on the local env.cloud. */
import { applyInput, apiBundleExists } from '../support/api';
import { useCloud } from '../support/scenario';

const env = useCloud();

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
});

describe('session.get', () => {
  it('creates the account once, even for concurrent first calls', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => env.call('new-user-session', 'session.get', {})));
    for (const r of results)
      expect(r).toMatchObject({ ok: true, data: { openid: 'new-user-session', member: null, application: null, roles: [] } });
    expect(await env.store.count('accounts', { openid: 'new-user-session' })).toBe(1);
    expect(await env.store.byId('accounts', 'new-user-session')).toMatchObject({ openid: 'new-user-session' });
  });

  it('shows the seeded member with card and the admin from ADMIN_OPENIDS', async () => {
    const member = await env.ok('demo-member-01', 'session.get', {});
    expect(member.member).toMatchObject({ cardNo: 'CZ2024000001', name: '陈晓燕', status: 'active' });
    expect(member.application).toMatchObject({
      status: 'approved',
      idNumberMasked: expect.stringMatching(/^3204\*{10}\d{3}[\dX]$/),
    });
    const admin = await env.ok('demo-admin', 'session.get', {});
    expect(admin.isAdmin).toBe(true);
    expect(admin.roles.some((g) => g.role === 'admin')).toBe(true);
  });
});

describe('apply → review → card', () => {
  const openid = 'it-applicant-1';
  const input = applyInput({ name: '周文静', mobile: '13913572468' });

  it('stores a pending application with only hashed, sealed and masked PII', async () => {
    const view = await env.ok(openid, 'membership.apply', input);
    expect(view).toMatchObject({
      name: '周文静',
      status: 'pending',
      orgName: '常州湖塘精密机械有限公司工会',
      idNumberMasked: `${input.idNumber.slice(0, 4)}**********${input.idNumber.slice(-4)}`,
      mobileMasked: '139****2468',
    });
    const stored = await env.store.byId<Record<string, unknown>>('applications', view._id);
    expect(stored).toMatchObject({
      openid,
      status: 'pending',
      orgId: 'org-cz-wujin-g1',
      orgPath: ['org-cz', 'org-cz-wujin', 'org-cz-wujin-g1'],
    });
    const raw = JSON.stringify(stored);
    expect(raw).not.toContain(input.idNumber);
    expect(raw).not.toContain(input.mobile);
    expect(await env.store.count('id_registry', { openid })).toBe(1);
    const timeline = await env.ok(openid, 'timeline.list', {});
    expect(timeline.items[0]).toMatchObject({ area: 'membership', refId: view._id, status: 'pending', title: '入会申请已提交' });
    expect(await env.ok(openid, 'membership.mine', {})).toMatchObject({ _id: view._id, status: 'pending' });
  });

  it('gives the applicant back their own name and full mobile to fill in forms, and nobody else', async () => {
    expect(await env.ok(openid, 'membership.myContact', {})).toEqual({ name: '周文静', mobile: '13913572468' });
    expect(await env.ok('it-nobody-applied', 'membership.myContact', {})).toBeNull();
    // The action takes no one else's id.
    expect(await env.call(openid, 'membership.myContact', { openid: 'demo-member-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('has no card before approval', async () => {
    const card = await env.call(openid, 'card.get', {});
    expect(card).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(card.ok === false && card.error.message).toContain('实名入会');
  });

  it('lets the district staff list, open (full ID) and approve it; a card number is issued', async () => {
    const list = await env.ok('demo-staff-wujin', 'membership.list', { status: 'pending' });
    const item = list.items.find((a) => a.name === '周文静');
    expect(item).toBeDefined();
    expect(JSON.stringify(list)).not.toContain(input.idNumber);

    const detail = await env.ok('demo-staff-wujin', 'membership.get', { applicationId: item!._id });
    expect(detail.idNumberFull).toBe(input.idNumber);
    expect(detail.mobileFull).toBe(input.mobile);

    const approved = await env.ok('demo-staff-wujin', 'membership.approve', { applicationId: item!._id });
    expect(approved).toMatchObject({ status: 'approved', reviewedAt: expect.any(String) });

    const member = await env.store.byId<Record<string, unknown>>('members', openid);
    const year = new Date().getFullYear();
    expect(member).toMatchObject({
      openid,
      status: 'active',
      orgId: 'org-cz-wujin-g1',
      cardNo: expect.stringMatching(new RegExp(`^CZ${year}\\d{6}$`)),
    });
    expect(await env.store.byId('id_registry', String(member!.idHash))).toMatchObject({ status: 'member', openid });
    const audits = await env.store.all<Record<string, unknown>>('audit', { target: item!._id });
    expect(audits.map((a) => a.action).sort()).toEqual(['membership.approve', 'membership.get']);
    expect(JSON.stringify(audits)).not.toContain(input.idNumber);

    const card = await env.ok(openid, 'card.get', {});
    expect(card).toMatchObject({
      cardNo: member!.cardNo,
      name: '周文静',
      orgName: '常州湖塘精密机械有限公司工会',
      status: 'active',
    });
    expect(card.benefits.length).toBeGreaterThan(0);

    const timeline = await env.ok(openid, 'timeline.list', {});
    expect(timeline.items.map((t) => t.status)).toEqual(['approved', 'pending']);
    expect(timeline.items[0].note).toContain(String(member!.cardNo));
  });

  it('does not approve twice and locks the approved application', async () => {
    const app = await env.ok(openid, 'membership.mine', {});
    const again = await env.call('demo-staff-wujin', 'membership.approve', { applicationId: app!._id });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const resubmit = await env.call(openid, 'membership.apply', { ...input, workUnit: '另一家单位' });
    expect(resubmit).toMatchObject({ ok: false, error: { code: 'APPLICATION_LOCKED' } });
    expect(resubmit.ok === false && resubmit.error.message).toContain('审核通过');
    expect(await env.store.byId('applications', app!._id)).toMatchObject({ status: 'approved', workUnit: input.workUnit });
    expect(await env.store.count('members', { openid })).toBe(1);
  });

  it('approves all or nothing: application, member and ID claim change together', async () => {
    const openid = 'it-atomic';
    const view = await env.ok(openid, 'membership.apply', applyInput({ name: '原子测试' }));
    const stored = await env.store.byId<{ idHash: string }>('applications', view._id);
    // A member record already present for this account (written by hand) makes the approval refuse part-way.
    await env.store.db.collection('members').add({ data: { _id: openid, openid, cardNo: 'CZHAND000001', status: 'active' } });
    const refused = await env.call('demo-staff-city', 'membership.approve', { applicationId: view._id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Nothing of the approval was written: still pending, the claim still an application's, the hand-made member untouched.
    expect(await env.store.byId('applications', view._id)).toMatchObject({ status: 'pending' });
    expect(await env.store.byId('id_registry', stored!.idHash)).toMatchObject({ openid, status: 'applied' });
    expect(await env.store.all('members', { openid })).toEqual([expect.objectContaining({ cardNo: 'CZHAND000001' })]);

    await env.store.db.collection('members').doc(openid).remove();
    const approved = await env.ok('demo-staff-city', 'membership.approve', { applicationId: view._id });
    expect(approved.status).toBe('approved');
    const member = await env.store.byId<{ cardNo: string; idHash: string }>('members', openid);
    expect(member).toMatchObject({ idHash: stored!.idHash, cardNo: expect.stringMatching(/^CZ\d{10}$/) });
    expect(await env.store.byId('id_registry', stored!.idHash)).toMatchObject({ openid, status: 'member' });
  });

  it('numbers cards uniquely when approvals run concurrently', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const view = await env.ok(`it-batch-${i}`, 'membership.apply', applyInput({ name: '批量测试' }));
      ids.push(view._id);
    }
    const results = await Promise.all(
      ids.map((applicationId) => env.call('demo-staff-city', 'membership.approve', { applicationId })),
    );
    for (const r of results) expect(r.ok).toBe(true);
    const members = await env.store.all<{ cardNo: string }>('members', { name: '批量测试' });
    expect(members).toHaveLength(4);
    expect(new Set(members.map((m) => m.cardNo)).size).toBe(4);
  });
});

describe('subscribe-message consent', () => {
  it('is part of the session, so the 我的 switch shows what the server holds', async () => {
    const openid = 'it-consent';
    const before = await env.ok(openid, 'session.get', {});
    expect(before.consents).toEqual([]);
    await env.ok(openid, 'notify.consent', { templateKey: 'membership_status', accepted: true });
    const after = await env.ok(openid, 'session.get', {});
    expect(after.consents).toEqual([expect.objectContaining({ templateKey: 'membership_status', accepted: true })]);
    expect(await env.store.byId('consents', `${openid}:membership_status`)).toMatchObject({ accepted: true });
  });
});

describe('reject → resubmit', () => {
  const openid = 'it-applicant-2';

  it('rejects with a reason the member sees, then accepts a corrected resubmission', async () => {
    const first = await env.ok(openid, 'membership.apply', applyInput({ name: '孙丽', workUnit: '写错的单位' }));
    const missingReason = await env.call('demo-staff-wujin', 'membership.reject', { applicationId: first._id });
    expect(missingReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(missingReason.ok === false && missingReason.error.message).toContain('原因');

    const rejected = await env.ok('demo-staff-wujin', 'membership.reject', {
      applicationId: first._id,
      reason: '工作单位与劳动合同不一致',
    });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '工作单位与劳动合同不一致' });
    expect(await env.store.byId('applications', first._id)).toMatchObject({
      status: 'rejected',
      rejectReason: '工作单位与劳动合同不一致',
    });
    expect(await env.store.count('members', { openid })).toBe(0);
    const mine = await env.ok(openid, 'membership.mine', {});
    expect(mine).toMatchObject({ status: 'rejected', rejectReason: '工作单位与劳动合同不一致' });

    const resubmitted = await env.ok(
      openid,
      'membership.apply',
      applyInput({ name: '孙丽', workUnit: '常州湖塘精密机械有限公司' }),
    );
    expect(resubmitted).toMatchObject({ _id: first._id, status: 'pending', workUnit: '常州湖塘精密机械有限公司' });
    expect(resubmitted.rejectReason).toBeUndefined();
    const stored = await env.store.byId<Record<string, unknown>>('applications', first._id);
    expect(stored).toMatchObject({ status: 'pending', workUnit: '常州湖塘精密机械有限公司' });
    expect(stored!.rejectReason).toBeUndefined();
    expect(await env.store.count('applications', { openid })).toBe(1);
    // The corrected application used a new ID number: only that one stays claimed.
    expect(await env.store.count('id_registry', { openid })).toBe(1);

    const titles = (await env.ok(openid, 'timeline.list', {})).items.map((t) => t.title);
    expect(titles).toEqual(['入会申请已重新提交', '入会申请未通过', '入会申请已提交']);
  });

  it('lets a pending application be corrected in place', async () => {
    const a = await env.ok('it-applicant-3', 'membership.apply', applyInput({ name: '钱进' }));
    const b = await env.ok('it-applicant-3', 'membership.apply', applyInput({ name: '钱进', mobile: '13700001111' }));
    expect(b._id).toBe(a._id);
    expect(b.mobileMasked).toBe('137****1111');
    expect(await env.store.count('applications', { openid: 'it-applicant-3' })).toBe(1);
    // The correction used a new ID number: only its claim remains.
    const stored = await env.store.byId<{ idHash: string }>('applications', a._id);
    const claims = await env.store.all<{ _id: string }>('id_registry', { openid: 'it-applicant-3' });
    expect(claims.map((c) => c._id)).toEqual([stored!.idHash]);
  });
});

describe('where a worker may join', () => {
  it('requires a grassroots union for employer applications', async () => {
    const r = await env.call('it-join-1', 'membership.apply', applyInput({ orgId: 'org-cz-wujin' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请选择您所在单位的基层工会' } });
    const missing = await env.call('it-join-1', 'membership.apply', applyInput({ orgId: 'org-nowhere' }));
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '所选工会不存在，请重新选择' } });
    expect(await env.store.count('applications', { openid: 'it-join-1' })).toBe(0);
  });

  it('lets a courier join the express-delivery industry union, not the education union', async () => {
    const ok = await env.ok(
      'it-courier',
      'membership.apply',
      applyInput({ channel: 'new_employment', occupation: 'courier', orgId: 'org-cz-express' }),
    );
    expect(ok).toMatchObject({
      status: 'pending',
      orgName: '常州市快递行业工会联合会',
      channel: 'new_employment',
      occupation: 'courier',
    });
    const no = await env.call(
      'it-courier-2',
      'membership.apply',
      applyInput({ channel: 'new_employment', occupation: 'courier', orgId: 'org-cz-education' }),
    );
    expect(no).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(no.ok === false && no.error.message).toContain('新就业形态');
  });

  it('lists the seeded organisation tree', async () => {
    const { orgs } = await env.ok('anyone', 'org.tree', {});
    expect(orgs[0]).toMatchObject({ _id: 'org-cz', name: '常州市总工会', parentId: null, kind: 'city' });
    expect(orgs.find((o) => o._id === 'org-cz-jintan')).toMatchObject({
      kind: 'district',
      acceptsNewEmployment: true,
      path: ['org-cz', 'org-cz-jintan'],
    });
    expect(orgs.filter((o) => o.kind === 'grassroots').length).toBeGreaterThanOrEqual(20);
  });
});
