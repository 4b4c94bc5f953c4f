/**
 * 消息与待办 through the real SDK on the local cloud: each area's items appear for the member they concern (an
 * offered waitlist place, tomorrow's legal-aid booking, an application sent back, a team invitation, a 公示, a
 * results 公示, a match), most urgent first then newest, with the badge's count; acting on a to-do item clears it
 * (it is derived from the area's state), opening an informational one clears it (a seen mark); another member and
 * staff never see them; bad input is refused and stores nothing.
 */
import { applyInput, apiBundleExists } from '../support/api';
import { CITY_STAFF, DECLARATION, eventHeld, openEvent as openCompetitionEvent } from '../support/competitions';
import { futureSlot, guestInput } from '../support/legalAid';
import { eventWithParticipants } from '../support/matchmaking';
import { useCloud } from '../support/scenario';
import { openTrip, putMembers } from '../support/trips';

const env = useCloud();
const UNIT = 'org-cz-wujin-g1';

type Item = {
  key: string;
  kind: string;
  title: string;
  note?: string;
  route: string;
  params?: Record<string, string>;
  dueAt?: string;
};
const list = async (openid: string): Promise<Item[]> => (await env.ok(openid, 'inbox.list', {})).items;
const keys = async (openid: string) => (await list(openid)).map((i) => i.key);

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
  await putMembers(env.store.db, [
    { openid: 'ib-a', orgId: UNIT, name: '周建华' },
    { openid: 'ib-b', orgId: UNIT, name: '吴海燕' },
    { openid: 'ib-c', orgId: UNIT, name: '郑志强' },
    { openid: 'ib-cap', orgId: UNIT, name: '钱明伟' },
    { openid: 'ib-mate', orgId: UNIT, name: '孙丽华' },
  ]);
}, 120_000);

describe('an offered waitlist place, tomorrow’s booking and a 公示', () => {
  let tripId: string;
  let soonSlot: string;

  beforeAll(async () => {
    tripId = await openTrip(env.cloud.baseUrl, { capacity: 1, claimHours: 60 });
    await env.ok('ib-a', 'recuperation.signUp', { activityId: tripId });
    await env.ok('ib-b', 'recuperation.signUp', { activityId: tripId });
    // Tomorrow at noon: at any hour of today, more than the 2 hours ahead a cancel needs (a slot early tomorrow
    // morning is less than that away late in the evening).
    soonSlot = await futureSlot(env.cloud, 1, { start: '12:00' });
    await env.ok('ib-b', 'legalAid.book', guestInput(soonSlot));
    await env.ok('ib-b', 'legalAid.book', guestInput(await futureSlot(env.cloud, 3)));
  });

  it('has nothing for a waitlisted member until a place is offered; then the offer, with its deadline', async () => {
    expect((await list('ib-b')).filter((i) => i.key.startsWith('offer:'))).toEqual([]);
    await env.ok('ib-a', 'enrollment.cancel', { enrollmentId: `${tripId}_ib-a` });
    const items = await list('ib-b');
    const offer = items.find((i) => i.key === `offer:${tripId}_ib-b`);
    expect(offer).toMatchObject({
      kind: 'todo',
      title: expect.stringContaining('候补名额待确认'),
      note: expect.stringMatching(/^请于\d+月\d+日 \d\d:\d\d前确认/),
      route: 'recuperationDetail',
      params: { id: tripId },
    });
    const stored = await env.store.byId<{ offerExpiresAt: Date }>('enrollments', `${tripId}_ib-b`);
    expect(new Date(offer!.dueAt!).getTime()).toBe(new Date(stored!.offerExpiresAt).getTime());
  });

  it('shows tomorrow’s booking (not one three days ahead), opening its detail page, the soonest deadline first', async () => {
    const items = await list('ib-b');
    const bookings = items.filter((i) => i.key.startsWith('booking:'));
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({
      kind: 'todo',
      title: expect.stringMatching(/^明天\d\d:\d\d法律援助咨询$/),
      route: 'legalAidDetail',
      params: { id: expect.stringContaining(soonSlot) },
    });
    // the booking starts within two days, the offer's deadline is 60 hours away: most urgent first
    expect(items.map((i) => i.key.split(':')[0])).toEqual(['booking', 'offer']);
    expect(await env.ok('ib-b', 'inbox.count', {})).toEqual({ count: 2, todo: 2 });
  });

  it('never shows a member’s items to another member, nor to staff', async () => {
    for (const who of ['ib-c', 'ib-a', CITY_STAFF]) {
      const text = JSON.stringify(await list(who));
      expect(text).not.toContain('ib-b');
      expect(text).not.toContain(soonSlot);
    }
    expect(await env.ok('ib-c', 'inbox.count', {})).toEqual({ count: 0, todo: 0 });
  });

  it('clears the offer when the member accepts it, and the booking when it is cancelled', async () => {
    await env.ok('ib-b', 'enrollment.respondOffer', { enrollmentId: `${tripId}_ib-b`, accept: true });
    expect(await keys('ib-b')).toEqual([expect.stringMatching(/^booking:/)]);
    const booking = (await list('ib-b'))[0];
    await env.ok('ib-b', 'legalAid.cancel', { bookingId: booking.params!.id });
    expect(await keys('ib-b')).toEqual([]);
    expect(await env.ok('ib-b', 'inbox.count', {})).toEqual({ count: 0, todo: 0 });
  });

  it('tells the places’ holders a 公示 is published (not one who cancelled); opening it clears it for them alone', async () => {
    await env.ok(CITY_STAFF, 'enrollment.publish', { activityId: tripId, days: 5 });
    const items = await list('ib-b');
    expect(items).toEqual([
      expect.objectContaining({
        key: `publicity:${tripId}`,
        kind: 'info',
        title: expect.stringContaining('公示名单已发布'),
        route: 'recuperationPublicity',
        params: { id: tripId },
      }),
    ]);
    expect(await keys('ib-a')).toEqual([]);
    expect(await env.ok('ib-b', 'inbox.count', {})).toEqual({ count: 1, todo: 0 });

    // someone else marking the same key changes nothing for ib-b
    await env.ok('ib-c', 'inbox.seen', { key: `publicity:${tripId}` });
    expect(await keys('ib-b')).toEqual([`publicity:${tripId}`]);

    await env.ok('ib-b', 'inbox.seen', { key: `publicity:${tripId}` });
    expect(await keys('ib-b')).toEqual([]);
    expect(await env.ok('ib-b', 'inbox.count', {})).toEqual({ count: 0, todo: 0 });
    const marks = await env.store.all<{ openid: string; key: string }>('inbox_seen', { key: `publicity:${tripId}` });
    expect(marks.map((m) => m.openid).sort()).toEqual(['ib-b', 'ib-c']);
  });
});

