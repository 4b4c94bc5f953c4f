/**
 * 单身联谊 after the event, through the real SDK on the local cloud: fellow participants are visible only to those
 * who checked in, picks are private, a one-sided pick reveals nothing to anyone, a mutual pick reveals contacts
 * to the pair and to no one else, picks close (one-sided picks erased, matches kept), and the follow-ups go once.
 */
import { callApi, callOk, startSeededCloud, type storeReader } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { eventWithParticipants, openEvent, profileInput } from '../support/matchmaking';
import { fireCron, outbox, putMembers } from '../support/trips';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
let activityId: string;
let pid: Record<string, string>;
const CONTACT = { a: 'anna_wx2026', b: 'bo_runner_99', c: '13900001111', d: 'dora_cz_520' };

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
  ({ activityId, pid } = await eventWithParticipants(
    cloud.baseUrl,
    store,
    [
      {
        openid: 'mp-a',
        gender: 'F',
        name: '林安娜',
        profile: profileInput({ nickname: '安娜', contact: { kind: 'wechat', value: CONTACT.a } }),
      },
      {
        openid: 'mp-b',
        gender: 'M',
        name: '赵博文',
        profile: profileInput({ nickname: '博文', contact: { kind: 'wechat', value: CONTACT.b } }),
      },
      {
        openid: 'mp-c',
        gender: 'M',
        name: '钱程',
        profile: profileInput({ nickname: '程程', contact: { kind: 'mobile', value: CONTACT.c } }),
      },
      {
        openid: 'mp-d',
        gender: 'F',
        name: '孙朵拉',
        profile: profileInput({ nickname: '朵拉', contact: { kind: 'wechat', value: CONTACT.d } }),
      },
      // 不限性别: every other participant is in the list (the default rule, 异性之间, in matchmaking-pick-rule.test.ts).
    ],
    { pickRule: 'any' },
  ));
}, 180_000);
afterAll(() => cloud?.stop());

const json = (x: unknown) => JSON.stringify(x);

describe('before and at the event', () => {
  it('shows fellow participants only to members who checked in, once the event has started', async () => {
    await putMembers(store.db, [{ openid: 'mp-late', gender: 'M' }]);
    await callOk(cloud.baseUrl, 'mp-late', 'matchmaking.saveProfile', profileInput({ nickname: '迟到的人' }));
    const other = await openEvent(cloud.baseUrl, { title: '武进区单身职工徒步交友' });
    await callOk(cloud.baseUrl, 'mp-late', 'matchmaking.signUp', { activityId: other, followUp: false });
    const early = await callApi(cloud.baseUrl, 'mp-late', 'matchmaking.participants', { activityId: other });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_PARTICIPANT' } });
    const stranger = await callApi(cloud.baseUrl, 'mp-late', 'matchmaking.participants', { activityId });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_PARTICIPANT' } });
    expect(json(stranger)).not.toContain('安娜');
  });

  it('lists the others (never oneself), by opaque per-event ids, with what they show to participants', async () => {
    const list = await callOk(cloud.baseUrl, 'mp-a', 'matchmaking.participants', { activityId });
    expect(list.items.map((i) => i.profile.nickname).sort()).toEqual(['博文', '朵拉', '程程']);
    expect(list.items.map((i) => i.participantId).sort()).toEqual([pid['mp-b'], pid['mp-c'], pid['mp-d']].sort());
    expect(list.items[0].profile).toMatchObject({ city: '常州市武进区', height: 172 });
    expect(json(list)).not.toMatch(/mp-[a-d]|lin_runner|anna_wx|bo_runner|1390000/);
    expect(list).toMatchObject({ pickLimit: 3, picksOpen: true, myPicks: [] });
  });
});

