/**
 * 公示 of newly 认定 families before help money is paid, on the one 公示 mechanism (shared/publicity): staff of a
 * district-level union publish the families they 认定 (masked name, unit, level, help planned) for the days the
 * standard says (default 5); members of that union's subtree see it and may object to an entry (one objection
 * each per entry, never to their own family); upholding an objection closes that family's file with the reason
 * and strikes the row out, in the transaction that resolves it; once the window is over and no objection is
 * open the 公示 becomes final (by staff or the timer), and only then may 资金救助 be recorded on its files.
 *
 * Shared documents: every objection filed or resolved writes the host's `openObjections`, which finalising
 * requires to be 0 (objection ‖ finalize); publishing and withdrawing both write each listed file's
 * `publicityId` (publish ‖ withdraw: a file is never in two live 公示); upholding and recording help both write
 * the file (uphold ‖ recordHelp: never help on a file closed by an upheld objection).
 */
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { command, findById, findMany, findPage, withTransaction, type Page, type Tx } from '../../db';
import { fail } from '../../errors';
import { runsDistrictProgrammes } from '../../rules/orgKinds';
import { maskName } from '../../lib/mask';
import { toIso } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { isActiveMemberUnder, requireActiveMember } from '../../shared/members';
import { getOrg } from '../../shared/orgs';
import {
  assertWindowOpen,
  chinaMonthDay,
  fileObjection,
  finalizePublicity,
  isWindowOpen,
  type ObjectionDecision,
  objectionFields,
  objectionPage,
  type PublicityArea,
  type PublicityWindow,
  resolveObjection,
  windowUntil,
} from '../../shared/publicity';
import { assertCoversOrg, coversOrg, orgScopes, subtreeWhere } from '../../shared/scope';
import { addTimelineEntry } from '../../shared/timeline';
import { FILE_STATUS_LABELS, HARDSHIP_LEVEL_LABELS, PUBLICITY_STATUS_LABELS } from '../../rules/hardship';
import { HARDSHIP_COLLECTIONS as C } from './collections';
import type { HardshipFileRecord, HardshipObjectionRecord, HardshipPublicityRecord, PublicityRow } from './records';
import { decidesFor } from './review';
import type { HardshipPublishInput } from './schemas';
import { loadStandard } from './standard';

/** The window: open while in 公示; closed once final or withdrawn. */
function windowOf(p: HardshipPublicityRecord): PublicityWindow {
  const closedAt = p.status === 'final' ? p.finalizedAt : p.status === 'withdrawn' ? p.withdrawnAt : undefined;
  return { publishedAt: p.publishedAt, until: p.until, ...(closedAt ? { closedAt } : {}) };
}

export const HARDSHIP_PUBLICITY: PublicityArea<HardshipPublicityRecord> = {
  auditArea: 'hardship',
  host: C.publicity,
  objections: C.objections,
  subjectKey: 'publicityId',
  windowOf,
  openCountField: 'openObjections',
  ownEntry: 'refuse',
  closedMessage: '公示期已结束，不能再提出异议',
};

export interface PublicityRowView {
  ticket: string;
  /** Masked (王*军). */
  displayName: string;
  orgName: string;
  levelText: string;
  helpPlanned: string;
  removed: boolean;
  mine: boolean;
}

export interface PublicityView {
  publicityId: string;
  title: string;
  orgName: string;
  status: HardshipPublicityRecord['status'];
  statusText: string;
  publishedAt: string;
  until: string;
  open: boolean;
  rows: PublicityRowView[];
}

export interface PublicityObjectionView {
  objectionId: string;
  ticket: string;
  /** Staff see whom the objection is about (full name), never who objected. */
  name: string;
  reason: string;
  status: HardshipObjectionRecord['status'];
  note?: string;
  createdAt: string;
}

function toPublicityView(p: HardshipPublicityRecord, openid: string, now: Date): PublicityView {
  return {
    publicityId: p._id,
    title: p.title,
    orgName: p.orgName,
    status: p.status,
    statusText: PUBLICITY_STATUS_LABELS[p.status],
    publishedAt: toIso(p.publishedAt),
    until: toIso(p.until),
    open: isWindowOpen(windowOf(p), now),
    rows: p.rows.map((r) => ({
      ticket: r.ticket,
      displayName: maskName(r.name),
      orgName: r.orgName,
      levelText: HARDSHIP_LEVEL_LABELS[r.level],
      helpPlanned: r.helpPlanned,
      removed: Boolean(r.removed),
      mine: r.openids.includes(openid),
    })),
  };
}