describe('an application sent back', () => {
  it('asks the applicant to correct it, with the reason, until they resubmit; the reviewer’s inbox stays empty of it', async () => {
    const input = applyInput({ orgId: UNIT, name: '陈晓东' });
    await env.ok('ib-applicant', 'session.get', {});
    const applied = await env.ok('ib-applicant', 'membership.apply', input);
    expect(await keys('ib-applicant')).toEqual([]);
    await env.ok(CITY_STAFF, 'membership.reject', {
      applicationId: applied._id,
      reason: '工作单位与劳动合同不一致，请核对后重新提交',
    });
    const items = await list('ib-applicant');
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'todo',
        title: '入会申请未通过，请修改后重新提交',
        note: '原因：工作单位与劳动合同不一致，请核对后重新提交',
        route: 'applicationStatus',
      }),
    ]);
    expect(JSON.stringify(await list(CITY_STAFF))).not.toContain('入会申请未通过');
    await env.ok('ib-applicant', 'membership.apply', { ...input, workUnit: '常州湖塘精密机械有限公司' });
    expect(await keys('ib-applicant')).toEqual([]);
  });
});

describe('技能竞赛: a team invitation and a results 公示', () => {
  it('asks the invited member to confirm; declining clears it; the captain sees no such item', async () => {
    const { eventId } = await openCompetitionEvent(env.cloud.baseUrl, {
      format: 'team',
      teamSize: { min: 2, max: 3 },
      title: '电工（团体赛·消息测试）',
    });
    await env.ok('ib-cap', 'competitions.register', { eventId, declaration: DECLARATION, teamName: '湖塘电工二队' });
    const mate = await env.store.byId<{ cardNo: string; name: string }>('members', 'ib-mate');
    const invite = await env.ok('ib-cap', 'competitions.invite', { eventId, cardNo: mate!.cardNo, name: mate!.name });
    const items = await list('ib-mate');
    expect(items).toEqual([
      expect.objectContaining({
        key: `teamInvite:${invite.inviteId}`,
        kind: 'todo',
        title: '钱明伟邀请您加入「湖塘电工二队」',
        route: 'competitionEvent',
        params: { id: eventId },
      }),
    ]);
    expect(JSON.stringify(await list('ib-cap'))).not.toContain('teamInvite');
    await env.ok('ib-mate', 'competitions.respondInvite', { inviteId: invite.inviteId, accept: false });
    expect(await keys('ib-mate')).toEqual([]);
  });

  it('tells each participant the results are published, and nobody else', async () => {
    const { eventId } = await openCompetitionEvent(env.cloud.baseUrl, {
      unitConfirm: false,
      capacity: 10,
      title: '焊工（消息测试）',
    });
    for (const m of ['ib-a', 'ib-c']) await env.ok(m, 'competitions.register', { eventId, declaration: DECLARATION });
    await env.ok(CITY_STAFF, 'enrollment.review', {
      activityId: eventId,
      enrollmentIds: [`${eventId}_ib-a`, `${eventId}_ib-c`],
      decision: 'approve',
    });
    await eventHeld(env.store, eventId);
    await env.ok(CITY_STAFF, 'competitions.enterScores', {
      eventId,
      scores: [
        { enrollmentId: `${eventId}_ib-a`, theory: 90, practical: 92, absent: false },
        { enrollmentId: `${eventId}_ib-c`, theory: 80, practical: 70, absent: false },
      ],
    });
    await env.ok(CITY_STAFF, 'competitions.publishResults', { eventId, days: 3 });
    for (const m of ['ib-a', 'ib-c']) {
      expect(await list(m)).toContainEqual(
        expect.objectContaining({
          key: `result:${eventId}`,
          kind: 'info',
          title: expect.stringContaining('成绩公示'),
          route: 'competitionResults',
          params: { id: eventId },
        }),
      );
    }
    expect(await keys('ib-b')).not.toContain(`result:${eventId}`);
    await env.ok('ib-a', 'inbox.seen', { key: `result:${eventId}` });
    expect(await keys('ib-a')).not.toContain(`result:${eventId}`);
    expect(await keys('ib-c')).toContain(`result:${eventId}`);
  });
});

