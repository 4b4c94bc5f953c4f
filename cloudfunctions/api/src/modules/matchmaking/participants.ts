/**
 * Fellow participants of an event: once the event has started, a participant who checked in sees the others who
 * checked in (as visibleProfile lets them: `participant`, or `match` for mutual matches) until picks close.
 * Never before check-in, never a removed or blocked person, never a paused profile — and only people the event's
 * pick rule lets the caller pick (异性之间: the other sex), besides matches already made: a participant the caller may
 * not pick is, to them, not a fellow participant at all (nothing of the profile, not even that it is there).
 */
import type { ActionContext } from '../../action';
import { command, findById, findMany } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { mayPick, PICK_RULES } from '../../rules/matchmaking';
import {
  asDate,
  allEnrollments,
  enrollmentOf,
  findEnrollments,
  type ActivityRecord,
  type EnrollmentRecord,
} from '../enrollment/engine';
import { MATCHMAKING_COLLECTIONS as C } from './collections';
import { matchmakingErrors } from './errors';
import { fieldsOf, loadEvent, pickRuleOf, picksOpen } from './events';
import { pickIdOf } from './ids';
import { renderProfile, renderProfiles } from './profileView';
import type { PickRecord, ProfileRecord } from './records';
import { blockedWith, pidOf, visibleMatches } from './relations';
import { relationOf, visibleProfile } from './visibility';
import type { ParticipantsView, ParticipantView } from './views';

export interface Participation {
  activity: ActivityRecord;
  me: EnrollmentRecord;
  myProfile: ProfileRecord;
}

const present = (e: EnrollmentRecord | undefined | null): e is EnrollmentRecord => e?.status === 'approved' && !!e.checkedInAt;

/** The caller as a checked-in participant of an event whose picks are open, with a visible profile. */
export async function requireParticipant(activityId: string, ctx: ActionContext): Promise<Participation> {
  const activity = await loadEvent(activityId);
  const [me, myProfile] = await Promise.all([
    enrollmentOf(activityId, ctx.openid),
    findById<ProfileRecord>(C.profiles, ctx.openid),
  ]);
  if (!present(me)) throw matchmakingErrors.fail('NOT_PARTICIPANT');
  if (!myProfile) throw matchmakingErrors.fail('NO_PROFILE');
  if (myProfile.paused) throw matchmakingErrors.fail('PROFILE_PAUSED');
  if (!picksOpen(activity, ctx.now)) {
    if (ctx.now < asDate(activity.startAt)) throw matchmakingErrors.fail('NOT_PARTICIPANT', '活动开始后才能查看其他参加者');
    throw matchmakingErrors.fail('PICKS_CLOSED');
  }
  return { activity, me, myProfile };
}

/** The checked-in participants of an event with the given participant ids. */
export async function participantsByIds(activityId: string, ids: readonly string[]): Promise<EnrollmentRecord[]> {
  if (!ids.length) return [];
  const rows = await findEnrollments({ activityId, 'extra.participantId': command().in([...ids]) }, { limit: ids.length });
  return rows.filter(present);
}

/** Whether the caller may see `other` among fellow participants: the event's pick rule, or a match made already. */
export function withinRule(p: Participation, other: Pick<ProfileRecord, 'gender'>, matched: boolean): boolean {
  return matched || mayPick(pickRuleOf(p.activity), p.myProfile.gender, other.gender);
}

export async function listParticipants(activityId: string, ctx: ActionContext): Promise<ParticipantsView> {
  const participation = await requireParticipant(activityId, ctx);
  const { activity } = participation;
  const [rows, blocked, picks] = await Promise.all([
    allEnrollments({ activityId, status: 'approved', checkedInAt: command().exists(true) }),
    blockedWith(ctx.openid),
    findById<PickRecord>(C.picks, pickIdOf(activityId, ctx.openid)),
  ]);
  const matched = new Set((await visibleMatches(ctx.openid, blocked)).map((m) => m.other));
  const others = rows.filter((e) => e.openid !== ctx.openid && !blocked.has(e.openid));
  const profiles = others.length
    ? await findMany<ProfileRecord>(C.profiles, { _id: command().in(others.map((e) => e.openid)) }, { limit: others.length })
    : [];
  const byOpenid = new Map(profiles.map((p) => [p._id, p]));
  const picked = new Set(picks?.picked ?? []);
  const shown = others
    .map((e) => {
      const profile = byOpenid.get(e.openid);
      if (!profile || !withinRule(participation, profile, matched.has(e.openid))) return { e, visible: null };
      const relation = relationOf({
        self: false,
        blocked: false,
        matched: matched.has(e.openid),
        fellowParticipants: true,
        organiser: false,
      });
      return { e, visible: visibleProfile(profile, relation) };
    })
    .filter((x) => x.visible !== null)
    // By the opaque id: an order that says nothing (not who checked in first).
    .sort((x, y) => (pidOf(x.e) < pidOf(y.e) ? -1 : 1));
  const views = await renderProfiles(
    shown.map((x) => x.visible),
    'cover',
  );
  const items: ParticipantView[] = shown.map((x, i) => ({
    participantId: pidOf(x.e),
    profile: views[i]!,
    picked: picked.has(x.e.openid),
    matched: matched.has(x.e.openid),
  }));
  const f = fieldsOf(activity);
  return {
    activityId,
    title: activity.title,
    pickLimit: f.pickLimit,
    pickRule: pickRuleOf(activity),
    pickRuleText: PICK_RULES[pickRuleOf(activity)],
    pickCloseAt: toIso(f.pickCloseAt),
    picksOpen: true,
    myPicks: items.filter((x) => x.picked).map((x) => x.participantId),
    items,
  };
}

export const GONE = '该参加者不存在或已不可见';

/** One fellow participant in full (all their visible photos). */
export async function getParticipant(activityId: string, participantId: string, ctx: ActionContext): Promise<ParticipantView> {
  const participation = await requireParticipant(activityId, ctx);
  const [target] = await participantsByIds(activityId, [participantId]);
  if (!target) throw fail('NOT_FOUND', GONE);
  const self = target.openid === ctx.openid;
  const [blocked, profile, picks] = await Promise.all([
    blockedWith(ctx.openid),
    findById<ProfileRecord>(C.profiles, target.openid),
    findById<PickRecord>(C.picks, pickIdOf(activityId, ctx.openid)),
  ]);
  const matched =
    !self && !blocked.has(target.openid) && (await visibleMatches(ctx.openid, blocked)).some((m) => m.other === target.openid);
  const fellow = self || (!!profile && withinRule(participation, profile, matched));
  const relation = relationOf({
    self,
    blocked: blocked.has(target.openid),
    matched,
    fellowParticipants: fellow,
    organiser: false,
  });
  const view = profile ? await renderProfile(visibleProfile(profile, relation), 'all') : null;
  if (!view) throw fail('NOT_FOUND', GONE);
  return { participantId, profile: view, picked: !!picks?.picked.includes(target.openid), matched };
}
