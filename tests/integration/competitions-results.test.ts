/**
 * Scores, ranking and results through the real SDK: organiser-only score entry (validated, audited, with
 * revisions), the ranking with ties (standard competition ranking 1, 2, 2, 4 on exact weighted totals),
 * prizes and honours, the 公示 with masked names, objections and a correction that re-ranks, then final —
 * awards written to each winner's profile (a team's to every member). Score entry racing the publication
 * is forced at every database request: a score is either in the published ranking or refused.
 */
import ExcelJS from 'exceljs';
import { callApi } from '../support/api';
import { clearPauses, eachPausePoint } from '../support/interleave';
import { useCloud } from '../support/scenario';
import { fireCron, putMembers, setActivityFields, warmInstances } from '../support/trips';
import { CITY_STAFF, DECLARATION, eventHeld, openEvent } from '../support/competitions';

const env = useCloud();
const NAMES = ['王建军', '刘明华', '陈志强', '杨海燕', '黄丽娟', '吴国伟'];
const P = NAMES.map((_, i) => `rs-${i}`);

beforeAll(async () => {
  await putMembers(env.store.db, [
    ...NAMES.map((name, i) => ({ openid: P[i], name, orgId: i % 2 ? 'org-cz-wujin-g1' : 'org-cz-tianning-g1' })),
    ...Array.from({ length: 12 }, (_, i) => ({
      openid: `rs-x${i}`,
      orgId: 'org-cz-xinbei-g1',
      name: `许${'一二三四五六七八九十甲乙'[i]}明`,
    })),
  ]);
  await warmInstances(env.cloud.baseUrl, 3);
}, 120_000);
afterEach(() => clearPauses(env.cloud.baseUrl));

/** An event (no 单位推荐) whose `members` registered and were approved (`pending` registered too, not reviewed),
 * and which has taken place. */
async function approvedEvent(members: string[], overrides = {}, pending: string[] = []) {
  const ids = await openEvent(env.cloud.baseUrl, { unitConfirm: false, capacity: 20, ...overrides });
  for (const m of members) await env.ok(m, 'competitions.register', { eventId: ids.eventId, declaration: DECLARATION });
  const review = await env.ok(CITY_STAFF, 'enrollment.review', {
    activityId: ids.eventId,
    enrollmentIds: members.map((m) => `${ids.eventId}_${m}`),
    decision: 'approve',
  });
  expect(review.done).toHaveLength(members.length);
  for (const m of pending) await env.ok(m, 'competitions.register', { eventId: ids.eventId, declaration: DECLARATION });
  await eventHeld(env.store, ids.eventId);
  return ids;
}

const score = (eventId: string, m: string, theory: number | null, practical: number | null, absent = false) => ({
  enrollmentId: `${eventId}_${m}`,
  theory,
  practical,
  absent,
});

