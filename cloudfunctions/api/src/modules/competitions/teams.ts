/**
 * Teams: the captain's registration holds the team's seat; the captain invites members of the same unit
 * (by name and card number), each of whom accepts with their own declaration. Joining, leaving and removing
 * are transactions that write the member's record (one per member and event, entries.ts) and the team's
 * registration (its size) together, so a member is never on two teams and a team never exceeds its size.
 * Members may change until the registration closes or the organiser approves the team; the size range is
 * enforced at that approval (hooks.ts).
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findById, insertUnique, updateWhere, withTransaction, type Tx } from '../../db';
import { fail } from '../../errors';
import { addTimelineEntry } from '../../shared/timeline';
import { findMemberByCardNo, requireActiveMember } from '../../shared/members';
import type { MemberRecord } from '../../shared/records';
import {
  getEnrollment,
  txEnrollment,
  txUpdateEnrollment,
  enrollmentErrors,
  enrollmentIdOf,
  evaluateRules,
  memberFacts,
  type EnrollmentRecord,
} from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { checkDeclaration } from './declaration';
import { boundMessage, entryBinds, entryIdOf, readEntry } from './entries';
import { competitionErrors } from './errors';
import { ACTIVE, isOpenNow, teamOf } from './eventViews';
import { loadEvent } from './events';
import { eventFieldsOf } from './hooks';
import type { Declaration, EntryRecord, InviteRecord, EventRecord } from './records';
import type { InvitationView } from './views';
import { toIso } from '../../lib/time';

/** Members may still change: the team takes part, is not approved yet, and registration is open. */
export function teamChangeable(activity: EventRecord, team: EnrollmentRecord, now: Date): boolean {
  return ACTIVE.includes(team.status) && team.status !== 'approved' && isOpenNow(activity, now);
}

function assertChangeable(activity: EventRecord, team: EnrollmentRecord, now: Date): void {
  if (!teamChangeable(activity, team, now)) throw competitionErrors.fail('TEAM_LOCKED');
}

export function toInvitationView(i: InviteRecord): InvitationView {
  return {
    inviteId: i._id,
    eventId: i.eventId,
    eventTitle: i.eventTitle,
    teamName: i.teamName,
    captainName: i.captainName,
    status: i.status,
    createdAt: toIso(i.createdAt),
  };
}

async function tell(openid: string, refId: string, title: string, status: string, statusText: string, note: string, at: Date) {
  await addTimelineEntry({ openid, area: 'competition', refId, title, status, statusText, note, at, notify: true });
}

/**
 * The caller's own team in a team event, for the captain to grow it (an invitation, a link): refused when the
 * event is for individuals or the caller has no live registration as a captain.
 */
export async function captainsTeam(eventId: string, ctx: ActionContext) {
  const activity = await loadEvent(eventId);
  const fields = eventFieldsOf(activity);
  const teamSize = fields.teamSize;
  if (fields.format !== 'team' || !teamSize) throw fail('CONFLICT', '本项目为个人赛，无需组队');
  const teamId = enrollmentIdOf(eventId, ctx.openid);
  const team = await getEnrollment(teamId);
  const x = team ? teamOf(team) : undefined;
  if (!team || !x || !ACTIVE.includes(team.status)) throw fail('CONFLICT', '请先以队长身份报名，再邀请队员');
  return { activity, teamSize, teamId, team, x };
}

