/**
 * 困难职工档案: help recorded on a file, the yearly re-check, 解困脱困, and the timer that lapses a file nobody
 * re-checked. Help and re-check both write the file document, so a help recorded while the file is being
 * closed conflicts with the closing and is retried against the closed file (refused): never help on a closed
 * file, never a double record from a double tap (the help's id is derived from the form's requestId).
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findById, findMany, findPage, updateWhere, withTransaction, type Page } from '../../db';
import { fail } from '../../errors';
import { auditListView, writeAudit } from '../../shared/audit';
import { assertCoversOrg, subtreeWhere } from '../../shared/scope';
import { addTimelineEntry } from '../../shared/timeline';
import { HARDSHIP_COLLECTIONS as C } from './collections';
import type { HardshipFileRecord, HelpRecord } from './records';
import { doneDayProblem } from '../../rules/dates';
import { FILE_STATUS_LABELS, HELP_KIND_LABELS } from '../../rules/hardship';
import type { HardshipHelpInput, HardshipRecheckInput } from './schemas';
import { moneyBlockedBy } from './publicity';
import { loadStandard } from './standard';
import { toFileView, toHelpView } from './toViews';
import type { FileView, HelpView } from './views';

const DAY_MS = 24 * 3600_000;
const YEAR_MS = 365 * DAY_MS;

async function dueWhere(ctx: ActionContext): Promise<Record<string, unknown>> {
  const { recheckNoticeDays } = await loadStandard();
  return {
    ...subtreeWhere(ctx),
    status: 'active',
    recheckDue: command().lte(new Date(ctx.now.getTime() + recheckNoticeDays * DAY_MS)),
  };
}

export async function listFiles(
  filter: { status?: 'active' | 'lapsed' | 'closed' | 'due'; page?: number },
  ctx: ActionContext,
): Promise<Page<FileView>> {
  const where =
    filter.status === 'due' ? await dueWhere(ctx) : { ...subtreeWhere(ctx), ...(filter.status ? { status: filter.status } : {}) };
  const { rows, total } = await findPage<HardshipFileRecord>(C.files, where, [['recheckDue', 'asc']], filter.page);
  await auditListView(ctx, 'hardship.files', filter.status ?? 'all', `查看困难职工档案列表（${rows.length} 户）`);
  return { items: rows.map(toFileView), total };
}

/** 工作台: files whose yearly re-check is due within the union's notice period (or past). */
export async function countRecheckDue(ctx: ActionContext): Promise<number> {
  return countWhere(C.files, await dueWhere(ctx));
}

/** One family's file and every help given (staff of the member's chain; each look audited as a view of personal data). */
export async function fileHelp(fileId: string, ctx: ActionContext): Promise<{ file: FileView; help: HelpView[] }> {
  const file = await findById<HardshipFileRecord>(C.files, fileId);
  if (!file) throw fail('NOT_FOUND', '档案不存在');
  assertCoversOrg(ctx, file.orgPath);
  const help = await findMany<HelpRecord>(C.help, { fileId }, { orderBy: [['date', 'desc']], limit: 100 });
  await writeAudit({
    actor: ctx.openid,
    action: 'hardship.file',
    target: fileId,
    summary: `查看困难职工档案 · ${file.orgName}`,
    at: ctx.now,
    kind: 'pii_view',
    details: { orgId: file.orgId },
  });
  return { file: toFileView(file), help: help.map(toHelpView) };
}

