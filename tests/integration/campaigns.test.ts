/**
 * 送温暖 / 送清凉 (免申即享): a list built from the 困难职工档案 and from members flagged 户外劳动者 / joined as
 * 新就业形态 (idempotent), the item in 消息与待办, collection at a station with the card code — once, under double
 * taps, two stations, a removal and a closing (forced orders) — the refusals a staffer reads out, who may do what,
 * and the Excel export. Asserts on what ended up stored and on what the member and the staffer see.
 */
import ExcelJS from 'exceljs';
import { callApi } from '../support/api';
import { setClock } from '../support/clock';
import { clearPauses, eachPausePointFrom } from '../support/interleave';
import { signTicket } from '../../cloudfunctions/api/src/modules/merchants/ticket';
import { freshCode, LOCAL_CARD_KEY } from '../support/merchants';
import { givenMember, givenOrg, givenStaff, useCloud } from '../support/scenario';

const env = useCloud({ demo: false });

const today = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);
const CREATE = {
  kind: 'summer' as const,
  title: '2026年夏送清凉',
  gift: '防暑降温用品一份',
  startDate: today(),
  endDate: today(20),
  stations: [
    { name: '测试区总工会一楼服务大厅', address: '测试路1号' },
    { name: '测试户外劳动者驿站', address: '测试路88号' },
  ],
};

let district: string;
let grassrootsOrg: string;
let newEmploymentOrg: string;
let districtStaff: string;
let grassrootsStaff: string;
let otherDistrictStaff: string;
let lawyer: string;
let clerk: string;
let otherDistrictMember: string;

async function put(collection: string, id: string, data: Record<string, unknown>): Promise<void> {
  await env.store.db.collection(collection).doc(id).set({ data });
}

/** An active 困难职工档案 as hardship stores it (the campaign reads it only through hardship/lists.ts). */
async function givenHardshipFile(openid: string, orgPath: string[], status = 'active'): Promise<void> {
  await put('hardship_files', openid, {
    openid,
    name: '档案',
    orgId: orgPath[orgPath.length - 1],
    orgName: '测试',
    orgPath,
    caseId: `H-${openid}`,
    level: 'deep',
    status,
    since: new Date(),
    recheckDue: new Date(Date.now() + 300 * 86400_000),
    helpCount: 0,
    helpTotalFen: 0,
  });
}

async function hardshipMember(name = '王建军') {
  const m = await givenMember(env, { orgId: grassrootsOrg, name });
  const org = await env.store.byId<{ path: string[] }>('orgs', grassrootsOrg);
  await givenHardshipFile(m.openid, org!.path);
  return m;
}

async function campaignWithList(overrides: Partial<typeof CREATE> = {}) {
  const c = await env.ok(districtStaff, 'campaigns.create', { orgId: district, ...CREATE, ...overrides });
  const m = await hardshipMember();
  await env.ok(districtStaff, 'campaigns.addFromHardship', { campaignId: c._id });
  return { campaignId: c._id, m };
}

async function ticketFor(campaignId: string, cardNo: string, staff = grassrootsStaff, stationId = 's2'): Promise<string> {
  return (await env.ok(staff, 'campaigns.check', { campaignId, stationId, code: freshCode(cardNo) })).ticket;
}

beforeAll(async () => {
  const city = await givenOrg(env, { kind: 'city', name: '测试市总工会' });
  const d = await givenOrg(env, { parentId: city._id, kind: 'district', name: '测试区总工会' });
  const g = await givenOrg(env, { parentId: d._id, name: '测试机械厂工会' });
  const n = await givenOrg(env, {
    parentId: d._id,
    kind: 'industry',
    name: '测试区快递行业工会联合会',
    acceptsNewEmployment: true,
  });
  const d2 = await givenOrg(env, { parentId: city._id, kind: 'district', name: '另一区总工会' });
  district = d._id;
  grassrootsOrg = g._id;
  newEmploymentOrg = n._id;
  districtStaff = await givenStaff(env, { orgId: d._id });
  grassrootsStaff = await givenStaff(env, { orgId: g._id });
  otherDistrictStaff = await givenStaff(env, { orgId: d2._id });
  lawyer = await givenStaff(env, { role: 'lawyer', scopeId: 'st-x' });
  clerk = await givenStaff(env, { role: 'merchant', scopeId: 'm-x' });
  const x = await givenMember(env, { orgId: d2._id, name: '赵外区' });
  await givenHardshipFile(x.openid, d2.path);
  otherDistrictMember = x.openid;
});
afterEach(() => clearPauses(env.cloud.baseUrl));

