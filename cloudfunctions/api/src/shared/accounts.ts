import { findById, insertUnique } from '../db';
import { CORE_COLLECTIONS } from './collections';
import type { AccountRecord } from './records';

/** The account's _id is the openid: concurrent first calls race on one _id and only one insert wins. */
export async function ensureAccount(openid: string, now: Date): Promise<AccountRecord> {
  const existing = await findById<AccountRecord>(CORE_COLLECTIONS.accounts, openid);
  if (existing) return existing;
  await insertUnique(CORE_COLLECTIONS.accounts, openid, { openid, createdAt: now });
  return (await findById<AccountRecord>(CORE_COLLECTIONS.accounts, openid)) ?? { _id: openid, openid, createdAt: now };
}
