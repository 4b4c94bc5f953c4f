/**
 * The grant list's 公示, on the one mechanism (shared/publicity): after the application period, with every
 * application decided, the union that opened the window publishes the approved grants for N days — each row a
 * masked student name, the level, the amount and the member's union, nothing more of the family. Members object
 * to a row; upholding an objection withdraws that grant (and gives the student's claim back) in the transaction
 * that resolves it. Payment is recorded only once the window and its grace are over and no objection is open.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findAll, findById, withTransaction } from '../../db';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import {
  assertWindowOpen,
  fileObjection,
  type ObjectionBase,
  type ObjectionDecision,
  objectionFields,
  objectionPage,
  type PublicityArea,
  requireObjector,
  resolveObjection,
  toWindowView,
  windowOver,
  windowUntil,
} from '../../shared/publicity';
import { isActiveMemberUnder } from '../../shared/members';
import { coversOrg } from '../../shared/scope';
import { addTimelineEntries } from '../../shared/timeline';
import { chinaDate } from '../../rules/time';
import { OPEN_STATUSES, SCHOOL_LEVEL_LABELS } from '../../rules/studentAid';
import { LATE_NOTE, refuseLateApplication, releaseClaim } from './apply';
import { STUDENT_AID_COLLECTIONS as C } from './collections';
import type { ApplicationRecord, GrantRow, WindowRecord } from './records';
import { toWindowViewOf } from './toViews';
import type { GrantListView, ObjectionView, WindowView } from './views';
import { loadManagedWindow, loadWindow } from './windows';

export const GRANTS_PUBLICITY: PublicityArea<WindowRecord> = {
  auditArea: 'studentAid',
  host: C.windows,
  objections: C.objections,
  subjectKey: 'windowId',
  windowOf: (w) => w.publicity ?? null,
  openCountField: 'openObjections',
  ownEntry: 'refuse',
  closedMessage: '公示期已结束，不能再提出异议',
};

/** The 公示 is over (with its grace): payments may be recorded when no objection is open. */
export function isWindowOver(w: WindowRecord, now: Date): boolean {
  return !!w.publicity && windowOver(w.publicity, now);
}