/** A district-level union the caller manages (or any, for an administrator): the one that publishes. */
async function publishingOrg(orgId: string, ctx: ActionContext) {
  const org = await getOrg(orgId);
  if (!org) throw fail('NOT_FOUND', '工会不存在');
  assertCoversOrg(ctx, org.path);
  if (!runsDistrictProgrammes(org.kind) || !(await decidesFor(ctx, org.path)))
    throw fail('FORBIDDEN', '困难职工公示由区（县）总工会发布');
  return org;
}

/** A 公示 the caller manages: staff of a district-level union covering the publishing union. */
async function loadManaged(publicityId: string, ctx: ActionContext): Promise<HardshipPublicityRecord> {
  const p = await findById<HardshipPublicityRecord>(C.publicity, publicityId);
  if (!p) throw fail('NOT_FOUND', '公示不存在');
  assertCoversOrg(ctx, p.orgPath);
  if (!(await decidesFor(ctx, p.orgPath))) throw fail('FORBIDDEN', '困难职工公示由区（县）总工会办理');
  return p;
}

export async function publishPublicity(input: HardshipPublishInput, ctx: ActionContext): Promise<PublicityView> {
  const org = await publishingOrg(input.orgId, ctx);
  const days = input.days ?? (await loadStandard()).publicityDays;
  const until = windowUntil(ctx.now, days);
  const id = `HP${ctx.now.getTime().toString(36)}${randomBytes(4).toString('hex')}`;
  const record = await withTransaction(async (tx) => {
    const rows: PublicityRow[] = [];
    for (const [i, entry] of input.entries.entries()) {
      const file = await tx.get<HardshipFileRecord>(C.files, entry.fileId);
      if (!file || !file.orgPath.includes(org._id)) throw fail('NOT_FOUND', `第${i + 1}户：档案不存在或不属于${org.name}`);
      if (file.status !== 'active')
        throw fail('CONFLICT', `第${i + 1}户（${file.name}）档案${FILE_STATUS_LABELS[file.status]}，不能公示`);
      if (file.publicityId) {
        const listed = await tx.get<HardshipPublicityRecord>(C.publicity, file.publicityId);
        if (listed && listed.status !== 'withdrawn')
          throw fail('CONFLICT', `第${i + 1}户（${file.name}）已在「${listed.title}」中公示，不能重复公示`);
      }
      rows.push({
        ticket: String(i + 1).padStart(3, '0'),
        enrollmentId: file._id,
        openids: [file.openid],
        caseId: file.caseId,
        name: file.name,
        orgName: file.orgName,
        level: file.level,
        helpPlanned: entry.helpPlanned,
      });
      await tx.update(C.files, file._id, { publicityId: id, publicityUntil: until });
    }
    const published: HardshipPublicityRecord = {
      _id: id,
      orgId: org._id,
      orgName: org.name,
      orgPath: org.path,
      title: input.title,
      status: 'publicity',
      publishedAt: ctx.now,
      publishedBy: ctx.openid,
      until,
      openObjections: 0,
      rows,
    };
    const { _id, ...data } = published;
    await tx.set(C.publicity, _id, data);
    return published;
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'hardship.publish',
    target: id,
    summary: `${record.title} · ${record.rows.length}户 · 公示至${chinaMonthDay(until)}`,
    at: ctx.now,
    details: { orgId: org._id },
  });
  for (const r of record.rows) {
    await addTimelineEntry({
      openid: r.openids[0],
      area: 'hardship',
      refId: r.enrollmentId,
      title: '您的家庭已列入困难职工公示',
      status: 'publicity',
      statusText: '公示中',
      note: `公示期至${chinaMonthDay(until)}，公示结束后发放帮扶资金`,
      at: ctx.now,
    });
  }
  return toPublicityView(record, ctx.openid, ctx.now);
}

/** Staff take back a 公示 still open (e.g. a wrong list): its files are free to be published again. */
export async function withdrawPublicity(
  input: { publicityId: string; reason: string },
  ctx: ActionContext,
): Promise<PublicityView> {
  await loadManaged(input.publicityId, ctx);
  const record = await withTransaction(async (tx) => {
    const p = await tx.get<HardshipPublicityRecord>(C.publicity, input.publicityId);
    if (!p) throw fail('NOT_FOUND', '公示不存在');
    if (p.status !== 'publicity') throw fail('CONFLICT', `该公示${PUBLICITY_STATUS_LABELS[p.status]}，不能撤回`);
    for (const r of p.rows) {
      const file = await tx.get<HardshipFileRecord>(C.files, r.enrollmentId);
      if (file?.publicityId === p._id) await tx.update(C.files, r.enrollmentId, { publicityId: '' });
    }
    const change = { status: 'withdrawn' as const, withdrawnAt: ctx.now, withdrawReason: input.reason };
    await tx.update(C.publicity, p._id, change);
    return { ...p, _id: input.publicityId, ...change };
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'hardship.withdrawPublicity',
    target: record._id,
    summary: `撤回${record.title}：${input.reason}`,
    at: ctx.now,
    details: { orgId: record.orgId },
  });
  return toPublicityView(record, ctx.openid, ctx.now);
}

