/**
 * Importing an organisation tree from Excel and exporting it: a preview with row-by-row errors, nothing stored
 * unless the whole file is clean, a commit that is safe to repeat; hostile files (formula cells, 50,000 rows,
 * wrong columns, someone else's upload) refused with clear messages and nothing stored.
 */
import { readRows } from '../../cloudfunctions/api/src/shared/xlsx';
import { uploadAs } from '../support/merchants';
import { givenOrg, givenStaff, useCloud } from '../support/scenario';

const env = useCloud({ demo: false });

const HEADER = ['名称', '上级工会', '类型', '是否新就业形态'];
type Cell = string | { formula: string; result: string };

async function xlsx(rows: Cell[][], header = HEADER): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工会');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let files = 0;
async function upload(openid: string, content: Buffer, ext = 'xlsx'): Promise<string> {
  files += 1;
  return uploadAs(env.cloud.serviceUrl, openid, `orgs-${files}.${ext}`, content);
}

async function orgCount(): Promise<number> {
  return env.store.count('orgs');
}

let city: { _id: string; path: string[] };
let district: { _id: string; path: string[] };
let staff: string;

beforeAll(async () => {
  city = await givenOrg(env, { name: '导入市总工会' });
  district = await givenOrg(env, { parentId: city._id, kind: 'district', name: '导入区总工会' });
  await givenOrg(env, { parentId: district._id, name: '已有公司工会' });
  staff = await givenStaff(env, { orgId: district._id });
});

it('previews a file with a row-by-row report, refuses to commit it, and stores nothing', async () => {
  const fileId = await upload(
    staff,
    await xlsx([
      ['某街道工会', '导入区总工会', '街道工会', '否'], // row 2: fine (parent by name)
      ['甲公司工会', '某街道工会', '基层工会', '否'], // row 3: fine (parent from this file)
      ['乙公司工会', '不存在的工会', '基层工会', '否'], // row 4: unknown parent
      ['甲公司工会', '某街道工会', '基层工会', '是'], // row 5: duplicate under one parent
      ['丙公司工会', district._id, '居委会', '否'], // row 6: bad type
      ['已有公司工会', district._id, '基层工会', '否'], // row 7: already in the tree
      [{ formula: 'CONCAT("丁","公司工会")', result: '丁公司工会' }, district._id, '基层工会', '否'], // row 8: formula
      ['越权工会', city._id, '基层工会', '否'], // row 9: parent outside the staffer's scope
      ['戊公司工会', district._id, '基层工会', '也许'], // row 10: bad flag
    ]),
  );
  const before = await orgCount();
  const preview = await env.ok(staff, 'org.importPreview', { fileId });
  expect(preview).toMatchObject({ rows: 9, valid: 2 });
  expect(preview.errors).toEqual([
    { row: 4, field: '上级工会', message: '找不到上级工会「不存在的工会」（应为已有工会或本文件中的工会）' },
    { row: 5, field: '名称', message: '与第3行重复（同一上级工会下名称相同）' },
    { row: 6, field: '类型', message: '「类型」应为：基层工会、街道/乡镇工会、区/县总工会、行业工会联合会、市总工会' },
    { row: 7, field: '名称', message: '上级工会「导入区总工会」下已有「已有公司工会」' },
    { row: 8, field: '名称', message: '「名称」是公式，请改为直接填写文字（复制后“选择性粘贴为数值”）' },
    { row: 9, field: '上级工会', message: '上级工会「导入市总工会」不在您管辖的范围内' },
    { row: 10, field: '是否新就业形态', message: '「是否新就业形态」应填“是”或“否”' },
  ]);
  expect(preview.sample.map((s) => [s.name, s.parent, s.kind])).toEqual([
    ['某街道工会', '导入区总工会', '街道/乡镇工会'],
    ['甲公司工会', '某街道工会', '基层工会'],
  ]);
  expect(await env.call(staff, 'org.importCommit', { fileId })).toMatchObject({
    ok: false,
    error: { code: 'ORG_IMPORT_INVALID', message: '导入文件有7处错误，请按预览中的提示修改后重新上传' },
  });
  expect(await orgCount()).toBe(before);
});

