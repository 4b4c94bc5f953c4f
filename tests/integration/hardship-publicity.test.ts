/**
 * 困难帮扶 公示 before help money is paid (shared/publicity): published by the district, masked, seen and
 * objected to by members of that district only (one objection each per family, never their own); 资金救助 only
 * once the 公示 is final; an upheld objection closes the family's file with the reason; a withdrawn 公示 frees
 * its families. Then the Excel export, the area switch and 消息与待办. Asserts on what is stored and what is seen.
 */
import { DEMO_SETTINGS } from '../../cloudfunctions/api/fixtures/settings/demo';
import { readRows } from '../../cloudfunctions/api/src/shared/xlsx';
import { fireCron } from '../support/race';
import { APPLY, VISIT, approvedFile, fileCleared, hardshipWorld, memberOf, moveEnd, publish } from '../support/hardship';
import { useCloud } from '../support/scenario';

// The timer (every area's tasks) and a storm of taps are slow on a loaded machine.
jest.setTimeout(300_000);

const env = useCloud({ demo: false });
const w = hardshipWorld(env);

const money = (fileId: string, requestId: string) => ({
  fileId,
  kind: 'money' as const,
  amount: 2000,
  date: '2026-12-05',
  note: '困难职工帮扶资金',
  requestId,
});
interface StoredPublicity {
  status: string;
  openObjections: number;
  rows: Array<{ ticket: string; removed?: boolean }>;
}
const publicityOf = (id: string) => env.store.byId<StoredPublicity>('hardship_publicity', id);

