/**
 * The lottery draw (抽签) after the sign-up window. Starting it fixes a fresh random seed and the order
 * (drawOrder.ts) in one record per activity (insert with _id = activityId: a second start finds it), written
 * to the audit log. Allocation then walks that order: winners claim seats in turn (group quotas respected),
 * everyone else is waitlisted in draw order. It is resumable — the record keeps a cursor and each entry's
 * outcome — and idempotent (every step is guarded by the entry still being 'applied'), so a large draw runs
 * over several calls within the function timeout; a lease keeps two runs from working at once.
 */
import type { ActionContext } from '../../action';
import { command, findAll, findById, findMany, insertUnique, updateWhere } from '../../db';
import { fail } from '../../errors';
import { writeAudit } from '../../shared/audit';
import { attemptKey, claimSeat, releaseSeat } from '../../shared/capacity';
import { sameAttempt } from './holds';
import { asDate, loadActivity, loadManagedActivity } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import { drawOrder, newSeed } from './drawOrder';
import { SEAT_HOLDING, type ActivityRecord, type DrawEntry, type DrawRecord, type EnrollmentRecord } from './records';
import { recordStatus } from './recordStatus';
import type { DrawProgressView } from './views';
import { seatRef } from './waitlist';

/** Sign-ups that passed the window check finish within the function timeout (10 s): the draw waits that out. */
export const SETTLE_MS = 15_000;
/** Work per call, well inside the function timeout; the staffer's app calls again until done. */
const TIME_BUDGET_MS = 5_000;
const CHUNK = 50;
const LEASE_MS = 15_000;

/** Outcome letters kept per entry of the order: W won a seat, L waitlisted, S skipped (withdrew before). */
export type Outcome = 'W' | 'L' | 'S';

async function startDraw(activity: ActivityRecord, ctx: ActionContext): Promise<DrawRecord> {
  // The window is fixed first: an edit moving it (to take sign-ups this order would never see) is refused from
  // now on, and one that read the activity before fails on its updatedAt; one that won leaves the window open.
  const fixed = await updateWhere(
    C.activities,
    { _id: activity._id, signupEnd: command().lte(new Date(ctx.now.getTime() - SETTLE_MS)) },
    { drawStartedAt: ctx.now, updatedAt: ctx.now },
  );
  if (fixed !== 1) throw fail('CONFLICT', '报名时间已被修改，请刷新后再抽签');
  const entries: DrawEntry[] = (
    await findAll<EnrollmentRecord>(C.enrollments, { activityId: activity._id, status: 'applied' })
  ).map((e) => ({ enrollmentId: e._id, ticket: e.ticket, rank: e.rank }));
  const seed = newSeed();
  const record: Omit<DrawRecord, '_id'> = {
    activityId: activity._id,
    seed,
    order: drawOrder(seed, entries),
    cursor: 0,
    results: '',
    winners: 0,
    waitlisted: 0,
    status: 'running',
    leaseUntil: new Date(0),
    startedAt: ctx.now,
    startedBy: ctx.openid,
  };
  if (!(await insertUnique(C.draws, activity._id, record))) return (await findById<DrawRecord>(C.draws, activity._id))!;
  await writeAudit({
    actor: ctx.openid,
    action: 'enrollment.draw',
    target: activity._id,
    summary: `${activity.title} · ${entries.length}人参加抽签 · 种子 ${seed}`,
    at: ctx.now,
    details: { seed, entries: entries.length, capacity: activity.capacity },
  });
  return { _id: activity._id, ...record } as DrawRecord;
}

function progress(d: DrawRecord): DrawProgressView {
  return { done: d.status === 'done', processed: d.cursor, total: d.order.length, winners: d.winners, seed: d.seed };
}

