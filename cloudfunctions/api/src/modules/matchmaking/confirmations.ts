/**
 * Single status (单身状态): the member's own declaration, and — where an organiser asks for it — a confirmation by
 * staff of the member's union (or above). The member asks; staff confirm or decline with a reason. Each decision
 * is one guarded update (it happens once, whatever the taps), audited, and the member is told.
 */
import type { ActionContext } from '../../action';
import { command, findById, findPage, updateWhere, type Page } from '../../db';
import { fail } from '../../errors';
import { asDate, toIso, toIsoOptional } from '../../lib/time';
import { SINGLE_STATUS_TEXT, type SingleStatus } from '../../rules/matchmaking';
import { overdueMark } from '../../rules/overdue';
import { writeAudit } from '../../shared/audit';
import { getOrg } from '../../shared/orgs';
import { namesOf } from '../../shared/people';
import { assertCoversOrg, orgScopes } from '../../shared/scope';
import { addTimelineEntry } from '../../shared/timeline';
import { reviewDays } from '../settings/settings';
import { MATCHMAKING_COLLECTIONS as C } from './collections';
import { matchmakingErrors } from './errors';
import { requireProfile, toMyProfile } from './profiles';
import type { ProfileRecord } from './records';
import type { ConfirmationItem, MyProfileView } from './views';

export async function requestConfirmation(ctx: ActionContext): Promise<MyProfileView> {
  const changed = await updateWhere(
    C.profiles,
    { _id: ctx.openid, 'single.status': command().in(['declared', 'rejected']) },
    { 'single.status': 'requested', 'single.requestedAt': ctx.now, updatedAt: ctx.now },
  );
  const profile = await requireProfile(ctx.openid);
  if (changed !== 1 && profile.single.status !== 'requested' && profile.single.status !== 'confirmed')
    throw fail('CONFLICT', '单身状态已变化，请刷新后重试');
  return toMyProfile(profile);
}

export async function listConfirmations(
  status: Exclude<SingleStatus, 'declared'> | undefined,
  page: number | undefined,
  ctx: ActionContext,
): Promise<Page<ConfirmationItem>> {
  const scopes = orgScopes(ctx);
  if (scopes !== null && !scopes.length) return { items: [], total: 0 };
  const where: Record<string, unknown> = { 'single.status': status ?? 'requested' };
  if (scopes !== null) where.orgPath = command().in(scopes);
  const order: [string, 'asc' | 'desc'][] =
    (status ?? 'requested') === 'requested' ? [['single.requestedAt', 'asc']] : [['single.decidedAt', 'desc']];
  const { rows, total } = await findPage<ProfileRecord>(C.profiles, where, order, page);
  const [names, days] = await Promise.all([namesOf(rows.map((r) => r._id)), reviewDays()]);
  return {
    items: rows.map((r) => ({
      openid: r._id,
      name: names.get(r._id) ?? '',
      orgName: r.orgName,
      status: r.single.status,
      statusText: SINGLE_STATUS_TEXT[r.single.status],
      declaredAt: toIso(r.single.declaredAt),
      ...(r.single.requestedAt ? { requestedAt: toIsoOptional(r.single.requestedAt) } : {}),
      ...(r.single.decidedAt ? { decidedAt: toIsoOptional(r.single.decidedAt) } : {}),
      ...(r.single.note ? { note: r.single.note } : {}),
      // Waiting past the review deadline: flagged with its days (the queue runs oldest first).
      ...(r.single.status === 'requested' && r.single.requestedAt
        ? overdueMark(asDate(r.single.requestedAt), ctx.now, days)
        : {}),
    })),
    total,
  };
}

/** The name of the union the staffer decides for: their scope on the member's path (administrators: the member's union). */
async function deciderOrgName(ctx: ActionContext, profile: ProfileRecord): Promise<string> {
  const scope = orgScopes(ctx)?.find((s) => profile.orgPath.includes(s));
  if (!scope) return profile.orgName;
  return (await getOrg(scope))?.name ?? profile.orgName;
}

export async function decideSingle(
  openid: string,
  decision: 'confirm' | 'reject',
  note: string | undefined,
  ctx: ActionContext,
): Promise<ConfirmationItem> {
  const profile = await findById<ProfileRecord>(C.profiles, openid);
  if (!profile) throw matchmakingErrors.fail('NO_PROFILE', '该会员尚未填写交友资料');
  assertCoversOrg(ctx, profile.orgPath);
  if (openid === ctx.openid) throw fail('FORBIDDEN', '不能确认本人的单身状态');
  const now = ctx.now;
  const _ = command();
  const from = decision === 'confirm' ? ['declared', 'requested', 'rejected'] : ['requested'];
  const orgName = await deciderOrgName(ctx, profile);
  const change: Record<string, unknown> = {
    'single.status': decision === 'confirm' ? 'confirmed' : 'rejected',
    'single.decidedAt': now,
    'single.decidedBy': ctx.openid,
    'single.decidedOrgName': orgName,
    'single.note': note ? note : _.remove(),
    updatedAt: now,
  };
  const changed = await updateWhere(C.profiles, { _id: openid, 'single.status': _.in(from) }, change);
  if (changed !== 1) throw fail('CONFLICT', '该申请已处理，请刷新列表');
  const names = await namesOf([openid]);
  const name = names.get(openid) ?? '';
  await addTimelineEntry({
    openid,
    area: 'matchmaking',
    refId: `single-${openid}`,
    title: '单身状态确认',
    status: decision === 'confirm' ? 'single_confirmed' : 'single_rejected',
    statusText: decision === 'confirm' ? '已确认' : '未确认',
    note: decision === 'confirm' ? `${orgName}已确认您的单身状态` : note,
    at: now,
    notify: true,
  });
  await writeAudit({
    actor: ctx.openid,
    action: decision === 'confirm' ? 'matchmaking.confirmSingle' : 'matchmaking.rejectSingle',
    target: openid,
    summary: `${name} · ${profile.orgName}`,
    at: now,
  });
  const stored = (await findById<ProfileRecord>(C.profiles, openid))!;
  return {
    openid,
    name,
    orgName: stored.orgName,
    status: stored.single.status,
    statusText: SINGLE_STATUS_TEXT[stored.single.status],
    declaredAt: toIso(stored.single.declaredAt),
    ...(stored.single.requestedAt ? { requestedAt: toIsoOptional(stored.single.requestedAt) } : {}),
    ...(stored.single.decidedAt ? { decidedAt: toIsoOptional(stored.single.decidedAt) } : {}),
    ...(stored.single.note ? { note: stored.single.note } : {}),
  };
}
