import { command, findById, insertUnique, updateWhere } from '../db';
import { CORE_COLLECTIONS } from './collections';
import type { AccountRecord } from './records';

/** The account's _id is the openid: concurrent first calls race on one _id and only one insert wins. */
export async function ensureAccount(openid: string, now: Date): Promise<AccountRecord> {
  const existing = await findById<AccountRecord>(CORE_COLLECTIONS.accounts, openid);
  if (existing) return existing;
  await insertUnique(CORE_COLLECTIONS.accounts, openid, { openid, createdAt: now });
  return (await findById<AccountRecord>(CORE_COLLECTIONS.accounts, openid)) ?? { _id: openid, openid, createdAt: now };
}

/**
 * Remembers what staff call a person who is not a member (their account, created if they never opened the app).
 * `keep`: a name the account already has stays (an invitation's name never replaces one staff typed later).
 */
export async function nameAccount(openid: string, name: string, now: Date, opts: { keep?: boolean } = {}): Promise<void> {
  const displayName = name.trim();
  if (await insertUnique(CORE_COLLECTIONS.accounts, openid, { openid, createdAt: now, displayName })) return;
  const where = opts.keep ? { _id: openid, displayName: command().exists(false) } : { _id: openid };
  await updateWhere(CORE_COLLECTIONS.accounts, where, { displayName });
}
