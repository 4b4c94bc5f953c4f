/**
 * Staff keep the directory: edits scoped to their union's subtree and guarded on the revision seen, bulk
 * import from CSV / Excel with a row-by-row error report and nothing half-imported, and the monthly export.
 */
import type { ApiContract } from '../../cloudfunctions/api/src/contract';
import { buildWorkbook, readRows } from '../../cloudfunctions/api/src/shared/xlsx';
import { callApi, callOk, type storeReader, startSeededCloud } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { setClock } from '../support/clock';
import { freshCode, merchantWithOffer, placeInput, uploadAs } from '../support/merchants';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
});
afterAll(() => cloud?.stop());

/** An offer's last day within the three years an offer may run (rules/dates.ts). */
const UNTIL = `${new Date().getFullYear() + 2}-12-31`;
/** The day after it (when the list headline changes). */
const AFTER_UNTIL = `${new Date().getFullYear() + 3}-01-01`;
const HEADER = '名称,类型,类别,等级,区县,地址,电话,经度,纬度,营业时间,优惠内容,使用条款,每人限次,有效期至,服务项目';
const GOOD = [
  `青果巷导入面馆,商户,餐饮,特约商户,钟楼区,常州市钟楼区青果巷88号,0519-86001111,119.9566,31.7762,10:00-21:00,会员凭卡9折,结账前出示,每日1次,${UNTIL},`,
  '导入测试驿站,驿站,,,新北区,常州市新北区汉江路100号,0519-85001111,119.9681,31.8251,24小时,,,,,饮水、休息、充电',
  `导入健身馆,商户,休闲娱乐,普惠商户,武进区,常州市武进区花园街1号,0519-86002222,119.9531,31.6952,周一至周五 06:00-22:00；周六、周日 08:00-20:00,月卡9折,需预约,每周1次,${UNTIL},`,
];
const BAD = [
  `坐标填反店,商户,餐饮,普惠商户,天宁区,常州市天宁区某路1号,0519-86003333,31.78,119.98,09:00-21:00,9折,,每日1次,${UNTIL},`,
  `,商户,餐饮,普惠商户,天宁区,常州市天宁区某路2号,0519-86003334,119.98,31.78,09:00-21:00,9折,,每日1次,${UNTIL},`,
  `时间不对店,商户,餐饮,普惠商户,天宁区,常州市天宁区某路3号,0519-86003335,119.98,31.78,早上九点到晚上,9折,,每日1次,${UNTIL},`,
  `青果巷导入面馆,商户,餐饮,特约商户,钟楼区,常州市钟楼区青果巷88号,0519-86001111,119.9566,31.7762,10:00-21:00,会员凭卡9折,结账前出示,每日1次,${UNTIL},`,
  `龙城书局（南大街店）,商户,购物,普惠商户,钟楼区,常州市钟楼区南大街118号,0519-86601234,119.9512,31.7786,09:00-21:00,9折,,每日1次,${UNTIL},`,
  `未知类别店,商户,五金,普惠商户,天宁区,常州市天宁区某路4号,0519-86003336,119.98,31.78,09:00-21:00,9折,,每日1次,${UNTIL},`,
  `外市区县店,商户,餐饮,普惠商户,姑苏区,苏州市姑苏区某路5号,0519-86003337,119.98,31.78,09:00-21:00,9折,,每日1次,${UNTIL},`,
];

function csv(lines: string[]): Buffer {
  return Buffer.from(`\uFEFF${[HEADER, ...lines].join('\n')}\n`);
}

type ImportInput = ApiContract['merchants.importPreview']['input'];

it('previews an import with a row-by-row report, refuses to commit it, and stores nothing', async () => {
  const before = await store.count('places');
  const fileId = await uploadAs(cloud.serviceUrl, 'demo-staff-city', 'bad.csv', csv([...GOOD, ...BAD]));
  const input: ImportInput = { fileId, orgId: 'org-cz' };
  const preview = await callOk(cloud.baseUrl, 'demo-staff-city', 'merchants.importPreview', input);
  expect(preview.rows).toBe(10);
  expect(preview.valid).toBe(3);
  expect(preview.errors.map((e) => [e.row, e.field])).toEqual([
    [5, '纬度'],
    [6, '名称'],
    [7, '营业时间'],
    [8, '名称'],
    [9, '名称'],
    [10, '类别'],
    [11, '区县'],
  ]);
  // The districts are the union's (系统设置), not a list in the code.
  expect(preview.errors[6].message).toBe('「区县」应为：天宁区、钟楼区、新北区、武进区、金坛区、溧阳市');
  expect(preview.errors[0].message).toContain('填反');
  expect(preview.errors[1].message).toBe('「名称」不能为空');
  expect(preview.errors[3].message).toBe('与第2行重复（名称和地址相同）');
  expect(preview.errors[4].message).toBe('已存在同名同地址的商户或驿站');
  const commit = await callApi(cloud.baseUrl, 'demo-staff-city', 'merchants.importCommit', input);
  expect(commit).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID', details: { count: 7 } } });
  expect(await store.count('places')).toBe(before);
});

