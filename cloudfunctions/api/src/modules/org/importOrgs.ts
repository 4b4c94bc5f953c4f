/**
 * Importing a tree of unions from Excel (.xlsx, or .csv), columns 名称, 上级工会 (a name or an id; a union
 * earlier or later in the same file, or one already in the tree), 类型, 是否新就业形态. Preview checks every
 * row and reports each problem by row; commit checks again and stores nothing unless the whole file is clean.
 * Each row's id is derived from its parent and name, so a commit that stops halfway (a city has thousands of
 * 基层工会) or is sent twice writes the same unions again instead of duplicates: the same call continues it.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ActionContext } from '../../action';
import { insertUnique } from '../../db';
import { fail } from '../../errors';
import { ORG_KIND_LABELS, parentKindProblem, type OrgKind } from '../../rules/orgKinds';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { checkOwnUpload } from '../../shared/files';
import { listAllOrgs } from '../../shared/orgs';
import type { OrgRecord } from '../../shared/records';
import { coversOrg } from '../../shared/scope';
import { downloadUpload, readCells } from '../../shared/xlsx';
import { isClosed } from './access';
import { orgErrors as errors } from './errors';
import { KIND_HINT, kindOf } from './kinds';
import { MOVE_BUDGET_MS } from './moveOrg';
import type { orgImportInput } from './schemas';

/** Rows per file (a city's 基层工会 run to thousands: split larger lists into several files). */
export const MAX_IMPORT_ROWS = 5000;