export async function publishGrants(input: { windowId: string; days?: number }, ctx: ActionContext): Promise<WindowView> {
  const w = await loadManagedWindow(input.windowId, ctx);
  if (w.publicity) throw fail('CONFLICT', '本学年资助名单已公示');
  if (chinaDate(ctx.now) <= w.closesOn) throw fail('CONFLICT', `申请截止（${w.closesOn}）后才能公示资助名单`);
  const _ = command();
  const open = await countWhere(C.applications, { windowId: w._id, status: _.in([...OPEN_STATUSES]) });
  if (open) throw fail('CONFLICT', `还有${open}份申请未审定，全部审定后才能公示`);
  const approved = (await findAll<ApplicationRecord>(C.applications, { windowId: w._id, status: 'approved' })).sort(
    (a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a._id.localeCompare(b._id),
  );
  if (!approved.length) throw fail('CONFLICT', '本学年没有批准的资助，无需公示');
  const rows: GrantRow[] = approved.map((a, i) => ({
    ticket: String(i + 1),
    applicationId: a._id,
    openid: a.openid,
    maskedName: maskName(a.childName),
    level: a.level,
    amount: a.amount ?? 0,
    orgName: a.orgName,
  }));
  const publicity = { publishedAt: ctx.now, until: windowUntil(ctx.now, input.days ?? 5) };
  const published = await withTransaction(async (tx) => {
    const current = await tx.get<WindowRecord>(C.windows, w._id);
    if (!current || current.publicity) throw fail('CONFLICT', '本学年资助名单已公示');
    // An approval made since the list was read has counted itself on the window: publish again with it.
    if ((current.approvedCount ?? 0) !== rows.length) throw fail('CONFLICT', '资助名单刚有变动，请重新公示');
    await tx.update(C.windows, w._id, { publicity, rows, openObjections: 0, paidCount: 0 });
    return { ...current, _id: w._id, publicity, rows };
  });
  await refuseLateApplications(w._id, ctx.now);
  await addTimelineEntries(
    approved.map((a) => ({
      openid: a.openid,
      area: 'studentAid',
      refId: a._id,
      title: '金秋助学资助名单公示中',
      status: 'approved',
      statusText: '公示中',
      note: `公示至${chinaDate(publicity.until)}，期满后发放`,
      at: ctx.now,
      notify: true,
    })),
  );
  return toWindowViewOf(published, ctx.now);
}

/**
 * After publishing: an application that committed after the open count above (its apply checked the window before
 * the period ended early, or at midnight) can no longer be checked or decided; it is refused, its claim given back
 * and the member told. The apply looks at the window after it commits too, so one of the two always sees the other.
 */
async function refuseLateApplications(windowId: string, now: Date): Promise<void> {
  const late = await findAll<ApplicationRecord>(C.applications, { windowId, status: command().in([...OPEN_STATUSES]) });
  for (const a of late) {
    if (!(await refuseLateApplication(a._id, now))) continue;
    await addTimelineEntries([
      {
        openid: a.openid,
        area: 'studentAid',
        refId: a._id,
        title: '金秋助学申请未能受理',
        status: 'rejected',
        statusText: '未获资助',
        note: LATE_NOTE,
        at: now,
        notify: true,
      },
    ]);
  }
}

/**
 * The grant list is for the window's own union (children of families in hardship): active members below it and
 * staff covering it see it; a member of another district, a lawyer or a clerk does not learn it exists.
 */
async function assertMaySeeGrants(w: WindowRecord, ctx: ActionContext): Promise<void> {
  if (coversOrg(ctx, w.orgPath)) return; // staff covering the union (the actions load the caller's grants)
  if (await isActiveMemberUnder(ctx.openid, w.orgId)) return;
  throw fail('NOT_FOUND', '资助名单不存在或不在您所在工会的范围内');
}

export async function grantList(windowId: string, ctx: ActionContext): Promise<GrantListView> {
  const w = await loadWindow(windowId);
  await assertMaySeeGrants(w, ctx);
  if (!w.publicity) throw fail('NOT_FOUND', '资助名单尚未公示');
  return {
    window: toWindowViewOf(w, ctx.now),
    publicity: toWindowView(w.publicity, ctx.now),
    rows: (w.rows ?? [])
      .filter((r) => !r.removed)
      .map((r) => ({
        ticket: r.ticket,
        maskedName: r.maskedName,
        levelText: SCHOOL_LEVEL_LABELS[r.level],
        amount: r.amount,
        orgName: r.orgName,
        mine: r.openid === ctx.openid,
      })),
  };
}

export async function objectToGrant(input: { windowId: string; ticket: string; reason: string }, ctx: ActionContext) {
  await requireObjector(ctx);
  const w = await loadWindow(input.windowId);
  await assertMaySeeGrants(w, ctx);
  assertWindowOpen(w.publicity ?? null, GRANTS_PUBLICITY.closedMessage, ctx.now);
  const row = (w.rows ?? []).find((r) => r.ticket === input.ticket && !r.removed);
  if (!row) throw fail('NOT_FOUND', '公示名单中没有该条目');
  return fileObjection(
    GRANTS_PUBLICITY,
    w._id,
    { ticket: row.ticket, enrollmentId: row.applicationId, openids: [row.openid] },
    input.reason,
    ctx,
  );
}

export async function grantObjections(
  input: { windowId: string; status?: 'open' | 'upheld' | 'dismissed'; page?: number },
  ctx: ActionContext,
): Promise<{ items: ObjectionView[]; total: number }> {
  const w = await loadManagedWindow(input.windowId, ctx);
  const { rows, total } = await objectionPage<ObjectionBase>(GRANTS_PUBLICITY, w._id, input.status, input.page);
  const names = new Map((w.rows ?? []).map((r) => [r.ticket, r.maskedName]));
  return {
    items: rows.map((o) => ({
      objectionId: o._id,
      maskedName: names.get(o.ticket) ?? '',
      ...objectionFields(o),
    })),
    total,
  };
}

/** Upheld: the grant is withdrawn (the application refused with the finding, the student's claim given back). */
export async function resolveGrantObjection(
  input: { objectionId: string; decision: ObjectionDecision; note: string },
  ctx: ActionContext,
): Promise<{ status: 'upheld' | 'dismissed' }> {
  const objection = await findById<ObjectionBase & { windowId: string }>(C.objections, input.objectionId);
  if (!objection) throw fail('NOT_FOUND', '异议不存在');
  const w = await loadManagedWindow(objection.windowId, ctx);
  const { status } = await resolveObjection(GRANTS_PUBLICITY, objection, input.decision, input.note, ctx, {
    summary: `${w.title} · 公示序号${objection.ticket}`,
    correct: async (tx, o, host) => {
      const a = await tx.get<ApplicationRecord>(C.applications, o.enrollmentId);
      if (a?.status === 'approved') {
        await tx.update(C.applications, o.enrollmentId, {
          status: 'rejected',
          decisionNote: `公示异议经核实成立：${input.note}`,
          decidedBy: ctx.openid,
          decidedAt: ctx.now,
        });
        await releaseClaim(tx, a, o.enrollmentId);
      }
      const rows = (host?.rows ?? []).map((r) => (r.ticket === o.ticket ? { ...r, removed: true } : r));
      return { result: undefined, hostFields: { rows } };
    },
  });
  return { status };
}
