/** Excel export and import helpers (shared/xlsx.ts) through the real SDK's storage on the local cloud. */
import { startLocalCloud, type LocalCloud } from '../support/localCloud';
import { useCloudInProcess } from '../support/inProcess';
import type * as Xlsx from '../../cloudfunctions/api/src/shared/xlsx';

let cloud: LocalCloud;
let xlsx: typeof Xlsx;

beforeAll(async () => {
  cloud = await startLocalCloud();
  useCloudInProcess(cloud);
  xlsx = require('../../cloudfunctions/api/src/shared/xlsx');
});
afterAll(() => cloud?.stop());

it('writes a workbook to storage and hands out a link that reads back the same rows', async () => {
  const content = await xlsx.buildWorkbook([
    {
      name: '报名名单',
      columns: [
        { header: '姓名', key: 'name' },
        { header: '工会', key: 'org' },
        { header: '序号', key: 'n' },
      ],
      rows: [
        { name: '陈*燕', org: '常州湖塘精密机械有限公司工会', n: 1 },
        { name: '王*军', org: '常州市快递行业工会联合会', n: 2 },
      ],
    },
  ]);
  const saved = await xlsx.saveExport(content, 'test', '报名名单');
  expect(saved.fileID).toMatch(/^cloud:\/\/.+\/exports\/test\/.+\.xlsx$/);
  const res = await fetch(saved.url);
  expect(res.status).toBe(200);
  const rows = await xlsx.readRows(Buffer.from(await res.arrayBuffer()), 'xlsx');
  expect(rows).toEqual([
    ['姓名', '工会', '序号'],
    ['陈*燕', '常州湖塘精密机械有限公司工会', '1'],
    ['王*军', '常州市快递行业工会联合会', '2'],
  ]);
});

it('reads a CSV file (with a byte-order mark, as Excel saves it)', async () => {
  const rows = await xlsx.readRows(Buffer.from('\uFEFF名称,地址\n龙城书店,"常州市天宁区某路1号"\n'), 'csv');
  expect(rows).toEqual([
    ['名称', '地址'],
    ['龙城书店', '常州市天宁区某路1号'],
  ]);
});