describe('before the event has taken place', () => {
  it('refuses scores and the 公示 while the contest is ahead, says when, and stores nothing; the screens say why', async () => {
    const members = ['rs-x10', 'rs-x11'];
    const { eventId } = await openEvent(env.cloud.baseUrl, { unitConfirm: false, capacity: 20 });
    for (const m of members) await env.ok(m, 'competitions.register', { eventId, declaration: DECLARATION });
    await env.ok(CITY_STAFF, 'enrollment.review', {
      activityId: eventId,
      enrollmentIds: members.map((m) => `${eventId}_${m}`),
      decision: 'approve',
    });
    const scores = [score(eventId, members[0], 95, 96), score(eventId, members[1], 80, 81)];
    const early = await env.call(CITY_STAFF, 'competitions.enterScores', { eventId, scores });
    expect(early).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_HELD' } });
    if (!early.ok) expect(early.error.message).toMatch(/^比赛尚未举行，\d+月\d+日 \d\d:\d\d后方可录入成绩$/);
    const publish = await env.call(CITY_STAFF, 'competitions.publishResults', { eventId });
    expect(publish).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_HELD' } });
    if (!publish.ok) expect(publish.error.message).toMatch(/^比赛尚未举行，.*后方可公示成绩$/);
    expect(await env.store.count('competition_scores', { eventId })).toBe(0);
    expect(await env.store.byId('competition_results', eventId)).toBeNull();
    expect(await env.store.count('competition_awards', { eventId })).toBe(0);
    // The organiser's screens carry the reason (the app hides score entry and shows it).
    const page = await env.ok(CITY_STAFF, 'competitions.event', { eventId });
    expect(page.event.scoringNotYet).toMatch(/^比赛尚未举行，/);
    const ranking = await env.ok(CITY_STAFF, 'competitions.ranking', { eventId });
    expect(ranking.notYet).toMatch(/^比赛尚未举行，/);
    // The member still sees sign-up as it is: the event has not happened.
    const mine = await env.ok(members[0], 'competitions.event', { eventId });
    expect(mine.results).toBeNull();

    // The start has come but sign-up was never closed and its window is still open (an inconsistent record):
    // still refused until sign-up is closed.
    await setActivityFields(env.store, eventId, {
      startAt: new Date(Date.now() - 60_000),
      signupEnd: new Date(Date.now() + 3600_000),
    });
    const stillOpen = await env.call(CITY_STAFF, 'competitions.enterScores', { eventId, scores });
    expect(stillOpen).toMatchObject({
      ok: false,
      error: { code: 'EVENT_NOT_HELD', message: '报名尚未截止，请先截止报名再录入成绩' },
    });
    expect(await env.store.count('competition_scores', { eventId })).toBe(0);

    await eventHeld(env.store, eventId);
    expect((await env.ok(CITY_STAFF, 'competitions.event', { eventId })).event.scoringNotYet).toBeUndefined();
    expect(await env.ok(CITY_STAFF, 'competitions.enterScores', { eventId, scores })).toMatchObject({ failed: [] });
    expect(await env.store.count('competition_scores', { eventId })).toBe(2);
    expect(await env.ok(CITY_STAFF, 'competitions.ranking', { eventId })).not.toHaveProperty('notYet');
  });
});

