/**
 * A member registers for an event through the engine's sign-up (eligibility, window, per-unit cap, seat,
 * waitlist, 单位推荐 and review all come from it), with their declaration checked against the event first.
 * In a team event the member registers as captain: the seat is held for the team. Before the sign-up the
 * captain's record (entries.ts) is written in a transaction — refused while they are on another team —
 * so that nobody can be a captain and a teammate elsewhere in the same event.
 */
import type { ActionContext } from '../../action';
import { updateWhere, withTransaction } from '../../db';
import { fail } from '../../errors';
import { findMemberByOpenid } from '../../shared/members';
import type { MemberRecord } from '../../shared/records';
import { cachedActivity, getEnrollment, enrollmentIdOf, signUp, type EnrollmentView } from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { checkDeclaration } from './declaration';
import { boundMessage, entryBinds, entryIdOf, readEntry } from './entries';
import { competitionErrors } from './errors';
import { ACTIVE } from './eventViews';
import { eventFieldsOf } from './hooks';
import type { EntryRecord, EventAreaFields, EventRecord, RegistrationExtra } from './records';
import type { RegisterInput } from './schemas';

const invalid = (field: string, message: string) => fail('INVALID_INPUT', message, { field });

/** Writes the captain's record (refused while they are bound to another team); returns its stamp. */
async function claimCaptainEntry(activity: EventRecord, member: MemberRecord, now: Date): Promise<Date> {
  const own = enrollmentIdOf(activity._id, member._id);
  return withTransaction(async (tx) => {
    const { entry, team } = await readEntry(tx, activity._id, member._id);
    if (entry && entry.teamId !== own && entryBinds(entry, team, now))
      throw competitionErrors.fail('IN_ANOTHER_TEAM', boundMessage(entry, team));
    const { _id, ...record }: EntryRecord = {
      _id: entryIdOf(activity._id, member._id),
      eventId: activity._id,
      openid: member._id,
      name: member.name,
      orgId: member.orgId,
      orgName: member.orgName,
      teamId: own,
      role: 'captain',
      status: 'active',
      joinedAt: entry?.teamId === own ? entry.joinedAt : now,
      updatedAt: now,
    };
    await tx.set(C.entries, _id, record);
    return now;
  });
}

/** After a failed registration: the captain's record lets go, unless their team takes part after all. */
async function releaseCaptainEntry(activity: EventRecord, openid: string, stamp: Date, now: Date): Promise<void> {
  const own = enrollmentIdOf(activity._id, openid);
  const team = await getEnrollment(own);
  if (team && ACTIVE.includes(team.status)) return;
  await updateWhere(
    C.entries,
    { _id: entryIdOf(activity._id, openid), teamId: own, role: 'captain', status: 'active', updatedAt: stamp },
    { status: 'left', updatedAt: now },
  );
}

export async function registerForEvent(input: RegisterInput, ctx: ActionContext): Promise<EnrollmentView> {
  const { activity } = await cachedActivity<EventAreaFields>(input.eventId);
  if (activity.area !== 'competition') throw fail('NOT_FOUND', '该竞赛项目不存在');
  const fields = eventFieldsOf(activity);
  const declaration = checkDeclaration(fields, input.declaration, ctx.openid);
  const request = { activityId: activity._id, area: 'competition' as const, answers: input.answers };
  if (fields.format !== 'team') {
    if (input.teamName) throw invalid('teamName', '个人赛不需要填写队伍名称');
    return signUp({ ...request, extra: () => ({ declaration }) satisfies RegistrationExtra }, ctx);
  }
  const teamName = input.teamName;
  if (!teamName) throw invalid('teamName', '团体赛请填写队伍名称');
  const member = await findMemberByOpenid(ctx.openid);
  if (!member) throw fail('NOT_MEMBER', '您还不是工会会员，请先完成实名入会后再报名');
  const now = ctx.now;
  const stamp = await claimCaptainEntry(activity, member, now);
  try {
    const team = { name: teamName, size: 1, round: now.getTime() };
    return await signUp({ ...request, extra: () => ({ declaration, team }) satisfies RegistrationExtra }, ctx);
  } catch (error) {
    await releaseCaptainEntry(activity, ctx.openid, stamp, now);
    throw error;
  }
}
