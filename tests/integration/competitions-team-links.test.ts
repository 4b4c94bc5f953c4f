/**
 * Team invitation links (issue 21): the captain makes a link (share card / QR code); a colleague of the same
 * unit opens it, sees the team and the event, and accepts with their own declaration or declines. A link is
 * used once, expires (72 hours, or when registration closes if sooner), can be revoked; only the code's hash is
 * stored. Accepting holds the team rules under races, forced at every database request: two people accepting
 * the last place, and an acceptance against a revocation in both orders.
 */
import localEnv from '../../config/local-functions.env.json';
import { hashLinkCode } from '../../cloudfunctions/api/src/shared/linkCodes';
import { callApi } from '../support/api';
import { setClock } from '../support/clock';
import { clearPauses, eachPausePointFrom, locks } from '../support/interleave';
import { useCloud } from '../support/scenario';
import { putMembers, warmInstances } from '../support/trips';
import { DECLARATION, entriesOf, openEvent, teamSizes } from '../support/competitions';

const env = useCloud();
const KEY = localEnv.api.ID_HASH_KEY;
const HOUR = 3600_000;
const UNIT = 'org-cz-wujin-g1';
const UNIT_NAME = '常州湖塘精密机械有限公司工会';
const LINKS = 'competition_team_links';
const WATCHED = [LINKS, 'competition_entries', 'competition_invites', 'enrollments'];
let n = 0;
const nameOf = (i: number) => `${'赵钱孙李周吴郑王冯陈'[i % 10]}${'建国明华志强海燕丽伟'[Math.floor(i / 10) % 10]}链`;

beforeAll(async () => {
  await putMembers(env.store.db, [
    ...Array.from({ length: 100 }, (_, i) => ({ openid: `tl-${i}`, orgId: UNIT, name: nameOf(i) })),
    { openid: 'tl-other', orgId: 'org-cz-tianning-g1', name: '孙丽萍' },
    { openid: 'tl-racer', orgId: UNIT, name: '沈一链' },
    { openid: 'tl-joiner', orgId: UNIT, name: '沈二链' },
    { openid: 'tl-cap-r', orgId: UNIT, name: '沈队长' },
  ]);
  await warmInstances(env.cloud.baseUrl, 4);
}, 180_000);
afterEach(async () => {
  await clearPauses(env.cloud.baseUrl);
  await setClock(env.cloud.baseUrl, 0);
});

function people(count: number): string[] {
  const out = Array.from({ length: count }, (_, i) => `tl-${n + i}`);
  n += count;
  return out;
}

async function teamEvent(teamSize = { min: 2, max: 3 }, overrides = {}) {
  return (await openEvent(env.cloud.baseUrl, { format: 'team', teamSize, title: '钳工（团体赛·链接）', ...overrides })).eventId;
}

async function teamOf(eventId: string, captain: string, teamName = '湖塘钳工队') {
  await env.ok(captain, 'competitions.register', { eventId, declaration: DECLARATION, teamName });
  return `${eventId}_${captain}`;
}

const makeLink = (captain: string, eventId: string) => env.ok(captain, 'competitions.createTeamLink', { eventId });
const accept = (who: string, code: string) =>
  callApi(env.cloud.baseUrl, who, 'competitions.respondTeamLink', { code, accept: true, declaration: DECLARATION });