describe('scores → ranking with ties → 公示 → objection and correction → final with awards', () => {
  let eventId: string;
  let tickets: Record<string, string>;
  beforeAll(async () => {
    ({ eventId } = await approvedEvent(P.slice(0, 5), {}, [P[5]])); // P[5] stays pending
    const rows = await env.store.all<{ openid: string; ticket: string }>('enrollments', { activityId: eventId });
    tickets = Object.fromEntries(rows.map((r) => [r.openid, r.ticket]));
  });

  it('only the organiser enters scores; bad scores are refused and nothing is stored', async () => {
    const byMember = await env.call(P[0], 'competitions.enterScores', { eventId, scores: [score(eventId, P[0], 100, 100)] });
    expect(byMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const byDistrict = await env.call('demo-staff-wujin', 'competitions.enterScores', {
      eventId,
      scores: [score(eventId, P[0], 100, 100)],
    });
    expect(byDistrict).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const bad of [100.55, 101, -1]) {
      const r = await env.call(CITY_STAFF, 'competitions.enterScores', { eventId, scores: [score(eventId, P[0], bad, 90)] });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!r.ok) expect(r.error.message).toMatch(/成绩/);
    }
    const pending = await env.ok(CITY_STAFF, 'competitions.enterScores', { eventId, scores: [score(eventId, P[5], 90, 90)] });
    expect(pending).toEqual({
      done: [],
      failed: [{ enrollmentId: `${eventId}_${P[5]}`, name: '吴国伟', message: '只能为审核通过的参赛者录入成绩' }],
    });
    expect(await env.store.count('competition_scores', { eventId })).toBe(0);
  });

  it('ranks by exact weighted totals: equal totals share a rank and the next skips (1, 2, 2, 4); prizes and honours follow', async () => {
    // Weights 30/70. 80/90 and 87/87 both make exactly 87 (no floating-point near-tie).
    await env.ok(CITY_STAFF, 'competitions.enterScores', {
      eventId,
      scores: [
        score(eventId, P[0], 90, 95),
        score(eventId, P[1], 80, 90),
        score(eventId, P[2], 87, 87),
        score(eventId, P[3], 70, 80),
      ],
    });
    const early = await env.call(CITY_STAFF, 'competitions.publishResults', { eventId });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'SCORES_INCOMPLETE', message: '还有1名（队）参赛者未录入完整成绩，如：黄丽娟' },
    });
    await env.ok(CITY_STAFF, 'competitions.enterScores', { eventId, scores: [score(eventId, P[4], null, null, true)] });
    const ranking = await env.ok(CITY_STAFF, 'competitions.ranking', { eventId });
    expect(ranking.unscored).toBe(0);
    expect(ranking.rows.map((r) => [r.name, r.total, r.rank, r.prize ?? null, r.honours])).toEqual([
      ['王建军', 93.5, 1, '一等奖', ['常州市技术能手']],
      ...[
        ['刘明华', 87, 2, '二等奖', ['常州市技术能手']],
        ['陈志强', 87, 2, '二等奖', ['常州市技术能手']],
      ].sort((a, b) => (tickets[P[NAMES.indexOf(a[0] as string)]] < tickets[P[NAMES.indexOf(b[0] as string)]] ? -1 : 1)),
      ['杨海燕', 77, 4, '三等奖', []],
      ['黄丽娟', null, null, null, []],
    ]);
    expect(await env.store.count('audit', { action: 'competitions.score', 'details.eventId': eventId })).toBe(5);
  });

  it('publishes a 公示 with masked names; scores are then locked; every participant is told', async () => {
    const published = await env.ok(CITY_STAFF, 'competitions.publishResults', { eventId, days: 3 });
    expect(published).toMatchObject({ status: 'publicity', open: true, version: 1 });
    expect(published.tieRule).toContain('1、2、2、4');
    expect(published.rows.map((r) => r.displayName)).toEqual(expect.arrayContaining(['王*军', '刘*华', '黄*娟']));
    expect(JSON.stringify(published)).not.toContain('王建军');
    const seen = await env.ok(P[3], 'competitions.results', { eventId });
    expect(seen.rows.find((r) => r.mine)).toMatchObject({ rank: 4, prize: '三等奖' });
    const timeline = await env.ok(P[3], 'timeline.list', {});
    expect(timeline.items[0]).toMatchObject({ area: 'competition', statusText: '成绩公示' });
    expect(timeline.items[0].note).toContain('第4名 · 三等奖');
    const locked = await env.call(CITY_STAFF, 'competitions.enterScores', { eventId, scores: [score(eventId, P[3], 99, 99)] });
    expect(locked).toMatchObject({ ok: false, error: { code: 'RESULTS_LOCKED' } });
    expect(await env.store.byId('competition_scores', `${eventId}_${P[3]}`)).toMatchObject({ theory: 70, practical: 80 });
  });

  it('an upheld objection corrects the score and re-ranks everyone; a dismissed one changes nothing', async () => {
    const objection = await env.ok(P[3], 'competitions.objectResult', {
      eventId,
      ticket: tickets[P[3]],
      reason: '本人实操成绩录入有误，应为95分',
    });
    const twice = await env.ok(P[3], 'competitions.objectResult', { eventId, ticket: tickets[P[3]], reason: '再次提交同一异议' });
    expect(twice.objectionId).toBe(objection.objectionId);
    const other = await env.ok(P[1], 'competitions.objectResult', {
      eventId,
      ticket: tickets[P[0]],
      reason: '对第一名成绩有疑问',
    });
    const list = await env.ok(CITY_STAFF, 'competitions.resultObjections', { eventId, status: 'open' });
    expect(list.total).toBe(2);
    expect(JSON.stringify(list)).not.toContain(P[1]);
    const noCorrection = await env.call(CITY_STAFF, 'competitions.resolveObjection', {
      objectionId: objection.objectionId,
      decision: 'uphold',
      note: '经复核',
    });
    expect(noCorrection).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'correction' } } });
    await env.ok(CITY_STAFF, 'competitions.resolveObjection', {
      objectionId: objection.objectionId,
      decision: 'uphold',
      note: '经复核实操评分表，实操成绩应为95分',
      correction: { theory: 95, practical: 95, absent: false },
    });
    await env.ok(CITY_STAFF, 'competitions.resolveObjection', {
      objectionId: other.objectionId,
      decision: 'dismiss',
      note: '经复核评分无误',
    });
    const after = await env.ok(P[0], 'competitions.results', { eventId });
    expect(after.version).toBe(2);
    expect(after.rows.map((r) => [r.displayName, r.total, r.rank, r.prize ?? null])).toEqual([
      ['杨*燕', 95, 1, '一等奖'],
      ['王*军', 93.5, 2, '二等奖'],
      ...(tickets[P[1]] < tickets[P[2]]
        ? [
            ['刘*华', 87, 3, '二等奖'],
            ['陈*强', 87, 3, '二等奖'],
          ]
        : [
            ['陈*强', 87, 3, '二等奖'],
            ['刘*华', 87, 3, '二等奖'],
          ]),
      ['黄*娟', null, null, null],
    ]);
    expect(after.corrections).toEqual([
      expect.objectContaining({ ticket: tickets[P[3]], note: '经复核实操评分表，实操成绩应为95分' }),
    ]);
    const stored = await env.store.byId<{
      theory: number;
      practical: number;
      revisions: Array<{ theory: number; practical: number }>;
    }>('competition_scores', `${eventId}_${P[3]}`);
    expect(stored).toMatchObject({ theory: 95, practical: 95, revisions: [{ theory: 70, practical: 80 }] });
    const told = await env.ok(P[1], 'timeline.list', {});
    expect(told.items.map((t) => t.statusText)).toContain('异议不成立');
    // Those the correction moved hear of it (王建军 from 1st to 2nd); those it did not move do not (黄丽娟, absent).
    const moved = (await env.ok(P[0], 'timeline.list', {})).items.find((t) => t.statusText === '成绩更正');
    expect(moved?.note).toContain('您现为第2名 · 二等奖');
    expect((await env.ok(P[4], 'timeline.list', {})).items.map((t) => t.statusText)).not.toContain('成绩更正');
  });

  it('becomes final only after the 公示 with nothing open; awards go to the winners’ profiles', async () => {
    const tooEarly = await env.call(CITY_STAFF, 'competitions.finalizeResults', { eventId });
    expect(tooEarly).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!tooEarly.ok) expect(tooEarly.error.message).toContain('公示期结束后才能确定成绩');
    await env.store.db
      .collection('competition_results')
      .doc(eventId)
      .update({ data: { until: new Date(Date.now() - 5 * 60_000) } });
    const late = await env.call(P[0], 'competitions.objectResult', { eventId, ticket: tickets[P[4]], reason: '公示期后的异议' });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const final = await env.ok(CITY_STAFF, 'competitions.finalizeResults', { eventId });
    expect(final.status).toBe('final');
    const awards = await env.store.all<{ openid: string; prize: string; honours: string[] }>('competition_awards', { eventId });
    expect(awards.map((w) => [w.openid, w.prize]).sort()).toEqual(
      [
        [P[0], '二等奖'],
        [P[1], '二等奖'],
        [P[2], '二等奖'],
        [P[3], '一等奖'],
      ].sort(),
    );
    const mine = await env.ok(P[3], 'competitions.mine', {});
    expect(mine.awards[0]).toMatchObject({
      prize: '一等奖',
      rank: 1,
      total: 95,
      honours: ['常州市技术能手'],
      levelLabel: '市一级',
    });
    expect(mine.items.find((i) => i.eventId === eventId)?.result).toMatchObject({ status: 'final', rank: 1 });
    const again = await env.call(CITY_STAFF, 'competitions.finalizeResults', { eventId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '成绩已确定' } });
  });
});