it('imports every row of a good file once, however often it is committed', async () => {
  const fileId = await uploadAs(cloud.serviceUrl, 'demo-staff-city', 'good.csv', csv(GOOD));
  const input: ImportInput = { fileId, orgId: 'org-cz-zhonglou' };
  const preview = await callOk(cloud.baseUrl, 'demo-staff-city', 'merchants.importPreview', input);
  expect(preview).toMatchObject({ rows: 3, valid: 3, errors: [] });
  expect(preview.sample.map((s) => s.name)).toEqual(['青果巷导入面馆', '导入测试驿站', '导入健身馆']);
  const [first, second] = await Promise.all([
    callApi(cloud.baseUrl, 'demo-staff-city', 'merchants.importCommit', input),
    callApi(cloud.baseUrl, 'demo-staff-city', 'merchants.importCommit', input),
  ]);
  expect(first.ok && second.ok).toBe(true);
  expect(await store.count('places', { importFile: fileId })).toBe(3);
  expect(await callOk(cloud.baseUrl, 'demo-staff-city', 'merchants.importCommit', input)).toEqual({ imported: 0, unchanged: 3 });
  expect(await store.count('places', { importFile: fileId })).toBe(3);
  // Imported places are in the directory, with their hours and offers understood.
  const found = await callOk(cloud.baseUrl, 'demo-member-01', 'merchants.nearby', {
    lat: 31.7762,
    lng: 119.9566,
    keyword: '导入',
  });
  expect(found.items.map((i) => i.name)).toEqual(['青果巷导入面馆', '导入测试驿站', '导入健身馆']);
  expect(found.items[0]).toMatchObject({ offer: '会员凭卡9折', category: '餐饮', tier: '特约商户', distance: 0 });
  const gym = await callOk(cloud.baseUrl, 'demo-member-01', 'merchants.get', { placeId: found.items[2]._id });
  expect(gym.hoursText).toBe('周一至周五 06:00-22:00；周六、周日 08:00-20:00');
  expect(gym.offers[0].limitText).toBe('每人每周限1次');
  // The cron task will recompute the list headline the day after the offer ends.
  expect(await store.byId('places', found.items[0]._id)).toMatchObject({ offersChangeOn: AFTER_UNTIL, importFile: fileId });
});

it('reads Excel files too, and refuses files that are not the caller’s own or from outside their scope', async () => {
  const xlsx = await buildWorkbook([
    {
      name: '商户',
      columns: HEADER.split(',').map((h) => ({ header: h, key: h })),
      rows: [
        Object.fromEntries(
          HEADER.split(',').map((h, i) => [
            h,
            `溧阳导入茶馆,商户,餐饮,普惠商户,溧阳市,溧阳市燕山中路9号,0519-87001111,119.4841,31.4161,09:00-22:00,茶水8折,,每日1次,${UNTIL},`.split(
              ',',
            )[i],
          ]),
        ),
      ],
    },
  ]);
  const fileId = await uploadAs(cloud.serviceUrl, 'demo-admin', 'list.xlsx', xlsx);
  expect(await callOk(cloud.baseUrl, 'demo-admin', 'merchants.importCommit', { fileId, orgId: 'org-cz-liyang' })).toEqual({
    imported: 1,
    unchanged: 0,
  });
  const notMine = await callApi(cloud.baseUrl, 'demo-staff-city', 'merchants.importPreview', { fileId, orgId: 'org-cz' });
  expect(notMine).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '文件无效，请重新上传' } });
  const wujinFile = await uploadAs(cloud.serviceUrl, 'demo-staff-wujin', 'x.csv', csv(GOOD));
  const outside = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'merchants.importPreview', {
    fileId: wujinFile,
    orgId: 'org-cz-zhonglou',
  });
  expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const text = await uploadAs(cloud.serviceUrl, 'demo-admin', 'notes.txt', Buffer.from('hello'));
  expect(await callApi(cloud.baseUrl, 'demo-admin', 'merchants.importPreview', { fileId: text, orgId: 'org-cz' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '请上传 .xlsx 或 .csv 文件' },
  });
});

