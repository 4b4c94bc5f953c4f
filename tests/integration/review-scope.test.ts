/**
 * Review scope with nothing but what the test builds: two districts under a city union, an applicant in
 * each, a staffer per district and one for the city. A staffer reviews only their own subtree.
 */
import { expectStored, givenApplicant, givenOrg, givenStaff, useCloud } from '../support/scenario';

const env = useCloud({ demo: false });

it('lets each staffer see and decide only the applications of their own subtree', async () => {
  const city = await givenOrg(env, { name: '某市总工会' });
  const east = await givenOrg(env, { parentId: city._id, kind: 'district', name: '东区总工会' });
  const west = await givenOrg(env, { parentId: city._id, kind: 'district', name: '西区总工会' });
  const eastUnit = await givenOrg(env, { parentId: east._id, name: '东区某公司工会' });
  const westUnit = await givenOrg(env, { parentId: west._id, name: '西区某公司工会' });
  const a = await givenApplicant(env, { orgId: eastUnit._id, name: '东申请' });
  const b = await givenApplicant(env, { orgId: westUnit._id, name: '西申请' });
  const eastStaff = await givenStaff(env, { orgId: east._id });
  const cityStaff = await givenStaff(env, { orgId: city._id });

  const eastList = await env.ok(eastStaff, 'membership.list', { status: 'pending' });
  expect(eastList.items.map((x) => x.name)).toEqual(['东申请']);
  const cityList = await env.ok(cityStaff, 'membership.list', { status: 'pending' });
  expect(cityList.items.map((x) => x.name).sort()).toEqual(['东申请', '西申请']);
  // Filtered to a union outside the caller's scope: refused, not an empty list.
  expect(await env.call(eastStaff, 'membership.list', { orgId: west._id })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });

  expect(await env.call(eastStaff, 'membership.approve', { applicationId: b.applicationId })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  await expectStored(env, 'applications', b.applicationId, { status: 'pending' });
  await expectStored(env, 'members', { openid: b.openid }, []);

  await env.ok(eastStaff, 'membership.approve', { applicationId: a.applicationId });
  await expectStored(env, 'applications', a.applicationId, { status: 'approved', reviewedBy: eastStaff });
  await expectStored(env, 'id_registry', a.idHash, { openid: a.openid, status: 'member' });
  await expectStored(env, 'members', a.openid, { orgId: eastUnit._id, name: '东申请', status: 'active' });
  const counts = await env.ok(cityStaff, 'workbench.summary', {});
  expect(counts.counts.membershipPending).toBe(1);
});
