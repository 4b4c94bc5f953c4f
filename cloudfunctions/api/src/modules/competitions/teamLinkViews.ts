/**
 * How a team invitation link looks to the person who opened it and to its captain: its state (computed from the
 * stored status, the clock and the team), the words for it, what to do next, and the refusal it gives.
 */
import { command, findMany } from '../../db';
import { toIso } from '../../lib/time';
import type { EnrollmentRecord } from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { teamOf } from './eventViews';
import { eventFieldsOf } from './hooks';
import type { EventRecord, TeamLinkRecord } from './records';
import { teamChangeable } from './teams';
import type { EventDetail } from './views';

/**
 * A link as the person who opened it sees it: `open` may be accepted; the others say why not. Computed from the
 * stored status, the clock and the team: `expired`, `full` (no place left), `closed` (the team was cancelled,
 * approved, or registration closed).
 */
export type TeamLinkState = 'open' | 'accepted' | 'declined' | 'revoked' | 'expired' | 'full' | 'closed';

export const LINK_STATE_TEXT: Record<TeamLinkState, string> = {
  open: '待接受',
  accepted: '已接受',
  declined: '已谢绝',
  revoked: '已撤回',
  expired: '已过期',
  full: '队伍已满员',
  closed: '已失效',
};

/** What to do next, for a link that can no longer be accepted. */
export const NEXT: Record<Exclude<TeamLinkState, 'open'>, string> = {
  accepted: '该邀请链接已被使用，每个链接只能一人使用。如需加入，请联系队长另发链接。',
  declined: '该邀请已被谢绝。如仍想加入，请联系队长重新发送邀请链接。',
  revoked: '该邀请链接已被队长撤回。如有疑问，请联系队长。',
  expired: '该邀请链接已过期。如仍想加入，请在报名截止前联系队长重新发送邀请链接。',
  full: '队伍已满员，不能再加入。可以联系队长确认，或在项目页自行报名其他队伍。',
  closed: '队伍已审核通过、已取消报名或报名已截止，不能再通过此链接加入。可在项目页查看报名情况。',
};

export interface TeamLinkView {
  linkId: string;
  state: TeamLinkState;
  stateText: string;
  /** For a link that cannot be accepted: why, and what to do next. */
  next?: string;
  teamName: string;
  captainName: string;
  orgName: string;
  /** Current team: size now and the size range. */
  size: number;
  min: number;
  max: number;
  expiresAt: string;
  /** The caller accepted this link (and is on the team). */
  joinedByMe: boolean;
  /** The caller made this link. */
  isCaptain: boolean;
  /** The caller is an active member of the team's unit (the only people who may accept). */
  sameUnit: boolean;
  event: EventDetail;
}

/** The captain's links in the team panel. */
export interface TeamLinkItem {
  linkId: string;
  state: TeamLinkState;
  stateText: string;
  usedByName: string | null;
  createdAt: string;
  expiresAt: string;
}

export function stateOf(l: TeamLinkRecord, activity: EventRecord, team: EnrollmentRecord | null, now: Date): TeamLinkState {
  if (l.status !== 'open') return l.status;
  if (new Date(toIso(l.expiresAt)).getTime() <= now.getTime()) return 'expired';
  const x = team ? teamOf(team) : undefined;
  if (!team || !x || x.round !== l.round || !teamChangeable(activity, team, now)) return 'closed';
  if (x.size >= (eventFieldsOf(activity).teamSize?.max ?? 1)) return 'full';
  return 'open';
}

export function toTeamLinkItem(l: TeamLinkRecord, activity: EventRecord, team: EnrollmentRecord, now: Date): TeamLinkItem {
  const state = stateOf(l, activity, team, now);
  return {
    linkId: l._id,
    state,
    stateText: LINK_STATE_TEXT[state],
    usedByName: l.usedByName,
    createdAt: toIso(l.createdAt),
    expiresAt: toIso(l.expiresAt),
  };
}

/** The captain's links of the team's current round that still mean something (open, declined), newest first. */
export async function teamLinksOf(activity: EventRecord, team: EnrollmentRecord, now: Date): Promise<TeamLinkItem[]> {
  const rows = await findMany<TeamLinkRecord>(
    C.teamLinks,
    { teamId: team._id, round: teamOf(team)!.round, status: command().in(['open', 'declined']) },
    { orderBy: [['createdAt', 'desc']], limit: 20 },
  );
  return rows.map((l) => toTeamLinkItem(l, activity, team, now));
}

export type LinkRefusal = 'LINK_USED' | 'LINK_DECLINED' | 'LINK_REVOKED' | 'LINK_OWN' | 'LINK_EXPIRED';

/** The refusal a link in this state gives to `openid`, or null when they may answer it. */
export function refusalFor(l: TeamLinkRecord, openid: string, now: Date): LinkRefusal | null {
  if (l.status === 'revoked') return 'LINK_REVOKED';
  if (l.status === 'declined') return 'LINK_DECLINED';
  if (l.status === 'accepted') return 'LINK_USED';
  if (l.captainOpenid === openid) return 'LINK_OWN';
  if (new Date(toIso(l.expiresAt)).getTime() <= now.getTime()) return 'LINK_EXPIRED';
  return null;
}
