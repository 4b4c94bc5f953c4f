/**
 * Seats with a capacity, never oversold under any concurrency (enrollment places, legal-aid slots, offer and
 * booking allowances). A capacity document carries:
 *
 *   seatsLeft: number                       seats not held
 *   holders: { [holder]: string[] }          who holds a seat, and the groups that seat counts against
 *   groupsLeft?: { [group]: number }         seats left per group quota (per union, per gender, per category…)
 *
 * A claim is ONE conditional update of that document — "a seat is left, this holder has none, every group
 * named still has room" in the filter, the decrements and the holder's entry in the update — so the database
 * decides between concurrent callers: never count-then-insert, and no check that snapshot-isolation write
 * skew could slip past (there is no transaction, only one atomic single-document update). A release or a
 * move is the same kind of update, guarded by the holder's entry, so it happens at most once.
 * Holder keys and group names must be plain field names ([A-Za-z0-9_-:]), e.g. `org-cz-wujin`.
 *
 * Holders are keyed PER ATTEMPT (`attemptKey(person)`), never by person alone: the record that explains a seat
 * names the key it holds, every actor gives back only the key it claimed or read off the record it changed
 * (guarded by that key), so a late actor can never release or pass on a seat a newer attempt of the same
 * person holds. "One seat per person" is the job of the record's deterministic _id, not of the holder key.
 */
import { randomBytes } from 'node:crypto';
import { command, findById, getDb, updateWhere } from '../db';

export interface SeatRef {
  collection: string;
  id: string;
}

/** The capacity fields themselves, for a record type that declares all its other fields (e.g. ActivityRecord). */
export interface CapacityCounts {
  seatsLeft: number;
  holders?: Record<string, string[]>;
  groupsLeft?: Record<string, number>;
}

/** A capacity document as read by the functions here: the counts, whatever else it holds. */
export interface CapacityFields extends CapacityCounts {
  [key: string]: unknown;
}

export type ClaimResult = 'claimed' | 'held' | 'full' | 'group_full' | 'closed';

const FIELD_KEY = /^[A-Za-z0-9_:-]{1,80}$/;

/** A name safe to use as a field key in an update path (holder keys, group names); throws otherwise. */
export function fieldKey(name: string): string {
  if (!FIELD_KEY.test(name)) throw new Error(`not a safe capacity key: ${name}`);
  return name;
}

/** A fresh holder key for one attempt of `person` (an openid or an opaque person key): `person:attempt`. */
export function attemptKey(person: string): string {
  return `${fieldKey(person)}:${randomBytes(5).toString('hex')}`;
}

/** The person part of a holder key made by attemptKey (a key without an attempt is the person itself). */
export function personOfKey(holder: string): string {
  const at = holder.indexOf(':');
  return at < 0 ? holder : holder.slice(0, at);
}

/** The fields a capacity document starts with: `seats` seats, and `groups` quotas (group → seats). */
export function initialCapacity(seats: number, groups: Record<string, number> = {}): Required<CapacityFields> {
  for (const g of Object.keys(groups)) fieldKey(g);
  return { seatsLeft: seats, holders: {}, groupsLeft: { ...groups } };
}

/**
 * Claims a seat for `holder`, counting against `groups`. `where` adds guards on the same document (e.g.
 * `{ status: 'open' }`); when they fail the answer is 'closed'. One database request when a seat is taken;
 * one more to tell why when it is not.
 */
export async function claimSeat(
  ref: SeatRef,
  holder: string,
  options: { groups?: string[]; where?: Record<string, unknown> } = {},
): Promise<ClaimResult> {
  const _ = command();
  const groups = (options.groups ?? []).map(fieldKey);
  const filter: Record<string, unknown> = {
    ...options.where,
    _id: ref.id,
    seatsLeft: _.gt(0),
    [`holders.${fieldKey(holder)}`]: _.exists(false),
  };
  const change: Record<string, unknown> = { seatsLeft: _.inc(-1), [`holders.${holder}`]: groups };
  for (const g of groups) {
    filter[`groupsLeft.${g}`] = _.gt(0);
    change[`groupsLeft.${g}`] = _.inc(-1);
  }
  if ((await updateWhere(ref.collection, filter, change)) === 1) return 'claimed';
  const doc = await findById<CapacityFields>(ref.collection, ref.id);
  if (!doc) return 'closed';
  if (doc.holders?.[holder]) return 'held';
  for (const [field, value] of Object.entries(options.where ?? {})) {
    if (typeof value !== 'object' && doc[field] !== value) return 'closed';
  }
  if (!(doc.seatsLeft > 0)) return 'full';
  return groups.some((g) => !((doc.groupsLeft?.[g] ?? 0) > 0)) ? 'group_full' : 'closed';
}

/** Gives `holder`'s seat back (and its group quotas). False when they held none: a release happens once. */
export async function releaseSeat(ref: SeatRef, holder: string): Promise<boolean> {
  const _ = command();
  const doc = await findById<CapacityFields>(ref.collection, ref.id);
  const groups = doc?.holders?.[holder];
  if (!groups) return false;
  const change: Record<string, unknown> = { seatsLeft: _.inc(1), [`holders.${fieldKey(holder)}`]: _.remove() };
  for (const g of groups) change[`groupsLeft.${fieldKey(g)}`] = _.inc(1);
  // Guarded by the holder's entry AND the groups read: a concurrent release of the same seat changes nothing.
  return (await updateWhere(ref.collection, { _id: ref.id, [`holders.${holder}`]: _.exists(true) }, change)) === 1;
}

/**
 * Hands `from`'s seat straight to `to` (a waitlist promotion that must not let a third caller take the seat
 * in between), moving group quotas when their groups differ. False when `from` holds none, `to` holds one
 * already, or a group of `to` has no room.
 */
export async function moveSeat(ref: SeatRef, from: string, to: string, toGroups: string[] = []): Promise<boolean> {
  const _ = command();
  const doc = await findById<CapacityFields>(ref.collection, ref.id);
  const fromGroups = doc?.holders?.[from];
  if (!fromGroups) return false;
  const filter: Record<string, unknown> = {
    _id: ref.id,
    [`holders.${fieldKey(from)}`]: _.exists(true),
    [`holders.${fieldKey(to)}`]: _.exists(false),
  };
  const change: Record<string, unknown> = { [`holders.${from}`]: _.remove(), [`holders.${to}`]: toGroups.map(fieldKey) };
  const delta = new Map<string, number>();
  for (const g of fromGroups) delta.set(g, (delta.get(g) ?? 0) + 1);
  for (const g of toGroups) delta.set(g, (delta.get(g) ?? 0) - 1);
  for (const [g, d] of delta) {
    if (d === 0) continue;
    change[`groupsLeft.${fieldKey(g)}`] = _.inc(d);
    if (d < 0) filter[`groupsLeft.${g}`] = _.gte(-d);
  }
  return (await updateWhere(ref.collection, filter, change)) === 1;
}

/** Creates a capacity document's seat fields if it has none yet (e.g. a member's booking allowance). */
export async function ensureCapacity(ref: SeatRef, seats: number, extra: Record<string, unknown> = {}): Promise<void> {
  const existing = await findById(ref.collection, ref.id);
  if (existing) return;
  try {
    await getDb()
      .collection(ref.collection)
      .add({ data: { _id: ref.id, ...extra, ...initialCapacity(seats) } });
  } catch (error) {
    if (!(await findById(ref.collection, ref.id))) throw error; // lost a race to create it: fine
  }
}
