/**
 * 职工建言: a hazard report or a suggestion routed to the union of the member's unit; accept, forward, reply, close
 * with each step visible to the member; anonymity towards the employer and everyone but the reviewing union; the
 * authority matrix; the 安康杯 tallies; and the races on one report (double taps, accept ‖ withdraw, reply ‖
 * close) as storms and forced in every order. Asserts on what ended up stored and what each caller gets.
 */
import ExcelJS from 'exceljs';
import { clearPauses, eachPausePoint } from '../support/interleave';
import { callApi } from '../support/api';
import { uploadEvidence } from '../support/legalAid';
import { givenMember, givenOrg, givenStaff, useCloud, type GivenPerson } from '../support/scenario';

const env = useCloud({ demo: false });

let seq = 0;
const rid = () => `req-voice-${process.pid}-${++seq}`;
const HAZARD = {
  description: '三号车间冲压线旁的消防通道被成品堆放占用，发生火情无法疏散。',
  place: '三号车间冲压线东侧消防通道',
  urgency: 'critical' as 'normal' | 'urgent' | 'critical',
  photos: [] as string[],
  anonymous: true,
};
const SUGGESTION = {
  title: '冲压工序增加光电保护',
  problem: '冲压工序仍靠人工双手按钮，新员工容易误操作。',
  proposal: '在冲压机前加装光电保护装置，手进入危险区即停机。',
  benefit: '减少工伤事故',
  anonymous: false,
};

let orgId: string;
let otherOrgId: string;
let grassroots: string;
let district: string;
let otherDistrictStaff: string;
let lawyer: string;
let clerk: string;

beforeAll(async () => {
  const city = await givenOrg(env, { kind: 'city', name: '测试市总工会' });
  const d = await givenOrg(env, { parentId: city._id, kind: 'district', name: '测试区总工会' });
  const g = await givenOrg(env, { parentId: d._id, name: '测试机械厂工会' });
  const d2 = await givenOrg(env, { parentId: city._id, kind: 'district', name: '另一区总工会' });
  const g2 = await givenOrg(env, { parentId: d2._id, name: '另一纺织厂工会' });
  orgId = g._id;
  otherOrgId = g2._id;
  grassroots = await givenStaff(env, { orgId: g._id });
  district = await givenStaff(env, { orgId: d._id });
  otherDistrictStaff = await givenStaff(env, { orgId: d2._id });
  lawyer = await givenStaff(env, { role: 'lawyer', scopeId: 'st-x' });
  clerk = await givenStaff(env, { role: 'merchant', scopeId: 'm-x' });
});
afterEach(() => clearPauses(env.cloud.baseUrl));

const member = (name = '王建军') => givenMember(env, { orgId, name });

async function hazard(m: GivenPerson, extra: Partial<typeof HAZARD> & { point?: { latitude: number; longitude: number } } = {}) {
  return env.ok(m.openid, 'voice.reportHazard', { ...HAZARD, ...extra, requestId: rid() });
}

type Stored = {
  status: string;
  steps: Array<{ status: string }>;
  replies: unknown[];
  forwards: Array<{ to: string; text: string }>;
};
const stored = (id: string) => env.store.byId<Stored>('voice_reports', id);

