/**
 * Read-only door to the 困难职工档案 for other areas building lists (送温暖/送清凉): who holds an active file in a
 * union's subtree, with the level. No name, income or family data leaves here.
 */
import { command, findAll } from '../../db';
import type { HardshipLevel } from '../../rules/hardship';
import { HARDSHIP_COLLECTIONS as C } from './collections';
import type { HardshipFileRecord } from './records';

export interface ActiveHardshipFile {
  openid: string;
  level: HardshipLevel;
  orgId: string;
}

/** Members with an active 困难职工档案 whose union lies in the subtree of `orgId` (lapsed and closed files excluded). */
export async function activeHardshipFilesIn(orgId: string): Promise<ActiveHardshipFile[]> {
  const files = await findAll<HardshipFileRecord>(C.files, { orgPath: command().in([orgId]), status: 'active' });
  return files.map((f) => ({ openid: f.openid, level: f.level, orgId: f.orgId }));
}
