/**
 * A member reports a hazard or submits a suggestion, routed to the union of the member's unit (their 基层工会 as
 * membership records it). The report's id is derived from the member and the form's requestId: a double tap
 * (or a retry after a lost answer) finds the report the first tap stored and answers with it.
 */
import type { ActionContext } from '../../action';
import { findPage, withTransaction, type Page } from '../../db';
import { fail } from '../../errors';
import { requireActiveMember } from '../../shared/members';
import { addTimelineEntry } from '../../shared/timeline';
import { checkEvidence } from '../legalAid/checkEvidence';
import { chinaMonth, VOICE_KIND_LABELS, VOICE_STATUS_LABELS } from '../../rules/voice';
import { VOICE_COLLECTIONS as C } from './collections';
import type { HazardDetails, SuggestionDetails, VoiceReportRecord } from './records';
import type { VoiceHazardInput, VoiceSuggestInput } from './schemas';
import { toReportView } from './toViews';
import type { VoiceReportView } from './views';
import { idOfRequest } from '../../lib/requestIds';

async function submitReport(
  ctx: ActionContext,
  requestId: string,
  fields: { kind: 'hazard'; hazard: HazardDetails } | { kind: 'suggestion'; suggestion: SuggestionDetails },
  anonymous: boolean,
): Promise<VoiceReportView> {
  const member = await requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能提交职工建言');
  const reportId = idOfRequest('V', ctx.openid, requestId);
  const title =
    fields.kind === 'suggestion'
      ? fields.suggestion.title
      : fields.hazard.description.length > 20
        ? `${fields.hazard.description.slice(0, 20)}…`
        : fields.hazard.description;
  const record: VoiceReportRecord = {
    _id: reportId,
    openid: ctx.openid,
    name: member.name,
    cardNo: member.cardNo,
    anonymous,
    orgId: member.orgId,
    orgName: member.orgName,
    orgPath: member.orgPath,
    month: chinaMonth(ctx.now),
    title,
    ...fields,
    ...(fields.kind === 'hazard' ? { urgency: fields.hazard.urgency } : {}),
    status: 'submitted',
    submittedAt: ctx.now,
    updatedAt: ctx.now,
    steps: [{ status: 'submitted', at: ctx.now, text: `已提交，等待${member.orgName}受理` }],
    forwards: [],
    replies: [],
  };
  const { stored, created } = await withTransaction(async (tx) => {
    const existing = await tx.get<VoiceReportRecord>(C.reports, reportId);
    if (existing) return { stored: { ...existing, _id: reportId }, created: false };
    const { _id, ...data } = record;
    await tx.set(C.reports, _id, data);
    return { stored: record, created: true };
  });
  if (created) {
    await addTimelineEntry({
      openid: ctx.openid,
      area: 'voice',
      refId: reportId,
      title: `${VOICE_KIND_LABELS[record.kind]}已提交`,
      status: 'submitted',
      statusText: VOICE_STATUS_LABELS.submitted,
      at: ctx.now,
    });
  }
  return toReportView(stored);
}

export async function reportHazard(input: VoiceHazardInput, ctx: ActionContext): Promise<VoiceReportView> {
  await checkEvidence(input.photos, ctx.openid, { field: 'photos', label: '现场照片' });
  const hazard: HazardDetails = {
    description: input.description,
    place: input.place,
    ...(input.point ? { point: input.point } : {}),
    urgency: input.urgency,
    photoIds: input.photos,
  };
  return submitReport(ctx, input.requestId, { kind: 'hazard', hazard }, input.anonymous);
}

export async function submitSuggestion(input: VoiceSuggestInput, ctx: ActionContext): Promise<VoiceReportView> {
  const { title, problem, proposal, benefit } = input;
  return submitReport(
    ctx,
    input.requestId,
    { kind: 'suggestion', suggestion: { title, problem, proposal, benefit } },
    input.anonymous,
  );
}

/** The member withdraws a report the union has not accepted yet. */
export async function withdrawReport(reportId: string, ctx: ActionContext): Promise<VoiceReportView> {
  const r = await withTransaction(async (tx) => {
    const found = await tx.get<VoiceReportRecord>(C.reports, reportId);
    if (!found || found.openid !== ctx.openid) throw fail('NOT_FOUND', '建言不存在');
    if (found.status !== 'submitted') throw fail('CONFLICT', '工会已受理，不能撤回；如有变化请联系所在工会');
    const step = { status: 'withdrawn' as const, at: ctx.now, text: '您已撤回' };
    const steps = [...found.steps, step];
    await tx.update(C.reports, reportId, { status: 'withdrawn', steps, updatedAt: ctx.now });
    return { ...found, _id: reportId, status: 'withdrawn' as const, steps };
  });
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'voice',
    refId: reportId,
    title: `${VOICE_KIND_LABELS[r.kind]}已撤回`,
    status: 'withdrawn',
    statusText: VOICE_STATUS_LABELS.withdrawn,
    at: ctx.now,
  });
  return toReportView(r);
}

export async function myReports(page: number | undefined, ctx: ActionContext): Promise<Page<VoiceReportView>> {
  const { rows, total } = await findPage<VoiceReportRecord>(C.reports, { openid: ctx.openid }, [['submittedAt', 'desc']], page);
  return { items: rows.map(toReportView), total };
}