/** Waits until `call` has answered, or is blocked on a lock held by the paused call (then it can go no further). */
async function untilDoneOrBlocked(call: Promise<unknown>, openid: string): Promise<void> {
  let done = false;
  void call.finally(() => (done = true));
  for (;;) {
    if (done) return;
    const { waiting } = await locks(env.cloud.baseUrl);
    if (waiting.some((w) => w.openid === openid)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Stored sizes = captain + members bound to each team; each member on one team at most. */
async function expectConsistent(eventId: string) {
  const entries = await entriesOf(env.store, eventId);
  expect(new Set(entries.map((e) => e.openid)).size).toBe(entries.length);
  const sizes = await teamSizes(env.store, eventId);
  for (const [teamId, size] of Object.entries(sizes)) {
    const members = entries.filter((e) => e.teamId === teamId && e.role === 'member' && e.status === 'active');
    expect(size).toBe(1 + members.length);
  }
  return { entries, sizes };
}

describe('a team invitation link', () => {
  it('stores only the code hash; the colleague sees the team and the event, accepts, and is on the team', async () => {
    const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
    const eventId = await teamEvent({ min: 2, max: 3 }, { signupEnd: at(120), startAt: at(150), endAt: at(158) });
    const [captain, a] = people(2);
    const teamId = await teamOf(eventId, captain);
    const made = await makeLink(captain, eventId);
    expect(made).toMatchObject({ state: 'open', stateText: '待接受', teamName: '湖塘钳工队' });
    expect(new Date(made.expiresAt).getTime() - new Date(made.createdAt).getTime()).toBe(72 * HOUR);
    expect(JSON.stringify(await env.store.all(LINKS))).not.toContain(made.code);
    expect(await env.store.byId(LINKS, hashLinkCode('team', made.code, KEY))).toMatchObject({
      teamId,
      status: 'open',
      orgId: UNIT,
    });

    const seen = await env.ok(a, 'competitions.teamLink', { code: made.code });
    expect(seen).toMatchObject({
      state: 'open',
      teamName: '湖塘钳工队',
      captainName: nameOf(Number(captain.slice(3))),
      orgName: UNIT_NAME,
      size: 1,
      max: 3,
      sameUnit: true,
      isCaptain: false,
      event: { _id: eventId, place: '常州技师学院焊接实训中心', competition: { format: 'team' } },
    });
    expect(seen).not.toHaveProperty('next');

    const noDeclaration = await env.call(a, 'competitions.respondTeamLink', { code: made.code, accept: true });
    expect(noDeclaration).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'declaration' } } });
    const joined = await accept(a, made.code);
    expect(joined).toMatchObject({ ok: true, data: { state: 'accepted', joinedByMe: true, size: 2 } });
    expect(await accept(a, made.code)).toMatchObject({ ok: true, data: { joinedByMe: true, size: 2 } }); // a double tap
    expect(await env.store.byId(LINKS, made.linkId)).toMatchObject({
      status: 'accepted',
      usedBy: a,
      usedByName: nameOf(Number(a.slice(3))),
    });

    const page = await env.ok(a, 'competitions.event', { eventId });
    expect(page.mine).toMatchObject({ role: 'member', team: { name: '湖塘钳工队', size: 2 } });
    const captainPage = await env.ok(captain, 'competitions.event', { eventId });
    expect(captainPage.mine?.team?.members.map((m) => m.name)).toEqual([
      nameOf(Number(captain.slice(3))),
      nameOf(Number(a.slice(3))),
    ]);
    // The captain removes a member who came by link as one invited by name.
    const member = captainPage.mine!.team!.members[1];
    await env.ok(captain, 'competitions.removeTeammate', { inviteId: member.inviteId! });
    expect((await teamSizes(env.store, eventId))[teamId]).toBe(1);
    await expectConsistent(eventId);
  });

  it('is used once: after the team is full a used link and a spare link say so, and nothing changes', async () => {
    const eventId = await teamEvent({ min: 2, max: 2 });
    const [captain, a, b] = people(3);
    await teamOf(eventId, captain);
    const first = await makeLink(captain, eventId);
    const spare = await makeLink(captain, eventId);
    expect((await accept(a, first.code)).ok).toBe(true);
    const before = await env.store.snapshot(WATCHED);
    expect(await accept(b, first.code)).toMatchObject({
      ok: false,
      error: { code: 'LINK_USED', message: '该邀请链接已被使用（每个链接只能一人使用），如需加入请联系队长另发链接' },
    });
    expect(await accept(b, spare.code)).toMatchObject({ ok: false, error: { code: 'TEAM_FULL' } });
    expect(await env.store.snapshot(WATCHED)).toEqual(before);
    expect(await env.ok(b, 'competitions.teamLink', { code: spare.code })).toMatchObject({
      state: 'full',
      stateText: '队伍已满员',
      next: expect.stringContaining('队伍已满员'),
    });
    expect(await env.ok(b, 'competitions.teamLink', { code: first.code })).toMatchObject({
      state: 'accepted',
      joinedByMe: false,
    });
    expect(await env.call(captain, 'competitions.createTeamLink', { eventId })).toMatchObject({
      ok: false,
      error: { code: 'TEAM_FULL' },
    });
  });

  it('expires when registration closes (or after 72 hours) and says what to do next', async () => {
    const eventId = await teamEvent();
    const [captain, a] = people(2);
    await teamOf(eventId, captain);
    const made = await makeLink(captain, eventId);
    // The test event's registration closes in 24 hours: the link with it.
    expect(new Date(made.expiresAt).getTime() - new Date(made.createdAt).getTime()).toBeLessThan(25 * HOUR);
    await setClock(env.cloud.baseUrl, 25 * HOUR);
    const before = await env.store.snapshot(WATCHED);
    expect(await accept(a, made.code)).toMatchObject({
      ok: false,
      error: { code: 'LINK_EXPIRED', message: '该邀请链接已过期，请联系队长重新发送邀请链接' },
    });
    expect(await env.call(a, 'competitions.respondTeamLink', { code: made.code, accept: false })).toMatchObject({
      ok: false,
      error: { code: 'LINK_EXPIRED' },
    });
    expect(await env.store.snapshot(WATCHED)).toEqual(before);
    expect(await env.ok(a, 'competitions.teamLink', { code: made.code })).toMatchObject({
      state: 'expired',
      next: '该邀请链接已过期。如仍想加入，请在报名截止前联系队长重新发送邀请链接。',
    });
  });

  it('is revoked by its captain only, while open; a declined link is closed and says so', async () => {
    const eventId = await teamEvent();
    const [captain, a, b, c] = people(4);
    await teamOf(eventId, captain);
    const revoked = await makeLink(captain, eventId);
    expect(await env.call(a, 'competitions.revokeTeamLink', { linkId: revoked.linkId })).toMatchObject({
      ok: false,
      error: { code: 'LINK_NOT_FOUND' },
    });
    expect(await env.ok(captain, 'competitions.revokeTeamLink', { linkId: revoked.linkId })).toMatchObject({ state: 'revoked' });
    expect(await env.call(captain, 'competitions.revokeTeamLink', { linkId: revoked.linkId })).toMatchObject({
      ok: false,
      error: { code: 'LINK_CLOSED' },
    });
    expect(await accept(a, revoked.code)).toMatchObject({ ok: false, error: { code: 'LINK_REVOKED' } });
    expect(await env.ok(a, 'competitions.teamLink', { code: revoked.code })).toMatchObject({
      state: 'revoked',
      next: '该邀请链接已被队长撤回。如有疑问，请联系队长。',
    });

    const declined = await makeLink(captain, eventId);
    expect(await env.ok(b, 'competitions.respondTeamLink', { code: declined.code, accept: false })).toMatchObject({
      state: 'declined',
      next: '该邀请已被谢绝。如仍想加入，请联系队长重新发送邀请链接。',
    });
    expect(await env.store.byId(LINKS, declined.linkId)).toMatchObject({ status: 'declined', usedBy: b });
    expect(await accept(c, declined.code)).toMatchObject({ ok: false, error: { code: 'LINK_DECLINED' } });
    const captainPage = await env.ok(captain, 'competitions.event', { eventId });
    expect(captainPage.mine?.team?.links?.map((l) => [l.stateText, l.usedByName])).toEqual([
      ['已谢绝', nameOf(Number(b.slice(3)))],
    ]);
    expect(await accept(captain, (await makeLink(captain, eventId)).code)).toMatchObject({
      ok: false,
      error: { code: 'LINK_OWN' },
    });
    expect((await teamSizes(env.store, eventId))[`${eventId}_${captain}`]).toBe(1);
  });

  it('works for members of the captain’s unit only, and not outside the event’s registration', async () => {
    const eventId = await teamEvent();
    const [captain, a, b] = people(3);
    const teamId = await teamOf(eventId, captain);
    const made = await makeLink(captain, eventId);
    const before = await env.store.snapshot(WATCHED);
    expect(await env.ok('tl-other', 'competitions.teamLink', { code: made.code })).toMatchObject({
      sameUnit: false,
      state: 'open',
    });
    expect(await accept('tl-other', made.code)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: `本邀请仅限${UNIT_NAME}的会员接受：队员须与队长同属一个单位工会` },
    });
    expect(await accept('tl-not-a-member', made.code)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(await env.store.snapshot(WATCHED)).toEqual(before);

    // Registration closed early by the organiser: the link can no longer be accepted.
    await env.store.db
      .collection('activities')
      .doc(eventId)
      .update({ data: { signupEnd: new Date(Date.now() - 60_000) } });
    expect(await accept(a, made.code)).toMatchObject({ ok: false, error: { code: 'TEAM_LOCKED' } });
    expect(await env.ok(a, 'competitions.teamLink', { code: made.code })).toMatchObject({ state: 'closed' });
    expect(await env.store.snapshot(WATCHED)).toEqual(before);

    // A link of an individual event, or of a member who is no captain, is never made.
    const solo = (await openEvent(env.cloud.baseUrl, {})).eventId;
    expect(await env.call(captain, 'competitions.createTeamLink', { eventId: solo })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '本项目为个人赛，无需组队' },
    });
    const other = await teamEvent();
    expect(await env.call(b, 'competitions.createTeamLink', { eventId: other })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '请先以队长身份报名，再邀请队员' },
    });
    expect(await env.store.count(LINKS, { teamId })).toBe(1);
  });

  it('refuses bad input with a message naming the field', async () => {
    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['competitions.teamLink', { code: 'short' }, 'code'],
      ['competitions.teamLink', { code: 'a'.repeat(20), extra: 1 }, ''],
      ['competitions.respondTeamLink', { code: 'NoSuchLinkCode123456', accept: 'yes' }, 'accept'],
      ['competitions.revokeTeamLink', { linkId: 'not-hex' }, 'linkId'],
      ['competitions.createTeamLink', {}, 'eventId'],
    ];
    for (const [action, input, field] of bad) {
      const r = await env.call('tl-joiner', action as 'competitions.teamLink', input as never);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
      if (field) expect(r).toMatchObject({ error: { details: { field } } });
    }
    expect(await env.call('tl-joiner', 'competitions.teamLink', { code: 'NoSuchLinkCode123456' })).toMatchObject({
      ok: false,
      error: { code: 'LINK_NOT_FOUND', message: '邀请链接不存在或不完整，请向队长重新索取邀请链接' },
    });
  });

  it('two people on the same link at once: one joins, the other is told the link is used', async () => {
    const eventId = await teamEvent();
    const [captain, a, b] = people(3);
    await teamOf(eventId, captain);
    const made = await makeLink(captain, eventId);
    const answers = await Promise.all([accept(a, made.code), accept(b, made.code)]);
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    expect(answers.find((r) => !r.ok)).toMatchObject({ error: { code: 'LINK_USED' } });
    const { sizes } = await expectConsistent(eventId);
    expect(sizes[`${eventId}_${captain}`]).toBe(2);
  });
});