const COLUMNS = {
  name: ['名称', '工会名称'],
  parent: ['上级工会', '上级'],
  kind: ['类型', '工会类型'],
  newEmployment: ['是否新就业形态', '新就业形态'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['name', 'parent', 'kind'];
const LABEL: Record<Column, string> = { name: '名称', parent: '上级工会', kind: '类型', newEmployment: '是否新就业形态' };

export interface OrgImportRowError {
  /** 1-based row number in the file (the header is row 1). */
  row: number;
  field: string;
  message: string;
}

export interface OrgImportPreview {
  rows: number;
  valid: number;
  errors: OrgImportRowError[];
  sample: Array<{ row: number; name: string; parent: string; kind: string; acceptsNewEmployment: boolean }>;
}

interface Row {
  row: number;
  name: string;
  parentText: string;
  kind: OrgKind;
  acceptsNewEmployment: boolean;
  /** Resolved below. */
  id?: string;
  parentId?: string | null;
  path?: string[];
  parentName?: string;
}

function rowId(parentId: string | null, name: string): string {
  const hash = createHash('sha256')
    .update(`${parentId ?? ''}|${name}`)
    .digest('hex')
    .slice(0, 16);
  return `org-i-${hash}`;
}

const NAME_PATTERN = /^[^<>{}$\\]{2,40}$/;

function parseFlag(text: string): boolean | null {
  if (!text || /^(否|不是|n|no|false|0)$/i.test(text)) return false;
  if (/^(是|y|yes|true|1)$/i.test(text)) return true;
  return null;
}

interface Checked {
  rows: Row[];
  errors: OrgImportRowError[];
  /** Rows already stored by an earlier commit of this same file. */
  stored: Set<string>;
  total: number;
}

async function check(fileId: string, ctx: ActionContext): Promise<Checked> {
  checkOwnUpload(fileId, ctx.openid);
  const ext = /\.(xlsx|csv)$/i.exec(fileId)?.[1]?.toLowerCase() as 'xlsx' | 'csv' | undefined;
  if (!ext) throw fail('INVALID_INPUT', '请上传 .xlsx 或 .csv 文件', { field: 'fileId' });
  let sheet: Awaited<ReturnType<typeof readCells>>;
  try {
    sheet = await readCells(await downloadUpload(fileId), ext, MAX_IMPORT_ROWS + 1);
  } catch {
    throw fail('INVALID_INPUT', '文件无法读取，请确认是 Excel（.xlsx）或 CSV 文件', { field: 'fileId' });
  }
  if (sheet.truncated)
    throw fail(
      'INVALID_INPUT',
      `一个文件最多导入${MAX_IMPORT_ROWS}行，本文件超过${MAX_IMPORT_ROWS}行，请拆分成几个文件分批导入`,
      {
        field: 'fileId',
      },
    );
  const [header, ...body] = sheet.rows;
  const heads = (header?.cells ?? []).map((c) => c.text.replace(/\s+/g, ''));
  const index = {} as Record<Column, number>;
  for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][])
    index[col] = heads.findIndex((h) => names.includes(h));
  const missing = REQUIRED.filter((c) => index[c] < 0).map((c) => LABEL[c]);
  if (missing.length)
    throw fail('INVALID_INPUT', `文件缺少列：${missing.join('、')}。第一行应为列名：名称、上级工会、类型、是否新就业形态`, {
      field: 'fileId',
    });
  if (!body.length) throw fail('INVALID_INPUT', '文件中没有数据行', { field: 'fileId' });

  const errs: OrgImportRowError[] = [];
  const problem = (row: number, col: Column, message: string) => errs.push({ row, field: LABEL[col], message });
  const parsed: Row[] = [];
  for (const r of body) {
    const cell = (c: Column) =>
      index[c] >= 0 ? (r.cells[index[c]] ?? { text: '', formula: false }) : { text: '', formula: false };
    const formula = (Object.keys(COLUMNS) as Column[]).find((c) => cell(c).formula);
    if (formula) {
      problem(r.number, formula, `「${LABEL[formula]}」是公式，请改为直接填写文字（复制后“选择性粘贴为数值”）`);
      continue;
    }
    const name = cell('name').text;
    if (!name) {
      problem(r.number, 'name', '「名称」不能为空');
      continue;
    }
    if (!NAME_PATTERN.test(name)) {
      problem(r.number, 'name', '「名称」应为2–40个字，且不含 < > { } $ \\ 等符号');
      continue;
    }
    const kind = kindOf(cell('kind').text);
    if (!kind) {
      problem(r.number, 'kind', `「类型」应为：${KIND_HINT}`);
      continue;
    }
    const flag = parseFlag(cell('newEmployment').text);
    if (flag === null) {
      problem(r.number, 'newEmployment', '「是否新就业形态」应填“是”或“否”');
      continue;
    }
    parsed.push({ row: r.number, name, parentText: cell('parent').text, kind, acceptsNewEmployment: flag });
  }

  const existing = await listAllOrgs();
  const byId = new Map(existing.map((o) => [o._id, o]));
  const openByName = new Map<string, OrgRecord[]>();
  for (const o of existing) if (!isClosed(o)) openByName.set(o.name, [...(openByName.get(o.name) ?? []), o]);
  const fileByName = new Map<string, Row[]>();
  for (const r of parsed) fileByName.set(r.name, [...(fileByName.get(r.name) ?? []), r]);

  // Resolves each row's parent (and so its id and path), parents first; a row whose parent cannot be resolved
  // (unknown, ambiguous, in a cycle, itself in error) is reported and leaves out its children.
  const state = new Map<Row, 'busy' | 'ok' | 'bad'>();
  const resolve = (r: Row): boolean => {
    const s = state.get(r);
    if (s === 'ok') return true;
    if (s === 'bad') return false;
    if (s === 'busy') {
      problem(r.row, 'parent', '上级关系成环（上级工会最终指回了本行），请检查');
      state.set(r, 'bad');
      return false;
    }
    state.set(r, 'busy');
    const ok = resolveParent(r);
    if (state.get(r) === 'busy') state.set(r, ok ? 'ok' : 'bad');
    return ok && state.get(r) === 'ok';
  };
  const resolveParent = (r: Row): boolean => {
    const text = r.parentText;
    if (!text) {
      if (!ctx.isAdmin || existing.length) {
        problem(r.row, 'parent', '「上级工会」不能为空（填写上级工会的名称或编号）');
        return false;
      }
      r.parentId = null;
      r.parentName = '';
      r.id = rowId(null, r.name);
      r.path = [r.id];
      return true;
    }
    const known = byId.get(text);
    const inFile = fileByName.get(text) ?? [];
    // Unions an earlier commit of this same file stored are its own rows, not namesakes.
    const named = (openByName.get(text) ?? []).filter((o) => !(inFile.length && o.importFile === fileId));
    let parent: { id: string; path: string[]; name: string; kind: OrgKind } | null = null;
    if (known) {
      if (isClosed(known)) {
        problem(r.row, 'parent', `上级工会「${known.name}」已撤销`);
        return false;
      }
      if (!coversOrg(ctx, known.path)) {
        problem(r.row, 'parent', `上级工会「${known.name}」不在您管辖的范围内`);
        return false;
      }
      parent = { id: known._id, path: known.path, name: known.name, kind: known.kind };
    } else if (inFile.length > 1 || (inFile.length === 1 && named.length)) {
      problem(r.row, 'parent', `有多个名为「${text}」的工会，请在「上级工会」填写编号`);
      return false;
    } else if (inFile.length === 1) {
      const p = inFile[0];
      if (p === r) {
        problem(r.row, 'parent', '「上级工会」不能是本行自己');
        return false;
      }
      if (!resolve(p)) {
        if (state.get(r) === 'busy') problem(r.row, 'parent', `上级工会「${text}」所在行有错误`);
        return false;
      }
      parent = { id: p.id as string, path: p.path as string[], name: p.name, kind: p.kind };
    } else if (named.length === 1) {
      if (!coversOrg(ctx, named[0].path)) {
        problem(r.row, 'parent', `上级工会「${text}」不在您管辖的范围内`);
        return false;
      }
      parent = { id: named[0]._id, path: named[0].path, name: named[0].name, kind: named[0].kind };
    } else if (named.length > 1) {
      problem(r.row, 'parent', `有${named.length}个名为「${text}」的工会，请在「上级工会」填写编号`);
      return false;
    } else {
      problem(r.row, 'parent', `找不到上级工会「${text}」（应为已有工会或本文件中的工会）`);
      return false;
    }
    const misplaced = parentKindProblem(r.kind, parent.kind);
    if (misplaced) {
      problem(r.row, 'parent', `${misplaced}（上级工会「${parent.name}」）`);
      return false;
    }
    r.parentId = parent.id;
    r.parentName = parent.name;
    r.id = rowId(parent.id, r.name);
    r.path = [...parent.path, r.id];
    return true;
  };

  const rows: Row[] = [];
  const seen = new Map<string, number>();
  const stored = new Set<string>();
  for (const r of parsed) {
    if (!resolve(r)) continue;
    const key = `${r.parentId}|${r.name}`;
    const first = seen.get(key);
    if (first) {
      problem(r.row, 'name', `与第${first}行重复（同一上级工会下名称相同）`);
      continue;
    }
    seen.set(key, r.row);
    const same = (openByName.get(r.name) ?? []).find((o) => o.parentId === r.parentId);
    if (same) {
      if (same._id === r.id && same.importFile === fileId) stored.add(r.id as string);
      else {
        problem(r.row, 'name', `上级工会「${r.parentName}」下已有「${r.name}」`);
        continue;
      }
    }
    rows.push(r);
  }
  const emptyRoots = rows.filter((r) => r.parentId === null);
  for (const r of emptyRoots.slice(1)) problem(r.row, 'parent', '只能有一个根工会（上级工会为空的行）');
  errs.sort((a, b) => a.row - b.row);
  return { rows, errors: errs, stored, total: body.length };
}

