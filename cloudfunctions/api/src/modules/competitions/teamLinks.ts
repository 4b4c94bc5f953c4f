/**
 * Team invitation links: the captain makes a link (a share card to a WeChat chat, or a QR code face to face);
 * a colleague of the same unit opens it, sees the team and the event, and accepts with their own declaration
 * or declines. A link is used once, expires after 72 hours or when registration closes, and the captain may
 * revoke it while open. Only the code's keyed hash is stored (shared/linkCodes.ts, as role invitations).
 * Accepting is the same transaction as accepting a named invitation (teams.ts): the member's record, the
 * team's size and the link are written together, so a member is never on two teams, a team never exceeds its
 * size, and of an acceptance and a revocation exactly one wins.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findById, insertUnique, updateWhere, withTransaction } from '../../db';
import { fail } from '../../errors';
import { requireKey } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { hashLinkCode, newLinkCode } from '../../shared/linkCodes';
import { findMemberByOpenid } from '../../shared/members';
import { addTimelineEntry } from '../../shared/timeline';
import { getEnrollment } from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { competitionErrors } from './errors';
import { teamOf, toEventDetail } from './eventViews';
import { loadEvent } from './events';
import { eventFieldsOf } from './hooks';
import type { Declaration, InviteRecord, TeamLinkRecord } from './records';
import {
  LINK_STATE_TEXT,
  NEXT,
  refusalFor,
  stateOf,
  toTeamLinkItem,
  type TeamLinkItem,
  type TeamLinkView,
} from './teamLinkViews';
import { captainsTeam, joinerFor, teamChangeable, txJoinTeam } from './teams';

const LINK_LIFETIME_MS = 72 * 3600 * 1000;
/** Open links a team may have at once (more links than places is allowed: the first to accept joins). */
const MAX_OPEN_LINKS = 10;
const linkIdOf = (code: string) => hashLinkCode('team', code, requireKey('ID_HASH_KEY'));

/** The captain makes a link for one teammate. The code is returned only now (the server keeps its hash). */
export async function createTeamLink(
  eventId: string,
  ctx: ActionContext,
): Promise<TeamLinkItem & { code: string; teamName: string; eventTitle: string; captainName: string }> {
  const now = ctx.now;
  const { activity, teamSize, teamId, team, x } = await captainsTeam(eventId, ctx);
  if (!teamChangeable(activity, team, now)) throw competitionErrors.fail('TEAM_LOCKED');
  if (x.size >= teamSize.max) throw competitionErrors.fail('TEAM_FULL', `「${x.name}」已满${teamSize.max}人，无需再邀请`);
  const _ = command();
  const open = await countWhere(C.teamLinks, { teamId, round: x.round, status: 'open', expiresAt: _.gt(now) });
  if (open >= MAX_OPEN_LINKS) throw fail('CONFLICT', `未使用的邀请链接已有${MAX_OPEN_LINKS}个，请先撤回不再需要的链接`);
  const code = newLinkCode();
  const signupEnd = new Date(toIso(activity.signupEnd)).getTime();
  const record: TeamLinkRecord = {
    _id: linkIdOf(code),
    eventId,
    teamId,
    round: x.round,
    teamName: x.name,
    eventTitle: activity.title,
    captainOpenid: ctx.openid,
    captainName: team.name,
    orgId: team.orgId,
    orgName: team.orgName,
    createdAt: now,
    expiresAt: new Date(Math.min(now.getTime() + LINK_LIFETIME_MS, signupEnd)),
    status: 'open',
    usedBy: null,
    usedByName: null,
    usedAt: null,
    revokedAt: null,
  };
  const { _id, ...data } = record;
  if (!(await insertUnique(C.teamLinks, _id, data))) throw fail('BUSY'); // 120 random bits: never in practice
  return {
    ...toTeamLinkItem(record, activity, team, now),
    code,
    teamName: x.name,
    eventTitle: activity.title,
    captainName: team.name,
  };
}

async function findLink(code: string): Promise<TeamLinkRecord> {
  const l = await findById<TeamLinkRecord>(C.teamLinks, linkIdOf(code));
  if (!l) throw competitionErrors.fail('LINK_NOT_FOUND');
  return l;
}

/** What the person who opened the link sees: the team, the captain, the event, and whether they may accept. */
export async function showTeamLink(code: string, ctx: ActionContext): Promise<TeamLinkView> {
  const l = await findLink(code);
  const [activity, team, member] = await Promise.all([
    loadEvent(l.eventId),
    getEnrollment(l.teamId),
    findMemberByOpenid(ctx.openid),
  ]);
  const state = stateOf(l, activity, team, ctx.now);
  const size = eventFieldsOf(activity).teamSize ?? { min: 1, max: 1 };
  const x = team ? teamOf(team) : undefined;
  return {
    linkId: l._id,
    state,
    stateText: LINK_STATE_TEXT[state],
    ...(state === 'open' ? {} : { next: NEXT[state] }),
    teamName: l.teamName,
    captainName: l.captainName,
    orgName: l.orgName,
    size: x && x.round === l.round ? x.size : 0,
    min: size.min,
    max: size.max,
    expiresAt: toIso(l.expiresAt),
    joinedByMe: l.status === 'accepted' && l.usedBy === ctx.openid,
    isCaptain: l.captainOpenid === ctx.openid,
    sameUnit: !!member && member.status === 'active' && member.orgId === l.orgId,
    event: await toEventDetail(activity, ctx.now),
  };
}

