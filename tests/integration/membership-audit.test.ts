/**
 * 入会审核 against a union being closed (撤销): whatever the order of the close's requests and an approval of an
 * application to that union, the new member never ends up in a closed union.
 */
import { clearPauses, pauseAt } from '../support/interleave';
import { givenApplicant, givenOrg, givenStaff, useCloud } from '../support/scenario';

jest.setTimeout(300_000);

const env = useCloud({ demo: false });
afterEach(() => clearPauses(env.cloud.baseUrl));

async function closingRace(approve: (reviewer: string, app: { applicationId: string }) => Promise<unknown>): Promise<number> {
  let points = 0;
  for (let k = 1; k <= 40; k += 1) {
    const city = await givenOrg(env);
    const closing = await givenOrg(env, { parentId: city._id });
    const heir = await givenOrg(env, { parentId: city._id });
    const applicant = await givenApplicant(env, { orgId: closing._id });
    const closer = await givenStaff(env, { orgId: city._id });
    const reviewer = await givenStaff(env, { orgId: city._id });

    const pause = await pauseAt(env.cloud.baseUrl, { function: 'api', openid: closer, action: 'org.close', atRequest: k });
    const close = env.call(closer, 'org.close', { orgId: closing._id, targetOrgId: heir._id });
    const state = await pause.settled();
    if (state.state === 'paused') await approve(reviewer, applicant);
    await pause.release();
    const closed = await close;
    await pause.disarm();
    expect({ k, closed: closed.ok }).toEqual({ k, closed: true });
    const member = await env.store.byId<{ orgId: string }>('members', applicant.openid);
    if (member) {
      const org = await env.store.byId<{ status?: string }>('orgs', member.orgId);
      expect({ k, orgId: member.orgId, status: org?.status }).toEqual({ k, orgId: member.orgId, status: undefined });
    }
    if (state.state === 'missed') break;
    points += 1;
  }
  return points;
}

it('an application approved while its union is being closed never makes a member of the closed union', async () => {
  const points = await closingRace((reviewer, app) =>
    env.call(reviewer, 'membership.approve', { applicationId: app.applicationId }),
  );
  expect(points).toBeGreaterThan(2);
});

it('a batch approval while the union is being closed never makes a member of the closed union', async () => {
  const points = await closingRace((reviewer, app) =>
    env.call(reviewer, 'membership.approveMany', { items: [{ applicationId: app.applicationId }] }),
  );
  expect(points).toBeGreaterThan(2);
});
