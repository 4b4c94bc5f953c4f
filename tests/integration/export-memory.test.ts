/**
 * A 10,000-row roster export inside the function's memory (issue 20: "a 10,000-row Excel export took 360 MB").
 * The `api` function, run by the local cloud, exports an activity of 10,000 enrollments (a sign-up form of eight
 * questions: 19 columns), and the file it stores holds every row.
 *
 * The heap is capped at 128 MB, not 256: WeChat's `memorySize` (256 MB by default, which `api` keeps) bounds the
 * whole instance, while the local cloud caps only the JavaScript heap (the worker's maxOldGenerationSizeMb).
 * Outside its heap a Node process holding exceljs already takes about 120 MB (`npm run bench:export`: peak RSS
 * minus peak heap), so 128 MB is the heap a 256 MB instance leaves. Building the whole workbook in memory
 * (exceljs's Workbook + writeBuffer, as shared/xlsx.ts did before) peaked at 356 MB RSS and runs out of this
 * heap: the call then answers the host's out-of-memory error and this test fails. Streaming fits.
 *
 * The bundle runs from a copy of cloudfunctions/api whose config.json differs only in that memory and in a
 * timeout of 120 s instead of 10 s, so that a slow, shared test machine never decides the outcome — memory does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedDemoBatched } from '../support/seed';
import { apiBundleExists, callApi, storeReader } from '../support/api';
import { connectSdk, ROOT, startLocalCloud, type LocalCloud } from '../support/localCloud';
import { openTrip, putMembers } from '../support/trips';
import type * as Xlsx from '../../cloudfunctions/api/src/shared/xlsx';

jest.setTimeout(600_000);

const ROWS = 10_000;
/** The JavaScript heap a 256 MB instance leaves (see above). */
const HEAP_MB = 128;
const STAFF = 'demo-staff-city';
/** What a 疗休养 sign-up form asks (eight answers a row: a roster of 19 columns). */
const FORM = [
  ['contact', '紧急联系人'],
  ['contactPhone', '紧急联系电话'],
  ['diet', '饮食要求'],
  ['size', '服装尺码'],
  ['health', '既往病史'],
  ['companion', '随行人员'],
  ['workshop', '所在车间班组'],
  ['note', '备注'],
] as const;
const answersOf = (i: number): Record<string, string> => ({
  contact: `职工${i}家属`,
  contactPhone: `139${String(10_000_000 + i).slice(-8)}`,
  diet: i % 9 ? '无特殊要求' : '清真',
  size: ['S', 'M', 'L', 'XL', 'XXL'][i % 5],
  health: i % 4 ? '无' : '高血压，按时服药，可参加一般康养项目',
  companion: i % 3 ? '无' : '配偶一人（自费）',
  workshop: `第${(i % 40) + 1}车间 ${(i % 6) + 1}班组`,
  note: `在岗${(i % 30) + 1}年，首次申请疗休养`,
});
const FUNCTIONS = path.join(ROOT, '.local-cloud', `export-memory-${process.pid}`);

let cloud: LocalCloud;

/** cloudfunctions/api as deployed (bundle, package.json, config.json), with the heap cap and a longer timeout. */
function copyApiFunction(): void {
  const from = path.join(ROOT, 'cloudfunctions/api');
  const to = path.join(FUNCTIONS, 'api');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['index.js', 'package.json']) fs.copyFileSync(path.join(from, file), path.join(to, file));
  const config = JSON.parse(fs.readFileSync(path.join(from, 'config.json'), 'utf8')) as Record<string, unknown>;
  expect(config.memorySize ?? 256).toBe(256);
  fs.writeFileSync(path.join(to, 'config.json'), JSON.stringify({ ...config, memorySize: HEAP_MB, timeout: 120 }));
}

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
  copyApiFunction();
  cloud = await startLocalCloud({ extraArgs: ['--functions', FUNCTIONS] });
  await seedDemoBatched(connectSdk(cloud.serviceUrl).db);
}, 120_000);

afterAll(async () => {
  await cloud?.stop();
  fs.rmSync(FUNCTIONS, { recursive: true, force: true });
});

it('exports a roster of 10,000 within the memory of a 256 MB instance, every row in the file', async () => {
  const store = storeReader(cloud.serviceUrl);
  const activityId = await openTrip(cloud.baseUrl, {
    capacity: ROWS,
    formFields: FORM.map(([key, label]) => ({ key, label, type: 'text' as const, required: false })),
  });
  // One real sign-up gives the stored shape of an enrollment; the other 9,999 are copies of it.
  await putMembers(store.db, [{ openid: 'export-member-0' }]);
  const signed = await callApi(cloud.baseUrl, 'export-member-0', 'recuperation.signUp', { activityId, answers: answersOf(0) });
  expect(signed).toMatchObject({ ok: true });
  const [model] = await store.all<Record<string, unknown>>('enrollments', { activityId });
  expect(model).toBeDefined();
  const { _id: _ignored, ...fields } = model;
  for (let start = 1; start < ROWS; start += 500) {
    const docs = [];
    for (let i = start; i < Math.min(start + 500, ROWS); i += 1) {
      docs.push({
        ...fields,
        _id: `${activityId}_export-member-${i}`,
        openid: `export-member-${i}`,
        name: `职工${i}`,
        cardNo: `CZ2026${String(i).padStart(6, '0')}`,
        answers: answersOf(i),
      });
    }
    await store.db.collection('enrollments').add({ data: docs });
  }
  expect(await store.count('enrollments', { activityId })).toBe(ROWS);

  const res = await callApi(cloud.baseUrl, STAFF, 'enrollment.export', { activityId });
  expect(res).toMatchObject({ ok: true, data: { rows: ROWS } });
  if (!res.ok) return;
  const file = await fetch(res.data.url);
  expect(file.status).toBe(200);
  const xlsx = require('../../cloudfunctions/api/src/shared/xlsx') as typeof Xlsx;
  const rows = await xlsx.readRows(Buffer.from(await file.arrayBuffer()), 'xlsx');
  expect(rows).toHaveLength(ROWS + 1);
  expect(rows[0].slice(0, 3)).toEqual(['序号', '姓名', '会员卡号']);
  expect(rows[0]).toEqual(expect.arrayContaining(FORM.map(([, label]) => label)));
  expect(rows[ROWS]).toEqual(expect.arrayContaining([`职工${ROWS - 1}家属`]));
  expect(new Set(rows.slice(1).map((r) => r[2])).size).toBe(ROWS);
  expect(rows.slice(1).map((r) => r[1])).toEqual(expect.arrayContaining(['职工1', `职工${ROWS - 1}`]));
});
