/**
 * The union of the member's unit (staff whose scope covers it) accepts or declines, forwards to the employer,
 * replies and closes. Each step is one transaction on the report, guarded by its status (rules/voice.ts
 * STEP_FROM): an acceptance racing a withdrawal, or a reply racing the closing, write the same document, so one
 * of them conflicts and is retried against the new state. Every staff view of a report is audited as pii_view.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findById, findPage, withTransaction, type Page } from '../../db';
import { fail } from '../../errors';
import { isOwnRecentStep, toIso } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { temporaryUrls } from '../../shared/files';
import { assertCoversOrg, coversOrg, subtreeWhere } from '../../shared/scope';
import { addTimelineEntry } from '../../shared/timeline';
import {
  canStep,
  identifiersOf,
  mentionsIdentity,
  OPEN_VOICE_STATUSES,
  VOICE_KIND_LABELS,
  VOICE_STATUS_LABELS,
  type VoiceStatus,
  type VoiceStep,
} from '../../rules/voice';
import { overdueBefore } from '../../rules/overdue';
import { reviewDays } from '../settings/settings';
import { VOICE_COLLECTIONS as C } from './collections';
import type { ForwardRecord, VoiceReportRecord, VoiceStepRecord } from './records';
import type { VoiceCloseInput, VoiceForwardInput, VoiceQueueInput } from './schemas';
import { forwardTextOf, toReportView } from './toViews';
import type { VoiceDetailView, VoiceReportView } from './views';

export async function voiceQueue(filter: VoiceQueueInput, ctx: ActionContext): Promise<Page<VoiceReportView>> {
  const where = subtreeWhere(ctx);
  where.status = filter.status ?? command().in([...OPEN_VOICE_STATUSES]);
  if (filter.kind) where.kind = filter.kind;
  const open = !filter.status || OPEN_VOICE_STATUSES.includes(filter.status);
  const { rows, total } = await findPage<VoiceReportRecord>(
    C.reports,
    where,
    [['submittedAt', open ? 'asc' : 'desc']],
    filter.page,
  );
  return { items: rows.map(toReportView), total };
}

export async function countOpenReports(ctx: ActionContext): Promise<number> {
  return countWhere(C.reports, { ...subtreeWhere(ctx), status: command().in([...OPEN_VOICE_STATUSES]) });
}

/** Reports still 待受理 that were submitted before the union's review deadline (工作台's 超期, the daily reminder). */
export async function countOverdueReports(ctx: ActionContext): Promise<number> {
  const before = overdueBefore(ctx.now, await reviewDays());
  return countWhere(C.reports, { ...subtreeWhere(ctx), status: 'submitted', submittedAt: command().lt(before) });
}

const iso = (s: { at: unknown; text: string }) => ({ at: toIso(s.at), text: s.text });

/** The member's own report, or staff of a union covering the member's unit (who see the reporter; audited). */
export async function getReport(reportId: string, ctx: ActionContext): Promise<VoiceDetailView> {
  const r = await findById<VoiceReportRecord>(C.reports, reportId);
  const own = r?.openid === ctx.openid;
  const staff = Boolean(r && !own && coversOrg(ctx, r.orgPath));
  if (!r || (!own && !staff)) throw fail('NOT_FOUND', '建言不存在或不属于您管辖的工会');
  if (staff) {
    await writeAudit({
      actor: ctx.openid,
      action: 'voice.get',
      target: r._id,
      summary: `查看${VOICE_KIND_LABELS[r.kind]} · ${r.orgName}`,
      at: ctx.now,
      kind: 'pii_view',
      details: { orgId: r.orgId },
    });
  }
  const photoUrls = r.hazard ? await temporaryUrls(r.hazard.photoIds) : [];
  return {
    ...toReportView(r),
    ...(r.hazard
      ? {
          hazard: {
            description: r.hazard.description,
            place: r.hazard.place,
            ...(r.hazard.point ? { point: r.hazard.point } : {}),
            photoUrls,
          },
        }
      : {}),
    ...(r.suggestion ? { suggestion: r.suggestion } : {}),
    steps: r.steps.map(iso),
    replies: r.replies.map(iso),
    forwards: r.forwards.map((f) => ({ to: f.to, at: toIso(f.at), text: f.text })),
    ...(r.declineReason ? { declineReason: r.declineReason } : {}),
    ...(r.closeNote ? { closeNote: r.closeNote } : {}),
    ...(r.recognition ? { recognitionNote: r.recognition.note } : {}),
    ...(staff ? { reporter: { name: r.name, cardNo: r.cardNo } } : {}),
    ...(staff && canStep('forward', r.status) ? { forwardPreview: forwardTextOf(r) } : {}),
  };
}

