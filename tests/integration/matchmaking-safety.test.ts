/**
 * 单身联谊 safety, through the real SDK on the local cloud: a block hides the pair from each other everywhere and
 * for good (also at the next event, also a match made before), a report goes to the event's organiser (and no one
 * else), who may remove the person from the event — the place is taken away and their matches from it vanish for
 * both sides. Each decision happens once, is audited, and the member concerned is told (never who reported).
 */
import { callApi, callOk, startSeededCloud, type storeReader } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { checkIn, eventWithParticipants, openEvent, startEventNow } from '../support/matchmaking';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
let activityId: string;
let pid: Record<string, string>;

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
  ({ activityId, pid } = await eventWithParticipants(
    cloud.baseUrl,
    store,
    [
      { openid: 'sf-a', gender: 'F', name: '王安琪' },
      { openid: 'sf-b', gender: 'M', name: '刘斌' },
      { openid: 'sf-c', gender: 'F', name: '陈澄' },
      { openid: 'sf-d', gender: 'M', name: '杜达' },
      { openid: 'sf-e', gender: 'M', name: '叶尔' },
      // 不限性别, so that every participant sees every other (the default rule is in matchmaking-pick-rule.test.ts).
    ],
    { pickRule: 'any' },
  ));
}, 180_000);
afterAll(() => cloud?.stop());

const nicknamesSeenBy = async (openid: string) =>
  (await callOk(cloud.baseUrl, openid, 'matchmaking.participants', { activityId })).items.map((i) => i.participantId);