describe('the 公示 of newly 认定 families', () => {
  it('is published masked by the district, seen and objected to by its members once each; money waits for its end', async () => {
    const a = await approvedFile(env, w, '王建军');
    const b = await approvedFile(env, w, '李秀英');
    const neighbour = await memberOf(env, w.orgId, '赵志刚');
    const outsider = await memberOf(env, w.otherOrgId, '钱多多');

    // Only the district (above the 基层工会) publishes, for its own subtree.
    const entries = [a.fileId, b.fileId].map((fileId) => ({ fileId, helpPlanned: '资金救助 2000元' }));
    for (const who of [w.grassroots, w.otherDistrictStaff, w.lawyer, w.clerk, neighbour.openid]) {
      const r = await env.call(who, 'hardship.publish', { orgId: w.districtId, title: '公示', entries });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await env.store.count('hardship_publicity', {})).toBe(0);
    const before = Date.now();
    const p = await env.ok(w.district, 'hardship.publish', { orgId: w.districtId, title: '测试区困难职工认定公示', entries });
    // The standard's days (default 5).
    const stored = await env.store.byId<{ until: Date; publishedAt: Date }>('hardship_publicity', p.publicityId);
    expect(new Date(stored!.until).getTime() - new Date(stored!.publishedAt).getTime()).toBe(5 * 86400_000);
    expect(new Date(stored!.publishedAt).getTime()).toBeGreaterThanOrEqual(before - 60_000);
    expect(await env.store.byId('hardship_files', a.fileId)).toMatchObject({ publicityId: p.publicityId });

    // A member of the district sees names masked, unit, level and help planned — no openid, no file id.
    const seen = await env.ok(neighbour.openid, 'hardship.publicity', { publicityId: p.publicityId });
    expect(seen.rows.map((r) => [r.displayName, r.orgName, r.levelText, r.helpPlanned])).toEqual([
      ['王*军', '测试机械厂工会', '深度困难', '资金救助 2000元'],
      ['李*英', '测试机械厂工会', '深度困难', '资金救助 2000元'],
    ]);
    expect(JSON.stringify(seen)).not.toContain(a.m.openid);
    expect(JSON.stringify(seen)).not.toContain('王建军');
    expect((await env.ok(neighbour.openid, 'hardship.publicities', {})).items.map((i) => i.publicityId)).toEqual([p.publicityId]);
    // Another district's member neither sees it nor objects.
    expect(await env.call(outsider.openid, 'hardship.publicity', { publicityId: p.publicityId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await env.ok(outsider.openid, 'hardship.publicities', {})).items).toEqual([]);
    const objection = { publicityId: p.publicityId, ticket: '001', reason: '该户家中新购营运车辆，收入情况不实' };
    expect(await env.call(outsider.openid, 'hardship.object', objection)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Not to one's own family.
    expect(await env.call(a.m.openid, 'hardship.object', objection)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Before the end: no 资金救助 (goods and visits may go on).
    const early = await env.call(w.district, 'hardship.recordHelp', money(a.fileId, 'req-pub-early'));
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!early.ok && early.error.message).toContain('公示');
    await env.ok(w.district, 'hardship.recordHelp', { ...money(a.fileId, 'req-pub-goods'), kind: 'goods', amount: 200 });

    // One objection per member and family, under a storm of double taps.
    const taps = await Promise.all(Array.from({ length: 10 }, () => env.call(neighbour.openid, 'hardship.object', objection)));
    expect(taps.every((t) => t.ok)).toBe(true);
    expect(await env.store.count('hardship_objections', { publicityId: p.publicityId })).toBe(1);
    expect(await publicityOf(p.publicityId)).toMatchObject({ status: 'publicity', openObjections: 1 });

    // Staff see whom it is about, never who objected; the list is audited.
    const list = await env.ok(w.district, 'hardship.objections', { publicityId: p.publicityId });
    expect(list.items).toEqual([
      expect.objectContaining({ ticket: '001', name: '王建军', reason: objection.reason, status: 'open' }),
    ]);
    expect(JSON.stringify(list)).not.toContain(neighbour.openid);
    expect(await env.store.count('audit', { action: 'hardship.objections', kind: 'pii_view' })).toBe(1);
    expect(await env.call(w.otherDistrictStaff, 'hardship.objections', { publicityId: p.publicityId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // Not final while open, nor with an objection open; dismissed, then ended: the timer makes it final.
    expect(await env.call(w.district, 'hardship.finalizePublicity', { publicityId: p.publicityId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const id = list.items[0].objectionId;
    expect(
      await env.call(w.grassroots, 'hardship.resolveObjection', { objectionId: id, decision: 'dismiss', note: '经核实' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await env.ok(w.district, 'hardship.resolveObjection', {
      objectionId: id,
      decision: 'dismiss',
      note: '经入户核实，车辆系借用',
    });
    await moveEnd(env, p.publicityId, -5 * 60_000);
    expect(await fireCron(env.cloud.baseUrl)).toMatchObject({ ok: true });
    expect(await publicityOf(p.publicityId)).toMatchObject({ status: 'final', openObjections: 0 });
    expect(await env.call(neighbour.openid, 'hardship.object', { ...objection, ticket: '002' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    await env.ok(w.district, 'hardship.recordHelp', money(a.fileId, 'req-pub-paid'));
    expect(await env.store.byId('hardship_files', a.fileId)).toMatchObject({
      status: 'active',
      helpTotalFen: 200000,
      helpCount: 2,
    });
    const mine = await env.ok(a.m.openid, 'hardship.mine', {});
    expect(mine.help.map((h) => h.kindText).sort()).toEqual(['物资帮扶', '资金救助']);
  });

  it('an upheld objection closes a file that lapsed during the 公示 too: a re-check cannot renew it', async () => {
    const a = await approvedFile(env, w, '钱志刚');
    const neighbour = await memberOf(env, w.orgId, '赵明');
    const publicityId = await publish(env, w, [a.fileId]);
    const { objectionId } = await env.ok(neighbour.openid, 'hardship.object', {
      publicityId,
      ticket: '001',
      reason: '该户已有稳定收入',
    });
    // The yearly re-check fell due meanwhile and the timer lapsed the file.
    await env.store.db
      .collection('hardship_files')
      .doc(a.fileId)
      .update({ data: { status: 'lapsed' } });
    await env.ok(w.district, 'hardship.resolveObjection', { objectionId, decision: 'uphold', note: '核实已有稳定收入' });
    expect(await env.store.byId('hardship_files', a.fileId)).toMatchObject({
      status: 'closed',
      closedReason: '公示异议成立：核实已有稳定收入',
    });
    expect(
      await env.call(w.district, 'hardship.recheck', { fileId: a.fileId, stillQualifies: true, level: 'general', note: '' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await env.store.byId('hardship_files', a.fileId)).toMatchObject({ status: 'closed' });
  });

  it('an upheld objection closes the family’s file with the reason and strikes the row out: no help money', async () => {
    const a = await approvedFile(env, w, '孙立新');
    const neighbour = await memberOf(env, w.orgId, '周建国');
    const publicityId = await publish(env, w, [a.fileId]);
    const { objectionId } = await env.ok(neighbour.openid, 'hardship.object', {
      publicityId,
      ticket: '001',
      reason: '该户夫妻二人均在职，收入较高',
    });
    await env.ok(w.district, 'hardship.resolveObjection', { objectionId, decision: 'uphold', note: '核实家庭月收入超过标准' });
    expect(await env.store.byId('hardship_files', a.fileId)).toMatchObject({
      status: 'closed',
      closedReason: '公示异议成立：核实家庭月收入超过标准',
    });
    expect(await publicityOf(publicityId)).toMatchObject({
      openObjections: 0,
      rows: [expect.objectContaining({ removed: true })],
    });
    expect(await env.store.byId('hardship_objections', objectionId)).toMatchObject({ status: 'upheld' });
    // A second decision is refused; the row shows struck out; the member is told.
    expect(
      await env.call(w.district, 'hardship.resolveObjection', { objectionId, decision: 'dismiss', note: '再议' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await env.ok(neighbour.openid, 'hardship.publicity', { publicityId })).rows[0]).toMatchObject({ removed: true });
    expect(await env.store.count('timeline', { openid: a.m.openid, status: 'closed' })).toBe(1);
    const inbox = await env.ok(a.m.openid, 'inbox.list', {});
    expect(inbox.items.map((i) => i.title)).toContain('困难职工档案已办结');

    await moveEnd(env, publicityId, -5 * 60_000);
    await env.ok(w.district, 'hardship.finalizePublicity', { publicityId });
    expect(await env.call(w.district, 'hardship.recordHelp', money(a.fileId, 'req-upheld-1'))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await env.store.count('hardship_help', { fileId: a.fileId })).toBe(0);
    // The family may apply again when its situation changes.
    expect((await env.call(a.m.openid, 'hardship.apply', APPLY)).ok).toBe(true);
  });

  it('a family is in one live 公示 at most; a withdrawn 公示 frees it and disappears for members', async () => {
    const a = await approvedFile(env, w, '吴晓红');
    const neighbour = await memberOf(env, w.orgId, '郑国强');
    const first = await publish(env, w, [a.fileId]);
    expect(
      await env.call(w.district, 'hardship.publish', {
        orgId: w.districtId,
        title: '重复公示',
        entries: [{ fileId: a.fileId, helpPlanned: '资金救助 1000元' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await env.call(w.grassroots, 'hardship.withdrawPublicity', { publicityId: first, reason: '名单有误' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await env.ok(w.district, 'hardship.withdrawPublicity', { publicityId: first, reason: '拟帮扶金额有误，更正后重新公示' });
    expect(await env.store.byId('hardship_files', a.fileId)).toMatchObject({ publicityId: '' });
    expect(await env.call(neighbour.openid, 'hardship.publicity', { publicityId: first })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const second = await publish(env, w, [a.fileId]);
    expect(await env.store.byId('hardship_files', a.fileId)).toMatchObject({ publicityId: second });
    expect(await env.call(w.district, 'hardship.withdrawPublicity', { publicityId: first, reason: '再撤一次' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('takes the number of days from the standard', async () => {
    await env.ok(w.admin, 'hardship.saveStandard', { incomeLine: 1000, factor: 1.5, recheckNoticeDays: 30, publicityDays: 7 });
    expect(await env.ok(w.admin, 'hardship.standard', {})).toMatchObject({ publicityDays: 7 });
    // Left out, the days are kept.
    await env.ok(w.admin, 'hardship.saveStandard', { incomeLine: 1000, factor: 1.5, recheckNoticeDays: 30 });
    const a = await approvedFile(env, w);
    const p = await env.ok(w.district, 'hardship.publish', {
      orgId: w.districtId,
      title: '七天公示',
      entries: [{ fileId: a.fileId, helpPlanned: '慰问金 500元' }],
    });
    expect(new Date(p.until).getTime() - new Date(p.publishedAt).getTime()).toBe(7 * 86400_000);
    await env.ok(w.admin, 'hardship.saveStandard', { incomeLine: 1000, factor: 1.5, recheckNoticeDays: 30, publicityDays: 5 });
  });
});

describe('the files in Excel', () => {
  it('exports the files of the caller’s subtree only, audited as a view of personal data', async () => {
    const { m } = await fileCleared(env, w);
    const link = await env.ok(w.district, 'hardship.export', {});
    const rows = await readRows(Buffer.from(await (await fetch(link.url)).arrayBuffer()), 'xlsx');
    expect(rows[0].slice(0, 4)).toEqual(['姓名', '所在工会', '困难类别', '档案状态']);
    expect(rows.length - 1).toBe(link.rows);
    expect(link.rows).toBe(await env.store.count('hardship_files', {}));
    expect(rows.some((r) => r[0] === m.name && r[1] === '测试机械厂工会' && r[2] === '深度困难')).toBe(true);
    expect(await env.store.count('audit', { action: 'hardship.export', actor: w.district, kind: 'pii_view' })).toBe(1);
    const other = await env.ok(w.otherDistrictStaff, 'hardship.export', {});
    expect(other.rows).toBe(0);
    for (const who of [w.lawyer, w.clerk, m.openid])
      expect(await env.call(who, 'hardship.export', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('消息与待办', () => {
  it('tells the member of the decision, the 公示, help recorded and the re-check due', async () => {
    const m = await memberOf(env, w.orgId, '冯丽娟');
    const refused = await env.ok(m.openid, 'hardship.apply', APPLY);
    await env.ok(w.grassroots, 'hardship.visit', { caseId: refused.caseId, ...VISIT });
    await env.ok(w.district, 'hardship.decide', {
      caseId: refused.caseId,
      approve: false,
      civilCheck: 'none',
      note: '家庭收入核实后高于标准',
    });
    let titles = (await env.ok(m.openid, 'inbox.list', {})).items;
    expect(titles).toEqual([
      expect.objectContaining({ title: '困难帮扶申请未予认定', note: '原因：家庭收入核实后高于标准', route: 'hardshipMine' }),
    ]);

    const f = await approvedFile(env, w, '褚志远');
    const publicityId = await publish(env, w, [f.fileId]);
    titles = (await env.ok(f.m.openid, 'inbox.list', {})).items;
    expect(titles.map((i) => i.title).sort()).toEqual(
      ['困难帮扶申请已认定，建立困难职工档案', '您的家庭已列入困难职工公示'].sort(),
    );
    expect(titles.find((i) => i.route === 'hardshipPublicity')?.params).toEqual({ id: publicityId });
    await moveEnd(env, publicityId, -5 * 60_000);
    await env.ok(w.district, 'hardship.finalizePublicity', { publicityId });
    await env.ok(w.district, 'hardship.recordHelp', money(f.fileId, 'req-inbox-1'));
    titles = (await env.ok(f.m.openid, 'inbox.list', {})).items;
    expect(titles.map((i) => i.title)).toContain('工会已为您登记资金救助 2000 元');
    // Within a month of the re-check: a to-do, due on the re-check date.
    await env.store.db
      .collection('hardship_files')
      .doc(f.fileId)
      .update({ data: { recheckDue: new Date(Date.now() + 10 * 86400_000) } });
    const due = (await env.ok(f.m.openid, 'inbox.list', {})).items.find((i) => i.kind === 'todo');
    expect(due).toMatchObject({ title: '困难职工档案年度复核将到期', route: 'hardshipMine' });
  });
});

/** The union's facts as settings.save takes them (as tests/integration/settings.test.ts sends them). */
const UNION = DEMO_SETTINGS.union as {
  name: string;
  shortName: string;
  city: string;
  hotline: string;
  districts: string[];
  mapCenter: { latitude: number; longitude: number };
};

describe('the area switch', () => {
  it('switched off, every 困难帮扶 action answers AREA_OFF and nothing is stored', async () => {
    const m = await memberOf(env, w.orgId);
    const s = await env.ok(w.admin, 'settings.get', {});
    const areas = { ...s.areas, hardship: false };
    await env.ok(w.admin, 'settings.save', { version: s.version, union: UNION, areas });
    try {
      const before = await env.store.count('hardship_cases', {});
      const off = await env.call(m.openid, 'hardship.apply', APPLY);
      expect(off).toMatchObject({
        ok: false,
        error: { code: 'AREA_OFF', message: '困难帮扶服务暂未开通，如有需要请联系所属工会' },
      });
      expect(await env.call(w.district, 'hardship.export', {})).toMatchObject({ ok: false, error: { code: 'AREA_OFF' } });
      expect(await env.store.count('hardship_cases', {})).toBe(before);
    } finally {
      const now = await env.ok(w.admin, 'settings.get', {});
      await env.ok(w.admin, 'settings.save', {
        version: now.version,
        union: UNION,
        areas: { ...now.areas, hardship: true },
      });
    }
  });
});