export async function importPreview(input: z.output<typeof orgImportInput>, ctx: ActionContext): Promise<OrgImportPreview> {
  const c = await check(input.fileId, ctx);
  return {
    rows: c.total,
    valid: c.total - new Set(c.errors.map((e) => e.row)).size,
    errors: c.errors.slice(0, 200),
    sample: c.rows.slice(0, 10).map((r) => ({
      row: r.row,
      name: r.name,
      parent: r.parentName ?? '',
      kind: ORG_KIND_LABELS[r.kind],
      acceptsNewEmployment: r.acceptsNewEmployment,
    })),
  };
}

export async function importCommit(
  input: z.output<typeof orgImportInput>,
  ctx: ActionContext,
): Promise<{ imported: number; unchanged: number; remaining: number; done: boolean }> {
  const c = await check(input.fileId, ctx);
  if (c.errors.length)
    throw errors.fail('ORG_IMPORT_INVALID', `导入文件有${c.errors.length}处错误，请按预览中的提示修改后重新上传`, {
      errors: c.errors.slice(0, 50),
      count: c.errors.length,
    });
  // Parents before children: a union stopped halfway never leaves a child whose parent is missing.
  const todo = c.rows
    .filter((r) => !c.stored.has(r.id as string))
    .sort((a, b) => (a.path as string[]).length - (b.path as string[]).length);
  const deadline = Date.now() + MOVE_BUDGET_MS;
  let imported = 0;
  let processed = 0;
  for (let i = 0; i < todo.length && Date.now() < deadline; i += 20) {
    const chunk = todo.slice(i, i + 20);
    const wrote = await Promise.all(
      chunk.map((r) =>
        insertUnique(CORE_COLLECTIONS.orgs, r.id as string, {
          name: r.name,
          parentId: r.parentId ?? null,
          kind: r.kind,
          acceptsNewEmployment: r.acceptsNewEmployment,
          path: r.path as string[],
          sort: r.row,
          status: 'active',
          importFile: input.fileId,
          createdAt: ctx.now,
          createdBy: ctx.openid,
        }),
      ),
    );
    imported += wrote.filter(Boolean).length;
    processed += chunk.length;
  }
  const remaining = todo.length - processed;
  if (imported)
    await writeAudit({
      actor: ctx.openid,
      action: 'org.import',
      target: input.fileId.split('/').pop() ?? 'import',
      summary: `导入工会 ${imported} 个${remaining > 0 ? `（还有${remaining}个待继续导入）` : ''}`,
      at: ctx.now,
      details: { count: imported, remaining },
    });
  return { imported, unchanged: c.stored.size, remaining, done: remaining <= 0 };
}