describe('building the list', () => {
  it('lists hardship families, outdoor and 新就业形态 workers of the chosen unions once each, however often it is built', async () => {
    const hardship = await hardshipMember('王建军');
    const lapsed = await givenMember(env, { orgId: grassrootsOrg, name: '钱暂停' });
    await givenHardshipFile(lapsed.openid, [district, grassrootsOrg], 'lapsed');
    const outdoor = await givenMember(env, { orgId: grassrootsOrg, name: '孙户外' });
    await env.store.db
      .collection('members')
      .doc(outdoor.openid)
      .update({ data: { tags: ['outdoor'] } });
    const rider = await givenMember(env, { orgId: newEmploymentOrg, name: '周骑手' });
    await env.store.db
      .collection('members')
      .doc(rider.openid)
      .update({ data: { channel: 'new_employment' } });
    const plain = await givenMember(env, { orgId: grassrootsOrg, name: '吴普通' });

    const c = await env.ok(districtStaff, 'campaigns.create', { orgId: district, ...CREATE });
    expect(c).toMatchObject({ kindLabel: '夏送清凉', status: 'open', collectedCount: 0, canManage: true });
    expect(c.stations.map((s) => s.id)).toEqual(['s1', 's2']);

    const builds = await Promise.all([
      ...Array.from({ length: 4 }, () => env.call(districtStaff, 'campaigns.addFromHardship', { campaignId: c._id })),
      ...Array.from({ length: 4 }, () =>
        env.call(districtStaff, 'campaigns.addFromMembers', {
          campaignId: c._id,
          orgIds: [grassrootsOrg, newEmploymentOrg],
          groups: ['outdoor', 'newEmployment'],
        }),
      ),
    ]);
    expect(builds.every((b) => b.ok)).toBe(true);
    const entries = await env.store.all<{ openid: string; sources: string[]; nameMasked: string; status: string }>(
      'campaign_entries',
      { campaignId: c._id },
    );
    const byOpenid = new Map(entries.map((e) => [e.openid, e]));
    expect(entries).toHaveLength(byOpenid.size);
    expect([...byOpenid.keys()].sort()).toEqual([hardship.openid, outdoor.openid, rider.openid].sort());
    expect(byOpenid.get(hardship.openid)).toMatchObject({ sources: ['hardship'], nameMasked: '王*军', status: 'listed' });
    expect(byOpenid.get(outdoor.openid)?.sources).toEqual(['outdoor']);
    expect(byOpenid.get(rider.openid)?.sources).toEqual(['newEmployment']);
    for (const absent of [lapsed.openid, plain.openid, otherDistrictMember]) expect(byOpenid.has(absent)).toBe(false);
    // Nothing but the masked name is stored on the list.
    expect(JSON.stringify(entries)).not.toContain('王建军');

    const page = await env.ok(districtStaff, 'campaigns.entries', { campaignId: c._id });
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.nameMasked).sort()).toEqual(['周*手', '孙*外', '王*军']);
    expect(await env.store.count('audit', { action: 'campaigns.entries', target: c._id, kind: 'pii_view' })).toBe(1);
  }, 180_000); // the first calls start the function instances

  it('refuses two stations of one name and a union chosen twice, storing nothing', async () => {
    const before = await env.store.count('campaigns');
    const twice = [CREATE.stations[0], { ...CREATE.stations[0], address: '测试路2号' }];
    expect(await env.call(districtStaff, 'campaigns.create', { orgId: district, ...CREATE, stations: twice })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'stations' } },
    });
    expect(await env.store.count('campaigns')).toBe(before);
    const c = await env.ok(districtStaff, 'campaigns.create', { orgId: district, ...CREATE });
    expect(
      await env.call(districtStaff, 'campaigns.addFromMembers', {
        campaignId: c._id,
        orgIds: [grassrootsOrg, grassrootsOrg],
        groups: ['outdoor'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'orgIds' } } });
  });

  it('refuses a union outside the campaign, and adds nothing to a closed campaign', async () => {
    const { campaignId } = await campaignWithList();
    const d2 = (await env.store.all<{ _id: string }>('orgs', { name: '另一区总工会' }))[0]._id;
    expect(
      await env.call(districtStaff, 'campaigns.addFromMembers', { campaignId, orgIds: [d2], groups: ['outdoor'] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'orgIds' } } });
    await env.ok(districtStaff, 'campaigns.close', { campaignId });
    await hardshipMember('李新档');
    const before = await env.store.count('campaign_entries', { campaignId });
    expect(await env.call(districtStaff, 'campaigns.addFromHardship', { campaignId })).toMatchObject({
      ok: false,
      error: { code: 'CAMPAIGN_CLOSED' },
    });
    expect(await env.store.count('campaign_entries', { campaignId })).toBe(before);
  });
});

