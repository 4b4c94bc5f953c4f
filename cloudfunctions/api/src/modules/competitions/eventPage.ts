/**
 * An event as a member sees it: details, the rules checked against them and what they must declare (before
 * the form), places left for their unit, their own part (registration, team, 单位推荐, result), invitations
 * waiting for them, and whether results are out.
 */
import type { ActionContext } from '../../action';
import { command, findById, findMany } from '../../db';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { toIso } from '../../lib/time';
import { findMemberByOpenid } from '../../shared/members';
import type { MemberRecord } from '../../shared/records';
import { coversOrg } from '../../shared/scope';
import {
  enrollmentOf,
  getEnrollment,
  evaluateRules,
  memberFacts,
  STATUS_TEXT,
  toEnrollmentView,
  unitGroupOf,
  waitlistPosition,
  type EligibilityView,
  type EnrollmentRecord,
} from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { entryBinds, entryIdOf } from './entries';
import { declarationView, requirementsOf, teamOf, toEventDetail } from './eventViews';
import { loadEvent } from './events';
import { eventFieldsOf, extraOf } from './hooks';
import type { EntryRecord, InviteRecord, ResultsRecord, EventRecord } from './records';
import { teamLinksOf } from './teamLinkViews';
import { teamChangeable, toInvitationView } from './teams';
import type { EventPage, MyEntryView, MyResultView, TeamView } from './views';

const INVITE_TEXT = { invited: '待确认', accepted: '已加入', declined: '已谢绝', withdrawn: '已撤回' } as const;

export function eligibilityOf(a: EventRecord, member: MemberRecord | null): EligibilityView {
  if (!member) return { member: false, eligible: false, checks: [] };
  const checks = evaluateRules(a, memberFacts(member));
  return { member: true, eligible: checks.every((c) => c.ok), checks };
}

/** The team of a registration: captain and current members (and, for the captain, the invitations). */
export async function teamViewOf(a: EventRecord, team: EnrollmentRecord, forCaptain: boolean, now: Date): Promise<TeamView> {
  const _ = command();
  const x = teamOf(team)!;
  const size = eventFieldsOf(a).teamSize ?? { min: 1, max: 1 };
  const [members, invites, links] = await Promise.all([
    findMany<EntryRecord>(
      C.entries,
      { teamId: team._id, role: 'member', status: 'active', round: x.round },
      { orderBy: [['joinedAt', 'asc']], limit: 20 },
    ),
    forCaptain
      ? findMany<InviteRecord>(
          C.invites,
          { teamId: team._id, round: x.round, status: _.in(['invited', 'declined']) },
          { limit: 30 },
        )
      : Promise.resolve([]),
    forCaptain ? teamLinksOf(a, team, now) : Promise.resolve([]),
  ]);
  return {
    teamId: team._id,
    name: x.name,
    captainName: team.name,
    size: x.size,
    min: size.min,
    max: size.max,
    members: [
      { name: team.name, role: 'captain' as const },
      ...members.map((m) => ({
        name: m.name,
        role: 'member' as const,
        ...(forCaptain ? { inviteId: `${team._id}_${m.openid}` } : {}),
      })),
    ],
    ...(forCaptain
      ? {
          invites: invites.map((i) => ({ inviteId: i._id, name: i.name, status: i.status, statusText: INVITE_TEXT[i.status] })),
          links,
        }
      : {}),
    canChange: teamChangeable(a, team, now),
  };
}

/** The caller's row of a published ranking, if they are in it. */
export function myResult(results: ResultsRecord | null, openid: string): MyResultView | undefined {
  if (!results || results.status === 'draft') return undefined;
  const row = results.rows.find((r) => r.openids.includes(openid));
  if (!row) return undefined;
  return {
    status: results.status,
    rank: row.rank,
    total: row.total,
    theory: row.theory,
    practical: row.practical,
    absent: row.absent,
    ...(row.prize ? { prize: row.prize } : {}),
    honours: row.honours,
  };
}

/** The caller's part: their own registration (individual / captain), else the team whose record binds them. */
export async function myEntry(
  a: EventRecord,
  own: EnrollmentRecord | null,
  entry: EntryRecord | null,
  results: ResultsRecord | null,
  ctx: ActionContext,
): Promise<MyEntryView | null> {
  const team = eventFieldsOf(a).format === 'team';
  const result = myResult(results, ctx.openid);
  if (entry?.role === 'member' && entry.status === 'active') {
    const joined = await getEnrollment(entry.teamId);
    if (joined && entryBinds(entry, joined, ctx.now)) {
      return {
        role: 'member',
        status: joined.status,
        statusText: STATUS_TEXT[joined.status],
        ...(joined.unitStatus ? { unitStatus: joined.unitStatus } : {}),
        ...(entry.declaration ? { declaration: declarationView(entry.declaration) } : {}),
        team: await teamViewOf(a, joined, false, ctx.now),
        ...(result ? { result } : {}),
      };
    }
  }
  if (!own) return null;
  const position = own.status === 'waitlisted' ? await waitlistPosition(own) : undefined;
  return {
    role: team ? 'captain' : 'individual',
    enrollment: toEnrollmentView(own, a, ctx.now, position),
    status: own.status,
    statusText: STATUS_TEXT[own.status],
    ...(own.unitStatus ? { unitStatus: own.unitStatus } : {}),
    ...(extraOf(own)?.declaration ? { declaration: declarationView(extraOf(own)!.declaration) } : {}),
    ...(team && teamOf(own) ? { team: await teamViewOf(a, own, true, ctx.now) } : {}),
    ...(result ? { result } : {}),
  };
}

function unitLeftFor(a: EventRecord, member: MemberRecord | null): number | undefined {
  if (!a.unitCap || !member) return undefined;
  const group = unitGroupOf(member);
  return Math.max(0, a.groupsLeft?.[group] ?? a.quotas.find((q) => q.group === group)?.seats ?? a.unitCap);
}

export async function getEventPage(eventId: string, ctx: ActionContext): Promise<EventPage> {
  const a = await loadEvent(eventId);
  const canManage = coversOrg(ctx, a.orgPath);
  if (a.status === 'draft' && !canManage) throw fail('NOT_FOUND', '该竞赛项目不存在或尚未发布');
  const team = eventFieldsOf(a).format === 'team';
  const [member, own, entry, invites, results] = await Promise.all([
    findMemberByOpenid(ctx.openid),
    enrollmentOf(a._id, ctx.openid),
    team ? findById<EntryRecord>(C.entries, entryIdOf(a._id, ctx.openid)) : Promise.resolve(null),
    team
      ? findMany<InviteRecord>(C.invites, { eventId: a._id, openid: ctx.openid, status: 'invited' }, { limit: 10 })
      : Promise.resolve([]),
    findById<ResultsRecord>(C.results, a._id).then((r) => (r && r.status !== 'draft' ? r : null)),
  ]);
  const unitLeft = unitLeftFor(a, member);
  return {
    event: await toEventDetail(a, ctx.now),
    eligibility: eligibilityOf(a, member),
    requirements: requirementsOf(a),
    mine: await myEntry(a, own, entry, results, ctx),
    invitations: invites.map(toInvitationView),
    ...(unitLeft !== undefined ? { unitLeft } : {}),
    canManage,
    results: results
      ? {
          status: results.status as 'publicity' | 'final',
          until: toIso(results.until),
          open: results.status === 'publicity' && new Date(toIso(results.until)) > ctx.now,
        }
      : null,
  };
}

/** A masked name for public lists (individuals); teams go by their team name. */
export function publicName(name: string, teamName?: string): string {
  return teamName ?? maskName(name);
}