/** The captain invites a member of their unit by name and card number. */
export async function invite(eventId: string, cardNo: string, name: string, ctx: ActionContext): Promise<InvitationView> {
  const now = ctx.now;
  const { activity, teamSize, teamId, team, x } = await captainsTeam(eventId, ctx);
  assertChangeable(activity, team, now);
  const target = await findMemberByCardNo(cardNo);
  if (!target || target.name !== name.trim()) throw fail('NOT_FOUND', '未找到该会员，请核对姓名和会员卡号');
  if (target._id === ctx.openid) throw fail('CONFLICT', '不能邀请自己');
  if (target.status !== 'active') throw fail('CONFLICT', '该会员的会籍当前不可用');
  if (target.orgId !== team.orgId) throw fail('CONFLICT', `队员须与队长同属${team.orgName}`);
  if (evaluateRules(activity, memberFacts(target)).some((r) => !r.ok))
    throw enrollmentErrors.fail('NOT_ELIGIBLE', `${target.name}不符合本项目的报名条件`);
  const taken = await countWhere(C.invites, { teamId, round: x.round, status: command().in(['invited', 'accepted']) });
  if (taken + 1 >= teamSize.max)
    throw competitionErrors.fail('TEAM_FULL', `每队最多${teamSize.max}人（含队长），已满员或有待确认的邀请`);
  const record: InviteRecord = {
    _id: `${teamId}_${target._id}`,
    eventId,
    teamId,
    round: x.round,
    teamName: x.name,
    eventTitle: activity.title,
    captainOpenid: ctx.openid,
    captainName: team.name,
    openid: target._id,
    name: target.name,
    orgName: target.orgName,
    status: 'invited',
    createdAt: now,
    updatedAt: now,
  };
  const { _id: id, ...data } = record;
  if (!(await insertUnique(C.invites, id, data))) {
    const existing = (await findById<InviteRecord>(C.invites, id))!;
    if (existing.round === x.round && (existing.status === 'invited' || existing.status === 'accepted'))
      return toInvitationView(existing); // a double tap, or invited already
    const { createdAt: _created, ...fresh } = data;
    const changed = await updateWhere(C.invites, { _id: id, status: existing.status, updatedAt: existing.updatedAt }, fresh);
    if (changed !== 1) throw fail('CONFLICT');
  }
  await tell(
    target._id,
    id,
    activity.title,
    'invited',
    '组队邀请',
    `${team.name}邀请您加入「${x.name}」，请在报名截止前确认`,
    now,
  );
  return toInvitationView(record);
}

/** The invited member accepts (with their own declaration) or declines. */
/** Who is joining a team, checked before the transaction: registration open, eligible, their own declaration. */
export interface Joiner {
  member: MemberRecord;
  declaration: Declaration | undefined;
  max: number;
  now: Date;
}

/**
 * The checks of joining that need no transaction, in the order a member meets them. `unit` is the unit a link
 * was made for (a named invitation is checked against the team inside the transaction).
 */
export async function joinerFor(
  activity: EventRecord,
  declarationInput: Declaration | undefined,
  ctx: ActionContext,
  unit?: { orgId: string; orgName: string },
): Promise<Joiner> {
  const fields = eventFieldsOf(activity);
  if (!isOpenNow(activity, ctx.now)) throw competitionErrors.fail('TEAM_LOCKED', '报名已截止，不能再加入队伍');
  const member = await requireActiveMember(ctx.openid);
  if (unit && member.orgId !== unit.orgId) {
    throw fail('CONFLICT', `本邀请仅限${unit.orgName}的会员接受：队员须与队长同属一个单位工会`);
  }
  const failing = evaluateRules(activity, memberFacts(member)).filter((r) => !r.ok);
  if (failing.length) throw enrollmentErrors.fail('NOT_ELIGIBLE', failing[0].message, { rules: failing });
  return {
    member,
    declaration: checkDeclaration(fields, declarationInput, ctx.openid),
    max: fields.teamSize?.max ?? 1,
    now: ctx.now,
  };
}

/**
 * Inside the accepting transaction (named invitation or link): the team still takes this round and may change,
 * has room, the joiner is of its unit and on no other team; then the joiner's record and the team's size are
 * written together, so a member is never on two teams and a team never exceeds its size.
 */
export async function txJoinTeam(
  tx: Tx,
  activity: EventRecord,
  j: Joiner,
  to: { eventId: string; teamId: string; round: number },
  via: '邀请' | '邀请链接',
): Promise<void> {
  const { member, now } = j;
  const team = await txEnrollment(tx, to.teamId);
  const x = team ? teamOf(team) : undefined;
  if (!team || !x || !ACTIVE.includes(team.status) || x.round !== to.round)
    throw competitionErrors.fail('INVITE_INVALID', `该队伍已取消报名，${via}已失效`);
  assertChangeable(activity, team, now);
  if (team.orgId !== member.orgId) throw fail('CONFLICT', `队员须与队长同属${team.orgName}`);
  if (x.size >= j.max) throw competitionErrors.fail('TEAM_FULL', `「${x.name}」已满${j.max}人，不能再加入；可以联系队长确认`);
  const { entry, team: current } = await readEntry(tx, to.eventId, member.openid);
  if (entry && entryBinds(entry, current, now)) throw competitionErrors.fail('IN_ANOTHER_TEAM', boundMessage(entry, current));
  const { _id, ...record }: EntryRecord = {
    _id: entryIdOf(to.eventId, member.openid),
    eventId: to.eventId,
    openid: member.openid,
    name: member.name,
    orgId: member.orgId,
    orgName: member.orgName,
    teamId: to.teamId,
    role: 'member',
    round: to.round,
    status: 'active',
    declaration: j.declaration,
    joinedAt: now,
    updatedAt: now,
  };
  await tx.set(C.entries, _id, record);
  await txUpdateEnrollment(tx, to.teamId, { 'extra.team.size': x.size + 1 });
}

