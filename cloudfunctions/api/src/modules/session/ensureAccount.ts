import { COLLECTIONS, findById, insertUnique } from '../../db';
import type { AccountRecord } from '../../records';

/** The account's _id is the openid: concurrent first calls race on one _id and only one insert wins. */
export async function ensureAccount(openid: string, now: Date): Promise<AccountRecord> {
  const existing = await findById<AccountRecord>(COLLECTIONS.accounts, openid);
  if (existing) return existing;
  await insertUnique(COLLECTIONS.accounts, openid, { openid, createdAt: now });
  return (await findById<AccountRecord>(COLLECTIONS.accounts, openid)) ?? { _id: openid, openid, createdAt: now };
}