describe('races, forced at every database request', () => {
  it('two people accepting the last place by two links: one joins, the team never exceeds its size', async () => {
    const racer = 'tl-racer';
    const points = await eachPausePointFrom(
      env.cloud.baseUrl,
      { function: 'api', action: 'competitions.respondTeamLink', openid: racer },
      async () => {
        const eventId = await teamEvent({ min: 2, max: 2 });
        const [captain, b] = people(2);
        await teamOf(eventId, captain);
        const [l1, l2] = [await makeLink(captain, eventId), await makeLink(captain, eventId)];
        return { eventId, captain, b, l1, l2 };
      },
      async (pause, { eventId, captain, b, l1, l2 }) => {
        const first = accept(racer, l1.code);
        const state = await pause.settled();
        let second = await accept(b, l2.code);
        if (state.state === 'paused') await pause.release();
        const firstAnswer = await first;
        if (!second.ok && second.error.code === 'BUSY') second = await accept(b, l2.code);
        const answers = [firstAnswer, second];
        expect(answers.filter((r) => r.ok)).toHaveLength(1);
        for (const r of answers) if (!r.ok) expect(r.error.code).toBe('TEAM_FULL');
        const { sizes, entries } = await expectConsistent(eventId);
        expect(sizes[`${eventId}_${captain}`]).toBe(2);
        expect(entries.filter((e) => e.role === 'member')).toHaveLength(1);
      },
    );
    expect(points).toBeGreaterThanOrEqual(6);
  }, 300_000);

  /** After an accept and a revoke of one link, exactly one of them won, and what is stored says which. */
  async function expectOneWinner(eventId: string, linkId: string, accepted: { ok: boolean }, revoked: { ok: boolean }) {
    expect([accepted.ok, revoked.ok].filter(Boolean)).toHaveLength(1);
    const link = await env.store.byId<{ status: string }>(LINKS, linkId);
    const { sizes } = await expectConsistent(eventId);
    const size = Object.values(sizes)[0];
    if (accepted.ok) {
      expect(revoked).toMatchObject({ ok: false, error: { code: 'LINK_CLOSED' } });
      expect(link?.status).toBe('accepted');
      expect(size).toBe(2);
    } else {
      expect(accepted).toMatchObject({ ok: false, error: { code: 'LINK_REVOKED' } });
      expect(link?.status).toBe('revoked');
      expect(size).toBe(1);
    }
  }

  it('accept held at each request while the captain revokes: one wins', async () => {
    const joiner = 'tl-joiner';
    const points = await eachPausePointFrom(
      env.cloud.baseUrl,
      { function: 'api', action: 'competitions.respondTeamLink', openid: joiner },
      async () => {
        const eventId = await teamEvent();
        const [captain] = people(1);
        await teamOf(eventId, captain);
        return { eventId, captain, made: await makeLink(captain, eventId) };
      },
      async (pause, { eventId, captain, made }) => {
        const acceptCall = accept(joiner, made.code);
        const state = await pause.settled();
        const revoke = () => callApi(env.cloud.baseUrl, captain, 'competitions.revokeTeamLink', { linkId: made.linkId });
        const revokeCall = revoke();
        if (state.state === 'paused') {
          await untilDoneOrBlocked(revokeCall, captain);
          await pause.release();
        }
        let [accepted, revoked] = await Promise.all([acceptCall, revokeCall]);
        if (!accepted.ok && accepted.error.code === 'BUSY') accepted = await accept(joiner, made.code);
        if (!revoked.ok && revoked.error.code === 'BUSY') revoked = await revoke();
        await expectOneWinner(eventId, made.linkId, accepted, revoked);
      },
    );
    expect(points).toBeGreaterThanOrEqual(6);
  }, 300_000);

  it('revoke held at each request while the member accepts: one wins', async () => {
    const captain = 'tl-cap-r';
    const points = await eachPausePointFrom(
      env.cloud.baseUrl,
      { function: 'api', action: 'competitions.revokeTeamLink', openid: captain },
      async () => {
        const eventId = await teamEvent();
        const [joiner] = people(1);
        await teamOf(eventId, captain);
        return { eventId, joiner, made: await makeLink(captain, eventId) };
      },
      async (pause, { eventId, joiner, made }) => {
        const revoke = () => callApi(env.cloud.baseUrl, captain, 'competitions.revokeTeamLink', { linkId: made.linkId });
        const revokeCall = revoke();
        const state = await pause.settled();
        let accepted = await accept(joiner, made.code);
        if (state.state === 'paused') await pause.release();
        let revoked = await revokeCall;
        if (!accepted.ok && accepted.error.code === 'BUSY') accepted = await accept(joiner, made.code);
        if (!revoked.ok && revoked.error.code === 'BUSY') revoked = await revoke();
        await expectOneWinner(eventId, made.linkId, accepted, revoked);
      },
    );
    expect(points).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