/** Allocates one entry: a seat if one is left (and its groups have room), else the waitlist. */
async function allocate(
  activity: ActivityRecord,
  e: EnrollmentRecord,
  index: number,
  state: { full: boolean; winners: number; waitlisted: number },
  now: Date,
): Promise<Outcome> {
  if (e.status !== 'applied') {
    // Allocated by an earlier run of this draw that stopped before saving its cursor: count it as it stands.
    if (e.status === 'waitlisted' && e.waitRank === index) {
      state.waitlisted += 1;
      return 'L';
    }
    if (SEAT_HOLDING.includes(e.status) && e.decidedAt && e.source === 'self') {
      state.winners += 1;
      return 'W';
    }
    return 'S';
  }
  if (!state.full) {
    // The entry's own attempt key (a re-run of this draw after a crash finds it 'held': the seat is its own).
    const key = e.seatKey ?? attemptKey(e.openid);
    const claim = await claimSeat(seatRef(activity._id), key, { groups: e.groups ?? [] });
    if (claim === 'full' || claim === 'closed') state.full = true;
    if (claim === 'claimed' || claim === 'held') {
      const status = activity.review ? 'pending' : 'approved';
      const guard = { _id: e._id, status: 'applied', ...sameAttempt(e) };
      if ((await updateWhere(C.enrollments, guard, { status, seatKey: key, decidedAt: now, updatedAt: now })) !== 1) {
        await releaseSeat(seatRef(activity._id), key);
        return 'S';
      }
      state.winners += 1;
      await recordStatus(e, activity.title, status, now, {
        note: activity.review ? '抽签中签，等待工会审核' : '抽签中签，名额已为您保留',
        notify: true,
      });
      return 'W';
    }
  }
  const change = { status: 'waitlisted', waitRank: index, waitlistedAt: now, updatedAt: now };
  if ((await updateWhere(C.enrollments, { _id: e._id, status: 'applied' }, change)) !== 1) return 'S';
  state.waitlisted += 1;
  await recordStatus(e, activity.title, 'waitlisted', now, { note: `未中签，候补第${state.waitlisted}位`, notify: true });
  return 'L';
}

export async function runDraw(activityId: string, ctx: ActionContext): Promise<DrawProgressView> {
  const started = Date.now();
  const now = ctx.now;
  let activity = await loadManagedActivity(activityId, ctx);
  if (activity.mode !== 'lottery') throw fail('CONFLICT', '本活动不是抽签方式');
  if (activity.status === 'draft') throw fail('CONFLICT', '活动尚未发布');
  const end = asDate(activity.signupEnd).getTime();
  if (activity.status === 'open' && now.getTime() < end) throw fail('CONFLICT', '报名尚未截止，请先截止报名再抽签');
  if (now.getTime() < end + SETTLE_MS) throw fail('CONFLICT', '报名刚刚截止，请15秒后再抽签');

  let draw = (await findById<DrawRecord>(C.draws, activityId)) ?? (await startDraw(activity, ctx));
  if (draw.status === 'done') return progress(draw);
  const leased = await updateWhere(
    C.draws,
    { _id: activityId, status: 'running', leaseUntil: command().lte(now) },
    { leaseUntil: new Date(now.getTime() + LEASE_MS) },
  );
  if (leased !== 1) return progress(draw); // another call is allocating right now
  draw = (await findById<DrawRecord>(C.draws, activityId))!;
  activity = await loadActivity(activityId);
  const state = { full: activity.seatsLeft <= 0, winners: draw.winners, waitlisted: draw.waitlisted };
  let cursor = draw.cursor;
  let results = draw.results;
  while (cursor < draw.order.length && Date.now() - started < TIME_BUDGET_MS) {
    const chunk = draw.order.slice(cursor, cursor + CHUNK);
    const rows = await findMany<EnrollmentRecord>(
      C.enrollments,
      { _id: command().in(chunk.map((c) => c.enrollmentId)) },
      { limit: chunk.length },
    );
    const byId = new Map(rows.map((r) => [r._id, r]));
    let outcomes = '';
    for (const [i, entry] of chunk.entries()) {
      const e = byId.get(entry.enrollmentId);
      outcomes += e ? await allocate(activity, e, cursor + i, state, now) : 'S';
    }
    await updateWhere(
      C.draws,
      { _id: activityId, cursor },
      { cursor: cursor + chunk.length, results: results + outcomes, winners: state.winners, waitlisted: state.waitlisted },
    );
    cursor += chunk.length;
    results += outcomes;
  }
  const done = cursor >= draw.order.length;
  const finish: Record<string, unknown> = { leaseUntil: new Date(0) };
  if (done) Object.assign(finish, { status: 'done', finishedAt: now });
  await updateWhere(C.draws, { _id: activityId }, finish);
  if (done) await updateWhere(C.activities, { _id: activityId }, { drawnAt: now });
  return { done, processed: cursor, total: draw.order.length, winners: state.winners, seed: draw.seed };
}
