/**
 * Bulk import of places from the lists unions keep (.xlsx or .csv, first sheet, a header row). Preview parses
 * and checks every row and reports each problem by row and column; commit checks again and writes every row in
 * one transaction, or none. Each row's _id is derived from its name and address, so a commit that is retried
 * (or the same file committed twice) writes the same documents again instead of duplicates.
 */
import { createHash } from 'node:crypto';
import type { ActionContext } from '../../action';
import { command, findMany, withTransaction } from '../../db';
import { fail } from '../../errors';
import { AppError } from '../../errors';
import { offerPeriodProblem } from '../../rules/dates';
import { chinaDate } from '../../rules/time';
import { writeAudit } from '../../shared/audit';
import { checkOwnUpload } from '../../shared/files';
import { getOrg } from '../../shared/orgs';
import { assertCoversOrg } from '../../shared/scope';
import { downloadUpload, readCells } from '../../shared/xlsx';
import { placeFields } from './placeFields';
import { offersChangeOn, offerTextOf, searchTextOf } from './placeViews';
import { MERCHANTS_COLLECTIONS as C } from './collections';
import { merchantsErrors as errors } from './errors';
import type { OfferRecord, PlaceRecord } from './records';
import {
  CATEGORIES,
  STATION_SERVICES,
  TIERS,
  type Category,
  type District,
  type LimitPeriod,
  type PlaceKind,
  type StationService,
  type Tier,
} from './schemas';
import type { ImportPreview, ImportRowError } from './views';
import { unionDistricts } from '../settings/settings';