interface StepChange {
  status: VoiceStatus;
  /** What the member reads on the report and in 我的申请. */
  memberText: string;
  fields?: Partial<VoiceReportRecord>;
}

/**
 * One staff step: read the report in the transaction, check scope and state, append the step and write the
 * changed fields on the same document. `change` sees the report as of the transaction; it answers null for a
 * repeat of the step the caller just made (a double tap): nothing is written, told or audited again.
 */
async function stepOn(
  reportId: string,
  step: VoiceStep,
  ctx: ActionContext,
  change: (found: VoiceReportRecord) => StepChange | null,
): Promise<{ report: VoiceReportRecord; change: StepChange | null }> {
  const result = await withTransaction(async (tx) => {
    const found = await tx.get<VoiceReportRecord>(C.reports, reportId);
    if (!found) throw fail('NOT_FOUND', '建言不存在');
    const report = { ...found, _id: reportId };
    assertCoversOrg(ctx, report.orgPath);
    if (report.openid === ctx.openid) throw fail('FORBIDDEN', '不能办理本人提交的建言');
    if (!canStep(step, report.status))
      throw fail('CONFLICT', `该建言当前为「${VOICE_STATUS_LABELS[report.status]}」，不能${STEP_NAMES[step]}，请刷新`);
    const c = change(report);
    if (!c) return { report, change: null };
    const stepRecord: VoiceStepRecord = { status: c.status, at: ctx.now, text: c.memberText, by: ctx.openid };
    const fields = { ...c.fields, status: c.status, steps: [...report.steps, stepRecord], updatedAt: ctx.now };
    await tx.update(C.reports, reportId, fields);
    return { report: { ...report, ...fields } as VoiceReportRecord, change: c };
  });
  const r = result.report;
  if (!result.change) return result;
  await writeAudit({
    actor: ctx.openid,
    action: `voice.${step}`,
    target: r._id,
    summary: `${VOICE_KIND_LABELS[r.kind]}${STEP_NAMES[step]} · ${r.orgName}`,
    at: ctx.now,
    details: { orgId: r.orgId },
  });
  await addTimelineEntry({
    openid: r.openid,
    area: 'voice',
    refId: r._id,
    title: `${VOICE_KIND_LABELS[r.kind]}${STEP_NAMES[step] === '答复' ? '有新答复' : VOICE_STATUS_LABELS[result.change.status]}`,
    status: result.change.status,
    statusText: VOICE_STATUS_LABELS[result.change.status],
    note: result.change.memberText,
    at: ctx.now,
    notify: true,
  });
  return result;
}

const STEP_NAMES: Record<VoiceStep, string> = {
  accept: '受理',
  decline: '不予受理',
  withdraw: '撤回',
  forward: '转交单位',
  reply: '答复',
  close: '办结',
};

export async function acceptReport(reportId: string, ctx: ActionContext): Promise<VoiceReportView> {
  const { report } = await stepOn(reportId, 'accept', ctx, (r) => ({
    status: 'accepted',
    memberText: `${r.orgName}已受理`,
  }));
  return toReportView(report);
}

export async function declineReport(input: { reportId: string; reason: string }, ctx: ActionContext): Promise<VoiceReportView> {
  const { report } = await stepOn(input.reportId, 'decline', ctx, () => ({
    status: 'declined',
    memberText: `不予受理：${input.reason}`,
    fields: { declineReason: input.reason },
  }));
  return toReportView(report);
}

/**
 * Forwarding records to whom and when, and exactly the text sent: composed from the report (the reporter named
 * only when they chose to be) plus the staff member's note, which may not carry an anonymous reporter's name or
 * card number.
 */
