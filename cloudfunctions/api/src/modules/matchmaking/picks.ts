/**
 * Picks after the event (互选). Each checked-in participant privately picks up to N others; a match exists only
 * when both picked each other, and only then is it revealed — to both, with contacts. Nobody learns who picked
 * them otherwise.
 *
 * Concurrency: whether A and B match depends on A's pick AND B's pick. Under snapshot isolation two transactions
 * that each write only their own picks and read the other's can both miss (write skew). So each pick writes, in
 * one transaction, the picker's record AND the pair record of every pair it changes (`_id` from the sorted pair):
 * A and B picking each other at the same moment write the same pair record, one of them conflicts and is retried
 * on fresh data, and exactly one of them completes the match — never missed, never doubled.
 * A block or a removal made meanwhile is read inside the transaction before a match is completed; both touch the
 * pair records after storing themselves (safety.ts), so a pick whose snapshot missed them conflicts and reads them
 * on retry.
 */
import type { ActionContext } from '../../action';
import { command, findMany, withTransaction, type Tx } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { PICK_RULE_REFUSAL } from '../../rules/matchmaking';
import { addTimelineEntry } from '../../shared/timeline';
import { enrollmentIdOf, txEnrollment } from '../enrollment/engine';
import { MATCHMAKING_COLLECTIONS as C } from './collections';
import { matchmakingErrors } from './errors';
import { fieldsOf, pickRuleOf } from './events';
import { blockIdOf, pairOf, participantIdOf, pickIdOf } from './ids';
import { GONE, participantsByIds, requireParticipant, withinRule } from './participants';
import { renderProfiles } from './profileView';
import type { PairRecord, PickRecord, ProfileRecord } from './records';
import { blockedWith, pidOf } from './relations';
import { visibleProfile } from './visibility';
import type { MatchView, PickResult } from './views';

interface TxOutcome {
  /** Everyone picked after this call (kept mutual picks included). */
  picked: string[];
  /** Pairs this call made mutual: the other person and the pair record's id. */
  matched: Array<{ other: string; pairId: string; matchedAt: Date }>;
}

/**
 * Whether a match between the two may not form, as of the transaction's snapshot: a block either way, or either
 * of them no longer a participant (removed by the organiser after a report).
 */
async function matchBarred(tx: Tx, activityId: string, me: string, other: string): Promise<boolean> {
  if ((await tx.get(C.blocks, blockIdOf(me, other))) || (await tx.get(C.blocks, blockIdOf(other, me)))) return true;
  for (const openid of [me, other]) {
    if ((await txEnrollment(tx, enrollmentIdOf(activityId, openid)))?.status !== 'approved') return true;
  }
  return false;
}

/** The transaction: the picker's record and every changed pair, written together (see the header). */
async function writePicks(
  tx: Tx,
  activityId: string,
  me: string,
  chosen: string[],
  limit: number,
  now: Date,
): Promise<TxOutcome> {
  const pickId = pickIdOf(activityId, me);
  const existing = await tx.get<PickRecord>(C.picks, pickId);
  const before = existing?.picked ?? [];
  const after = [...chosen];
  const pairs = new Map<string, PairRecord | null>();
  const pairFor = async (other: string) => {
    const { id } = pairOf(activityId, me, other);
    if (!pairs.has(id)) pairs.set(id, await tx.get<PairRecord>(C.pairs, id));
    return pairs.get(id) ?? null;
  };
  // A pick that already made a match stays: a match cannot be taken back (blocking hides it instead).
  for (const other of before) if (!after.includes(other) && (await pairFor(other))?.mutual) after.push(other);
  if (after.length > limit) throw matchmakingErrors.fail('PICK_LIMIT', `本场活动每人最多选${limit}位（含已互选成功的）`);
  const changed = [...new Set([...before, ...after])].filter((o) => before.includes(o) !== after.includes(o));
  const matched: TxOutcome['matched'] = [];
  for (const other of changed) {
    const { id, members } = pairOf(activityId, me, other);
    const pair = await pairFor(other);
    const picked: [boolean, boolean] = pair ? [pair.picked[0], pair.picked[1]] : [false, false];
    picked[members.indexOf(me)] = after.includes(other);
    const mutual = picked[0] && picked[1];
    if (mutual && !pair?.mutual && (await matchBarred(tx, activityId, me, other)))
      throw fail('NOT_FOUND', `${GONE}，请刷新列表后重新选择`);
    const record: Omit<PairRecord, '_id'> = { activityId, members, picked, mutual, updatedAt: now };
    if (mutual) record.matchedAt = now;
    await tx.set(C.pairs, id, record);
    if (mutual) matched.push({ other, pairId: id, matchedAt: now });
  }
  await tx.set(C.picks, pickId, { activityId, openid: me, picked: after, updatedAt: now });
  return { picked: after, matched };
}