describe('exports to Excel', () => {
  async function sheetOf(url: string) {
    const file = Buffer.from(await (await fetch(url)).arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    return book.worksheets[0];
  }

  it('registrations for the organiser (all) and a unit (its members); results for the organiser only; audited', async () => {
    const { eventId, competitionId } = await approvedEvent([P[0], P[1], P[2]]);
    await env.ok(CITY_STAFF, 'competitions.enterScores', {
      eventId,
      scores: [score(eventId, P[0], 90, 90), score(eventId, P[1], 80, 80), score(eventId, P[2], 70, 70)],
    });
    await env.ok(CITY_STAFF, 'competitions.publishResults', { eventId });
    const all = await env.ok(CITY_STAFF, 'competitions.exportRegistrations', { competitionId });
    expect(all).toMatchObject({ rows: 3 });
    const sheet = await sheetOf(all.url);
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['项目', '姓名（队长）', '所在工会', '单位推荐', '本工种年限', '职业技能等级']),
    );
    expect(sheet.rowCount).toBe(4);
    const unit = await env.ok('demo-staff-wujin', 'competitions.exportRegistrations', { competitionId, eventId });
    expect(unit.rows).toBe(1); // 刘明华 is the only one in 武进
    const results = await env.ok(CITY_STAFF, 'competitions.exportResults', { competitionId, eventId });
    const rows = await sheetOf(results.url);
    expect(rows.getRow(2).values).toEqual(expect.arrayContaining(['王建军', 1, 90, '一等奖']));
    const refused = await env.call('demo-staff-wujin', 'competitions.exportResults', { competitionId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const member = await env.call(P[0], 'competitions.exportRegistrations', { competitionId });
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.store.count('audit', { target: competitionId, kind: 'pii_view' })).toBe(3);
  });
});

