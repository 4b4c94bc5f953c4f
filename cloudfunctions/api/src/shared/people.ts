/** What to call people in staff screens: their member name, else the name given when they were granted a role. */
import { command, findMany } from '../db';
import { CORE_COLLECTIONS } from './collections';
import type { AccountRecord, MemberRecord } from './records';

/** Names of the given people (openid → name), looked up together: one query for members, one for accounts. */
export async function namesOf(openids: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(openids)];
  const names = new Map<string, string>();
  if (!ids.length) return names;
  const _ = command();
  const [members, accounts] = await Promise.all([
    findMany<MemberRecord>(CORE_COLLECTIONS.members, { _id: _.in(ids) }, { limit: 1000 }),
    findMany<AccountRecord>(CORE_COLLECTIONS.accounts, { _id: _.in(ids), displayName: _.exists(true) }, { limit: 1000 }),
  ]);
  for (const a of accounts) if (a.displayName) names.set(a._id, a.displayName);
  for (const m of members) names.set(m._id, m.name);
  return names;
}
