/**
 * 转会 against a union being closed (撤销): whatever the order of the close's requests and an approval of a
 * transfer into that union, the member never ends up in a closed union.
 */
import { clearPauses, pauseAt } from '../support/interleave';
import { givenMember, givenOrg, givenStaff, useCloud } from '../support/scenario';

jest.setTimeout(300_000);

const env = useCloud({ demo: false });
afterEach(() => clearPauses(env.cloud.baseUrl));

it('a transfer approved while its union is being closed never leaves the member in the closed union', async () => {
  let points = 0;
  for (let k = 1; k <= 40; k += 1) {
    const city = await givenOrg(env);
    const into = await givenOrg(env, { parentId: city._id });
    const heir = await givenOrg(env, { parentId: city._id });
    const home = await givenOrg(env, { parentId: city._id });
    const member = await givenMember(env, { orgId: home._id });
    const closer = await givenStaff(env, { orgId: city._id });
    const reviewer = await givenStaff(env, { orgId: city._id });
    const t = await env.ok(member.openid, 'transfer.request', { toOrgId: into._id, reason: '工作调动' });

    const pause = await pauseAt(env.cloud.baseUrl, { function: 'api', openid: closer, action: 'org.close', atRequest: k });
    const close = env.call(closer, 'org.close', { orgId: into._id, targetOrgId: heir._id });
    const state = await pause.settled();
    if (state.state === 'paused') await env.call(reviewer, 'transfer.approve', { transferId: t._id });
    await pause.release();
    const closed = await close;
    await pause.disarm();
    expect({ k, closed: closed.ok }).toEqual({ k, closed: true });
    const stored = await env.store.byId<{ orgId: string }>('members', member.openid);
    const org = await env.store.byId<{ status?: string }>('orgs', stored!.orgId);
    expect({ k, orgId: stored!.orgId, status: org?.status }).toEqual({ k, orgId: stored!.orgId, status: undefined });
    if (state.state === 'missed') break;
    points += 1;
  }
  expect(points).toBeGreaterThan(2);
});