const MAX_ROWS = 500;
const COLUMNS = {
  name: ['名称', '商户名称', '驿站名称'],
  kind: ['类型'],
  category: ['类别', '行业'],
  tier: ['等级', '商户类型'],
  district: ['区县', '所在区'],
  address: ['地址'],
  phone: ['电话', '联系电话'],
  lng: ['经度'],
  lat: ['纬度'],
  hours: ['营业时间', '开放时间'],
  offer: ['优惠内容', '优惠'],
  terms: ['使用条款', '条款'],
  limit: ['每人限次', '限次'],
  validTo: ['有效期至', '截止日期'],
  services: ['服务项目', '服务'],
  intro: ['简介'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['name', 'kind', 'district', 'address', 'phone', 'lng', 'lat', 'hours'];
const LABEL: Record<Column, string> = Object.fromEntries(Object.entries(COLUMNS).map(([k, v]) => [k, v[0]])) as Record<
  Column,
  string
>;

interface ParsedRow {
  row: number;
  id: string;
  name: string;
  kind: PlaceKind;
  district: District;
  offerText: string;
  /** The stored fields, but for the importing union and the times. */
  doc: Record<string, unknown>;
}

export function rowKey(name: string, address: string): string {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return createHash('sha256')
    .update(`${norm(name)}|${norm(address)}`)
    .digest('hex')
    .slice(0, 20);
}

/** A date cell as Excel or CSV readers give it (2027-12-31, 2027/12/31, 2027年12月31日, or a Date's text). */
function normalizeDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const ms = /\d{4}/.test(text) ? Date.parse(text) : NaN;
  // Readers turn date cells into UTC midnight of the calendar day written.
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

function parseLimit(text: string): { period: LimitPeriod; perPeriod: number } | null {
  if (!text) return { period: 'day', perPeriod: 1 };
  if (/^(不限|无限制)$/.test(text)) return { period: 'none', perPeriod: 1 };
  const m = /^(?:每人)?(每日|每天|每周|每月)(?:限)?(\d{1,2})次$/.exec(text.replace(/\s+/g, ''));
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 10) return null;
  return { period: m[1] === '每周' ? 'week' : m[1] === '每月' ? 'month' : 'day', perPeriod: Number(m[2]) };
}

function parseRow(
  cells: Record<Column, string>,
  row: number,
  now: Date,
  errs: ImportRowError[],
  districts: string[],
): ParsedRow | null {
  const today = chinaDate(now);
  const problem = (field: Column, message: string) => {
    errs.push({ row, field: LABEL[field], message });
    return null;
  };
  for (const c of REQUIRED) if (!cells[c]) return problem(c, `「${LABEL[c]}」不能为空`);
  const kind =
    cells.kind === '商户' || cells.kind === '特约商户' || cells.kind === '普惠商户'
      ? 'merchant'
      : /驿站|服务站/.test(cells.kind)
        ? 'station'
        : null;
  if (!kind) return problem('kind', '「类型」应为“商户”或“驿站”');
  const lng = Number(cells.lng);
  const lat = Number(cells.lat);
  if (!/^-?\d+(\.\d+)?$/.test(cells.lng) || !/^-?\d+(\.\d+)?$/.test(cells.lat))
    return problem('lng', '经纬度应为数字，如 119.974 / 31.811');
  if (lat < 18 || lat > 54 || lng < 73 || lng > 135)
    return problem(lat > 73 && lng < 54 ? 'lat' : 'lng', '经纬度不在中国境内，请检查是否填反或填错');
  if (districts.length && !districts.includes(cells.district))
    return problem('district', `「区县」应为：${districts.join('、')}`);
  if (!cells.district || cells.district.length > 20) return problem('district', '「区县」应为1–20个字');
  if (cells.name.length > 40 || cells.name.length < 2) return problem('name', '「名称」应为2–40个字');
  if (cells.address.length > 80 || cells.address.length < 4) return problem('address', '「地址」应为4–80个字');
  if (!/^[0-9-]{7,20}$/.test(cells.phone)) return problem('phone', '「电话」应为7–20位数字');
  let category: Category | undefined;
  let tier: Tier | undefined;
  let services: StationService[] | undefined;
  if (kind === 'merchant') {
    if (!(CATEGORIES as readonly string[]).includes(cells.category))
      return problem('category', `「类别」应为：${CATEGORIES.join('、')}`);
    category = cells.category as Category;
    tier = (TIERS as readonly string[]).includes(cells.tier)
      ? (cells.tier as Tier)
      : cells.kind === '特约商户'
        ? '特约商户'
        : '普惠商户';
  } else {
    const list = cells.services.split(/[、,，/\s]+/).filter(Boolean);
    const bad = list.find((s) => !(STATION_SERVICES as readonly string[]).includes(s));
    if (!list.length || bad)
      return problem('services', `「服务项目」应从${STATION_SERVICES.join('、')}中选填${bad ? `（“${bad}”无法识别）` : ''}`);
    services = list as StationService[];
  }
  let fields: Record<string, unknown>;
  try {
    fields = placeFields({
      kind,
      placeName: cells.name,
      category,
      tier,
      services,
      district: cells.district as District,
      address: cells.address,
      phone: cells.phone,
      intro: cells.intro.slice(0, 300),
      lat,
      lng,
      hours: cells.hours,
    });
  } catch (e) {
    return problem('hours', e instanceof AppError ? e.message : '「营业时间」无法识别');
  }
  const id = `P-imp-${rowKey(cells.name, cells.address)}`;
  const offers: OfferRecord[] = [];
  if (kind === 'merchant' && cells.offer) {
    const limit = parseLimit(cells.limit);
    if (!limit) return problem('limit', '「每人限次」示例：每日1次、每周2次、每月1次、不限');
    const validTo = normalizeDate(cells.validTo);
    if (!validTo || Number.isNaN(Date.parse(validTo))) return problem('validTo', '「有效期至」应为日期，如 2027-12-31');
    if (validTo < today) return problem('validTo', '「有效期至」已过期');
    const period = offerPeriodProblem(today, validTo, now);
    if (period) return problem('validTo', period.message.replace('「有效期」', '「有效期至」'));
    if (cells.offer.length > 30) return problem('offer', '「优惠内容」不超过30个字');
    offers.push({
      _id: `${id}-o1`,
      title: cells.offer,
      terms: (cells.terms || '结账前出示电子工会卡').slice(0, 200),
      validFrom: today,
      validTo,
      ...limit,
      totalLimit: null,
      status: 'active',
    });
  }
  const offerText = offerTextOf(offers, now);
  return {
    row,
    id,
    name: cells.name,
    kind,
    district: cells.district as District,
    offerText,
    doc: {
      ...fields,
      offers,
      offerText,
      offersChangeOn: offersChangeOn(offers, now),
      searchText: searchTextOf({ name: cells.name, address: cells.address, category, services }, offerText),
      photos: [],
      status: 'active',
      importKey: id,
    },
  };
}

interface Checked {
  rows: ParsedRow[];
  errors: ImportRowError[];
  alreadyImported: Set<string>;
  total: number;
}

async function check(
  fileId: string,
  orgId: string,
  ctx: ActionContext,
): Promise<Checked & { org: { _id: string; path: string[] } }> {
  checkOwnUpload(fileId, ctx.openid);
  const ext = /\.(xlsx|csv)$/i.exec(fileId)?.[1]?.toLowerCase() as 'xlsx' | 'csv' | undefined;
  if (!ext) throw fail('INVALID_INPUT', '请上传 .xlsx 或 .csv 文件', { field: 'fileId' });
  const org = await getOrg(orgId);
  if (!org) throw fail('INVALID_INPUT', '所选工会不存在', { field: 'orgId' });
  assertCoversOrg(ctx, org.path);
  // Read as cells, and no further than one row past the limit: a sheet of 50,000 rows loaded whole runs the
  // function out of memory, and a formula's shown value is not what the file holds.
  let sheet: Awaited<ReturnType<typeof readCells>>;
  try {
    sheet = await readCells(await downloadUpload(fileId), ext, MAX_ROWS + 1);
  } catch {
    throw fail('INVALID_INPUT', '文件无法读取，请确认是 Excel（.xlsx）或 CSV 文件', { field: 'fileId' });
  }
  if (sheet.truncated) throw fail('INVALID_INPUT', `一次最多导入${MAX_ROWS}行，请拆分文件`, { field: 'fileId' });
  const [header, ...body] = sheet.rows;
  const index = {} as Record<Column, number>;
  for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][])
    index[col] = (header?.cells ?? []).findIndex((h) => names.includes(h.text.trim()));
  const missing = REQUIRED.filter((c) => index[c] < 0).map((c) => LABEL[c]);
  if (missing.length) throw fail('INVALID_INPUT', `文件缺少列：${missing.join('、')}（第一行应为列名）`, { field: 'fileId' });
  if (body.length === 0) throw fail('INVALID_INPUT', '文件中没有数据行', { field: 'fileId' });
  if (body.length > MAX_ROWS) throw fail('INVALID_INPUT', `一次最多导入${MAX_ROWS}行，请拆分文件`, { field: 'fileId' });

  const districts = await unionDistricts();
  const errs: ImportRowError[] = [];
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  body.forEach(({ number: row, cells }) => {
    const cell = (c: Column) => (index[c] >= 0 ? cells[index[c]] : undefined);
    const formula = (Object.keys(COLUMNS) as Column[]).find((c) => cell(c)?.formula);
    if (formula) {
      errs.push({
        row,
        field: LABEL[formula],
        message: `「${LABEL[formula]}」是公式，请改为直接填写文字（复制后“选择性粘贴为数值”）`,
      });
      return;
    }
    const get = (c: Column) => (cell(c)?.text ?? '').trim();
    const parsed = parseRow(
      Object.fromEntries(Object.keys(COLUMNS).map((c) => [c, get(c as Column)])) as Record<Column, string>,
      row,
      ctx.now,
      errs,
      districts,
    );
    if (!parsed) return;
    const first = seen.get(parsed.id);
    if (first) errs.push({ row, field: '名称', message: `与第${first}行重复（名称和地址相同）` });
    else {
      seen.set(parsed.id, row);
      rows.push(parsed);
    }
  });
  const _ = command();
  const existing = rows.length
    ? await findMany<Pick<PlaceRecord, '_id' | 'name' | 'address' | 'importFile'>>(
        C.places,
        _.or([{ _id: _.in(rows.map((r) => r.id)) }, { name: _.in(rows.map((r) => r.name)) }]) as unknown as Record<
          string,
          unknown
        >,
        { limit: 1000 },
      )
    : [];
  const alreadyImported = new Set<string>();
  for (const r of rows) {
    const same = existing.find((e) => e._id === r.id || rowKey(e.name, e.address) === r.id.slice(6));
    if (!same) continue;
    if (same._id === r.id && same.importFile === fileId) alreadyImported.add(r.id);
    else errs.push({ row: r.row, field: '名称', message: '已存在同名同地址的商户或驿站' });
  }
  errs.sort((a, b) => a.row - b.row);
  return { rows, errors: errs, alreadyImported, total: body.length, org };
}

