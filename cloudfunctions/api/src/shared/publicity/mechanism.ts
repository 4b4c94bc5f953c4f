/**
 * One 公示 mechanism for every area that publishes a list for objections (疗休养's places, 技能竞赛's results):
 *
 *   file    any active member objects to one entry with a reason; one objection per member, entry and 公示
 *           (`${subjectId}_${ticket}_${opaqueId('O', openid)}`: a second submit or a double tap finds the
 *           first; staff never learn who objected);
 *   list    the organiser's page of objections;
 *   resolve uphold (the area corrects what the objection was about) or dismiss, with a note and an audit;
 *   finalize only after the window (and a minute's grace) is over and no objection is open.
 *
 * The 公示 lives on a host document of the area (the activity, the event's results), id = the subject id.
 * An area that finalises keeps the number of open objections on that host (`openCountField`), and every
 * objection filed or resolved writes it in the same transaction as the objection: WeChat transactions are
 * snapshot isolated, so finalising — a conditional update of the host requiring the count to be 0 — and an
 * objection always touch one common document and can never both pass.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findPage, updateWhere, withTransaction, type Tx } from '../../db';
import { fail } from '../../errors';
import { opaqueId } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { writeAudit } from '../audit';
import { requireActiveMember } from '../members';
import type { StoredDate } from '../records';
import { chinaMonthDay, asDate, isWindowOpen, windowOver, type PublicityWindow } from './window';

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';
export type ObjectionDecision = 'uphold' | 'dismiss';

/** What every objection stores, whatever the area (plus the field naming its 公示, e.g. activityId). */
export interface ObjectionBase {
  _id: string;
  /** The entry's public ticket, as the objector saw it in the 公示. */
  ticket: string;
  enrollmentId: string;
  /** Who objected: never shown to staff, nor to the member objected to. */
  openid: string;
  reason: string;
  status: ObjectionStatus;
  note?: string;
  createdAt: StoredDate;
  resolvedAt?: StoredDate;
  resolvedBy?: string;
  [key: string]: unknown;
}

/** One entry of a 公示 as the mechanism needs it. */
export interface PublicEntry {
  ticket: string;
  enrollmentId: string;
  /** Whose entry it is (a team's: every member). */
  openids: readonly string[];
}

/** What an area tells the mechanism about its 公示. */
export interface PublicityArea<Host extends object> {
  /** Prefix of the audit actions: `${auditArea}.uphold`, `${auditArea}.dismiss`. */
  auditArea: string;
  /** The collection of the host documents (one per 公示, id = the subject id). */
  host: string;
  /** The collection of the objections, and their field naming the 公示. */
  objections: string;
  subjectKey: string;
  /** The window on a host document (null: not published). */
  windowOf(host: Host): PublicityWindow | null;
  /** Areas that finalise: the host's field counting open objections (see the file's comment). */
  openCountField?: string;
  /** May a member object to their own entry (a score entered wrongly) or not (their own place)? */
  ownEntry: 'allow' | 'refuse';
  /** Said when the window is not open. */
  closedMessage: string;
}

export function objectionIdOf(subjectId: string, ticket: string, openid: string): string {
  return `${subjectId}_${ticket}_${opaqueId('O', openid)}`;
}

function counted(host: object | null, field: string): number {
  const n = (host as Record<string, unknown> | null)?.[field];
  return typeof n === 'number' && n > 0 ? n : 0;
}

/**
 * Files an objection to `entry` (found by the area in the 公示 the member saw). The window is checked on the
 * host inside the transaction that writes the objection (and the open count, where the area finalises).
 */
export async function fileObjection<Host extends object>(
  area: PublicityArea<Host>,
  subjectId: string,
  entry: PublicEntry,
  reason: string,
  ctx: ActionContext,
): Promise<{ objectionId: string; status: ObjectionStatus; createdAt: string }> {
  if (area.ownEntry === 'refuse' && entry.openids.includes(ctx.openid)) throw fail('CONFLICT', '不能对本人提出异议');
  const id = objectionIdOf(subjectId, entry.ticket, ctx.openid);
  const record = {
    [area.subjectKey]: subjectId,
    enrollmentId: entry.enrollmentId,
    ticket: entry.ticket,
    openid: ctx.openid,
    reason,
    status: 'open' as const,
    createdAt: ctx.now,
  };
  const stored = await withTransaction(async (tx) => {
    const host = await tx.get<Host>(area.host, subjectId);
    if (!host || !isWindowOpen(area.windowOf(host), ctx.now)) throw fail('CONFLICT', area.closedMessage);
    // One objection per member and entry: a second submit (or a double tap) finds the first.
    const existing = await tx.get<ObjectionBase>(area.objections, id);
    if (existing) return existing;
    await tx.set(area.objections, id, record);
    if (area.openCountField)
      await tx.update(area.host, subjectId, { [area.openCountField]: counted(host, area.openCountField) + 1 });
    return record;
  });
  return { objectionId: id, status: stored.status, createdAt: toIso(stored.createdAt) };
}

/** Who may object: an active member (checked first, before anything of the 公示 is read). */
export async function requireObjector(ctx: ActionContext): Promise<void> {
  await requireActiveMember(ctx.openid, '会籍正常的会员才能提出异议');
}

