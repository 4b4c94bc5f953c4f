/**
 * `npm run bench:export` — the memory a 10,000-row Excel export needs (not a test: it prints numbers).
 *
 * A roster as `enrollment.export` writes it (19 columns: the fixed ones and the answers to an eight-question sign-up form, as
 * tests/integration/export-memory.test.ts exports them),
 * built by each path in a fresh Node process of its own:
 *  - `before`: exceljs's in-memory Workbook and `writeBuffer()` (what shared/xlsx.ts did until issue 20);
 *  - `after`: `buildWorkbook` of shared/xlsx.ts today (exceljs's streaming WorkbookWriter).
 * For each: the peak JavaScript heap (sampled every 100 rows while rows are added, every millisecond while the file is
 * written, and at the end),
 * the process's peak resident memory (maxRSS) and the file size; then the same path again in processes whose
 * heap is capped (`--max-old-space-size`, the cap the local cloud puts on a function instance through the
 * worker's maxOldGenerationSizeMb) at 256 MB and at 128 MB: "fits" or "out of memory". WeChat's 256 MB bounds
 * the whole instance; outside the heap a process takes about 120 MB (peak RSS minus peak heap), so 128 MB is
 * the heap a 256 MB instance leaves.
 *
 * Usage: npm run bench:export [-- --rows 10000]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { SheetRow, SheetSpec } from '../../cloudfunctions/api/src/shared/xlsx';

const ROOT = path.resolve(__dirname, '../..');
/** WeChat's default memorySize, and the heap such an instance leaves (tests/integration/export-memory.test.ts). */
const CAPS_MB = [256, 128];
const argRows = process.argv.indexOf('--rows');
const ROWS = argRows > 0 ? Number(process.argv[argRows + 1]) : 10_000;

type PathName = 'before' | 'after';

const ORGS = ['常州市武进区湖塘镇总工会', '常州市新北区快递行业工会联合会', '常州市天宁区机关工会', '金坛区直属机关工会'];
const SURNAMES = ['陈', '王', '李', '张', '刘', '周', '吴', '徐', '孙', '朱'];

/** A roster sheet of `n` rows, columns as enrollment.export writes them. */
function rosterSheet(n: number): SheetSpec {
  const rows: SheetRow[] = [];
  for (let i = 0; i < n; i += 1) {
    rows.push({
      no: i + 1,
      name: `${SURNAMES[i % SURNAMES.length]}*${i % 2 ? '燕' : '军'}`,
      cardNo: `CZ2026${String(i + 1).padStart(6, '0')}`,
      orgName: ORGS[i % ORGS.length],
      status: i % 7 ? '已录取' : '候补',
      source: i % 5 ? '本人报名' : '单位推荐',
      createdAt: `2026-11-${String((i % 28) + 1).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}`,
      ticket: `T${String(i).padStart(6, '0')}`,
      checkedInAt: i % 3 ? '' : '2026-12-01 08:30',
      lateCancel: '',
      noShow: i % 11 ? '' : '是',
      f_contact: `职工${i}家属`,
      f_contactPhone: `139${String(10_000_000 + i).slice(-8)}`,
      f_diet: i % 9 ? '无特殊要求' : '清真',
      f_size: ['S', 'M', 'L', 'XL', 'XXL'][i % 5],
      f_health: i % 4 ? '无' : '高血压，按时服药，可参加一般康养项目',
      f_companion: i % 3 ? '无' : '配偶一人（自费）',
      f_workshop: `第${(i % 40) + 1}车间 ${(i % 6) + 1}班组`,
      f_note: `在岗${(i % 30) + 1}年，首次申请疗休养`,
    });
  }
  return {
    name: '报名名单',
    columns: [
      ['序号', 'no'],
      ['姓名', 'name'],
      ['会员卡号', 'cardNo'],
      ['所在工会', 'orgName'],
      ['状态', 'status'],
      ['来源', 'source'],
      ['报名时间', 'createdAt'],
      ['抽签号', 'ticket'],
      ['签到时间', 'checkedInAt'],
      ['逾期取消', 'lateCancel'],
      ['未到', 'noShow'],
      ['紧急联系人', 'f_contact'],
      ['紧急联系电话', 'f_contactPhone'],
      ['饮食要求', 'f_diet'],
      ['服装尺码', 'f_size'],
      ['既往病史', 'f_health'],
      ['随行人员', 'f_companion'],
      ['所在车间班组', 'f_workshop'],
      ['备注', 'f_note'],
    ].map(([header, key]) => ({ header, key })),
    rows,
  };
}