describe('单身联谊: a match', () => {
  it('tells both of the pair, nobody else, and leaves when opened', async () => {
    const { activityId, pid } = await eventWithParticipants(env.cloud.baseUrl, env.store, [
      { openid: 'ib-ma', gender: 'F', name: '林晓雯' },
      { openid: 'ib-mb', gender: 'M', name: '赵博文' },
      { openid: 'ib-mc', gender: 'M', name: '钱程' },
    ]);
    await env.ok('ib-ma', 'matchmaking.pick', { activityId, participantIds: [pid['ib-mb']] });
    expect(JSON.stringify(await list('ib-ma'))).not.toContain('match:');
    await env.ok('ib-mb', 'matchmaking.pick', { activityId, participantIds: [pid['ib-ma']] });
    for (const who of ['ib-ma', 'ib-mb']) {
      expect(await list(who)).toEqual([
        expect.objectContaining({
          kind: 'info',
          title: '互选成功',
          route: 'matchmakingMatches',
          key: expect.stringMatching(/^match:M/),
        }),
      ]);
    }
    expect(await keys('ib-mc')).toEqual([]);
    const [match] = await list('ib-ma');
    expect(JSON.stringify(match)).not.toMatch(/ib-m[abc]/);
    await env.ok('ib-ma', 'inbox.seen', { key: match.key });
    expect(await keys('ib-ma')).toEqual([]);
    expect(await keys('ib-mb')).toEqual([match.key]);
  });
});

describe('bad input', () => {
  it('refuses a malformed key, a bad page and extra fields with a Chinese message, and stores no mark', async () => {
    const before = await env.store.count('inbox_seen');
    for (const [action, input, field] of [
      ['inbox.seen', { key: '../../etc' }, 'key'],
      ['inbox.seen', { key: 42 }, 'key'],
      ['inbox.seen', {}, 'key'],
      ['inbox.list', { page: 0 }, 'page'],
      ['inbox.count', { openid: 'ib-b' }, 'openid'],
    ] as const) {
      const r = await env.call('ib-b', action, input);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await env.store.count('inbox_seen')).toBe(before);
  });
});
