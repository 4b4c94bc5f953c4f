/**
 * 线上法律咨询: asking at the member's district's station with a private photo, the promised first answer, the
 * thread between the member and that station's duty lawyers, who may see what (and the audit of it), the timer's
 * reminder, turning a thread into a booking, the rating — with the races on one question as storms of double
 * taps and forced in each order at every database request. Asserts on what ended up stored.
 */
import { callApi } from '../support/api';
import { setClock } from '../support/clock';
import { clearPauses, eachPausePointFrom } from '../support/interleave';
import { DEMO_SETTINGS } from '../../cloudfunctions/api/fixtures/settings/demo';
import { futureSlot, LAWYER_WUJIN, LAWYER_XINBEI, uploadEvidence, warmUp, WUJIN, XINBEI } from '../support/legalAid';
import { givenMember, givenStaff, useCloud } from '../support/scenario';

const env = useCloud();
/** A fresh form's request id (the app makes one per form). */
const rid = () => `t-${Math.random().toString(36).slice(2, 12)}`;
const Q = 'legalqa_questions';
const M = 'legalqa_messages';
const ASK = {
  type: 'wages' as const,
  story: '公司从今年9月起没有发工资，老板说年底一起结，现在电话也不接。',
  employer: '常州恒达建材有限公司',
  evidence: [] as string[],
  anonymous: true,
};
const ANSWER = { text: '建议先整理考勤和工资条，可向武进区劳动监察大队投诉，也可申请劳动仲裁。' };

let lawyer2: string;
let clerk: string;
let otherStaff: string;
const member = () => givenMember(env, { orgId: 'org-cz-wujin-g1', name: '周立新' });

async function asked(overrides: Partial<typeof ASK> = {}) {
  const m = await member();
  const q = await env.ok(m.openid, 'legalQa.ask', { ...ASK, requestId: rid(), ...overrides });
  return { m, q };
}

type Stored = {
  status: string;
  messageCount: number;
  answerCount: number;
  firstAnsweredAt: unknown;
  firstAnsweredBy?: string;
  remindedAt: unknown;
  bookingId?: string;
  rating?: { stars: number };
};
const stored = (id: string) => env.store.byId<Stored>(Q, id);

beforeAll(async () => {
  lawyer2 = await givenStaff(env, { role: 'lawyer', scopeId: WUJIN });
  clerk = await givenStaff(env, { role: 'merchant', scopeId: 'm-x' });
  otherStaff = await givenStaff(env, { orgId: 'org-cz-xinbei' });
  await warmUp(env.cloud.baseUrl, 4);
});
afterEach(() => clearPauses(env.cloud.baseUrl));