async function tell(openid: string, refId: string, title: string, status: string, statusText: string, note: string, at: Date) {
  await addTimelineEntry({ openid, area: 'competition', refId, title, status, statusText, note, at, notify: true });
}

/** The person who opened the link declines it: the link is closed and the captain is told. */
async function declineTeamLink(l: TeamLinkRecord, ctx: ActionContext): Promise<void> {
  const refusal = refusalFor(l, ctx.openid, ctx.now);
  if (refusal) throw competitionErrors.fail(refusal);
  const member = await findMemberByOpenid(ctx.openid);
  const name = member?.name ?? '被邀请人';
  const changed = await updateWhere(
    C.teamLinks,
    { _id: l._id, status: 'open' },
    { status: 'declined', usedBy: ctx.openid, usedByName: name, usedAt: ctx.now },
  );
  if (changed !== 1) throw competitionErrors.fail('LINK_CLOSED', '该邀请链接刚刚已被使用或撤回');
  await tell(
    l.captainOpenid,
    l.teamId,
    l.eventTitle,
    'declined',
    '谢绝邀请',
    `${name}谢绝了加入「${l.teamName}」的邀请`,
    ctx.now,
  );
}

/**
 * The caller accepts (with their own declaration) or declines the link. Accepting writes the member's record,
 * the team's size, the link and the captain's list of invitations in one transaction; a double tap by the
 * member who accepted answers as the first did.
 */
export async function respondToTeamLink(
  code: string,
  accept: boolean,
  declarationInput: Declaration | undefined,
  ctx: ActionContext,
): Promise<TeamLinkView> {
  const now = ctx.now;
  const l = await findLink(code);
  if (!accept) {
    await declineTeamLink(l, ctx);
    return showTeamLink(code, ctx);
  }
  if (l.status === 'accepted' && l.usedBy === ctx.openid) return showTeamLink(code, ctx);
  const early = refusalFor(l, ctx.openid, now);
  if (early) throw competitionErrors.fail(early);
  const activity = await loadEvent(l.eventId);
  const joiner = await joinerFor(activity, declarationInput, ctx, { orgId: l.orgId, orgName: l.orgName });
  const { member } = joiner;
  const again = await withTransaction(async (tx): Promise<boolean> => {
    const link = await tx.get<TeamLinkRecord>(C.teamLinks, l._id);
    if (!link) throw competitionErrors.fail('LINK_NOT_FOUND');
    if (link.status === 'accepted' && link.usedBy === ctx.openid) return true;
    const refusal = refusalFor(link, ctx.openid, now);
    if (refusal) throw competitionErrors.fail(refusal);
    await txJoinTeam(tx, activity, joiner, link, '邀请链接');
    await tx.update(C.teamLinks, link._id, { status: 'accepted', usedBy: ctx.openid, usedByName: member.name, usedAt: now });
    // The captain removes a member by their invitation, as for one invited by name (teams.ts).
    const { _id: inviteId, ...invite }: InviteRecord = {
      _id: `${link.teamId}_${ctx.openid}`,
      eventId: link.eventId,
      teamId: link.teamId,
      round: link.round,
      teamName: link.teamName,
      eventTitle: link.eventTitle,
      captainOpenid: link.captainOpenid,
      captainName: link.captainName,
      openid: ctx.openid,
      name: member.name,
      orgName: member.orgName,
      status: 'accepted',
      createdAt: now,
      updatedAt: now,
    };
    await tx.set(C.invites, inviteId, invite);
    return false;
  });
  if (!again)
    await tell(l.captainOpenid, l.teamId, l.eventTitle, 'joined', '队员加入', `${member.name}已加入「${l.teamName}」`, now);
  return showTeamLink(code, ctx);
}

/** The captain revokes an open link (an accepted one is undone by removing the member). */
export async function revokeTeamLink(linkId: string, ctx: ActionContext): Promise<TeamLinkItem> {
  const l = await findById<TeamLinkRecord>(C.teamLinks, linkId);
  if (!l || l.captainOpenid !== ctx.openid) throw competitionErrors.fail('LINK_NOT_FOUND', '邀请链接不存在');
  const changed = await updateWhere(C.teamLinks, { _id: linkId, status: 'open' }, { status: 'revoked', revokedAt: ctx.now });
  if (changed !== 1) throw competitionErrors.fail('LINK_CLOSED');
  const revoked: TeamLinkRecord = { ...l, status: 'revoked', revokedAt: ctx.now };
  return {
    linkId,
    state: 'revoked',
    stateText: LINK_STATE_TEXT.revoked,
    usedByName: revoked.usedByName,
    createdAt: toIso(revoked.createdAt),
    expiresAt: toIso(revoked.expiresAt),
  };
}