/** The 公示 a member's unions published (open or final, the latest first); staff: those in their scope. */
export async function listPublicities(input: { page?: number }, ctx: ActionContext): Promise<Page<PublicityView>> {
  let where: Record<string, unknown>;
  if (isStaff(ctx)) where = { ...subtreeWhere(ctx), status: command().in(['publicity', 'final', 'withdrawn']) };
  else {
    const member = await requireActiveMember(ctx.openid, '会籍正常的会员才能查看公示');
    where = { orgId: command().in(member.orgPath), status: command().in(['publicity', 'final']) };
  }
  const { rows, total } = await findPage<HardshipPublicityRecord>(C.publicity, where, [['publishedAt', 'desc']], input.page);
  return { items: rows.map((p) => toPublicityView(p, ctx.openid, ctx.now)), total };
}

/** One 公示: members of the publishing union's subtree, or staff covering it. */
export async function getPublicity(publicityId: string, ctx: ActionContext): Promise<PublicityView> {
  const p = await findById<HardshipPublicityRecord>(C.publicity, publicityId);
  if (!p || !(await maySee(p, ctx))) throw fail('NOT_FOUND', '公示不存在或不在您所在工会的范围内');
  return toPublicityView(p, ctx.openid, ctx.now);
}

async function maySee(p: HardshipPublicityRecord, ctx: ActionContext): Promise<boolean> {
  if (isStaff(ctx) && coversOrg(ctx, p.orgPath)) return true;
  if (p.status === 'withdrawn') return false;
  return isActiveMemberUnder(ctx.openid, p.orgId);
}

/** Union staff (or an administrator): the action must ask for the caller's grants (needsGrants). */
function isStaff(ctx: ActionContext): boolean {
  const scopes = orgScopes(ctx);
  return scopes === null || scopes.length > 0;
}

/** A member of the publishing union's subtree objects to one family (not their own), while the 公示 is open. */
export async function objectToEntry(
  input: { publicityId: string; ticket: string; reason: string },
  ctx: ActionContext,
): Promise<{ objectionId: string; status: string; createdAt: string }> {
  const member = await requireActiveMember(ctx.openid, '会籍正常的会员才能提出异议');
  const p = await findById<HardshipPublicityRecord>(C.publicity, input.publicityId);
  if (!p || p.status === 'withdrawn' || !member.orgPath.includes(p.orgId))
    throw fail('NOT_FOUND', '公示不存在或不在您所在工会的范围内');
  assertWindowOpen(windowOf(p), HARDSHIP_PUBLICITY.closedMessage, ctx.now);
  const row = p.rows.find((r) => r.ticket === input.ticket);
  if (!row || row.removed) throw fail('NOT_FOUND', '公示名单中没有该条目，请刷新后重试');
  return fileObjection(HARDSHIP_PUBLICITY, p._id, row, input.reason, ctx);
}

export async function listObjections(
  input: { publicityId: string; status?: HardshipObjectionRecord['status']; page?: number },
  ctx: ActionContext,
): Promise<Page<PublicityObjectionView>> {
  const p = await loadManaged(input.publicityId, ctx);
  const { rows, total } = await objectionPage<HardshipObjectionRecord>(HARDSHIP_PUBLICITY, p._id, input.status, input.page);
  const names = new Map(p.rows.map((r) => [r.ticket, r.name]));
  await writeAudit({
    actor: ctx.openid,
    action: 'hardship.objections',
    target: p._id,
    summary: `查看困难职工公示异议 · ${p.title}`,
    at: ctx.now,
    kind: 'pii_view',
    details: { orgId: p.orgId },
  });
  return {
    items: rows.map((o) => ({
      objectionId: o._id,
      name: names.get(o.ticket) ?? '',
      ...objectionFields(o),
    })),
    total,
  };
}

/**
 * Uphold: the family's file is closed with the reason and its row struck out (file, row, objection and the open
 * count in one transaction); dismiss: the note is kept. The family is told when its file closes.
 */