describe('the member (免申即享)', () => {
  it('sees the item in 消息与待办 and on the area page, then 已领取 after collecting', async () => {
    const { campaignId, m } = await campaignWithList();
    const items = (await env.ok(m.openid, 'inbox.list', {})).items.filter((i) => i.key === `campaign:${campaignId}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'todo', title: '你有一份夏送清凉慰问品待领取', route: 'campaignsMine' });
    expect(items[0].note).toContain('测试户外劳动者驿站');
    expect(items[0].note).toContain('防暑降温用品一份');
    const mine = await env.ok(m.openid, 'campaigns.mine', {});
    expect(mine.items.find((i) => i.campaignId === campaignId)).toMatchObject({
      statusLabel: '待领取',
      gift: '防暑降温用品一份',
    });

    await env.ok(grassrootsStaff, 'campaigns.collect', { ticket: await ticketFor(campaignId, m.cardNo) });
    const after = await env.ok(m.openid, 'campaigns.mine', {});
    expect(after.items.find((i) => i.campaignId === campaignId)).toMatchObject({
      statusLabel: '已领取',
      stationName: '测试户外劳动者驿站',
    });
    expect((await env.ok(m.openid, 'inbox.list', {})).items.map((i) => i.key)).not.toContain(`campaign:${campaignId}`);
  });
});

describe('collecting at a station', () => {
  it('shows the masked name and the gift, collects once, and refuses a second try with the date and station', async () => {
    const { campaignId, m } = await campaignWithList();
    const check = await env.ok(grassrootsStaff, 'campaigns.check', { campaignId, stationId: 's2', code: freshCode(m.cardNo) });
    expect(check).toMatchObject({
      member: { nameMasked: '王*军' },
      campaign: { gift: '防暑降温用品一份' },
      station: { name: '测试户外劳动者驿站' },
      sourceLabels: ['困难职工'],
    });
    expect(JSON.stringify(check)).not.toContain('王建军');
    const done = await env.ok(grassrootsStaff, 'campaigns.collect', { ticket: check.ticket });
    expect(done).toMatchObject({ status: 'collected', statusLabel: '已领取', stationName: '测试户外劳动者驿站' });
    const again = await env.call(grassrootsStaff, 'campaigns.collect', { ticket: check.ticket });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_COLLECTED' } });
    if (!again.ok) expect(again.error.message).toMatch(/已于\d+月\d+日 \d\d:\d\d在测试户外劳动者驿站领取/);
    // At another station, with a new code: refused the same way.
    const elsewhere = await env.call(districtStaff, 'campaigns.check', {
      campaignId,
      stationId: 's1',
      code: freshCode(m.cardNo),
    });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'ALREADY_COLLECTED' } });
    expect(await env.store.byId('campaigns', campaignId)).toMatchObject({ collectedCount: 1 });
    expect(await env.store.count('audit', { action: 'campaigns.collect', target: `${campaignId}_${m.openid}` })).toBe(1);
  });

  it('a station of a union outside the member’s chain hands out without learning the family is on file', async () => {
    const { campaignId, m } = await campaignWithList();
    const sibling = await givenOrg(env, { parentId: district, name: '测试纺织厂工会' });
    const siblingStaff = await givenStaff(env, { orgId: sibling._id });
    const check = await env.ok(siblingStaff, 'campaigns.check', { campaignId, stationId: 's2', code: freshCode(m.cardNo) });
    expect(check).toMatchObject({ member: { nameMasked: '王*军' }, campaign: { gift: '防暑降温用品一份' }, sourceLabels: [] });
    expect(JSON.stringify(check)).not.toContain('困难');
    // The staff of the district (the member's chain) still see why the member is listed.
    const inChain = await env.ok(districtStaff, 'campaigns.check', { campaignId, stationId: 's1', code: freshCode(m.cardNo) });
    expect(inChain.sourceLabels).toEqual(['困难职工']);
    expect(await env.ok(siblingStaff, 'campaigns.collect', { ticket: check.ticket })).toMatchObject({ status: 'collected' });
  });

  it('the collection’s answer tells a station outside the member’s chain no more than the check did', async () => {
    const { campaignId, m } = await campaignWithList();
    const sibling = await givenOrg(env, { parentId: district, name: '测试印染厂工会' });
    const siblingStaff = await givenStaff(env, { orgId: sibling._id });
    const check = await env.ok(siblingStaff, 'campaigns.check', { campaignId, stationId: 's2', code: freshCode(m.cardNo) });
    const done = await env.ok(siblingStaff, 'campaigns.collect', { ticket: check.ticket });
    expect(done).toMatchObject({ status: 'collected', nameMasked: '王*军', sourceLabels: [] });
    expect(JSON.stringify(done)).not.toContain('困难');
    // The member's own union still reads why the member was listed.
    const other = await campaignWithList();
    const inChain = await env.ok(grassrootsStaff, 'campaigns.collect', {
      ticket: await ticketFor(other.campaignId, other.m.cardNo),
    });
    expect(inChain.sourceLabels).toEqual(['困难职工']);
  });

  it('a staffer on the list does not hand the gift to themself, at check or at collection', async () => {
    const { campaignId, m } = await campaignWithList();
    await givenStaff(env, { openid: m.openid, orgId: grassrootsOrg });
    const own = await env.call(m.openid, 'campaigns.check', { campaignId, stationId: 's2', code: freshCode(m.cardNo) });
    expect(own).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A ticket signed for the staffer (as if the check had let it through) is refused at the collection too.
    const forged = signTicket(
      { nonce: 'n-self-collect', cardNo: m.cardNo, placeId: `campaign:${campaignId}:s2`, staff: m.openid },
      LOCAL_CARD_KEY,
      new Date(),
    );
    expect(await env.call(m.openid, 'campaigns.collect', { ticket: forged.ticket })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.store.byId('campaign_entries', `${campaignId}_${m.openid}`)).toMatchObject({ status: 'listed' });
    expect(await env.store.byId('campaigns', campaignId)).toMatchObject({ collectedCount: 0 });
    // Another staffer of the same union hands it out.
    expect(await env.ok(grassrootsStaff, 'campaigns.collect', { ticket: await ticketFor(campaignId, m.cardNo) })).toMatchObject({
      status: 'collected',
    });
  });

  it('collects once under a storm of double taps and two stations at once', async () => {
    const { campaignId, m } = await campaignWithList();
    const tickets = [
      await ticketFor(campaignId, m.cardNo, grassrootsStaff, 's2'),
      await ticketFor(campaignId, m.cardNo, districtStaff, 's1'),
    ];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        env.call(i % 2 ? districtStaff : grassrootsStaff, 'campaigns.collect', { ticket: tickets[i % 2] }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(['ALREADY_COLLECTED', 'BUSY']).toContain(r.error.code);
    expect(await env.store.byId('campaigns', campaignId)).toMatchObject({ collectedCount: 1 });
    expect(await env.store.count('campaign_entries', { campaignId, status: 'collected' })).toBe(1);
  });

  it('takes the typed 8-digit 核验码 and retires it once used', async () => {
    const { campaignId, m } = await campaignWithList();
    const minute = (Math.floor(Date.now() / 60_000) + 2) * 60_000 + 1000;
    await setClock(env.cloud.baseUrl, minute - Date.now());
    try {
      const { tokens } = await env.ok(m.openid, 'card.tokens', {});
      const code = tokens[0].shortCode;
      const check = await env.ok(grassrootsStaff, 'campaigns.check', { campaignId, stationId: 's2', code });
      await env.ok(grassrootsStaff, 'campaigns.collect', { ticket: check.ticket });
      expect(await env.store.count('card_short_codes', { code, cardNo: m.cardNo })).toBe(0);
      expect(await env.call(grassrootsStaff, 'campaigns.check', { campaignId, stationId: 's2', code })).toMatchObject({
        ok: false,
        error: { code: 'SHORT_CODE_WRONG' },
      });
    } finally {
      await setClock(env.cloud.baseUrl, 0);
    }
  });

  it('tells the staffer why not: not on the list, campaign closed, not yet open, code expired', async () => {
    const { campaignId } = await campaignWithList();
    const plain = await givenMember(env, { orgId: grassrootsOrg, name: '吴普通' });
    expect(
      await env.call(grassrootsStaff, 'campaigns.check', { campaignId, stationId: 's2', code: freshCode(plain.cardNo) }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_LISTED', message: expect.stringContaining('不在本次活动的发放名单上') } });
    const expired = freshCode(plain.cardNo, new Date(Date.now() - 10 * 60_000));
    expect(await env.call(grassrootsStaff, 'campaigns.check', { campaignId, stationId: 's2', code: expired })).toMatchObject({
      ok: false,
      error: { code: 'TOKEN_EXPIRED' },
    });

    const later = await campaignWithList({ startDate: today(3), endDate: today(10) });
    const early = await env.call(grassrootsStaff, 'campaigns.check', {
      campaignId: later.campaignId,
      stationId: 's1',
      code: freshCode(later.m.cardNo),
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'OUT_OF_WINDOW', message: expect.stringContaining('起可领取') } });

    const closing = await campaignWithList();
    const ticket = await ticketFor(closing.campaignId, closing.m.cardNo);
    await env.ok(districtStaff, 'campaigns.close', { campaignId: closing.campaignId });
    expect(await env.call(grassrootsStaff, 'campaigns.collect', { ticket })).toMatchObject({
      ok: false,
      error: { code: 'CAMPAIGN_CLOSED' },
    });
    expect(await env.store.byId('campaign_entries', `${closing.campaignId}_${closing.m.openid}`)).toMatchObject({
      status: 'closed',
    });
    expect((await env.ok(closing.m.openid, 'inbox.list', {})).items.map((i) => i.key)).not.toContain(
      `campaign:${closing.campaignId}`,
    );
  });
});

describe('who may do what', () => {
  it('refuses another district, a lawyer, a clerk and a member, storing nothing', async () => {
    const { campaignId, m } = await campaignWithList();
    const before = await env.store.snapshot(['campaigns', 'campaign_entries']);
    for (const who of [otherDistrictStaff, lawyer, clerk, m.openid]) {
      const refused = [
        await env.call(who, 'campaigns.create', { orgId: district, ...CREATE }),
        await env.call(who, 'campaigns.addFromHardship', { campaignId }),
        await env.call(who, 'campaigns.entries', { campaignId }),
        await env.call(who, 'campaigns.removeEntry', { campaignId, openid: m.openid }),
        await env.call(who, 'campaigns.close', { campaignId }),
        await env.call(who, 'campaigns.export', { campaignId }),
        await env.call(who, 'campaigns.check', { campaignId, stationId: 's1', code: freshCode(m.cardNo) }),
      ];
      for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // A station's staff (a 基层工会 inside the district) hand out but do not manage the list.
    expect(await env.call(grassrootsStaff, 'campaigns.close', { campaignId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.store.snapshot(['campaigns', 'campaign_entries'])).toEqual(before);
    // Another member's item is not theirs to see.
    const other = await givenMember(env, { orgId: grassrootsOrg, name: '吴普通' });
    expect((await env.ok(other.openid, 'campaigns.mine', {})).items).toEqual([]);
    expect((await env.ok(grassrootsStaff, 'campaigns.list', {})).items.map((c) => c._id)).toContain(campaignId);
    expect((await env.ok(otherDistrictStaff, 'campaigns.list', {})).items.map((c) => c._id)).not.toContain(campaignId);
  });

  it('refuses the rest of the staff actions and a family’s entry to another district, another family, a lawyer and a clerk', async () => {
    const { campaignId, m } = await campaignWithList();
    // A station's staff checked the family's card: the ticket is theirs alone.
    const ticket = await ticketFor(campaignId, m.cardNo);
    const neighbour = await givenMember(env, { orgId: grassrootsOrg, name: '郑邻居' });
    const calls = [
      ['campaigns.get', { campaignId }],
      ['campaigns.addFromMembers', { campaignId, orgIds: [grassrootsOrg], groups: ['outdoor', 'newEmployment'] }],
      ['campaigns.entries', { campaignId }],
      ['campaigns.removeEntry', { campaignId, openid: m.openid }],
      ['campaigns.collect', { ticket }],
      ['campaigns.check', { campaignId, stationId: 's2', code: freshCode(m.cardNo) }],
      ['campaigns.export', { campaignId }],
      ['campaigns.close', { campaignId }],
    ] as const;
    const collections = ['campaigns', 'campaign_entries', 'short_code_tries', 'audit'];
    const before = await env.store.snapshot(collections);
    for (const who of [otherDistrictStaff, neighbour.openid, lawyer, clerk]) {
      const answered: Array<[string, string]> = [];
      for (const [action, input] of calls) {
        const r = await env.call(who, action as 'campaigns.get', input);
        answered.push([action, r.ok ? 'ok' : r.error.code]);
      }
      expect(answered).toEqual(calls.map(([action]) => [action, 'FORBIDDEN']));
    }
    for (const who of [neighbour.openid, lawyer, clerk])
      expect(await env.call(who, 'campaigns.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.store.snapshot(collections)).toEqual(before);
    // The family's entry is still waiting for them; the neighbour has nothing of theirs to see.
    expect(await env.store.byId('campaign_entries', `${campaignId}_${m.openid}`)).toMatchObject({ status: 'listed' });
    expect((await env.ok(neighbour.openid, 'campaigns.mine', {})).items.map((i) => i.campaignId)).not.toContain(campaignId);
  });

  it('exports the list with masked names (audited)', async () => {
    const { campaignId, m } = await campaignWithList();
    await env.ok(grassrootsStaff, 'campaigns.collect', { ticket: await ticketFor(campaignId, m.cardNo) });
    const link = await env.ok(districtStaff, 'campaigns.export', { campaignId });
    expect(link.rows).toBe(await env.store.count('campaign_entries', { campaignId }));
    expect(link.rows).toBeGreaterThan(0);
    const file = Buffer.from(await (await fetch(link.url)).arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['姓名', '所在工会', '名单来源', '状态', '领取时间', '领取点']),
    );
    expect(sheet.rowCount).toBe(link.rows + 1);
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells).toContain('王*军');
    expect(cells).toContain('已领取');
    expect(cells.join()).not.toContain('王建军');
    expect(await env.store.count('audit', { action: 'campaigns.export', target: campaignId })).toBe(1);
    // The list tells who is on file as 困难职工: the export is a view of personal data, as the list's look is.
    expect(await env.store.count('audit', { action: 'campaigns.export', target: campaignId, kind: 'pii_view' })).toBe(1);
    const detail = await env.ok(districtStaff, 'campaigns.get', { campaignId });
    expect(detail).toMatchObject({ collectedCount: 1, counts: { listed: link.rows - 1, collected: 1, removed: 0 } });
  });
});

describe('forced interleavings on one entry or campaign', () => {
  // Each pause point starts from the same campaign and list, built once (tickets are asked for afresh each time).
  const COLLECT = { function: 'api', action: 'campaigns.collect' };
  it('collect ‖ collect (two stations): exactly one collection at every step', async () => {
    const outcomes = new Set<string>();
    const points = await eachPausePointFrom(env.cloud.baseUrl, COLLECT, campaignWithList, async (pause, { campaignId, m }) => {
      const [a, b] = [
        await ticketFor(campaignId, m.cardNo, grassrootsStaff, 's2'),
        await ticketFor(campaignId, m.cardNo, districtStaff, 's1'),
      ];
      const first = callApi(env.cloud.baseUrl, grassrootsStaff, 'campaigns.collect', { ticket: a });
      const state = await pause.settled();
      const second = await env.call(districtStaff, 'campaigns.collect', { ticket: b });
      if (state.state === 'paused') await pause.release();
      const r = await first;
      expect([r.ok, second.ok].filter(Boolean)).toHaveLength(1);
      expect(await env.store.count('campaign_entries', { campaignId, status: 'collected' })).toBe(1);
      expect(await env.store.byId('campaigns', campaignId)).toMatchObject({ collectedCount: 1 });
      outcomes.add(r.ok ? 'first' : 'second');
    });
    expect(points).toBeGreaterThan(2);
    expect(outcomes).toEqual(new Set(['first', 'second']));
  });

  it('collect ‖ removeEntry: collected or removed, never both', async () => {
    const outcomes = new Set<string>();
    await eachPausePointFrom(env.cloud.baseUrl, COLLECT, campaignWithList, async (pause, { campaignId, m }) => {
      const ticket = await ticketFor(campaignId, m.cardNo);
      const collecting = callApi(env.cloud.baseUrl, grassrootsStaff, 'campaigns.collect', { ticket });
      const state = await pause.settled();
      const removing = await env.call(districtStaff, 'campaigns.removeEntry', { campaignId, openid: m.openid });
      if (state.state === 'paused') await pause.release();
      const c = await collecting;
      const stored = await env.store.byId<{ status: string }>('campaign_entries', `${campaignId}_${m.openid}`);
      expect([c.ok, removing.ok].filter(Boolean)).toHaveLength(1);
      expect(stored?.status).toBe(c.ok ? 'collected' : 'removed');
      if (!c.ok) expect(c.error.code).toBe('NOT_LISTED');
      if (!removing.ok) expect(['ALREADY_COLLECTED', 'BUSY']).toContain(removing.error.code);
      outcomes.add(c.ok ? 'collect first' : 'remove first');
    });
    expect(outcomes).toEqual(new Set(['collect first', 'remove first']));
  });

  it('collect ‖ close: a collection never lands after the closing', async () => {
    const outcomes = new Set<string>();
    await eachPausePointFrom(env.cloud.baseUrl, COLLECT, campaignWithList, async (pause, { campaignId, m }) => {
      const ticket = await ticketFor(campaignId, m.cardNo);
      const collecting = callApi(env.cloud.baseUrl, grassrootsStaff, 'campaigns.collect', { ticket });
      const state = await pause.settled();
      const closing = await env.call(districtStaff, 'campaigns.close', { campaignId });
      if (state.state === 'paused') await pause.release();
      const c = await collecting;
      const campaign = await env.store.byId<{ status: string; collectedCount: number }>('campaigns', campaignId);
      expect(campaign?.collectedCount).toBe(c.ok ? 1 : 0);
      // A closing that met the entry held by the paused collection leaves it to the timer to mark closed.
      await fetch(`${env.cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
      const entry = await env.store.byId<{ status: string }>('campaign_entries', `${campaignId}_${m.openid}`);
      expect(entry?.status).toBe(c.ok ? 'collected' : 'closed');
      if (!c.ok) expect([c.error.code, closing.ok]).toEqual(['CAMPAIGN_CLOSED', true]);
      if (!closing.ok) expect([closing.error.code, c.ok]).toEqual(['BUSY', true]);
      outcomes.add(c.ok ? 'collect first' : 'close first');
    });
    expect(outcomes).toEqual(new Set(['collect first', 'close first']));
  });
});