describe('reporting', () => {
  it('stores a hazard with its photo, routed to the union of the member’s unit', async () => {
    const m = await member();
    const photo = await uploadEvidence(env.cloud, m.openid, 'hazard.jpg');
    const r = await hazard(m, { photos: [photo] });
    expect(r).toMatchObject({
      kind: 'hazard',
      status: 'submitted',
      statusText: '待受理',
      urgencyText: '紧急',
      orgName: '测试机械厂工会',
    });
    expect(await env.store.byId('voice_reports', r.reportId)).toMatchObject({
      openid: m.openid,
      orgId,
      anonymous: true,
      hazard: { photoIds: [photo], urgency: 'critical' },
    });
    // Both the 基层工会 and the district above it see it; another district does not.
    for (const staff of [grassroots, district])
      expect((await env.ok(staff, 'voice.queue', {})).items.map((i) => i.reportId)).toContain(r.reportId);
    expect((await env.ok(otherDistrictStaff, 'voice.queue', {})).items.map((i) => i.reportId)).not.toContain(r.reportId);
    expect((await env.ok(m.openid, 'voice.mine', {})).items.map((i) => i.reportId)).toEqual([r.reportId]);
    expect(await env.store.count('timeline', { openid: m.openid, area: 'voice', status: 'submitted' })).toBe(1);
  });

  it('keeps the point chosen on the map beside the workplace text, and shows it on the report', async () => {
    const m = await member();
    const point = { latitude: 31.7128, longitude: 119.9537 };
    const r = await hazard(m, { point });
    expect(await env.store.byId('voice_reports', r.reportId)).toMatchObject({ hazard: { point, place: HAZARD.place } });
    expect((await env.ok(m.openid, 'voice.get', { reportId: r.reportId })).hazard).toMatchObject({ point, place: HAZARD.place });
    expect((await env.ok(grassroots, 'voice.get', { reportId: r.reportId })).hazard).toMatchObject({ point });
    // A point off the globe is refused, naming the field, and nothing is stored.
    const before = await env.store.count('voice_reports', { openid: m.openid });
    expect(
      await env.call(m.openid, 'voice.reportHazard', {
        ...HAZARD,
        point: { latitude: 91, longitude: 119.95 },
        requestId: rid(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'point' } } });
    expect(await env.store.count('voice_reports', { openid: m.openid })).toBe(before);
  });

  it('refuses another member’s photo, a non-member, and bad input, storing nothing', async () => {
    const m = await member();
    const other = await member('李秀兰');
    const theirs = await uploadEvidence(env.cloud, other.openid, 'theirs.jpg');
    expect(await env.call(m.openid, 'voice.reportHazard', { ...HAZARD, photos: [theirs], requestId: rid() })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await env.call('not-a-member', 'voice.suggest', { ...SUGGESTION, requestId: rid() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_MEMBER' },
    });
    expect(await env.call(m.openid, 'voice.reportHazard', { ...HAZARD, urgency: 'whenever', requestId: rid() })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'urgency' } },
    });
    expect(await env.store.count('voice_reports', { openid: m.openid })).toBe(0);
  });

  it('names the photos field (现场照片) when a photo is another member’s or added twice, storing nothing', async () => {
    const m = await member();
    const mine = await uploadEvidence(env.cloud, m.openid, 'mine.jpg');
    const theirs = await uploadEvidence(env.cloud, (await member('李秀兰')).openid, 'theirs.jpg');
    for (const photos of [[theirs], [mine, mine]]) {
      const r = await env.call(m.openid, 'voice.reportHazard', { ...HAZARD, photos, requestId: rid() });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'photos' } } });
      expect(JSON.stringify(r)).not.toContain('证据材料');
    }
    expect(await env.call(m.openid, 'voice.reportHazard', { ...HAZARD, photos: [mine, mine], requestId: rid() })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('现场照片') },
    });
    expect(await env.store.count('voice_reports', { openid: m.openid })).toBe(0);
  });

  it('stores one report under a storm of double taps of one form', async () => {
    const m = await member();
    const input = { ...SUGGESTION, requestId: rid() };
    const results = await Promise.all(Array.from({ length: 12 }, () => env.call(m.openid, 'voice.suggest', input)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.ok && r.data.reportId)).size).toBe(1);
    expect(await env.store.count('voice_reports', { openid: m.openid })).toBe(1);
    expect(await env.store.count('timeline', { openid: m.openid, area: 'voice' })).toBe(1);
  });

  it('stores one report when the same form is sent again at each step of the first', async () => {
    const points = await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'voice.suggest' }, async (pause) => {
      const m = await member();
      const input = { ...SUGGESTION, requestId: rid() };
      const first = callApi(env.cloud.baseUrl, m.openid, 'voice.suggest', input);
      const state = await pause.settled();
      const second = await env.call(m.openid, 'voice.suggest', input);
      if (state.state === 'paused') await pause.release();
      const a = await first;
      // While the first holds the new document uncommitted the second may answer BUSY; never two reports.
      expect(a.ok || second.ok).toBe(true);
      if (!second.ok) expect(second.error.code).toBe('BUSY');
      expect(await env.store.count('voice_reports', { openid: m.openid })).toBe(1);
    });
    expect(points).toBeGreaterThan(1);
  });
});

