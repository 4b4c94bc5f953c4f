import type { Session } from '../api/types';
import { workbenchTiles, type AreaSwitches, type WorkbenchTile } from '../features';

/**
 * The 工作台 tiles this person may use: administrators see all; others those their roles allow. Tiles of areas
 * the union switched off (settings.get → areas) are left out.
 */
export function workbenchFor(session: Session | null, areas?: AreaSwitches | null): WorkbenchTile[] {
  if (!session) return [];
  const roles = new Set<string>(session.roles.map((g) => g.role));
  return workbenchTiles(areas).filter((t) => session.isAdmin || t.roles.some((r) => roles.has(r)));
}