it('imports a clean file once however often it is committed, parents resolved within the file, then exports it', async () => {
  const fileId = await upload(
    staff,
    await xlsx([
      ['东湖公司工会', '湖滨街道工会', '基层工会', '否'], // a child listed before its parent
      ['湖滨街道工会', '导入区总工会', '街道工会', '否'],
      ['快递行业工会联合会', district._id, '行业工会联合会', '是'],
    ]),
  );
  const preview = await env.ok(staff, 'org.importPreview', { fileId });
  expect(preview).toMatchObject({ rows: 3, valid: 3, errors: [] });
  const before = await orgCount();
  const [first, second] = await Promise.all([
    env.call(staff, 'org.importCommit', { fileId }),
    env.call(staff, 'org.importCommit', { fileId }),
  ]);
  expect([first, second].filter((r) => !r.ok)).toEqual([]);
  expect(await orgCount()).toBe(before + 3);
  expect(await env.ok(staff, 'org.importCommit', { fileId })).toEqual({ imported: 0, unchanged: 3, remaining: 0, done: true });
  expect(await orgCount()).toBe(before + 3);

  const [street] = await env.store.all<{ _id: string; path: string[]; parentId: string }>('orgs', { name: '湖滨街道工会' });
  expect(street).toMatchObject({
    parentId: district._id,
    path: [...district.path, street._id],
    kind: 'street',
    importFile: fileId,
  });
  const [unit] = await env.store.all('orgs', { name: '东湖公司工会' });
  expect(unit).toMatchObject({ parentId: street._id, path: [...street.path, unit._id], kind: 'grassroots' });
  const [industry] = await env.store.all('orgs', { name: '快递行业工会联合会' });
  expect(industry).toMatchObject({ kind: 'industry', acceptsNewEmployment: true });
  expect(await env.store.count('audit', { action: 'org.import', actor: staff })).toBeGreaterThanOrEqual(1);

  const link = await env.ok(staff, 'org.export', {});
  // The staffer's subtree only: the district, the union it had and the three imported.
  expect(link.rows).toBe(5);
  const rows = await readRows(Buffer.from(await (await fetch(link.url)).arrayBuffer()), 'xlsx');
  expect(rows[0].slice(0, 4)).toEqual(HEADER);
  expect(rows.find((r) => r[0] === '东湖公司工会')?.slice(0, 4)).toEqual(['东湖公司工会', '湖滨街道工会', '基层工会', '否']);
  expect(rows.some((r) => r[0] === '导入市总工会')).toBe(false);
  expect(await env.store.count('file_exports', {})).toBe(1);
});

it('reads the 类型 column: 街道/乡镇 words give a 街道/乡镇工会, 区/县 words a 区/县总工会; a 街道 under a 基层工会 or an industry union is refused', async () => {
  const admin = await givenStaff(env, { role: 'admin' });
  const streetWords = ['街道/乡镇工会', '街道工会', '乡镇工会', '街道/乡镇', '街道', '乡镇'];
  // 区县/街道工会 is the label of files exported before the split: those unions are 区/县.
  const districtWords = ['区/县总工会', '区县总工会', '区总工会', '县总工会', '区县', '区县/街道工会'];
  const wordRows: Cell[][] = [
    ...streetWords.map((w, i) => [`类型词街道${i + 1}`, district._id, w, '否']),
    ...districtWords.map((w, i) => [`类型词区县${i + 1}`, city._id, w, '否']),
  ];
  const bad = await upload(
    admin,
    await xlsx([
      ...wordRows,
      ['错挂街道工会', '已有公司工会', '街道工会', '否'], // row 14: under a 基层工会 in the tree
      ['错挂街道下的公司工会', '错挂街道工会', '基层工会', '否'], // row 15: its parent row is wrong
      ['导入行业工会联合会', city._id, '行业工会联合会', '否'], // row 16: fine
      ['行业下的乡镇工会', '导入行业工会联合会', '乡镇', '否'], // row 17: under an industry union in the file
    ]),
  );
  const before = await orgCount();
  const preview = await env.ok(admin, 'org.importPreview', { fileId: bad });
  expect(preview).toMatchObject({ rows: 16, valid: 13 });
  expect(preview.errors).toEqual([
    {
      row: 14,
      field: '上级工会',
      message: '街道/乡镇工会的上级应为区/县总工会或市总工会，不能设在基层工会之下（上级工会「已有公司工会」）',
    },
    { row: 15, field: '上级工会', message: '上级工会「错挂街道工会」所在行有错误' },
    {
      row: 17,
      field: '上级工会',
      message: '街道/乡镇工会的上级应为区/县总工会或市总工会，不能设在行业工会联合会之下（上级工会「导入行业工会联合会」）',
    },
  ]);
  expect(
    preview.sample
      .slice(0, 1)
      .concat(preview.sample.slice(6, 7))
      .map((s) => [s.name, s.kind]),
  ).toEqual([
    ['类型词街道1', '街道/乡镇工会'],
    ['类型词区县1', '区/县总工会'],
  ]);
  expect(await env.call(admin, 'org.importCommit', { fileId: bad })).toMatchObject({
    ok: false,
    error: { code: 'ORG_IMPORT_INVALID' },
  });
  expect(await orgCount()).toBe(before);

  const clean = await upload(admin, await xlsx(wordRows));
  expect(await env.ok(admin, 'org.importCommit', { fileId: clean })).toMatchObject({ imported: 12, done: true });
  const kinds = async (prefix: string) =>
    (await env.store.all<{ name: string; kind: string }>('orgs', {})).filter((o) => o.name.startsWith(prefix)).map((o) => o.kind);
  expect(await kinds('类型词街道')).toEqual(streetWords.map(() => 'street'));
  expect(await kinds('类型词区县')).toEqual(districtWords.map(() => 'district'));

  // The export names each kind by its label.
  const link = await env.ok(admin, 'org.export', {});
  const rows = await readRows(Buffer.from(await (await fetch(link.url)).arrayBuffer()), 'xlsx');
  expect(rows.find((r) => r[0] === '类型词街道2')?.slice(0, 3)).toEqual(['类型词街道2', '导入区总工会', '街道/乡镇工会']);
  expect(rows.find((r) => r[0] === '类型词区县6')?.slice(0, 3)).toEqual(['类型词区县6', '导入市总工会', '区/县总工会']);
});