it('scopes edits to the staff member’s union and guards them on the revision seen', async () => {
  const wujin = await callOk(
    cloud.baseUrl,
    'demo-staff-wujin',
    'merchants.save',
    placeInput({ placeName: '武进测试店', district: '武进区', orgId: 'org-cz-wujin' }),
  );
  expect(wujin.rev).toBe(0);
  // Wujin staff cannot touch a 钟楼 place, nor create one for another district's union.
  expect(await callApi(cloud.baseUrl, 'demo-staff-wujin', 'merchants.adminGet', { placeId: 'merchant-01' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(
    await callApi(cloud.baseUrl, 'demo-staff-wujin', 'merchants.save', placeInput({ orgId: 'org-cz-zhonglou' })),
  ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const list = await callOk(cloud.baseUrl, 'demo-staff-wujin', 'merchants.adminList', {});
  expect(list.total).toBe(await store.count('places', { orgPath: 'org-cz-wujin' }));
  // Merchant staff and members cannot edit at all.
  expect(await callApi(cloud.baseUrl, 'demo-merchant-01', 'merchants.save', placeInput())).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });

  const edited = await callOk(cloud.baseUrl, 'demo-staff-city', 'merchants.save', {
    ...placeInput({ placeName: '武进测试店（改）', district: '武进区', orgId: 'org-cz-wujin', hours: '17:00-次日02:00' }),
    placeId: wujin._id,
    rev: 0,
  });
  expect(edited).toMatchObject({ name: '武进测试店（改）', rev: 1, hoursText: '每天 17:00-次日02:00' });
  const stale = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'merchants.save', {
    ...placeInput({ district: '武进区', orgId: 'org-cz-wujin' }),
    placeId: wujin._id,
    rev: 0,
  });
  expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  // A district the union has not listed in its settings is refused, and nothing is stored.
  const placesBefore = await store.count('places');
  expect(
    await callApi(cloud.baseUrl, 'demo-staff-wujin', 'merchants.save', placeInput({ district: '姑苏区', orgId: 'org-cz-wujin' })),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '「所在区县」应为：天宁区、钟楼区、新北区、武进区、金坛区、溧阳市' },
  });
  expect(await store.count('places')).toBe(placesBefore);
  const badHours = await callApi(
    cloud.baseUrl,
    'demo-staff-wujin',
    'merchants.save',
    placeInput({ orgId: 'org-cz-wujin', hours: '随时营业' }),
  );
  expect(badHours).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'hours' } } });
  expect(await store.count('audit', { action: 'merchants.edit', target: wujin._id })).toBe(1);
});

it('exports redemption statistics per merchant for a month as .xlsx', async () => {
  const check = await callOk(cloud.baseUrl, 'demo-merchant-01', 'merchants.check', { code: freshCode() });
  const done = await callOk(cloud.baseUrl, 'demo-merchant-01', 'merchants.redeem', {
    ticket: check.ticket,
    offerId: 'merchant-01-o1',
  });
  const month = (await store.byId<{ month: string }>('redemptions', done.redemption._id))!.month;
  const expected = await store.count('redemptions', { month, placeId: 'merchant-01' });
  const link = await callOk(cloud.baseUrl, 'demo-staff-city', 'merchants.exportStats', { month });
  const rows = await readRows(Buffer.from(await (await fetch(link.url)).arrayBuffer()), 'xlsx');
  expect(rows[0]).toEqual(['商户', '商户编号', '核销次数', '核销会员数', '核销的优惠']);
  expect(rows.find((r) => r[1] === 'merchant-01')).toEqual([
    '龙城书局（南大街店）',
    'merchant-01',
    String(expected),
    '1',
    '会员购书8.8折',
  ]);
  // Wujin staff see only their subtree's merchants (the bookshop is in 钟楼).
  const wujin = await callOk(cloud.baseUrl, 'demo-staff-wujin', 'merchants.exportStats', { month });
  expect(wujin.rows).toBe(0);
});

it('takes an offer off the list headline on the day after it ends (cron)', async () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const m = await merchantWithOffer(
    cloud.baseUrl,
    { placeName: '今日截止小店', lat: 31.4, lng: 119.4 },
    { offerTitle: '最后一天8折', validFrom: '2026-01-01', validTo: today },
  );
  const before = await callOk(cloud.baseUrl, 'demo-member-01', 'merchants.nearby', {
    lat: 31.4,
    lng: 119.4,
    keyword: '最后一天',
  });
  expect(before.items.map((i) => [i._id, i.offer])).toEqual([[m.placeId, '最后一天8折']]);
  const tomorrow = new Date(Date.parse(`${today}T00:30:00+08:00`) + 86400_000).toISOString();
  // Time passes on the local cloud's clock (the cron ignores a caller's Time, and clients may not run it).
  await setClock(cloud.baseUrl, Date.parse(tomorrow) - Date.now());
  const res = await fetch(`${cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
  await setClock(cloud.baseUrl, 0);
  const report = ((await res.json()) as { result: { data: { tasks: Record<string, Record<string, number>> } } }).result.data;
  expect(report.tasks['merchants.refreshOfferTexts'].refreshed).toBeGreaterThanOrEqual(1);
  const after = await callOk(cloud.baseUrl, 'demo-member-01', 'merchants.nearby', {
    lat: 31.4,
    lng: 119.4,
    keyword: '今日截止小店',
  });
  expect(after.items.map((i) => [i._id, i.offer])).toEqual([[m.placeId, '']]);
  expect(await store.byId('places', m.placeId)).toMatchObject({ offersChangeOn: '9999-12-31' });
});
