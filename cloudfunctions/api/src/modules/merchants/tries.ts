/**
 * The limit on wrong 核验码 (typed short codes) at the counter: per clerk and per place, per day (China time).
 * Every typed code first claims a try from both counters with one conditional update each (below the limit →
 * +1), then the code is looked up; a right code gives its tries back. Claiming before looking means concurrent
 * guesses cannot all be looked up before any is counted: at most `limit` lookups per counter and day.
 * The maths (chance of guessing a live code): docs/merchants.md.
 */
import { command, insertUnique, updateWhere } from '../../db';
import { chinaDate } from '../../rules/time';
import { MERCHANTS_COLLECTIONS as C } from './collections';
import { merchantsErrors as errors } from './errors';

/** Wrong codes a clerk may type per day, and all clerks of one place together. */
export const WRONG_TRIES = { staff: 20, place: 50 } as const;
type Scope = keyof typeof WRONG_TRIES;

/** The counter document of a clerk (openid) or a place on a day. */
export function triesId(scope: Scope, id: string, now: Date): string {
  return `${scope}_${id}_${chinaDate(now)}`;
}

async function claimOne(scope: Scope, id: string, now: Date): Promise<string | null> {
  const _ = command();
  const docId = triesId(scope, id, now);
  const below = { _id: docId, wrong: _.lt(WRONG_TRIES[scope]) };
  if (await updateWhere(C.codeTries, below, { wrong: _.inc(1) })) return docId;
  if (await insertUnique(C.codeTries, docId, { scope, day: chinaDate(now), wrong: 1 })) return docId;
  // Created meanwhile by a concurrent try: claim on it (refused when that one took the last try).
  return (await updateWhere(C.codeTries, below, { wrong: _.inc(1) })) ? docId : null;
}

async function giveBack(docIds: string[]): Promise<void> {
  const _ = command();
  await Promise.all(docIds.map((docId) => updateWhere(C.codeTries, { _id: docId, wrong: _.gt(0) }, { wrong: _.inc(-1) })));
}

/**
 * Runs `look` (the lookup of a typed code) with a try claimed from the clerk's and the place's counters; a code
 * found gives the tries back, a refused one keeps them. Refused with TRIES_EXCEEDED when either is used up.
 */
export async function withTry<T>(staff: string, placeId: string, now: Date, look: () => Promise<T>): Promise<T> {
  const mine = await claimOne('staff', staff, now);
  if (!mine) throw errors.fail('TRIES_EXCEEDED', undefined, { field: 'code' });
  const place = await claimOne('place', placeId, now);
  if (!place) {
    await giveBack([mine]);
    throw errors.fail('TRIES_EXCEEDED', '本店今天输错核验码的次数已达上限，请改为扫描会员的二维码', { field: 'code' });
  }
  const found = await look();
  await giveBack([mine, place]);
  return found;
}