describe('team results and the timer', () => {
  it('a team’s award goes to every member; the cron task finalises a 公示 that has ended', async () => {
    const { eventId } = await openEvent(env.cloud.baseUrl, { unitConfirm: false, format: 'team', teamSize: { min: 2, max: 2 } });
    const [cap, mate] = ['rs-x0', 'rs-x1'];
    await env.ok(cap, 'competitions.register', { eventId, declaration: DECLARATION, teamName: '龙城光伏队' });
    const m = await env.store.byId<{ cardNo: string; name: string }>('members', mate);
    const inv = await env.ok(cap, 'competitions.invite', { eventId, cardNo: m!.cardNo, name: m!.name });
    await env.ok(mate, 'competitions.respondInvite', { inviteId: inv.inviteId, accept: true, declaration: DECLARATION });
    await env.ok(CITY_STAFF, 'enrollment.review', {
      activityId: eventId,
      enrollmentIds: [`${eventId}_${cap}`],
      decision: 'approve',
    });
    await eventHeld(env.store, eventId);
    await env.ok(CITY_STAFF, 'competitions.enterScores', { eventId, scores: [score(eventId, cap, 88, 92)] });
    const published = await env.ok(CITY_STAFF, 'competitions.publishResults', { eventId, days: 1 });
    expect(published.rows[0]).toMatchObject({ displayName: '龙城光伏队', rank: 1, prize: '一等奖' });
    await env.store.db
      .collection('competition_results')
      .doc(eventId)
      .update({ data: { until: new Date(Date.now() - 5 * 60_000) } });
    const tasks = await fireCron(env.cloud.baseUrl);
    expect(tasks['competitions.finalizeResults']).toMatchObject({ finalized: 1 });
    const awards = await env.store.all<{ openid: string; teamName: string }>('competition_awards', { eventId });
    expect(awards.map((w) => w.openid).sort()).toEqual([cap, mate].sort());
    expect(awards[0].teamName).toBe('龙城光伏队');
  });
});

describe('scores racing the publication', () => {
  it('held at every database request of the publication, a score entered meanwhile is published or refused, never lost', async () => {
    const outcomes: string[] = [];
    await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'competitions.publishResults' }, async (pause) => {
      const [a, b] = ['rs-x2', 'rs-x3'];
      const { eventId } = await approvedEvent([a, b]);
      await env.ok(CITY_STAFF, 'competitions.enterScores', {
        eventId,
        scores: [score(eventId, a, 80, 80), score(eventId, b, 70, 70)],
      });
      const publish = callApi(env.cloud.baseUrl, CITY_STAFF, 'competitions.publishResults', { eventId });
      const state = await pause.settled();
      const enter = () =>
        callApi(env.cloud.baseUrl, CITY_STAFF, 'competitions.enterScores', { eventId, scores: [score(eventId, b, 99, 99)] });
      let entered = await enter();
      if (state.state === 'paused') await pause.release();
      const published = await publish;
      if (!entered.ok && entered.error.code === 'BUSY') entered = await enter();
      expect(published).toMatchObject({ ok: true });
      const stored = await env.store.byId<{ theory: number }>('competition_scores', `${eventId}_${b}`);
      const row = published.ok ? published.data.rows.find((r) => r.displayName === '许*明' && r.total !== 80) : undefined;
      if (entered.ok) {
        expect(stored?.theory).toBe(99);
        expect(row?.total).toBe(99);
        outcomes.push('in');
      } else {
        expect(entered.error.code).toBe('RESULTS_LOCKED');
        expect(stored?.theory).toBe(70);
        expect(row?.total).toBe(70);
        outcomes.push('refused');
      }
    });
    expect(outcomes).toContain('in');
    expect(outcomes).toContain('refused');
  }, 300_000);
});
