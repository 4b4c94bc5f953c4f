/**
 * Defects found by an adversarial look at 优惠与核销, each pinned by the order or input that showed it.
 */
import ExcelJS from 'exceljs';
import { clearPauses, pauseAt } from '../support/interleave';
import { merchantWithOffer, uploadAs } from '../support/merchants';
import { useCloud } from '../support/scenario';

jest.setTimeout(300_000);

const env = useCloud();
afterEach(() => clearPauses(env.cloud.baseUrl));

let serial = 0;

interface StoredPlace {
  rev: number;
  offers: Array<{ _id: string; totalLimit: number | null }>;
}

it('raising an offer’s total that loses to a concurrent edit leaves the seats as the stored total says', async () => {
  // The raise is held before each of its database requests while a suspension of the place bumps its revision.
  let refused = 0;
  for (let k = 1; k <= 12; k += 1) {
    serial += 1;
    const m = await merchantWithOffer(env.cloud.baseUrl, { placeName: `名额测试店${serial}` }, { period: 'none', totalLimit: 5 });
    const place = (await env.store.byId<StoredPlace>('places', m.placeId))!;
    const offer = place.offers.find((o) => o._id === m.offerId)!;
    const pause = await pauseAt(env.cloud.baseUrl, {
      function: 'api',
      openid: 'demo-admin',
      action: 'merchants.saveOffer',
      atRequest: k,
    });
    const raise = env.call('demo-admin', 'merchants.saveOffer', {
      placeId: m.placeId,
      offerId: offer._id,
      offerTitle: '会员凭卡9折',
      terms: '限量',
      validFrom: `${new Date().getFullYear()}-01-01`,
      validTo: `${new Date().getFullYear() + 2}-12-31`,
      period: 'none',
      perPeriod: 1,
      totalLimit: 8,
    });
    const state = await pause.settled();
    if (state.state === 'missed') {
      await raise;
      await pause.disarm();
      break;
    }
    await env.ok('demo-admin', 'merchants.setStatus', { placeId: m.placeId, status: 'suspended' });
    await pause.release();
    const answer = await raise;
    await pause.disarm();
    if (!answer.ok) refused += 1;
    const stored = (await env.store.byId<StoredPlace>('places', m.placeId))!;
    const total = stored.offers.find((o) => o._id === m.offerId)!.totalLimit;
    // Nothing redeemed yet: the seats left are the total the offer shows, whichever call won.
    expect({ k, seatsLeft: (await env.store.byId<{ seatsLeft: number }>('offer_quotas', m.offerId))?.seatsLeft }).toEqual({
      k,
      seatsLeft: total,
    });
  }
  expect(refused).toBeGreaterThan(0);
});

it('a new offer with a total refused by a concurrent edit, then added with a smaller total, has that total’s seats', async () => {
  const offer = (placeId: string, total: number) => ({
    placeId,
    offerTitle: '限量赠饮',
    terms: '先到先得',
    validFrom: `${new Date().getFullYear()}-01-01`,
    validTo: `${new Date().getFullYear() + 2}-12-31`,
    period: 'none' as const,
    perPeriod: 1,
    totalLimit: total,
  });
  let refused = 0;
  for (let k = 1; k <= 12; k += 1) {
    serial += 1;
    const m = await merchantWithOffer(env.cloud.baseUrl, { placeName: `名额测试店${serial}` });
    const pause = await pauseAt(env.cloud.baseUrl, {
      function: 'api',
      openid: 'demo-admin',
      action: 'merchants.saveOffer',
      atRequest: k,
    });
    const first = env.call('demo-admin', 'merchants.saveOffer', offer(m.placeId, 100));
    const state = await pause.settled();
    if (state.state === 'missed') {
      await first;
      await pause.disarm();
      break;
    }
    await env.ok('demo-admin', 'merchants.setStatus', { placeId: m.placeId, status: 'suspended' });
    await pause.release();
    const answer = await first;
    await pause.disarm();
    if (answer.ok) continue;
    refused += 1;
    const saved = await env.ok('demo-admin', 'merchants.saveOffer', offer(m.placeId, 10));
    const added = saved.offers[saved.offers.length - 1]._id;
    expect({ k, quota: await env.store.byId<{ seatsLeft: number }>('offer_quotas', added) }).toMatchObject({
      k,
      quota: { seatsLeft: 10 },
    });
  }
  expect(refused).toBeGreaterThan(0);
});

const UNTIL = `${new Date().getFullYear() + 2}-12-31`;
const IMPORT_HEADER = [
  '名称',
  '类型',
  '类别',
  '等级',
  '区县',
  '地址',
  '电话',
  '经度',
  '纬度',
  '营业时间',
  '优惠内容',
  '每人限次',
  '有效期至',
];
const importRow = (name: string, n: number) => [
  name,
  '商户',
  '餐饮',
  '普惠商户',
  '天宁区',
  `常州市天宁区公式路${n}号`,
  '0519-86009999',
  '119.98',
  '31.78',
  '09:00-21:00',
  '凭卡9折',
  '每日1次',
  UNTIL,
];

it('an import refuses formula cells (Excel’s and a CSV’s), naming the row and column, and stores nothing', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('商户');
  sheet.addRow(IMPORT_HEADER);
  sheet.addRow(importRow('正常导入店', 1));
  const withFormula = sheet.addRow(importRow('占位', 2));
  withFormula.getCell(1).value = { formula: 'HYPERLINK("http://example.com/x","公式导入店")', result: '公式导入店' };
  const xlsx = await uploadAs(env.cloud.serviceUrl, 'demo-admin', 'formula.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
  const csvText = [IMPORT_HEADER, importRow('正常导入店二', 3), importRow("=cmd|' /C calc'!A0", 4)]
    .map((r) => r.join(','))
    .join('\n');
  const csv = await uploadAs(env.cloud.serviceUrl, 'demo-admin', 'formula.csv', Buffer.from(`\uFEFF${csvText}\n`));
  const before = await env.store.count('places');
  for (const fileId of [xlsx, csv]) {
    const preview = await env.ok('demo-admin', 'merchants.importPreview', { fileId, orgId: 'org-cz' });
    expect(preview).toMatchObject({ rows: 2, valid: 1 });
    expect(preview.errors).toEqual([{ row: 3, field: '名称', message: expect.stringContaining('公式') }]);
    expect(await env.call('demo-admin', 'merchants.importCommit', { fileId, orgId: 'org-cz' })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_INVALID' },
    });
  }
  expect(await env.store.count('places')).toBe(before);
});

it('an import of a sheet far over the row limit is refused as too long, quickly', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('商户');
  sheet.addRow(IMPORT_HEADER);
  for (let n = 1; n <= 60_000; n += 1) sheet.addRow(importRow(`批量导入店${n}`, n));
  const fileId = await uploadAs(env.cloud.serviceUrl, 'demo-admin', 'huge.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
  const started = Date.now();
  const answer = await env.call('demo-admin', 'merchants.importPreview', { fileId, orgId: 'org-cz' });
  expect(answer).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: expect.stringContaining('最多导入500行') },
  });
  expect(Date.now() - started).toBeLessThan(8_000);
});
