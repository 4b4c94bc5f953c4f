/** One membership per ID number: the keyed-hash registry decides, also under concurrency. */
import { DEMO_PEOPLE } from '../../cloudfunctions/api/fixtures/membership/demo';
import { applyInput, freshIdNumber } from '../support/api';
import { useCloud } from '../support/scenario';

const env = useCloud();

it('refuses an ID number that already belongs to a member, with a clear message', async () => {
  const before = await env.store.snapshot(['applications', 'id_registry', 'members']);
  const r = await env.call('it-impostor', 'membership.apply', applyInput({ idNumber: DEMO_PEOPLE.member.idNumber }));
  expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_MEMBER' } });
  expect(r.ok === false && r.error.message).toContain('该身份证号已入会');
  expect(await env.store.snapshot(['applications', 'id_registry', 'members'])).toEqual(before);
});

it('refuses an ID number with a pending application of another account', async () => {
  const r = await env.call('it-impostor', 'membership.apply', applyInput({ idNumber: DEMO_PEOPLE.courier.idNumber }));
  expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_MEMBER' } });
  expect(r.ok === false && r.error.message).toContain('已提交入会申请');
});

it('treats lowercase x like uppercase X (same person)', async () => {
  const id = '11010519491231002X';
  await env.ok('it-x-upper', 'membership.apply', applyInput({ idNumber: id }));
  const r = await env.call('it-x-lower', 'membership.apply', applyInput({ idNumber: id.toLowerCase() }));
  expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_MEMBER' } });
});

it('lets exactly one of many concurrent applications with the same ID number win', async () => {
  const idNumber = freshIdNumber();
  const openids = Array.from({ length: 6 }, (_, i) => `it-race-${i}`);
  const results = await Promise.all(openids.map((openid) => env.call(openid, 'membership.apply', applyInput({ idNumber }))));
  const winners = results.filter((r) => r.ok);
  const losers = results.filter((r) => !r.ok);
  expect(winners).toHaveLength(1);
  for (const l of losers) expect(l).toMatchObject({ ok: false, error: { code: 'ALREADY_MEMBER' } });
  const pending = await env.store.all<{ openid: string }>('applications', { name: '李明华' });
  const racers = pending.filter((a) => a.openid.startsWith('it-race-'));
  expect(racers).toHaveLength(1);
  const claims = (await env.store.all<{ openid: string }>('id_registry')).filter((c) => c.openid.startsWith('it-race-'));
  expect(claims).toHaveLength(1);
  expect(claims[0].openid).toBe(racers[0].openid);
});

it('frees the number when the application holding it is rejected', async () => {
  const idNumber = freshIdNumber();
  const first = await env.ok('it-free-1', 'membership.apply', applyInput({ idNumber }));
  await env.ok('demo-staff-wujin', 'membership.reject', { applicationId: first._id, reason: '非本人申请' });
  const second = await env.ok('it-free-2', 'membership.apply', applyInput({ idNumber }));
  expect(second.status).toBe('pending');
  const resubmit = await env.call('it-free-1', 'membership.apply', applyInput({ idNumber }));
  expect(resubmit).toMatchObject({ ok: false, error: { code: 'ALREADY_MEMBER' } });
});