export async function respondToInvite(
  inviteId: string,
  accept: boolean,
  declarationInput: Declaration | undefined,
  ctx: ActionContext,
): Promise<InvitationView> {
  const now = ctx.now;
  const inv = await findById<InviteRecord>(C.invites, inviteId);
  if (!inv || inv.openid !== ctx.openid) throw fail('NOT_FOUND', '邀请不存在或已失效');
  if (!accept) {
    const changed = await updateWhere(C.invites, { _id: inviteId, status: 'invited' }, { status: 'declined', updatedAt: now });
    if (changed !== 1) throw competitionErrors.fail('INVITE_INVALID');
    await tell(
      inv.captainOpenid,
      inv.teamId,
      inv.eventTitle,
      'declined',
      '谢绝邀请',
      `${inv.name}谢绝了加入「${inv.teamName}」的邀请`,
      now,
    );
    return toInvitationView({ ...inv, status: 'declined' });
  }
  const activity = await loadEvent(inv.eventId);
  const joiner = await joinerFor(activity, declarationInput, ctx);
  await withTransaction(async (tx) => {
    const i = await tx.get<InviteRecord>(C.invites, inviteId);
    if (!i || i.status !== 'invited') throw competitionErrors.fail('INVITE_INVALID');
    await txJoinTeam(tx, activity, joiner, i, '邀请');
    await tx.update(C.invites, inviteId, { status: 'accepted', updatedAt: now });
  });
  const { member } = joiner;
  await tell(inv.captainOpenid, inv.teamId, inv.eventTitle, 'joined', '队员加入', `${member.name}已加入「${inv.teamName}」`, now);
  return toInvitationView({ ...inv, status: 'accepted' });
}

/**
 * A member leaves (`byCaptain` false) or the captain removes them: the record lets go and the team's size
 * drops, in one transaction; only while the team may still change.
 */
async function dropMember(activity: EventRecord, teamId: string, openid: string, now: Date): Promise<void> {
  await withTransaction(async (tx) => {
    const { entry, team } = await readEntry(tx, activity._id, openid);
    if (!entry || entry.teamId !== teamId || entry.role !== 'member' || !entryBinds(entry, team, now))
      throw fail('NOT_FOUND', '该队员不在队伍中');
    assertChangeable(activity, team!, now);
    await tx.update(C.entries, entry._id, { status: 'left', updatedAt: now });
    await txUpdateEnrollment(tx, teamId, { 'extra.team.size': teamOf(team!)!.size - 1 });
    const inviteId = `${teamId}_${openid}`;
    if (await tx.get<InviteRecord>(C.invites, inviteId))
      await tx.update(C.invites, inviteId, { status: 'withdrawn', updatedAt: now });
  });
}

export async function leaveTeam(eventId: string, ctx: ActionContext): Promise<{ left: true }> {
  const activity = await loadEvent(eventId);
  const entry = await findById<EntryRecord>(C.entries, entryIdOf(eventId, ctx.openid));
  if (!entry || entry.role !== 'member' || entry.status !== 'active') throw fail('NOT_FOUND', '您不在本项目的队伍中');
  await dropMember(activity, entry.teamId, ctx.openid, ctx.now);
  const team = await getEnrollment(entry.teamId);
  if (team)
    await tell(
      team.openid,
      team._id,
      activity.title,
      'left',
      '队员退出',
      `${entry.name}已退出「${teamOf(team)?.name ?? ''}」`,
      ctx.now,
    );
  return { left: true };
}

/** The captain withdraws an invitation, or removes a member who accepted it. */
export async function removeTeammate(inviteId: string, ctx: ActionContext): Promise<InvitationView> {
  const now = ctx.now;
  const inv = await findById<InviteRecord>(C.invites, inviteId);
  if (!inv || inv.captainOpenid !== ctx.openid) throw fail('NOT_FOUND', '邀请不存在');
  if (inv.status === 'invited') {
    const changed = await updateWhere(C.invites, { _id: inviteId, status: 'invited' }, { status: 'withdrawn', updatedAt: now });
    if (changed === 1) return toInvitationView({ ...inv, status: 'withdrawn' });
  }
  const activity = await loadEvent(inv.eventId);
  await dropMember(activity, inv.teamId, inv.openid, now);
  await tell(inv.openid, inv.teamId, inv.eventTitle, 'removed', '已移出队伍', `队长已将您移出「${inv.teamName}」`, now);
  return toInvitationView({ ...inv, status: 'withdrawn' });
}