export async function importPreview(input: { fileId: string; orgId: string }, ctx: ActionContext): Promise<ImportPreview> {
  const c = await check(input.fileId, input.orgId, ctx);
  return {
    rows: c.total,
    valid: c.total - new Set(c.errors.map((e) => e.row)).size,
    errors: c.errors.slice(0, 200),
    sample: c.rows
      .slice(0, 10)
      .map((r) => ({ row: r.row, name: r.name, kind: r.kind, district: r.district, offer: r.offerText })),
  };
}

export async function importCommit(
  input: { fileId: string; orgId: string },
  ctx: ActionContext,
): Promise<{ imported: number; unchanged: number }> {
  const c = await check(input.fileId, input.orgId, ctx);
  if (c.errors.length) throw errors.fail('IMPORT_INVALID', undefined, { errors: c.errors.slice(0, 50), count: c.errors.length });
  const todo = c.rows.filter((r) => !c.alreadyImported.has(r.id));
  if (todo.length) {
    await withTransaction(async (tx) => {
      for (const r of todo) {
        await tx.set(C.places, r.id, {
          ...r.doc,
          orgId: c.org._id,
          orgPath: c.org.path,
          importFile: input.fileId,
          rev: 0,
          createdAt: ctx.now,
          updatedAt: ctx.now,
          createdBy: ctx.openid,
        });
      }
    });
    await writeAudit({
      actor: ctx.openid,
      action: 'merchants.import',
      target: input.fileId.split('/').pop() ?? 'import',
      summary: `导入商户与驿站 ${todo.length} 条`,
      at: ctx.now,
      details: { count: todo.length },
    });
  }
  return { imported: todo.length, unchanged: c.alreadyImported.size };
}