describe('picks', () => {
  it('a one-sided pick reveals nothing, to either of them', async () => {
    const r = await callOk(cloud.baseUrl, 'mp-a', 'matchmaking.pick', { activityId, participantIds: [pid['mp-b']] });
    expect(r).toEqual({ myPicks: [pid['mp-b']], matched: [] });
    const seenByB = await Promise.all([
      callOk(cloud.baseUrl, 'mp-b', 'matchmaking.participants', { activityId }),
      callOk(cloud.baseUrl, 'mp-b', 'matchmaking.participant', { activityId, participantId: pid['mp-a'] }),
      callOk(cloud.baseUrl, 'mp-b', 'matchmaking.matches', {}),
      callOk(cloud.baseUrl, 'mp-b', 'timeline.list', {}),
    ]);
    expect(seenByB[0].items.every((i) => !i.picked && !i.matched)).toBe(true);
    expect(seenByB[1]).toMatchObject({ picked: false, matched: false });
    expect(seenByB[2].items).toEqual([]);
    expect(json(seenByB)).not.toContain(CONTACT.a);
    expect(seenByB[3].items.some((e) => e.status === 'matched')).toBe(false);
    const mine = await callOk(cloud.baseUrl, 'mp-a', 'matchmaking.participant', { activityId, participantId: pid['mp-b'] });
    expect(mine).toMatchObject({ picked: true, matched: false });
    expect(mine.profile.contact).toBeUndefined();
  });

  it('a mutual pick reveals contacts to the pair, once, and to nobody else', async () => {
    // 程程 picks 安娜 too: one-sided, he must learn nothing.
    await callOk(cloud.baseUrl, 'mp-c', 'matchmaking.pick', { activityId, participantIds: [pid['mp-a'], pid['mp-d']] });
    const r = await callOk(cloud.baseUrl, 'mp-b', 'matchmaking.pick', { activityId, participantIds: [pid['mp-a']] });
    expect(r.matched).toHaveLength(1);
    expect(r.matched[0]).toMatchObject({
      participantId: pid['mp-a'],
      profile: { nickname: '安娜', contact: { kind: 'wechat', value: CONTACT.a } },
    });
    const aMatches = await callOk(cloud.baseUrl, 'mp-a', 'matchmaking.matches', {});
    expect(aMatches.items.map((m) => [m.profile.nickname, m.profile.contact?.value])).toEqual([['博文', CONTACT.b]]);
    for (const outsider of ['mp-c', 'mp-d']) {
      const seen = await Promise.all([
        callOk(cloud.baseUrl, outsider, 'matchmaking.matches', {}),
        callOk(cloud.baseUrl, outsider, 'matchmaking.participants', { activityId }),
        callOk(cloud.baseUrl, outsider, 'matchmaking.participant', { activityId, participantId: pid['mp-a'] }),
      ]);
      expect(seen[0].items).toEqual([]);
      expect(json(seen)).not.toContain(CONTACT.a);
      expect(json(seen)).not.toContain(CONTACT.b);
    }
    const pairs = await store.all<{ mutual: boolean; members: string[] }>('matchmaking_pairs', { activityId, mutual: true });
    expect(pairs.map((p) => p.members)).toEqual([['mp-a', 'mp-b']]);
    const timeline = (await store.all<{ openid: string }>('timeline', { status: 'matched' })).filter((t) =>
      t.openid.startsWith('mp-'),
    );
    expect(timeline.map((t) => t.openid).sort()).toEqual(['mp-a', 'mp-b']);
    expect(json(timeline)).not.toMatch(/博文|安娜|anna_wx|bo_runner/);
  });

  it('refuses more picks than the event allows, and keeps a match when a pick list leaves it out', async () => {
    const before = await store.all('matchmaking_picks', { activityId });
    const tooMany = await callApi(cloud.baseUrl, 'mp-a', 'matchmaking.pick', {
      activityId,
      participantIds: [pid['mp-b'], pid['mp-c'], pid['mp-d'], 'P' + '0'.repeat(24)],
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'PICK_LIMIT' } });
    const unknown = await callApi(cloud.baseUrl, 'mp-a', 'matchmaking.pick', {
      activityId,
      participantIds: ['P' + 'f'.repeat(24)],
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await store.all('matchmaking_picks', { activityId })).toEqual(before);
    const kept = await callOk(cloud.baseUrl, 'mp-a', 'matchmaking.pick', { activityId, participantIds: [] });
    expect(kept.myPicks).toEqual([pid['mp-b']]);
  });

  it('only participants who checked in may pick', async () => {
    const r = await callApi(cloud.baseUrl, 'demo-member-01', 'matchmaking.pick', { activityId, participantIds: [pid['mp-a']] });
    expect(r).toMatchObject({ ok: false, error: { code: expect.stringMatching(/NOT_PARTICIPANT|NO_PROFILE/) } });
  });
});