export async function recordHelp(input: HardshipHelpInput, ctx: ActionContext): Promise<HelpView> {
  if (input.kind === 'money' && input.amount <= 0)
    throw fail('INVALID_INPUT', '「金额」资金救助请填写发放金额', { field: 'amount' });
  const late = doneDayProblem(input.date, '帮扶日期', ctx.now);
  if (late) throw fail('INVALID_INPUT', late, { field: 'date' });
  // Not cut short: with a 28-character openid and a 40-character request id, two forms would share one id.
  const helpId = `${input.fileId}:${input.requestId}`;
  const amountFen = Math.round(input.amount * 100);
  const { record, created } = await withTransaction<{ record: HelpRecord; created: boolean }>(async (tx) => {
    const existing = await tx.get<HelpRecord>(C.help, helpId);
    if (existing) return { record: { ...existing, _id: helpId }, created: false };
    const file = await tx.get<HardshipFileRecord>(C.files, input.fileId);
    if (!file) throw fail('NOT_FOUND', '档案不存在');
    assertCoversOrg(ctx, file.orgPath);
    if (file.openid === ctx.openid) throw fail('FORBIDDEN', '不能为本人家庭的档案登记帮扶，请由所在工会的其他工作人员办理');
    if (file.status !== 'active')
      throw fail('CONFLICT', `该档案${FILE_STATUS_LABELS[file.status]}，不能再登记帮扶；如需继续帮扶请先复核`);
    if (input.kind === 'money') {
      const blocked = await moneyBlockedBy(tx, file);
      if (blocked) throw fail('CONFLICT', blocked);
    }
    const record: HelpRecord = {
      _id: helpId,
      fileId: input.fileId,
      openid: file.openid,
      orgPath: file.orgPath,
      kind: input.kind,
      amountFen,
      date: input.date,
      note: input.note,
      recordedBy: ctx.openid,
      recordedAt: ctx.now,
    };
    await tx.update(C.files, input.fileId, {
      helpCount: file.helpCount + 1,
      helpTotalFen: file.helpTotalFen + (input.kind === 'money' ? amountFen : 0),
      lastHelp: { helpId, kind: input.kind, amountFen, at: ctx.now },
    });
    const { _id, ...fields } = record;
    await tx.insert(C.help, _id, fields);
    return { record, created: true };
  });
  if (created) {
    await writeAudit({
      actor: ctx.openid,
      action: 'hardship.help',
      target: helpId,
      summary: `${HELP_KIND_LABELS[input.kind]} ${input.amount} 元`,
      at: ctx.now,
      details: { fileId: input.fileId },
    });
    await addTimelineEntry({
      openid: record.openid,
      area: 'hardship',
      refId: input.fileId,
      title: `工会已为您登记${HELP_KIND_LABELS[input.kind]}`,
      status: 'help',
      statusText: input.kind === 'visit' ? '已走访' : `${input.amount} 元`,
      at: ctx.now,
      notify: true,
    });
  }
  return toHelpView(record);
}

/** The yearly re-check: still qualifies (renewed for a year) or 解困脱困 (closed). A lapsed file may be renewed. */
export async function recheckFile(input: HardshipRecheckInput, ctx: ActionContext): Promise<FileView> {
  const level = input.level;
  if (input.stillQualifies && !level) throw fail('INVALID_INPUT', '「困难类别」复核通过时请选择困难类别', { field: 'level' });
  if (!input.stillQualifies && !input.note) throw fail('INVALID_INPUT', '「复核意见」请填写解困脱困的情况', { field: 'note' });
  const file = await withTransaction(async (tx) => {
    const found = await tx.get<HardshipFileRecord>(C.files, input.fileId);
    if (!found) throw fail('NOT_FOUND', '档案不存在');
    assertCoversOrg(ctx, found.orgPath);
    if (found.openid === ctx.openid) throw fail('FORBIDDEN', '不能复核本人家庭的档案，请由所在工会的其他工作人员办理');
    if (found.status === 'closed') throw fail('CONFLICT', '该档案已解困脱困，如家庭再次困难请重新申请');
    const change =
      input.stillQualifies && level
        ? { status: 'active' as const, level, recheckDue: new Date(ctx.now.getTime() + YEAR_MS) }
        : { status: 'closed' as const, closedReason: input.note, closedAt: ctx.now };
    await tx.update(C.files, input.fileId, { ...change, recheckedAt: ctx.now, recheckedBy: ctx.openid });
    return { ...found, _id: input.fileId, ...change };
  });
  await writeAudit({
    actor: ctx.openid,
    action: input.stillQualifies ? 'hardship.renew' : 'hardship.close',
    target: file._id,
    summary: input.stillQualifies ? `年度复核通过 · ${file.orgName}` : `解困脱困 · ${file.orgName}`,
    at: ctx.now,
    details: { orgId: file.orgId },
  });
  await addTimelineEntry({
    openid: file.openid,
    area: 'hardship',
    refId: file._id,
    title: input.stillQualifies ? '困难职工档案年度复核已通过' : '困难职工档案已办结（解困脱困）',
    status: file.status,
    statusText: FILE_STATUS_LABELS[file.status],
    at: ctx.now,
    notify: true,
  });
  return toFileView(file);
}

/** The timer: a file whose re-check date passed lapses (one conditional update per file: safe to run twice). */
export async function lapseUncheckedFiles(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const due = await findMany<HardshipFileRecord>(C.files, { status: 'active', recheckDue: _.lte(now) }, { limit: 100 });
  let lapsed = 0;
  for (const f of due) {
    const changed = await updateWhere(
      C.files,
      { _id: f._id, status: 'active', recheckDue: _.lte(now) },
      { status: 'lapsed', lapsedAt: now },
    );
    if (changed !== 1) continue;
    lapsed += 1;
    await addTimelineEntry({
      openid: f.openid,
      area: 'hardship',
      refId: f._id,
      title: '困难职工档案未按期复核，已暂停',
      status: 'lapsed',
      statusText: FILE_STATUS_LABELS.lapsed,
      note: '请联系所在工会办理年度复核',
      at: now,
    });
  }
  return { hardshipLapsed: lapsed };
}
