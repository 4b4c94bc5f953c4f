/**
 * What other areas may know of a member's hardship standing (金秋助学 asks who may apply): whether the family has
 * an active 困难职工档案, and the union's income line. Other areas read hardship data only through these.
 */
import { findById } from '../../db';
import { toIso } from '../../lib/time';
import { HARDSHIP_LEVEL_LABELS, qualifyingLine, type HardshipLevel } from '../../rules/hardship';
import { HARDSHIP_COLLECTIONS as C } from './collections';
import type { HardshipFileRecord } from './records';
import { loadStandard } from './standard';

export interface ActiveHardshipFile {
  level: HardshipLevel;
  levelText: string;
  /** When the file was opened or last renewed (ISO). */
  since: string;
}

/** The member's 困难职工档案 when it is active (在档), or null (none, lapsed, or 解困脱困). */
export async function activeHardshipFileOf(openid: string): Promise<ActiveHardshipFile | null> {
  const file = await findById<HardshipFileRecord>(C.files, openid);
  if (!file || file.status !== 'active') return null;
  return { level: file.level, levelText: HARDSHIP_LEVEL_LABELS[file.level], since: toIso(file.since) };
}

/** The union's hardship line: income per head (yuan a month, after rigid expenses) at most this qualifies. */
export async function hardshipIncomeLine(): Promise<number> {
  return qualifyingLine(await loadStandard());
}