describe('asking', () => {
  it('goes to the station of the member’s district, with the promise shown and the case sealed', async () => {
    const m = await member();
    const form = await env.ok(m.openid, 'legalQa.form', {});
    expect(form).toMatchObject({ defaultStationId: WUJIN, firstAnswerHours: 48 });
    expect(form.promiseText).toContain('48小时');
    expect(form.districts).toContain('武进区');

    const photo = await uploadEvidence(env.cloud, m.openid, 'wage-slip.jpg');
    const q = await env.ok(m.openid, 'legalQa.ask', { ...ASK, requestId: rid(), evidence: [photo] });
    expect(q).toMatchObject({ stationId: WUJIN, status: 'waiting', statusText: '待律师答复', employerMasked: '常州******' });
    expect(new Date(q.dueAt).getTime() - new Date(q.askedAt).getTime()).toBe(48 * 3600_000);
    const doc = await env.store.byId<Record<string, unknown>>(Q, q.questionId);
    expect(doc).toMatchObject({ openid: m.openid, anonymous: true, evidence: [photo], remindedAt: null });
    expect(JSON.stringify(doc)).not.toContain('老板说年底');
    expect(JSON.stringify(doc)).not.toContain('恒达');
    expect(await env.store.count('timeline', { openid: m.openid, area: 'legalQa' })).toBe(1);
    const mine = await env.ok(m.openid, 'legalQa.mine', {});
    expect(mine.items.map((i) => i.questionId)).toEqual([q.questionId]);
  });

  it('refuses non-members, unknown stations and someone else’s upload, storing nothing', async () => {
    const m = await member();
    const other = await member();
    const theirs = await uploadEvidence(env.cloud, other.openid, 'x.jpg');
    expect(await env.call('not-a-member', 'legalQa.ask', { ...ASK, requestId: rid() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_MEMBER' },
    });
    expect(await env.call(m.openid, 'legalQa.ask', { ...ASK, requestId: rid(), stationId: 'st-none' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'stationId' } },
    });
    expect(await env.call(m.openid, 'legalQa.ask', { ...ASK, requestId: rid(), evidence: [theirs] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await env.store.count(Q, { openid: m.openid })).toBe(0);
  });
});

describe('the thread and who sees it', () => {
  it('the station’s lawyers answer; the member follows up; the first-answer time is set once', async () => {
    const { m, q } = await asked();
    const inboxBefore = await env.ok(LAWYER_WUJIN, 'inbox.list', { page: 1 });
    expect(inboxBefore.items.map((i) => i.key)).toContain(`waiting:${q.questionId}`);

    await env.ok(LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, ...ANSWER });
    const first = await stored(q.questionId);
    await env.ok(m.openid, 'legalQa.followUp', { questionId: q.questionId, text: '我没有签劳动合同，也可以仲裁吗？' });
    await env.ok(lawyer2, 'legalQa.answer', { questionId: q.questionId, text: '可以，用考勤、工作群截图证明劳动关系。' });
    const after = await stored(q.questionId);
    expect(after).toMatchObject({ status: 'answered', messageCount: 3, answerCount: 2, firstAnsweredBy: LAWYER_WUJIN });
    expect(after?.firstAnsweredAt).toEqual(first?.firstAnsweredAt);

    const thread = await env.ok(m.openid, 'legalQa.get', { questionId: q.questionId });
    expect(thread.messages.map((x) => [x.from, x.fromText])).toEqual([
      ['lawyer', '值班律师'],
      ['member', '我'],
      ['lawyer', '值班律师'],
    ]);
    expect(thread).toMatchObject({ viewer: 'member', story: ASK.story, employer: ASK.employer, overdueHours: 0 });
    expect(thread.askerName).toBeUndefined();
    expect(JSON.stringify(await env.store.all(M, { questionId: q.questionId }))).not.toContain('考勤');

    const inbox = await env.ok(m.openid, 'inbox.list', { page: 1 });
    expect(inbox.items.map((i) => i.key)).toContain(`answer:${q.questionId}:2`);
    expect((await env.ok(LAWYER_WUJIN, 'inbox.list', { page: 1 })).items.map((i) => i.key)).not.toContain(
      `waiting:${q.questionId}`,
    );
    expect(await env.store.count('timeline', { openid: m.openid, area: 'legalQa', status: 'answered' })).toBe(2);
  });

  it('shows the case only to the member, the station’s lawyers and the reviewing union, auditing their views', async () => {
    const { m, q } = await asked();
    const other = await member();
    for (const who of [other.openid, LAWYER_XINBEI, clerk, otherStaff]) {
      expect(await env.call(who, 'legalQa.get', { questionId: q.questionId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    for (const who of [other.openid, LAWYER_XINBEI, clerk, otherStaff]) {
      const r = await env.call(who, 'legalQa.answer', { questionId: q.questionId, ...ANSWER });
      expect(r.ok).toBe(false);
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(!r.ok && r.error.code);
      const f = await env.call(who, 'legalQa.followUp', { questionId: q.questionId, text: '我也想问' });
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(!f.ok && f.error.code);
      for (const action of ['legalQa.withdraw', 'legalQa.rate', 'legalQa.book'] as const) {
        const input =
          action === 'legalQa.rate'
            ? { questionId: q.questionId, stars: 1, comment: '' }
            : action === 'legalQa.book'
              ? { questionId: q.questionId, slotId: 'st-cz-wujin_2026-12-30_am', way: 'in_person' as const }
              : { questionId: q.questionId };
        expect(await env.call(who, action, input as never)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }
    }
    expect(await stored(q.questionId)).toMatchObject({ status: 'waiting', messageCount: 0 });
    expect(await env.store.count(M, { questionId: q.questionId })).toBe(0);
    // A lawyer of another station, a clerk and another union's staff do not see it in any list either.
    expect(await env.call(clerk, 'legalQa.queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await env.ok(LAWYER_XINBEI, 'legalQa.queue', {})).items.map((i) => i.questionId)).not.toContain(q.questionId);
    expect((await env.ok(otherStaff, 'legalQa.staffQueue', {})).items.map((i) => i.questionId)).not.toContain(q.questionId);

    // The station's desk lists it masked: 匿名, the employer hidden, no case text.
    const row = (await env.ok(LAWYER_WUJIN, 'legalQa.queue', { status: 'waiting' })).items.find(
      (i) => i.questionId === q.questionId,
    );
    expect(row).toMatchObject({ asker: '匿名咨询', employerMasked: '常州******' });
    expect(JSON.stringify(row)).not.toContain('周立新');
    expect(JSON.stringify(row)).not.toContain(ASK.story);

    const before = await env.store.count('audit', { action: 'legalQa.get', target: q.questionId, kind: 'pii_view' });
    expect(await env.ok(LAWYER_WUJIN, 'legalQa.get', { questionId: q.questionId })).toMatchObject({
      viewer: 'lawyer',
      askerName: '周立新',
      asker: '匿名咨询',
    });
    expect(await env.ok('demo-staff-wujin', 'legalQa.get', { questionId: q.questionId })).toMatchObject({ viewer: 'staff' });
    expect(await env.store.count('audit', { action: 'legalQa.get', target: q.questionId, kind: 'pii_view' })).toBe(before + 2);
    await env.ok(m.openid, 'legalQa.get', { questionId: q.questionId });
    expect(await env.store.count('audit', { action: 'legalQa.get', actor: m.openid })).toBe(0);
  });

  it('a named question shows the masked name in lists', async () => {
    const { q } = await asked({ anonymous: false });
    const row = (await env.ok(LAWYER_WUJIN, 'legalQa.queue', { status: 'waiting' })).items.find(
      (i) => i.questionId === q.questionId,
    );
    expect(row?.asker).toBe('周*新');
  });
});

describe('anonymity towards the employer and everyone outside the thread', () => {
  it('no answer a co-worker, the staff of the member’s own unit, another station or union or a clerk can get carries the case', async () => {
    const m = await givenMember(env, { orgId: 'org-cz-wujin-g1', name: '华丽娟', cardNo: 'CZT-QA-ANON-01' });
    // The member's own 基层工会 (the employer's side) is not the reviewing union: the station's district union is.
    const unitStaff = await givenStaff(env, { orgId: 'org-cz-wujin-g1' });
    const coworker = await member();
    const photo = await uploadEvidence(env.cloud, m.openid, 'contract.jpg');
    const q = await env.ok(m.openid, 'legalQa.ask', { ...ASK, requestId: rid(), evidence: [photo] });
    await env.ok(LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, ...ANSWER });
    await env.ok(m.openid, 'legalQa.followUp', { questionId: q.questionId, text: '车间主任说谁去投诉就开除谁，怎么办？' });
    const wage = await env.ok(m.openid, 'legalQa.reportWage', {
      requestId: rid(),
      employer: ASK.employer,
      monthsOwed: 2,
      amount: 9000,
      coworkers: 5,
      contactMobile: '13912340001',
      district: '武进区',
    });
    const secrets = [m.name, m.openid, m.cardNo, '华*娟', ASK.employer, '老板说年底', '车间主任说', '13912340001'];
    const carried = (answer: unknown) => secrets.filter((x) => JSON.stringify(answer).includes(x));

    for (const who of [coworker.openid, unitStaff, LAWYER_XINBEI, clerk, otherStaff]) {
      const answers = [
        await env.call(who, 'legalQa.get', { questionId: q.questionId }),
        await env.call(who, 'legalQa.followUp', { questionId: q.questionId, text: '我也想问' }),
        await env.call(who, 'legalQa.answer', { questionId: q.questionId, ...ANSWER }),
        await env.call(who, 'legalQa.mine', {}),
        await env.call(who, 'legalQa.queue', {}),
        await env.call(who, 'legalQa.staffQueue', {}),
        await env.call(who, 'legalQa.wage', { wageId: wage.wageId }),
        await env.call(who, 'legalQa.myWages', {}),
        await env.call(who, 'legalQa.wageQueue', {}),
        await env.call(who, 'inbox.list', { page: 1 }),
        await env.call(who, 'workbench.summary', {}),
      ];
      expect(answers[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(answers[6]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect([who, carried(answers)]).toEqual([who, []]);
    }
    // The refused calls stored nothing.
    expect(await stored(q.questionId)).toMatchObject({ messageCount: 2, answerCount: 1 });
    // The station's desk and the reviewing union's lists: 匿名咨询, the employer masked, no case text.
    const desk = await env.ok(LAWYER_WUJIN, 'legalQa.queue', { status: 'answered' });
    const union = await env.ok('demo-staff-wujin', 'legalQa.staffQueue', { status: 'answered' });
    for (const list of [desk, union]) {
      expect(list.items.find((i) => i.questionId === q.questionId)).toMatchObject({
        asker: '匿名咨询',
        employerMasked: '常州******',
      });
      expect(carried(list)).toEqual([]);
    }
  });

  it('a member may choose another station: its lawyers answer, the district’s station does not see it', async () => {
    const m = await member();
    const q = await env.ok(m.openid, 'legalQa.ask', { ...ASK, requestId: rid(), stationId: XINBEI });
    expect(await env.store.byId(Q, q.questionId)).toMatchObject({ stationId: XINBEI });
    expect((await env.ok(LAWYER_XINBEI, 'legalQa.queue', {})).items.map((i) => i.questionId)).toContain(q.questionId);
    expect((await env.ok(LAWYER_WUJIN, 'legalQa.queue', {})).items.map((i) => i.questionId)).not.toContain(q.questionId);
    expect(await env.call(LAWYER_WUJIN, 'legalQa.get', { questionId: q.questionId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await env.ok(LAWYER_XINBEI, 'legalQa.answer', { questionId: q.questionId, ...ANSWER });
    expect(await stored(q.questionId)).toMatchObject({ status: 'answered', firstAnsweredBy: LAWYER_XINBEI });
  });
});

describe('the promised first answer', () => {
  it('reminds the station’s lawyers once when it nears; overdue shows to the reviewing union', async () => {
    const { q } = await asked();
    for (const who of [LAWYER_WUJIN, lawyer2, LAWYER_XINBEI]) {
      await env.ok(who, 'notify.consent', { templateKey: 'legal_qa_reminder', accepted: true });
    }
    const fire = async () => {
      const res = await fetch(`${env.cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
      expect(res.status).toBe(200);
    };
    const outbox = async () =>
      (
        (await (await fetch(`${env.cloud.baseUrl}/_emu/outbox`)).json()) as {
          messages: Array<{ touser: string; templateId: string; data?: unknown }>;
        }
      ).messages.filter((x) => x.templateId === 'legal_qa_reminder');
    const sentBefore = (await outbox()).length;
    try {
      await setClock(env.cloud.baseUrl, 30 * 3600_000);
      await fire();
      expect(await stored(q.questionId)).toMatchObject({ remindedAt: null });
      await setClock(env.cloud.baseUrl, 43 * 3600_000);
      await fire();
      await fire();
      const sent = (await outbox()).slice(sentBefore);
      expect(sent.map((x) => x.touser).sort()).toEqual([LAWYER_WUJIN, lawyer2].sort());
      // A reminder carries the type and the station, nothing of the case or of who asked (this test's question or
      // the demo union's waiting ones, whichever each lawyer's one consent went to).
      for (const x of sent) {
        const text = JSON.stringify(x);
        for (const secret of ['周立新', '恒达', '老板说年底', '周国强', '钱玉芬', '精密机械', '牛塘纺织', '砸伤']) {
          expect(text).not.toContain(secret);
        }
        expect(text).toContain('线上法律咨询待答复');
        expect(text).toContain('武进区职工法律援助站');
      }
      expect((await stored(q.questionId))?.remindedAt).not.toBeNull();

      await setClock(env.cloud.baseUrl, 50 * 3600_000);
      const overdue = await env.ok('demo-staff-wujin', 'legalQa.staffQueue', { overdue: true });
      expect(overdue.items.find((i) => i.questionId === q.questionId)).toMatchObject({ overdueHours: 2 });
      expect((await env.ok('demo-staff-wujin', 'workbench.summary', {})).counts.legalQaOverdue).toBeGreaterThanOrEqual(1);
      expect((await env.ok(otherStaff, 'legalQa.staffQueue', { overdue: true })).items.map((i) => i.questionId)).not.toContain(
        q.questionId,
      );
    } finally {
      await setClock(env.cloud.baseUrl, 0);
    }
  }, 240_000);
});

describe('races on one question', () => {
  it('two lawyers answering at once: both messages kept, the first answer set once (storm)', async () => {
    const { q } = await asked();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        env.call(i % 2 ? lawyer2 : LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, text: `答复${i}：请保留证据。` }),
      ),
    );
    const ok = results.filter((r) => r.ok).length;
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('BUSY');
    expect(ok).toBeGreaterThanOrEqual(2);
    expect(await env.store.count(M, { questionId: q.questionId })).toBe(ok);
    expect(await stored(q.questionId)).toMatchObject({ messageCount: ok, answerCount: ok, status: 'answered' });
  }, 240_000);

  it('a double tap of 答复 or 追问 (at once, and again with the first answer lost) stores and tells it once', async () => {
    const { m, q } = await asked();
    const answers = await Promise.all([
      env.call(LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, ...ANSWER }),
      env.call(LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, ...ANSWER }),
    ]);
    expect(answers.map((r) => r.ok)).toEqual([true, true]);
    await env.ok(LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, ...ANSWER });
    const follow = { questionId: q.questionId, text: '我没有签劳动合同，也可以仲裁吗？' };
    await Promise.all([env.ok(m.openid, 'legalQa.followUp', follow), env.ok(m.openid, 'legalQa.followUp', follow)]);
    await env.ok(m.openid, 'legalQa.followUp', follow);
    expect(await env.store.count(M, { questionId: q.questionId })).toBe(2);
    expect(await stored(q.questionId)).toMatchObject({ messageCount: 2, answerCount: 1 });
    expect(await env.store.count('timeline', { openid: m.openid, area: 'legalQa', status: 'answered' })).toBe(1);
    // Another lawyer's answer in the same words is theirs, and lands.
    await env.ok(lawyer2, 'legalQa.answer', { questionId: q.questionId, ...ANSWER });
    expect(await stored(q.questionId)).toMatchObject({ messageCount: 3, answerCount: 2 });
  });

  it('two lawyers answering at once, forced at every step: both kept, first-answer time set once', async () => {
    const points = await eachPausePointFrom(
      env.cloud.baseUrl,
      { function: 'api', action: 'legalQa.answer', openid: LAWYER_WUJIN },
      asked,
      async (pause, { q }) => {
        const first = callApi(env.cloud.baseUrl, LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, ...ANSWER });
        const state = await pause.settled();
        const second = await env.call(lawyer2, 'legalQa.answer', { questionId: q.questionId, text: '补充：可拨打12351。' });
        if (state.state === 'paused') await pause.release();
        const a = await first;
        const kept = [a.ok, second.ok].filter(Boolean).length;
        if (!second.ok) expect([second.error.code, a.ok]).toEqual(['BUSY', true]);
        expect(a.ok).toBe(true);
        const s = await stored(q.questionId);
        expect(await env.store.count(M, { questionId: q.questionId })).toBe(kept);
        expect(s).toMatchObject({ messageCount: kept, answerCount: kept });
        expect([LAWYER_WUJIN, lawyer2]).toContain(s?.firstAnsweredBy);
        expect(s?.firstAnsweredAt).toBeTruthy();
      },
    );
    expect(points).toBeGreaterThan(2);
  }, 240_000);

  it('the first answer and a withdrawal: never an answer on a withdrawn question, in both orders', async () => {
    const outcomes: string[] = [];
    await eachPausePointFrom(env.cloud.baseUrl, { function: 'api', action: 'legalQa.answer' }, asked, async (pause, { m, q }) => {
      const answer = callApi(env.cloud.baseUrl, LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, ...ANSWER });
      const state = await pause.settled();
      const withdraw = await env.call(m.openid, 'legalQa.withdraw', { questionId: q.questionId });
      if (state.state === 'paused') await pause.release();
      const a = await answer;
      const s = await stored(q.questionId);
      const messages = await env.store.count(M, { questionId: q.questionId });
      expect(s?.status).toBe(a.ok ? 'answered' : 'withdrawn');
      expect(messages).toBe(a.ok ? 1 : 0);
      expect(Boolean(s?.firstAnsweredAt)).toBe(a.ok);
      expect(withdraw.ok).toBe(!a.ok);
      if (!withdraw.ok) expect(['CONFLICT', 'BUSY']).toContain(withdraw.error.code);
      if (!a.ok) expect(a.error.code).toBe('CONFLICT');
      outcomes.push(a.ok ? 'answer first' : 'withdraw first');
    });
    expect(new Set(outcomes)).toEqual(new Set(['answer first', 'withdraw first']));
  }, 240_000);

  it('rates once under a storm of double taps and when a second tap runs at each step of the first', async () => {
    const { m, q } = await asked();
    expect(await env.call(m.openid, 'legalQa.rate', { questionId: q.questionId, stars: 5, comment: '' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await env.ok(LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, ...ANSWER });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        env.call(m.openid, 'legalQa.rate', { questionId: q.questionId, stars: 1 + (i % 5), comment: '谢谢' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(['CONFLICT', 'BUSY']).toContain(r.error.code);
    expect((await stored(q.questionId))?.rating?.stars).toBe(
      (results.find((r) => r.ok) as { data: { rating?: { stars: number } } }).data.rating?.stars,
    );

    const answered = async () => {
      const x = await asked();
      await env.ok(LAWYER_WUJIN, 'legalQa.answer', { questionId: x.q.questionId, ...ANSWER });
      return x;
    };
    const points = await eachPausePointFrom(
      env.cloud.baseUrl,
      { function: 'api', action: 'legalQa.rate' },
      answered,
      async (pause, x) => {
        const first = callApi(env.cloud.baseUrl, x.m.openid, 'legalQa.rate', {
          questionId: x.q.questionId,
          stars: 4,
          comment: '',
        });
        const state = await pause.settled();
        const second = await env.call(x.m.openid, 'legalQa.rate', { questionId: x.q.questionId, stars: 2, comment: '' });
        if (state.state === 'paused') await pause.release();
        const a = await first;
        expect([a.ok, second.ok].filter(Boolean)).toHaveLength(1);
        expect((await stored(x.q.questionId))?.rating?.stars).toBe(a.ok ? 4 : 2);
      },
    );
    expect(points).toBeGreaterThan(1);
  }, 240_000);
});

describe('from a thread to a booking', () => {
  it('books once with the case carried over, under a storm of double taps', async () => {
    const { m, q } = await asked();
    const slotId = await futureSlot(env.cloud, 3);
    await env.ok(LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, ...ANSWER });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        env.call(m.openid, 'legalQa.book', { questionId: q.questionId, slotId, way: 'in_person' }),
      ),
    );
    const oks = results.filter((r) => r.ok);
    for (const r of results) if (!r.ok) expect(['BUSY', 'CONFLICT']).toContain(r.error.code);
    expect(oks.length).toBeGreaterThanOrEqual(1);
    expect(new Set(oks.map((r) => r.ok && r.data.bookingId)).size).toBe(1);
    expect(await env.store.count('legal_bookings', { openid: m.openid, status: 'confirmed' })).toBe(1);
    const s = await stored(q.questionId);
    expect(s).toMatchObject({ status: 'booked', bookingId: oks[0].ok && oks[0].data.bookingId });
    const booking = await env.ok(m.openid, 'legalAid.get', { bookingId: s!.bookingId! });
    expect(booking).toMatchObject({ type: 'wages', stationId: WUJIN });
    expect(booking.caseText).toContain('常州恒达建材有限公司');
    expect(booking.caseText).toContain('老板说年底一起结');
    // Another slot afterwards is refused; the thread is closed for new messages.
    const later = await futureSlot(env.cloud, 4);
    expect(await env.call(m.openid, 'legalQa.book', { questionId: q.questionId, slotId: later, way: 'in_person' })).toMatchObject(
      {
        ok: false,
        error: { code: 'CONFLICT' },
      },
    );
    expect(await env.call(LAWYER_WUJIN, 'legalQa.answer', { questionId: q.questionId, ...ANSWER })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  }, 240_000);

  it('refuses another station’s slot, storing nothing', async () => {
    const { m, q } = await asked();
    const slotId = await futureSlot(env.cloud, 3, { stationId: 'st-cz-xinbei' });
    expect(await env.call(m.openid, 'legalQa.book', { questionId: q.questionId, slotId, way: 'in_person' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'slotId' } },
    });
    expect(await env.store.count('legal_bookings', { openid: m.openid })).toBe(0);
  });

  it('two taps with the same slot, the second at each step of the first: one booking', async () => {
    const withSlot = async () => ({ ...(await asked()), slotId: await futureSlot(env.cloud, 5) });
    const spec = { function: 'api', action: 'legalQa.book' };
    const points = await eachPausePointFrom(env.cloud.baseUrl, spec, withSlot, async (pause, { m, q, slotId }) => {
      const input = { questionId: q.questionId, slotId, way: 'in_person' as const };
      const first = callApi(env.cloud.baseUrl, m.openid, 'legalQa.book', input);
      const state = await pause.settled();
      const second = await env.call(m.openid, 'legalQa.book', input);
      if (state.state === 'paused') await pause.release();
      const a = await first;
      expect(a.ok || second.ok).toBe(true);
      for (const r of [a, second]) if (!r.ok) expect(['BUSY', 'CONFLICT']).toContain(r.error.code);
      expect(await env.store.count('legal_bookings', { openid: m.openid, status: 'confirmed' })).toBe(1);
      expect(await stored(q.questionId)).toMatchObject({ status: 'booked' });
    });
    expect(points).toBeGreaterThan(2);
  }, 300_000);
});

it('stores one question for a storm of taps of one form, and another for a new form', async () => {
  const m = await member();
  const form = { ...ASK, requestId: rid() };
  const answers = await Promise.all(Array.from({ length: 8 }, () => env.call(m.openid, 'legalQa.ask', form)));
  const questionIds = new Set(answers.flatMap((a) => (a.ok ? [a.data.questionId] : [])));
  expect(questionIds.size).toBe(1);
  expect(await env.store.count(Q, { openid: m.openid })).toBe(1);
  expect(await env.store.count('timeline', { openid: m.openid, area: 'legalQa' })).toBe(1);
  await env.ok(m.openid, 'legalQa.ask', { ...ASK, requestId: rid() });
  expect(await env.store.count(Q, { openid: m.openid })).toBe(2);
});

describe('the promised time is a setting', () => {
  it('after an administrator changes it, the form shows the new promise and the next question is due by it', async () => {
    const save = async (firstAnswerHours: number) => {
      const { version } = await env.ok('demo-admin', 'settings.get', {});
      await env.ok('demo-admin', 'settings.save', {
        version,
        union: DEMO_SETTINGS.union as never,
        areas: { ...DEMO_SETTINGS.areas },
        deadlines: { ...DEMO_SETTINGS.deadlines, firstAnswerHours },
      });
    };
    const m = await member();
    const earlier = await env.ok(m.openid, 'legalQa.ask', { ...ASK, requestId: rid() });
    try {
      await save(12);
      const form = await env.ok(m.openid, 'legalQa.form', {});
      expect(form).toMatchObject({ firstAnswerHours: 12 });
      expect(form.promiseText).toContain('12小时');
      const q = await env.ok(m.openid, 'legalQa.ask', { ...ASK, requestId: rid() });
      expect(new Date(q.dueAt).getTime() - new Date(q.askedAt).getTime()).toBe(12 * 3600_000);
      const doc = await env.store.byId<{ dueAt: unknown; remindAt: unknown }>(Q, q.questionId);
      expect(new Date(doc!.dueAt as string).getTime() - new Date(doc!.remindAt as string).getTime()).toBe(3 * 3600_000);
      expect((await env.ok(m.openid, 'legalQa.get', { questionId: q.questionId })).promiseText).toContain('12小时');
      // A question asked before the change keeps the promise it was given.
      expect((await env.ok(m.openid, 'legalQa.get', { questionId: earlier.questionId })).promiseText).toContain('48小时');
    } finally {
      await save(DEMO_SETTINGS.deadlines.firstAnswerHours ?? 48);
    }
  });
});