describe('hostile files: clear errors, nothing stored', () => {
  it('refuses a file of 50,000 rows without reading it all', async () => {
    const many: Cell[][] = [];
    for (let i = 0; i < 50_000; i += 1) many.push([`批量公司工会${i}`, district._id, '基层工会', '否']);
    const fileId = await upload(staff, await xlsx(many));
    const before = await orgCount();
    for (const action of ['org.importPreview', 'org.importCommit'] as const)
      expect(await env.call(staff, action, { fileId })).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: '一个文件最多导入5000行，本文件超过5000行，请拆分成几个文件分批导入',
        },
      });
    expect(await orgCount()).toBe(before);
  }, 120_000);

  it('refuses wrong columns, an empty file, a file that is not a workbook, and someone else’s upload', async () => {
    const before = await orgCount();
    const wrong = await upload(staff, await xlsx([['某工会', '某上级', '基层工会']], ['单位', '上级', '备注']));
    expect(await env.call(staff, 'org.importPreview', { fileId: wrong })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '文件缺少列：名称、类型。第一行应为列名：名称、上级工会、类型、是否新就业形态' },
    });
    const empty = await upload(staff, await xlsx([]));
    expect(await env.call(staff, 'org.importCommit', { fileId: empty })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '文件中没有数据行' },
    });
    const junk = await upload(staff, Buffer.from('not a workbook at all'));
    expect(await env.call(staff, 'org.importPreview', { fileId: junk })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '文件无法读取，请确认是 Excel（.xlsx）或 CSV 文件' },
    });
    const csvFormula = await upload(
      staff,
      Buffer.from(`${HEADER.join(',')}\n=HYPERLINK("http://x"),${district._id},基层工会,否\n`),
      'csv',
    );
    expect((await env.ok(staff, 'org.importPreview', { fileId: csvFormula })).errors).toEqual([
      { row: 2, field: '名称', message: '「名称」是公式，请改为直接填写文字（复制后“选择性粘贴为数值”）' },
    ]);
    const other = await givenStaff(env, { orgId: district._id });
    expect(await env.call(other, 'org.importCommit', { fileId: csvFormula })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '文件无效，请重新上传' },
    });
    expect(await orgCount()).toBe(before);
  });

  it('refuses rows whose parents form a cycle', async () => {
    const fileId = await upload(
      staff,
      await xlsx([
        ['环甲工会', '环乙工会', '基层工会', '否'],
        ['环乙工会', '环甲工会', '基层工会', '否'],
      ]),
    );
    const preview = await env.ok(staff, 'org.importPreview', { fileId });
    expect(preview.valid).toBe(0);
    expect(preview.errors.map((e) => e.row).sort()).toEqual([2, 3]);
    expect(preview.errors.some((e) => e.message.includes('成环'))).toBe(true);
  });
});
