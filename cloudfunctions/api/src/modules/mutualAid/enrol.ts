/**
 * Enrolment by the unit: staff of a 基层工会 (or above) enrol members of their union on a plan for its period, by
 * picking them (card numbers) or from an Excel file (会员卡号, 姓名) checked row by row with a preview first.
 * Enrolment is unique per member per plan-period: its _id is `<planId>_<openid>`, inserted only if absent, so two
 * staffers enrolling the same member at once (or a re-sent file) store it once.
 */
import type { ActionContext } from '../../action';
import { chinaDate } from '../../lib/time';
import { command, findMany, findPage, insertUnique, type Page } from '../../db';
import { fail } from '../../errors';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { checkOwnUpload } from '../../shared/files';
import type { MemberRecord } from '../../shared/records';
import { coversOrg, subtreeWhere } from '../../shared/scope';
import { downloadUpload, readCells } from '../../shared/xlsx';
import { MUTUAL_AID_COLLECTIONS as C } from './collections';
import { planForStaff } from './plans';
import type { EnrolmentRecord, PlanRecord } from './records';
import type { EnrolInput, ImportEnrolmentsInput } from './schemas';
import { toEnrolmentView } from './toViews';
import type { EnrolmentView, EnrolResult, ImportPreview, ImportRowError } from './views';

export const MAX_IMPORT_ROWS = 2000;

export const enrolmentIdOf = (planId: string, openid: string): string => `${planId}_${openid}`;

function assertOpen(plan: PlanRecord, ctx: ActionContext): void {
  if (chinaDate(ctx.now) > plan.periodEnd)
    throw fail('CONFLICT', `「${plan.name}」保障期已于 ${plan.periodEnd} 结束，不能再参保`);
}

/** Why this member cannot be enrolled by this caller on this plan, or null. */
function memberProblem(m: MemberRecord, plan: PlanRecord, ctx: ActionContext): string | null {
  if (!coversOrg(ctx, m.orgPath)) return '不是您管辖工会的会员';
  if (!m.orgPath.includes(plan.ownerOrgId)) return `所在工会不属于${plan.ownerOrgName}，不在本方案范围内`;
  if (m.status !== 'active') return '会籍当前不可用';
  return null;
}

/** Records whose `cardNo` is one of `cardNos`, 100 card numbers per request (the SDK's page limit). */
async function byCards<T extends { cardNo: string }>(collection: string, cardNos: string[], where = {}): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < cardNos.length; i += 100) {
    const chunk = cardNos.slice(i, i + 100);
    out.push(...(await findMany<T>(collection, { ...where, cardNo: command().in(chunk) }, { limit: chunk.length })));
  }
  return out;
}

async function membersByCard(cardNos: string[]): Promise<Map<string, MemberRecord>> {
  const rows = await byCards<MemberRecord>(CORE_COLLECTIONS.members, cardNos);
  return new Map(rows.map((m) => [m.cardNo, m]));
}

async function enrolOne(m: MemberRecord, plan: PlanRecord, ctx: ActionContext): Promise<boolean> {
  const record: Omit<EnrolmentRecord, '_id'> = {
    planId: plan._id,
    openid: m.openid,
    name: m.name,
    cardNo: m.cardNo,
    orgId: m.orgId,
    orgName: m.orgName,
    orgPath: m.orgPath,
    enrolledBy: ctx.openid,
    enrolledAt: ctx.now,
    approvedFen: 0,
    stays: [],
  };
  return insertUnique(C.enrolments, enrolmentIdOf(plan._id, m.openid), record);
}

async function auditEnrol(plan: PlanRecord, count: number, ctx: ActionContext, how: string): Promise<void> {
  if (!count) return;
  await writeAudit({
    actor: ctx.openid,
    action: 'mutualAid.enrol',
    target: plan._id,
    summary: `${how}为 ${count} 名会员参保「${plan.name}」`,
    at: ctx.now,
    details: { orgId: plan.ownerOrgId },
  });
}

export async function enrolMembers(input: EnrolInput, ctx: ActionContext): Promise<EnrolResult> {
  const plan = await planForStaff(input.planId, ctx);
  assertOpen(plan, ctx);
  const found = await membersByCard(input.cardNos);
  const result: EnrolResult = { enrolled: 0, already: 0, problems: [] };
  for (const cardNo of input.cardNos) {
    const m = found.get(cardNo);
    const problem = m ? memberProblem(m, plan, ctx) : '未找到该卡号的会员';
    if (problem || !m) {
      result.problems.push({ cardNo, message: problem ?? '未找到该卡号的会员' });
      continue;
    }
    if (await enrolOne(m, plan, ctx)) result.enrolled += 1;
    else result.already += 1;
  }
  await auditEnrol(plan, result.enrolled, ctx, '');
  return result;
}

const COLUMNS = { cardNo: ['会员卡号', '卡号', '工会卡号'], name: ['姓名', '会员姓名'] } as const;
type Column = keyof typeof COLUMNS;
const LABEL: Record<Column, string> = { cardNo: '会员卡号', name: '姓名' };