export async function resolvePublicityObjection(
  input: { objectionId: string; decision: ObjectionDecision; note: string },
  ctx: ActionContext,
): Promise<{ status: 'upheld' | 'dismissed' }> {
  const objection = await findById<HardshipObjectionRecord>(C.objections, input.objectionId);
  if (!objection) throw fail('NOT_FOUND', '异议不存在');
  const p = await loadManaged(objection.publicityId, ctx);
  const reason = `公示异议成立：${input.note}`;
  const result = await resolveObjection<HardshipPublicityRecord, HardshipObjectionRecord, { closed: boolean }>(
    HARDSHIP_PUBLICITY,
    objection,
    input.decision,
    input.note,
    ctx,
    {
      summary: `${input.decision === 'uphold' ? '异议成立' : '异议不成立'} · ${p.title} · ${objection.ticket}`,
      correct: async (tx, o, host) => {
        const file = await tx.get<HardshipFileRecord>(C.files, o.enrollmentId);
        // A file that lapsed during the 公示 is closed too: lapsed, a re-check could otherwise renew what the objection
        // found untrue.
        const closed = (file?.status === 'active' || file?.status === 'lapsed') && file.publicityId === o.publicityId;
        if (closed) await tx.update(C.files, o.enrollmentId, { status: 'closed', closedReason: reason, closedAt: ctx.now });
        const rows = (host?.rows ?? []).map((r) =>
          r.ticket === o.ticket ? { ...r, removed: true, removedReason: input.note } : r,
        );
        return { result: { closed }, hostFields: { rows } };
      },
    },
  );
  if (result.corrected?.closed) {
    await addTimelineEntry({
      openid: objection.enrollmentId,
      area: 'hardship',
      refId: objection.enrollmentId,
      title: '公示期间收到异议，经核实困难职工档案已办结',
      status: 'closed',
      statusText: FILE_STATUS_LABELS.closed,
      note: reason,
      at: ctx.now,
      notify: true,
    });
  }
  return { status: result.status };
}

/** Makes a 公示 final once its window is over and no objection is open: help money may then be recorded. */
export async function finalizeHardshipPublicity(publicityId: string, ctx: ActionContext): Promise<PublicityView> {
  const p = await loadManaged(publicityId, ctx);
  if (p.status !== 'publicity') throw fail('CONFLICT', `该公示${PUBLICITY_STATUS_LABELS[p.status]}`);
  const done = await finalizeOne(p, ctx.now);
  if (!done.ok) throw fail('CONFLICT', done.why);
  await writeAudit({
    actor: ctx.openid,
    action: 'hardship.finalizePublicity',
    target: p._id,
    summary: `公示结束 · ${p.title}`,
    at: ctx.now,
    details: { orgId: p.orgId },
  });
  return toPublicityView({ ...p, status: 'final', finalizedAt: ctx.now }, ctx.openid, ctx.now);
}

function finalizeOne(p: HardshipPublicityRecord, now: Date) {
  return finalizePublicity(HARDSHIP_PUBLICITY, p, { status: 'publicity' }, { status: 'final', finalizedAt: now }, now, {
    what: '结束公示',
    raced: '公示刚有变化（新的异议或已撤回），请刷新后重试',
  });
}

/** The timer: 公示 whose window (and grace) is over with no objection open become final. Safe to run twice. */
export async function finalizeDuePublicities(now: Date): Promise<Record<string, number>> {
  const due = await findMany<HardshipPublicityRecord>(
    C.publicity,
    { status: 'publicity', until: command().lte(now) },
    { limit: 50 },
  );
  let finalized = 0;
  for (const p of due) if ((await finalizeOne(p, now)).ok) finalized += 1;
  return { hardshipPublicityFinalized: finalized };
}

/**
 * For recordHelp, inside its transaction: 资金救助 only on a file whose 公示 is final and whose row stands.
 * Returns why not, or null.
 */
export async function moneyBlockedBy(tx: Tx, file: HardshipFileRecord): Promise<string | null> {
  if (!file.publicityId) return '该家庭尚未经过困难职工公示，公示结束且无异议后才能登记资金救助';
  const p = await tx.get<HardshipPublicityRecord>(C.publicity, file.publicityId);
  if (!p || p.status === 'withdrawn') return '该家庭尚未经过困难职工公示，公示结束且无异议后才能登记资金救助';
  if (p.status !== 'final')
    return `该家庭正在公示（至${chinaMonthDay(new Date(toIso(p.until)))}），公示结束且无异议后才能登记资金救助`;
  const row = p.rows.find((r) => r.enrollmentId === file._id);
  if (!row || row.removed) return '公示期间异议成立，不能登记资金救助';
  return null;
}