export async function savePicks(activityId: string, participantIds: string[], ctx: ActionContext): Promise<PickResult> {
  const participation = await requireParticipant(activityId, ctx);
  const { activity } = participation;
  const ids = [...new Set(participantIds)];
  const limit = fieldsOf(activity).pickLimit;
  if (ids.length > limit) throw matchmakingErrors.fail('PICK_LIMIT', `本场活动每人最多选${limit}位`);
  const [targets, blocked] = await Promise.all([participantsByIds(activityId, ids), blockedWith(ctx.openid)]);
  const profiles = targets.length
    ? await findMany<ProfileRecord>(C.profiles, { _id: command().in(targets.map((t) => t.openid)) }, { limit: targets.length })
    : [];
  const visible = new Set(profiles.filter((p) => !p.paused).map((p) => p._id));
  const profileOf = new Map(profiles.map((p) => [p._id, p]));
  const byPid = new Map(targets.map((t) => [pidOf(t), t]));
  const chosen: string[] = [];
  for (const pid of ids) {
    const t = byPid.get(pid);
    if (!t || t.openid === ctx.openid || blocked.has(t.openid) || !visible.has(t.openid))
      throw fail('NOT_FOUND', `${GONE}，请刷新列表后重新选择`);
    // Outside the event's pick rule (e.g. the same sex at an event for 异性之间互选): refused, nothing written.
    if (!withinRule(participation, profileOf.get(t.openid)!, false)) {
      const rule = pickRuleOf(activity);
      throw matchmakingErrors.fail('PICK_RULE', PICK_RULE_REFUSAL[rule] || undefined, { field: 'participantIds' });
    }
    chosen.push(t.openid);
  }
  const now = ctx.now;
  const outcome = await withTransaction((tx) => writePicks(tx, activityId, ctx.openid, chosen, limit, now));
  for (const m of outcome.matched) {
    const note = '您与一位参加者互选成功，可在“我的互选”中查看对方的联系方式';
    const entry = {
      area: 'matchmaking',
      refId: m.pairId,
      title: activity.title,
      status: 'matched',
      statusText: '互选成功',
      note,
      at: now,
    };
    await addTimelineEntry({ ...entry, openid: ctx.openid });
    await addTimelineEntry({ ...entry, openid: m.other, notify: true });
  }
  const matchedProfiles = outcome.matched.length
    ? await findMany<ProfileRecord>(C.profiles, { _id: command().in(outcome.matched.map((m) => m.other)) }, { limit: 10 })
    : [];
  const byOpenid = new Map(matchedProfiles.map((p) => [p._id, p]));
  const shown = outcome.matched.filter((m) => byOpenid.has(m.other));
  const views = await renderProfiles(
    shown.map((m) => visibleProfile(byOpenid.get(m.other)!, 'match')),
    'all',
  );
  const matched: MatchView[] = [];
  shown.forEach((m, i) => {
    const profile = views[i];
    if (!profile) return; // paused meanwhile: revealed once they show their profile again
    matched.push({
      matchId: m.pairId,
      activityId,
      activityTitle: activity.title,
      participantId: participantIdOf(activityId, m.other),
      matchedAt: toIso(m.matchedAt),
      profile,
    });
  });
  return { myPicks: outcome.picked.map((o) => participantIdOf(activityId, o)), matched };
}