describe('the union handles it, the member follows', () => {
  it('accept, forward (anonymous text previewed), reply, close: each step reaches the member', async () => {
    const m = await member();
    const r = await hazard(m);
    await env.ok(grassroots, 'voice.accept', { reportId: r.reportId });

    const before = await env.store.count('audit', { action: 'voice.get', target: r.reportId, kind: 'pii_view' });
    const seen = await env.ok(grassroots, 'voice.get', { reportId: r.reportId });
    // The reviewing union sees who, and the view is audited.
    expect(seen.reporter).toEqual({ name: '王建军', cardNo: m.cardNo });
    expect(await env.store.count('audit', { action: 'voice.get', target: r.reportId, kind: 'pii_view' })).toBe(before + 1);
    expect(seen.forwardPreview).toContain('职工匿名反映');
    expect(seen.forwardPreview).not.toContain('王建军');

    const sent = await env.ok(grassroots, 'voice.forward', {
      reportId: r.reportId,
      to: '安全环保部张部长',
      note: '请三日内整改',
    });
    expect(sent.text).toBe(`${seen.forwardPreview}（工会附言：请三日内整改）`);
    await env.ok(grassroots, 'voice.reply', { reportId: r.reportId, text: '单位已清理通道并加装警示标识。' });
    await env.ok(grassroots, 'voice.close', { reportId: r.reportId, note: '整改完成' });

    const s = await stored(r.reportId);
    expect(s?.status).toBe('closed');
    expect(s?.steps.map((x) => x.status)).toEqual(['submitted', 'accepted', 'forwarded', 'replied', 'closed']);
    expect(s?.forwards).toEqual([expect.objectContaining({ to: '安全环保部张部长', text: sent.text })]);

    const mine = await env.ok(m.openid, 'voice.get', { reportId: r.reportId });
    expect(mine.replies.map((x) => x.text)).toEqual(['单位已清理通道并加装警示标识。']);
    expect(mine.steps.map((x) => x.text)).toEqual([
      expect.stringContaining('已提交'),
      '测试机械厂工会已受理',
      '工会已转交安全环保部张部长处理',
      '工会答复：单位已清理通道并加装警示标识。',
      '已办结：整改完成',
    ]);
    expect(mine.reporter).toBeUndefined();
    expect(mine.forwardPreview).toBeUndefined();
    const timeline = await env.store.all<{ status: string }>('timeline', { openid: m.openid, area: 'voice' });
    expect(timeline.map((t) => t.status).sort()).toEqual(['accepted', 'closed', 'forwarded', 'replied', 'submitted']);
    // 消息与待办: the union's latest answer (here the closing, the report's fifth step), in the member's own words.
    const inbox = await env.ok(m.openid, 'inbox.list', { page: 1 });
    expect(inbox.items.find((i) => i.key === `voice:${r.reportId}:5`)).toMatchObject({
      kind: 'info',
      label: '职工建言',
      note: '已办结：整改完成',
    });
  });

  it('a named report names the member to the employer; a decline carries its reason', async () => {
    const m = await member('赵文涛');
    const named = await hazard(m, { anonymous: false });
    await env.ok(grassroots, 'voice.accept', { reportId: named.reportId });
    const sent = await env.ok(grassroots, 'voice.forward', { reportId: named.reportId, to: '设备部', note: '' });
    expect(sent.text).toContain('职工赵文涛（测试机械厂工会）反映');

    const other = await hazard(m);
    await env.ok(district, 'voice.decline', { reportId: other.reportId, reason: '该问题已在上周整改' });
    const mine = await env.ok(m.openid, 'voice.get', { reportId: other.reportId });
    expect(mine).toMatchObject({ status: 'declined', declineReason: '该问题已在上周整改' });
    expect(await env.call(grassroots, 'voice.forward', { reportId: other.reportId, to: '设备部', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('an adopted suggestion is marked and can be recognised; the member sees both', async () => {
    const m = await member();
    const s = await env.ok(m.openid, 'voice.suggest', { ...SUGGESTION, requestId: rid() });
    await env.ok(grassroots, 'voice.accept', { reportId: s.reportId });
    expect(await env.call(grassroots, 'voice.close', { reportId: s.reportId, note: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'adopted' } },
    });
    // Only an adopted suggestion can be recognised.
    expect(await env.call(grassroots, 'voice.recognise', { reportId: s.reportId, note: '年度优秀合理化建议' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await env.ok(grassroots, 'voice.close', { reportId: s.reportId, adopted: true, note: '已在冲压车间实施' });
    await env.ok(district, 'voice.recognise', { reportId: s.reportId, note: '年度优秀合理化建议' });
    expect(await env.call(district, 'voice.recognise', { reportId: s.reportId, note: '再次表彰' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const mine = await env.ok(m.openid, 'voice.get', { reportId: s.reportId });
    expect(mine).toMatchObject({ adopted: true, recognised: true, recognitionNote: '年度优秀合理化建议' });
    expect((await env.ok(m.openid, 'voice.mine', {})).items[0]).toMatchObject({ adopted: true, recognised: true });
  });
});

describe('who may do what', () => {
  it('a report left 待受理 past the review deadline is 超期 on the 工作台 of its chain', async () => {
    const overdueFor = async (who: string) => (await env.ok(who, 'workbench.summary', {})).overdue.voiceOpen;
    const before = await overdueFor(district);
    const r = await hazard(await member());
    expect(await overdueFor(district)).toBe(before);
    // Submitted 10 days ago: past the 7-day review deadline (the default here).
    await env.store.db
      .collection('voice_reports')
      .doc(r.reportId)
      .update({ data: { submittedAt: new Date(Date.now() - 10 * 86400_000) } });
    expect(await overdueFor(district)).toBe(before + 1);
    expect(await overdueFor(otherDistrictStaff)).toBe(0);
    await env.ok(grassroots, 'voice.accept', { reportId: r.reportId });
    expect(await overdueFor(district)).toBe(before);
  });

  it('another union’s staff, another member, a lawyer and a clerk are refused every step, and nothing changes', async () => {
    const m = await member();
    const other = await member('李秀兰');
    const r = await hazard(m);
    const before = await stored(r.reportId);
    const steps = [
      ['voice.accept', { reportId: r.reportId }],
      ['voice.decline', { reportId: r.reportId, reason: '不属于安全隐患' }],
      ['voice.forward', { reportId: r.reportId, to: '设备部', note: '' }],
      ['voice.reply', { reportId: r.reportId, text: '已处理' }],
      ['voice.close', { reportId: r.reportId, note: '' }],
      ['voice.withdraw', { reportId: r.reportId }],
    ] as const;
    for (const who of [otherDistrictStaff, other.openid, lawyer, clerk]) {
      for (const [action, input] of steps) {
        const res = await env.call(who, action, input);
        expect(res.ok).toBe(false);
        expect(!res.ok && ['FORBIDDEN', 'NOT_FOUND']).toContain(!res.ok && res.error.code);
      }
      expect(await env.call(who, 'voice.get', { reportId: r.reportId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    for (const who of [other.openid, lawyer, clerk]) {
      expect(await env.call(who, 'voice.queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await env.call(who, 'voice.tally', { month: '2026-12' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await stored(r.reportId)).toEqual(before);
    expect(await env.store.count('audit', { target: r.reportId })).toBe(0);
  });

  it('no response anyone but the reviewing union can get carries an anonymous reporter’s identity', async () => {
    const m = await givenMember(env, { orgId, name: '钱玉芬', cardNo: 'CZT-ANON-0001' });
    const other = await member('孙卫东');
    const r = await hazard(m);
    await env.ok(grassroots, 'voice.accept', { reportId: r.reportId });
    const ids = ['钱玉芬', m.cardNo, m.openid];
    const carries = (value: unknown) => ids.some((id) => JSON.stringify(value).includes(id));

    // A note naming the reporter is refused, and nothing is forwarded.
    expect(
      await env.call(grassroots, 'voice.forward', { reportId: r.reportId, to: '设备部', note: '钱玉芬反映的问题' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'note' } } });
    // …also spaced apart, by the given name alone, or the card number in another case.
    for (const note of ['请找钱 玉 芬了解', '玉芬师傅反映', `卡号${m.cardNo.toLowerCase()}`]) {
      expect(await env.call(grassroots, 'voice.forward', { reportId: r.reportId, to: '设备部', note })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'note' } },
      });
    }
    expect((await stored(r.reportId))?.forwards).toEqual([]);
    const sent = await env.ok(grassroots, 'voice.forward', { reportId: r.reportId, to: '设备部', note: '' });
    // What the employer receives, as sent and as stored.
    expect(carries(sent)).toBe(false);
    expect(carries((await stored(r.reportId))?.forwards)).toBe(false);

    // Lists, tallies and the export: no identity, even for staff.
    expect(carries(await env.ok(grassroots, 'voice.queue', { status: 'forwarded' }))).toBe(false);
    const month = (await env.store.byId<{ month: string }>('voice_reports', r.reportId))!.month;
    expect(carries(await env.ok(district, 'voice.tally', { month }))).toBe(false);
    expect(carries(await env.ok(district, 'voice.exportTally', { month }))).toBe(false);

    // Everyone else is refused outright, with nothing of the report.
    for (const who of [other.openid, otherDistrictStaff, lawyer, clerk]) {
      const answers = [
        await env.call(who, 'voice.get', { reportId: r.reportId }),
        await env.call(who, 'voice.queue', {}),
        await env.call(who, 'voice.mine', {}),
        await env.call(who, 'inbox.list', {}),
        await env.call(who, 'voice.tally', { month }),
      ];
      expect(answers[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      for (const res of answers) expect(carries(res)).toBe(false);
    }
  });
});

describe('tallies', () => {
  it('counts per unit and month in the caller’s subtree, and exports them', async () => {
    const a = await member();
    const b = await givenMember(env, { orgId: otherOrgId, name: '周国强' });
    const h1 = await hazard(a, { urgency: 'normal' });
    const h2 = await hazard(a, { urgency: 'critical' });
    await hazard(b);
    const s = await env.ok(a.openid, 'voice.suggest', { ...SUGGESTION, requestId: rid() });
    const withdrawn = await hazard(a);
    await env.ok(a.openid, 'voice.withdraw', { reportId: withdrawn.reportId });
    await env.ok(grassroots, 'voice.accept', { reportId: h1.reportId });
    await env.ok(grassroots, 'voice.close', { reportId: h1.reportId, note: '' });
    await env.ok(grassroots, 'voice.accept', { reportId: s.reportId });
    await env.ok(grassroots, 'voice.close', { reportId: s.reportId, adopted: true, note: '' });
    const month = (await env.store.byId<{ month: string }>('voice_reports', h2.reportId))!.month;

    const tally = await env.ok(district, 'voice.tally', { month });
    expect(tally.rows.map((r) => r.orgName)).toEqual(['测试机械厂工会']);
    const all = await env.store.all<{ kind: string; status: string; urgency?: string; adopted?: boolean }>('voice_reports', {
      orgId,
      month,
    });
    const live = all.filter((x) => x.status !== 'withdrawn');
    expect(tally.rows[0]).toMatchObject({
      hazards: live.filter((x) => x.kind === 'hazard').length,
      hazardsCritical: live.filter((x) => x.urgency === 'critical').length,
      hazardsClosed: live.filter((x) => x.kind === 'hazard' && x.status === 'closed').length,
      suggestions: live.filter((x) => x.kind === 'suggestion').length,
      suggestionsAdopted: live.filter((x) => x.adopted).length,
    });
    expect(tally.rows[0].hazardsClosed).toBeGreaterThanOrEqual(1);
    expect(tally.rows[0].suggestionsAdopted).toBeGreaterThanOrEqual(1);
    expect((await env.ok(otherDistrictStaff, 'voice.tally', { month })).rows.map((r) => r.orgName)).toEqual(['另一纺织厂工会']);

    const audited = await env.store.count('audit', { action: 'voice.export', actor: district });
    const exported = await env.ok(district, 'voice.exportTally', { month });
    expect(exported).toMatchObject({ rows: 1 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await fetch(exported.url)).arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).text).toBe('单位（基层工会）');
    expect(sheet.getRow(2).getCell(1).text).toBe('测试机械厂工会');
    expect(Number(sheet.getRow(2).getCell(2).value)).toBe(tally.rows[0].hazards);
    expect(sheet.getRow(3).getCell(1).text).toBe('合计');
    expect(await env.store.count('audit', { action: 'voice.export', actor: district })).toBe(audited + 1);
  });
});

describe('races on one report', () => {
  it('accept ‖ withdraw: never an accepted report the member withdrew, in both orders', async () => {
    const outcomes: string[] = [];
    await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'voice.accept' }, async (pause) => {
      const m = await member();
      const r = await hazard(m);
      const accept = callApi(env.cloud.baseUrl, grassroots, 'voice.accept', { reportId: r.reportId });
      const state = await pause.settled();
      const withdraw = await env.call(m.openid, 'voice.withdraw', { reportId: r.reportId });
      if (state.state === 'paused') await pause.release();
      const a = await accept;
      const s = await stored(r.reportId);
      expect([a.ok, withdraw.ok].filter(Boolean)).toHaveLength(1);
      expect(s?.status).toBe(a.ok ? 'accepted' : 'withdrawn');
      expect(s?.steps.map((x) => x.status)).toEqual(['submitted', a.ok ? 'accepted' : 'withdrawn']);
      if (!a.ok) expect(a.error.code).toBe('CONFLICT');
      if (!withdraw.ok) expect(['CONFLICT', 'BUSY']).toContain(withdraw.error.code);
      outcomes.push(a.ok ? 'accept first' : 'withdraw first');
    });
    expect(new Set(outcomes)).toEqual(new Set(['accept first', 'withdraw first']));
  });

  it('reply ‖ close: never a reply on a closed report, in both orders', async () => {
    const outcomes: string[] = [];
    await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'voice.reply' }, async (pause) => {
      const m = await member();
      const r = await hazard(m);
      await env.ok(grassroots, 'voice.accept', { reportId: r.reportId });
      const reply = callApi(env.cloud.baseUrl, grassroots, 'voice.reply', { reportId: r.reportId, text: '已整改' });
      const state = await pause.settled();
      const close = await env.call(district, 'voice.close', { reportId: r.reportId, note: '' });
      if (state.state === 'paused') await pause.release();
      const rep = await reply;
      const s = await stored(r.reportId);
      // The reply is stored iff it succeeded; once closed, nothing follows the closing.
      expect(s?.replies).toHaveLength(rep.ok ? 1 : 0);
      expect(s?.status).toBe(close.ok ? 'closed' : 'replied');
      if (close.ok) expect(s?.steps[s.steps.length - 1].status).toBe('closed');
      if (!close.ok) expect([close.error.code, rep.ok]).toEqual(['BUSY', true]);
      if (!rep.ok) expect([rep.error.code, close.ok]).toEqual(['CONFLICT', true]);
      outcomes.push(rep.ok ? 'reply first' : 'close first');
    });
    expect(new Set(outcomes)).toEqual(new Set(['reply first', 'close first']));
  });

  it('a double tap of 答复 or 转交 (at once, and again with the first answer lost): stored, told and audited once', async () => {
    const m = await member();
    const r = await hazard(m);
    await env.ok(grassroots, 'voice.accept', { reportId: r.reportId });
    const forward = { reportId: r.reportId, to: '安全环保部', note: '请核查' };
    const forwards = await Promise.all([
      env.call(grassroots, 'voice.forward', forward),
      env.call(grassroots, 'voice.forward', forward),
    ]);
    expect(forwards.map((x) => x.ok)).toEqual([true, true]);
    await env.ok(grassroots, 'voice.forward', forward);
    const reply = { reportId: r.reportId, text: '单位已清理通道。' };
    const replies = await Promise.all([env.call(grassroots, 'voice.reply', reply), env.call(grassroots, 'voice.reply', reply)]);
    expect(replies.map((x) => x.ok)).toEqual([true, true]);
    await env.ok(grassroots, 'voice.reply', reply);
    const s = await stored(r.reportId);
    expect(s?.forwards).toHaveLength(1);
    expect(s?.replies).toHaveLength(1);
    expect(s?.steps.map((x) => x.status)).toEqual(['submitted', 'accepted', 'forwarded', 'replied']);
    expect(await env.store.count('timeline', { openid: m.openid, area: 'voice' })).toBe(4);
    expect(await env.store.count('audit', { target: r.reportId, action: 'voice.reply' })).toBe(1);
    // Another staff member's answer in the same words is theirs, and lands.
    await env.ok(district, 'voice.reply', reply);
    expect((await stored(r.reportId))?.replies).toHaveLength(2);
  });

  it('a storm of accepts and declines on one report: exactly one wins', async () => {
    const m = await member();
    const r = await hazard(m);
    const calls = Array.from({ length: 10 }, (_, i) =>
      i % 2
        ? env.call(grassroots, 'voice.accept', { reportId: r.reportId })
        : env.call(district, 'voice.decline', { reportId: r.reportId, reason: '重复反映' }),
    );
    const results = await Promise.all(calls);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    const s = await stored(r.reportId);
    expect(s?.steps).toHaveLength(2);
    expect(await env.store.count('timeline', { openid: m.openid, area: 'voice' })).toBe(2);
  });
});