describe('after the event', () => {
  it('closes picks: one-sided picks are erased, matches stay', async () => {
    await store.db
      .collection('activities')
      .doc(activityId)
      .update({ data: { 'matchmaking.pickCloseAt': new Date(Date.now() - 1000) } });
    const tasks = await fireCron(cloud.baseUrl);
    expect(tasks['matchmaking.closePicks']).toMatchObject({ closed: 1 });
    expect(await store.all('matchmaking_picks', { activityId })).toEqual([]);
    const pairs = await store.all<{ mutual: boolean }>('matchmaking_pairs', { activityId });
    expect(pairs.map((p) => p.mutual)).toEqual([true]);
    const late = await callApi(cloud.baseUrl, 'mp-c', 'matchmaking.pick', { activityId, participantIds: [pid['mp-d']] });
    expect(late).toMatchObject({ ok: false, error: { code: 'PICKS_CLOSED' } });
    const list = await callApi(cloud.baseUrl, 'mp-a', 'matchmaking.participants', { activityId });
    expect(list).toMatchObject({ ok: false, error: { code: 'PICKS_CLOSED' } });
    expect((await callOk(cloud.baseUrl, 'mp-b', 'matchmaking.matches', {})).items).toHaveLength(1);
  });

  it('sends each follow-up once, to participants who consented', async () => {
    await callOk(cloud.baseUrl, 'mp-a', 'notify.consent', { templateKey: 'matchmaking_status', accepted: true });
    await store.db
      .collection('enrollments')
      .doc(`${activityId}_mp-d`)
      .update({ data: { 'extra.followUp': false } });
    const DAY = 86400_000;
    await store.db
      .collection('activities')
      .doc(activityId)
      .update({ data: { startAt: new Date(Date.now() - 4 * DAY - 3600_000), endAt: new Date(Date.now() - 4 * DAY) } });
    await fetch(`${cloud.baseUrl}/_emu/outbox`, { method: 'DELETE' });
    const first = await fireCron(cloud.baseUrl);
    expect(first['matchmaking.sendFollowUps']).toMatchObject({ d3: 3, w3: 0 });
    const again = await fireCron(cloud.baseUrl);
    expect(again['matchmaking.sendFollowUps']).toMatchObject({ d3: 0, w3: 0 });
    const entries = await store.all<{ openid: string }>('timeline', { status: 'follow_up_d3' });
    expect(entries.map((e) => e.openid).sort()).toEqual(['mp-a', 'mp-b', 'mp-c']);
    const messages = (await outbox(cloud.baseUrl)).filter((m) => m.templateId === 'matchmaking_status');
    expect(messages.map((m) => m.touser)).toEqual(['mp-a']);
    await store.db
      .collection('activities')
      .doc(activityId)
      .update({ data: { startAt: new Date(Date.now() - 22 * DAY), endAt: new Date(Date.now() - 21 * DAY - 1000) } });
    expect((await fireCron(cloud.baseUrl))['matchmaking.sendFollowUps']).toMatchObject({ d3: 0, w3: 3 });
    expect((await fireCron(cloud.baseUrl))['matchmaking.sendFollowUps']).toMatchObject({ d3: 0, w3: 0 });
  });
});