describe('blocking', () => {
  it('hides both from each other everywhere, including a match they had, and stores one record', async () => {
    await callOk(cloud.baseUrl, 'sf-a', 'matchmaking.pick', { activityId, participantIds: [pid['sf-b']] });
    const m = await callOk(cloud.baseUrl, 'sf-b', 'matchmaking.pick', { activityId, participantIds: [pid['sf-a']] });
    expect(m.matched).toHaveLength(1);
    await callOk(cloud.baseUrl, 'sf-a', 'matchmaking.block', { activityId, participantId: pid['sf-b'] });
    await callOk(cloud.baseUrl, 'sf-a', 'matchmaking.block', { activityId, participantId: pid['sf-b'] }); // a double tap
    expect(await store.count('matchmaking_blocks', { blocker: 'sf-a', blocked: 'sf-b' })).toBe(1);
    expect(await nicknamesSeenBy('sf-a')).not.toContain(pid['sf-b']);
    expect(await nicknamesSeenBy('sf-b')).not.toContain(pid['sf-a']);
    for (const [viewer, other] of [
      ['sf-a', 'sf-b'],
      ['sf-b', 'sf-a'],
    ]) {
      const detail = await callApi(cloud.baseUrl, viewer, 'matchmaking.participant', { activityId, participantId: pid[other] });
      expect(detail).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '该参加者不存在或已不可见' } });
      const pick = await callApi(cloud.baseUrl, viewer, 'matchmaking.pick', { activityId, participantIds: [pid[other]] });
      expect(pick).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect((await callOk(cloud.baseUrl, viewer, 'matchmaking.matches', {})).items).toEqual([]);
    }
    // Others are not affected.
    expect(await nicknamesSeenBy('sf-c')).toEqual(expect.arrayContaining([pid['sf-a'], pid['sf-b']]));
  });

  it('holds at the next event too: a blocked person never sees the blocker again', async () => {
    const next = await openEvent(cloud.baseUrl, { title: '第二场青年职工联谊' });
    for (const o of ['sf-a', 'sf-b', 'sf-c'])
      await callOk(cloud.baseUrl, o, 'matchmaking.signUp', { activityId: next, followUp: false });
    await startEventNow(store, next);
    await checkIn(cloud.baseUrl, next, ['sf-a', 'sf-b', 'sf-c']);
    const seenByB = await callOk(cloud.baseUrl, 'sf-b', 'matchmaking.participants', { activityId: next });
    expect(seenByB.items).toHaveLength(1); // only 陈澄
    expect(JSON.stringify(seenByB)).not.toContain('王安琪');
  });

  it('is only for people who took part in that event', async () => {
    const r = await callApi(cloud.baseUrl, 'demo-member-01', 'matchmaking.block', { activityId, participantId: pid['sf-a'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_PARTICIPANT' } });
  });
});

describe('reporting and removal', () => {
  let reportId: string;

  it('stores one report per reporter, person and event, for the organiser only', async () => {
    await callOk(cloud.baseUrl, 'sf-c', 'matchmaking.pick', { activityId, participantIds: [pid['sf-d']] });
    await callOk(cloud.baseUrl, 'sf-d', 'matchmaking.pick', { activityId, participantIds: [pid['sf-c'], pid['sf-e']] });
    const input = {
      activityId,
      participantId: pid['sf-d'],
      category: 'harassment' as const,
      detail: '活动结束后反复发消息纠缠',
      alsoBlock: false,
    };
    // The demo data has an open report of its own: the 工作台 counter goes up by exactly this one.
    const before = (await callOk(cloud.baseUrl, 'demo-staff-city', 'workbench.summary', {})).counts.matchmakingReports;
    const [first, second] = await Promise.all([
      callOk(cloud.baseUrl, 'sf-e', 'matchmaking.report', input),
      callOk(cloud.baseUrl, 'sf-e', 'matchmaking.report', input),
    ]);
    expect(first.reportId).toBe(second.reportId);
    reportId = first.reportId;
    expect(await store.count('matchmaking_reports', { reported: 'sf-d' })).toBe(1);
    const outside = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'matchmaking.reports', { activityId });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await callOk(cloud.baseUrl, 'demo-staff-wujin', 'matchmaking.reports', {})).items).toEqual([]);
    const member = await callApi(cloud.baseUrl, 'sf-c', 'matchmaking.reports', { activityId });
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const list = await callOk(cloud.baseUrl, 'demo-staff-city', 'matchmaking.reports', { activityId, status: 'open' });
    expect(list.items).toMatchObject([
      {
        _id: reportId,
        categoryText: '骚扰或不当言行',
        reported: { name: '杜达', enrollmentStatus: 'approved' },
        reporterName: '叶尔',
      },
    ]);
    expect(await store.count('audit', { action: 'matchmaking.reports', kind: 'pii_view' })).toBe(1);
    const workbench = await callOk(cloud.baseUrl, 'demo-staff-city', 'workbench.summary', {});
    expect(workbench.counts).toMatchObject({ matchmakingReports: before + 1 });
  });

  it('removes the person: the place is taken away, their matches from the event vanish both ways, once', async () => {
    expect((await callOk(cloud.baseUrl, 'sf-c', 'matchmaking.matches', {})).items).toHaveLength(1);
    const byMember = await callApi(cloud.baseUrl, 'sf-e', 'matchmaking.resolveReport', {
      reportId,
      decision: 'remove',
      note: '经核实属实',
    });
    expect(byMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = await callOk(cloud.baseUrl, 'demo-staff-city', 'matchmaking.resolveReport', {
      reportId,
      decision: 'remove',
      note: '经电话核实，存在骚扰行为',
    });
    expect(done).toMatchObject({ status: 'upheld', removed: true });
    const again = await callApi(cloud.baseUrl, 'demo-staff-city', 'matchmaking.resolveReport', {
      reportId,
      decision: 'dismiss',
      note: '重复处理',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await store.byId('enrollments', `${activityId}_sf-d`)).toMatchObject({ status: 'removed' });
    expect((await callOk(cloud.baseUrl, 'sf-c', 'matchmaking.matches', {})).items).toEqual([]);
    expect((await callOk(cloud.baseUrl, 'sf-d', 'matchmaking.matches', {})).items).toEqual([]);
    expect(await nicknamesSeenBy('sf-c')).not.toContain(pid['sf-d']);
    const removedLists = await callApi(cloud.baseUrl, 'sf-d', 'matchmaking.participants', { activityId });
    expect(removedLists).toMatchObject({ ok: false, error: { code: 'NOT_PARTICIPANT' } });
    const told = await store.all<{ note: string }>('timeline', { openid: 'sf-d', status: 'removed' });
    expect(told).toHaveLength(1);
    expect(told[0].note).toContain('经电话核实，存在骚扰行为');
    expect(JSON.stringify(told)).not.toContain('叶尔');
    expect(await store.count('audit', { action: 'matchmaking.removeParticipant', target: reportId })).toBe(1);
  });
});
