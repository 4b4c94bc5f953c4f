/**
 * 金秋助学 windows: each school year a district or city union opens one (dates in China time, amounts by level,
 * who may apply); members of the unions below it apply while it is open. The window is also the host of its
 * grant list's 公示, and counts the approvals made in it (see review.ts, publicity.ts).
 */
import type { ActionContext } from '../../action';
import { command, findById, findMany, withTransaction } from '../../db';
import { fail } from '../../errors';
import { runsDistrictProgrammes } from '../../rules/orgKinds';
import { writeAudit } from '../../shared/audit';
import { getOrg } from '../../shared/orgs';
import { assertCoversOrg, coversOrg, orgScopes } from '../../shared/scope';
import { STUDENT_AID_COLLECTIONS as C } from './collections';
import type { WindowRecord } from './records';
import type { SaveWindowInput } from './schemas';
import { toWindowViewOf } from './toViews';
import type { WindowView } from './views';

export function windowIdOf(schoolYear: number, orgId: string): string {
  return `SA${schoolYear}-${orgId}`;
}

export async function loadWindow(windowId: string): Promise<WindowRecord> {
  const w = await findById<WindowRecord>(C.windows, windowId);
  if (!w) throw fail('NOT_FOUND', '金秋助学活动不存在');
  return w;
}

/** The window, when the caller is staff of the union that opened it (or above it). */
export async function loadManagedWindow(windowId: string, ctx: ActionContext): Promise<WindowRecord> {
  const w = await loadWindow(windowId);
  assertCoversOrg(ctx, w.orgPath);
  return w;
}

export async function saveWindow(input: SaveWindowInput, ctx: ActionContext): Promise<WindowView> {
  const org = await getOrg(input.orgId);
  if (!org) throw fail('NOT_FOUND', '工会不存在');
  assertCoversOrg(ctx, org.path);
  if (!runsDistrictProgrammes(org.kind))
    throw fail('FORBIDDEN', '金秋助学由区（县）总工会或市总工会开展，基层工会请协助审核本单位会员的申请');
  if (input.opensOn > input.closesOn) throw fail('INVALID_INPUT', '「截止日期」不能早于开始日期', { field: 'closesOn' });
  const id = windowIdOf(input.schoolYear, org._id);
  const saved = await withTransaction(async (tx) => {
    const existing = await tx.get<WindowRecord>(C.windows, id);
    if (existing?.publicity) throw fail('CONFLICT', '本学年资助名单已公示，不能再修改活动');
    const record: WindowRecord = {
      _id: id,
      orgId: org._id,
      orgName: org.name,
      orgPath: org.path,
      schoolYear: input.schoolYear,
      title: `${input.schoolYear}年金秋助学`,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      amounts: input.amounts,
      rule: input.rule,
      note: input.note,
      approvedCount: existing?.approvedCount ?? 0,
      createdBy: existing?.createdBy ?? ctx.openid,
      updatedAt: ctx.now,
    };
    const { _id, ...fields } = record;
    await tx.set(C.windows, _id, fields);
    return record;
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'studentAid.saveWindow',
    target: id,
    summary: `${saved.title} · ${org.name}`,
    at: ctx.now,
    details: { orgId: org._id },
  });
  return toWindowViewOf(saved, ctx.now);
}

/** Windows a member may see: those opened by a union in the member's chain, newest school year first. */
export async function windowsForPath(orgPath: readonly string[], now: Date): Promise<WindowView[]> {
  const rows = await findMany<WindowRecord>(
    C.windows,
    { orgId: command().in([...orgPath]) },
    { orderBy: [['schoolYear', 'desc']], limit: 10 },
  );
  return rows.map((w) => toWindowViewOf(w, now));
}

/** Windows staff work on: opened by a union they cover, or by one above theirs (their members apply to it). */
export async function staffWindows(ctx: ActionContext): Promise<WindowView[]> {
  const scopes = orgScopes(ctx);
  let where: Record<string, unknown> = {};
  if (scopes !== null) {
    const orgs = await Promise.all(scopes.map((s) => getOrg(s)));
    const above = [...new Set(orgs.flatMap((o) => o?.path ?? []))];
    const _ = command();
    where = _.or([{ orgPath: _.in(scopes) }, { orgId: _.in(above) }]) as unknown as Record<string, unknown>;
  }
  const rows = await findMany<WindowRecord>(C.windows, where, { orderBy: [['schoolYear', 'desc']], limit: 50 });
  return rows.map((w) => ({ ...toWindowViewOf(w, ctx.now), manages: coversOrg(ctx, w.orgPath) }));
}