async function readFile(fileId: string, ctx: ActionContext) {
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
    throw fail('INVALID_INPUT', `一个文件最多导入${MAX_IMPORT_ROWS}名会员，请拆分成几个文件分批导入`, { field: 'fileId' });
  const [header, ...body] = sheet.rows;
  const heads = (header?.cells ?? []).map((c) => c.text.replace(/\s+/g, ''));
  const index = {} as Record<Column, number>;
  for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][])
    index[col] = heads.findIndex((h) => names.includes(h));
  if (index.cardNo < 0 || index.name < 0)
    throw fail('INVALID_INPUT', '文件缺少列：第一行应为列名「会员卡号」「姓名」', { field: 'fileId' });
  if (!body.length) throw fail('INVALID_INPUT', '文件中没有数据行', { field: 'fileId' });
  return { body, index };
}

/**
 * Preview (commit: false) checks every row: the card number known, the name matching it, the member in the
 * caller's union and the plan's, active, not twice in the file. Commit checks again and enrols only when every
 * row is clean; members enrolled before count as done, so a re-sent file enrols nobody twice.
 */
export async function importEnrolments(input: ImportEnrolmentsInput, ctx: ActionContext): Promise<ImportPreview> {
  const plan = await planForStaff(input.planId, ctx);
  assertOpen(plan, ctx);
  const { body, index } = await readFile(input.fileId, ctx);
  const errors: ImportRowError[] = [];
  const problem = (row: number, col: Column, message: string) => errors.push({ row, field: LABEL[col], message });
  const parsed: Array<{ row: number; cardNo: string; name: string }> = [];
  const seen = new Map<string, number>();
  for (const r of body) {
    const cell = (c: Column) => r.cells[index[c]] ?? { text: '', formula: false };
    const formula = (Object.keys(COLUMNS) as Column[]).find((c) => cell(c).formula);
    if (formula) {
      problem(r.number, formula, `「${LABEL[formula]}」是公式，请改为直接填写文字`);
      continue;
    }
    const cardNo = cell('cardNo').text;
    const name = cell('name').text;
    if (!/^[A-Za-z0-9-]{4,32}$/.test(cardNo)) {
      problem(r.number, 'cardNo', cardNo ? '「会员卡号」格式不正确' : '「会员卡号」不能为空');
      continue;
    }
    if (!name) {
      problem(r.number, 'name', '「姓名」不能为空');
      continue;
    }
    const earlier = seen.get(cardNo);
    if (earlier) {
      problem(r.number, 'cardNo', `与第${earlier}行的会员卡号重复`);
      continue;
    }
    seen.set(cardNo, r.number);
    parsed.push({ row: r.number, cardNo, name });
  }
  const found = await membersByCard(parsed.map((p) => p.cardNo));
  const enrolledBefore = await byCards<EnrolmentRecord>(
    C.enrolments,
    parsed.map((p) => p.cardNo),
    { planId: plan._id },
  );
  const already = new Set(enrolledBefore.map((e) => e.cardNo));
  const valid: Array<{ row: number; member: MemberRecord }> = [];
  for (const p of parsed) {
    const m = found.get(p.cardNo);
    if (!m) {
      problem(p.row, 'cardNo', '未找到该卡号的会员');
      continue;
    }
    if (m.name !== p.name) {
      problem(p.row, 'name', '「姓名」与该卡号登记的会员姓名不一致，请核对');
      continue;
    }
    const why = memberProblem(m, plan, ctx);
    if (why) {
      problem(p.row, 'cardNo', why);
      continue;
    }
    valid.push({ row: p.row, member: m });
  }
  errors.sort((a, b) => a.row - b.row);
  const preview: ImportPreview = {
    rows: body.length,
    valid: valid.length,
    errors,
    sample: valid.slice(0, 20).map((v) => ({
      row: v.row,
      cardNo: v.member.cardNo,
      name: v.member.name,
      orgName: v.member.orgName,
      already: already.has(v.member.cardNo),
    })),
  };
  if (!input.commit) return preview;
  if (errors.length)
    throw fail('INVALID_INPUT', `文件中有 ${errors.length} 处问题，请按预览修改后重新上传；本次未导入任何会员`, {
      field: 'fileId',
    });
  let enrolled = 0;
  for (const v of valid) if (await enrolOne(v.member, plan, ctx)) enrolled += 1;
  await auditEnrol(plan, enrolled, ctx, 'Excel导入：');
  return { ...preview, enrolled };
}

/** The enrolled members of a plan in the caller's subtree (names masked). */
export async function listEnrolments(input: { planId: string; page?: number }, ctx: ActionContext): Promise<Page<EnrolmentView>> {
  const plan = await planForStaff(input.planId, ctx);
  const { rows, total } = await findPage<EnrolmentRecord>(
    C.enrolments,
    { ...subtreeWhere(ctx), planId: input.planId },
    [['enrolledAt', 'desc']],
    input.page,
  );
  const reviews = coversOrg(ctx, plan.orgPath);
  return { items: rows.map((e) => toEnrolmentView(e, reviews)), total };
}