/** The path as it was: the whole workbook model in memory, then written to one buffer. */
async function buildInMemory(sheets: SheetSpec[]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
    sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows as Iterable<SheetRow>) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** In the child: build the sheet with one path and print what it took (JSON on the last line). */
async function child(which: PathName): Promise<void> {
  const roster = rosterSheet(ROWS);
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  let peak = process.memoryUsage().heapUsed;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  // Rows handed over one by one, the heap sampled every 100 (adding rows is synchronous: no timer fires then).
  const all = roster.rows as SheetRow[];
  function* sampledRows(): Generator<SheetRow> {
    for (let i = 0; i < all.length; i += 1) {
      if (i % 100 === 0) sample();
      yield all[i];
    }
  }
  const sheet: SheetSpec = { ...roster, rows: sampledRows() };
  const timer = setInterval(sample, 1);
  const started = performance.now();
  const build = which === 'before' ? buildInMemory : (await import('../../cloudfunctions/api/src/shared/xlsx')).buildWorkbook;
  const file = await build([sheet]);
  sample();
  clearInterval(timer);
  console.log(
    JSON.stringify({
      peakHeapMb: mb(peak),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      fileKb: Math.round(file.length / 1024),
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    }),
  );
}

interface Figures {
  peakHeapMb: number;
  maxRssMb: number;
  fileKb: number;
  seconds: number;
}

function run(which: PathName, heapLimitMb?: number): { figures?: Figures; outOfMemory: boolean; error?: string } {
  const flags = heapLimitMb ? [`--max-old-space-size=${heapLimitMb}`] : [];
  const res = spawnSync(process.execPath, [...flags, '--import', 'tsx', __filename, '--child', which, '--rows', String(ROWS)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = res.stdout.trim().split('\n').pop() ?? '';
  if (res.status === 0 && last.startsWith('{')) return { figures: JSON.parse(last) as Figures, outOfMemory: false };
  const oom = /heap out of memory|Reached heap limit/i.test(res.stderr) || res.signal === 'SIGABRT' || res.status === 134;
  return { outOfMemory: oom, error: oom ? undefined : res.stderr.slice(-800) };
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt > 0) return child(process.argv[childAt + 1] as PathName);
  console.log(`Excel export of ${ROWS.toLocaleString('en')} rows × 19 columns, each path in a fresh process`);
  console.log(`path     peak heap   peak RSS   file     time    ${CAPS_MB.map((c) => `heap ≤ ${c} MB`.padEnd(15)).join(' ')}`);
  for (const which of ['before', 'after'] as const) {
    const free = run(which);
    if (!free.figures) throw new Error(`${which} failed: ${free.error ?? 'out of memory'}`);
    const verdicts = CAPS_MB.map((cap) => {
      const capped = run(which, cap);
      return capped.figures ? 'fits' : capped.outOfMemory ? 'OUT OF MEMORY' : `failed: ${capped.error}`;
    });
    const f = free.figures;
    console.log(
      `${which.padEnd(7)}  ${`${f.peakHeapMb} MB`.padStart(9)}  ${`${f.maxRssMb} MB`.padStart(8)}  ` +
        `${`${f.fileKb} KB`.padStart(7)}  ${`${f.seconds} s`.padStart(6)}  ${verdicts.map((v) => v.padEnd(15)).join(' ')}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