export async function forwardReport(input: VoiceForwardInput, ctx: ActionContext): Promise<VoiceDetailView['forwards'][number]> {
  let sent: ForwardRecord = { to: input.to, text: '', at: ctx.now, by: ctx.openid };
  await stepOn(input.reportId, 'forward', ctx, (r) => {
    if (r.anonymous && mentionsIdentity(`${input.to} ${input.note}`, identifiersOf(r)))
      throw fail('INVALID_INPUT', '「附言」该建言向单位匿名，转交内容不能包含建言人的姓名或会员卡号', { field: 'note' });
    const text = input.note ? `${forwardTextOf(r)}（工会附言：${input.note}）` : forwardTextOf(r);
    const last = r.forwards[r.forwards.length - 1];
    if (isOwnRecentStep(last, ctx) && last.to === input.to && last.text === text) {
      sent = last;
      return null;
    }
    sent = { to: input.to, text, at: ctx.now, by: ctx.openid };
    return {
      status: 'forwarded',
      memberText: `工会已转交${input.to}处理`,
      fields: { forwards: [...r.forwards, sent] },
    };
  });
  return { to: sent.to, at: toIso(sent.at), text: sent.text };
}

export async function replyToReport(input: { reportId: string; text: string }, ctx: ActionContext): Promise<VoiceReportView> {
  const { report } = await stepOn(input.reportId, 'reply', ctx, (r) => {
    const last = r.replies[r.replies.length - 1];
    if (isOwnRecentStep(last, ctx) && last.text === input.text) return null;
    return {
      status: 'replied',
      memberText: `工会答复：${input.text}`,
      fields: { replies: [...r.replies, { text: input.text, at: ctx.now, by: ctx.openid }] },
    };
  });
  return toReportView(report);
}

export async function closeReport(input: VoiceCloseInput, ctx: ActionContext): Promise<VoiceReportView> {
  const { report } = await stepOn(input.reportId, 'close', ctx, (r) => {
    if (r.kind === 'suggestion' && input.adopted === undefined)
      throw fail('INVALID_INPUT', '「是否采纳」办结合理化建议时请选择是否采纳', { field: 'adopted' });
    const adopted = r.kind === 'suggestion' ? Boolean(input.adopted) : undefined;
    const outcome = adopted === undefined ? '已办结' : adopted ? '建议已采纳，已办结' : '建议未采纳，已办结';
    return {
      status: 'closed',
      memberText: input.note ? `${outcome}：${input.note}` : outcome,
      fields: { closeNote: input.note, ...(adopted === undefined ? {} : { adopted }) },
    };
  });
  return toReportView(report);
}

/** 优秀合理化建议: an adopted suggestion the union recognises, once. */
export async function recogniseSuggestion(
  input: { reportId: string; note: string },
  ctx: ActionContext,
): Promise<VoiceReportView> {
  const r = await withTransaction(async (tx) => {
    const found = await tx.get<VoiceReportRecord>(C.reports, input.reportId);
    if (!found) throw fail('NOT_FOUND', '建言不存在');
    assertCoversOrg(ctx, found.orgPath);
    if (found.openid === ctx.openid) throw fail('FORBIDDEN', '不能办理本人提交的建言');
    if (found.kind !== 'suggestion' || found.status !== 'closed' || !found.adopted)
      throw fail('CONFLICT', '只有已采纳的合理化建议可以评为优秀合理化建议');
    if (found.recognition) throw fail('CONFLICT', '该建言已评为优秀合理化建议');
    const recognition = { note: input.note, at: ctx.now, by: ctx.openid };
    const step: VoiceStepRecord = { status: 'closed', at: ctx.now, text: `评为优秀合理化建议：${input.note}`, by: ctx.openid };
    const steps = [...found.steps, step];
    await tx.update(C.reports, input.reportId, { recognition, steps, updatedAt: ctx.now });
    return { ...found, _id: input.reportId, recognition, steps };
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'voice.recognise',
    target: r._id,
    summary: `评为优秀合理化建议 · ${r.orgName}`,
    at: ctx.now,
    details: { orgId: r.orgId },
  });
  await addTimelineEntry({
    openid: r.openid,
    area: 'voice',
    refId: r._id,
    title: '您的合理化建议被评为优秀合理化建议',
    status: 'recognised',
    statusText: '优秀合理化建议',
    note: input.note,
    at: ctx.now,
    notify: true,
  });
  return toReportView(r);
}