/** The window open as the member saw it (the filing transaction checks again on the host). */
export function assertWindowOpen(window: PublicityWindow | null, closedMessage: string, now: Date): void {
  if (!isWindowOpen(window, now)) throw fail('CONFLICT', closedMessage);
}

/** What every organiser's list shows of an objection; each area adds its id and the name it shows. */
export function objectionFields(o: ObjectionBase): {
  ticket: string;
  reason: string;
  status: ObjectionStatus;
  note?: string;
  createdAt: string;
} {
  return {
    ticket: o.ticket,
    reason: o.reason,
    status: o.status,
    ...(o.note ? { note: o.note } : {}),
    createdAt: toIso(o.createdAt),
  };
}

/** The organiser's page of a 公示's objections, oldest first. */
export function objectionPage<O extends ObjectionBase>(
  area: PublicityArea<object>,
  subjectId: string,
  status: ObjectionStatus | undefined,
  page: number | undefined,
): Promise<{ rows: O[]; total: number }> {
  const where: Record<string, unknown> = { [area.subjectKey]: subjectId };
  if (status) where.status = status;
  return findPage<O>(area.objections, where, [['createdAt', 'asc']], page);
}

export function countOpenObjections(area: PublicityArea<object>, subjectIds: string[]): Promise<number> {
  return subjectIds.length
    ? countWhere(area.objections, { [area.subjectKey]: command().in(subjectIds), status: 'open' })
    : Promise.resolve(0);
}

/** What an area corrects when an objection is upheld, inside the transaction that resolves it. */
export type Correction<Host extends object, O extends ObjectionBase, R> = (
  tx: Tx,
  objection: O,
  host: Host | null,
) => Promise<{ result: R; objectionFields?: Record<string, unknown>; hostFields?: Record<string, unknown> }>;

/**
 * Resolves an open objection (the area has loaded it and checked the caller manages its 公示): the objection,
 * the area's correction (when upheld and the area corrects inside the transaction) and the open count are one
 * transaction; a second decision finds it resolved. Audited as `${auditArea}.uphold|dismiss` with `summary`.
 */
export async function resolveObjection<Host extends object, O extends ObjectionBase, R = undefined>(
  area: PublicityArea<Host>,
  objection: O,
  decision: ObjectionDecision,
  note: string,
  ctx: ActionContext,
  options: { summary: string; correct?: Correction<Host, O, R> },
): Promise<{ status: 'upheld' | 'dismissed'; corrected?: R }> {
  const now = ctx.now;
  const subjectId = String(objection[area.subjectKey]);
  const status = decision === 'uphold' ? 'upheld' : 'dismissed';
  const corrected = await withTransaction(async (tx) => {
    const current = await tx.get<O>(area.objections, objection._id);
    if (current?.status !== 'open') throw fail('CONFLICT', '该异议已处理，请刷新列表');
    const readHost = !!area.openCountField || (decision === 'uphold' && !!options.correct);
    const host = readHost ? await tx.get<Host>(area.host, subjectId) : null;
    const fix = decision === 'uphold' && options.correct ? await options.correct(tx, current, host) : undefined;
    await tx.update(area.objections, objection._id, {
      status,
      note,
      ...fix?.objectionFields,
      resolvedAt: now,
      resolvedBy: ctx.openid,
    });
    const hostFields = {
      ...fix?.hostFields,
      ...(area.openCountField ? { [area.openCountField]: Math.max(0, counted(host, area.openCountField) - 1) } : {}),
    };
    if (host && Object.keys(hostFields).length) await tx.update(area.host, subjectId, hostFields);
    return fix?.result;
  });
  await writeAudit({
    actor: ctx.openid,
    action: `${area.auditArea}.${decision}`,
    target: objection._id,
    summary: options.summary,
    at: now,
    details: { [area.subjectKey]: subjectId },
  });
  return corrected === undefined ? { status } : { status, corrected };
}

/**
 * Makes a 公示 final once its window and grace are over and no objection is open: one conditional update of the
 * host (`guard` plus the open count being 0) to `data`. Returns why not when it may not (yet): `words.what`
 * names the outcome (确定成绩), `words.raced` is said when the host changed since it was read.
 */
export async function finalizePublicity<Host extends { _id: string }>(
  area: PublicityArea<Host>,
  host: Host,
  guard: Record<string, unknown>,
  data: Record<string, unknown>,
  now: Date,
  words: { what: string; raced: string },
): Promise<{ ok: true } | { ok: false; why: string }> {
  const { what } = words;
  const window = area.windowOf(host);
  if (!window) return { ok: false, why: '尚未公示' };
  if (!windowOver(window, now))
    return { ok: false, why: `公示期至${chinaMonthDay(asDate(window.until))}，公示期结束后才能${what}` };
  const open = await countWhere(area.objections, { [area.subjectKey]: host._id, status: 'open' });
  if (open) return { ok: false, why: `还有${open}条异议未处理，处理后才能${what}` };
  const _ = command();
  const where = { _id: host._id, ...guard, ...(area.openCountField ? { [area.openCountField]: _.not(_.gt(0)) } : {}) };
  if ((await updateWhere(area.host, where, data)) !== 1) return { ok: false, why: words.raced };
  return { ok: true };
}
