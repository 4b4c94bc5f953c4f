import type { Session } from '../api/types';
import { workbenchTiles, type WorkbenchTile } from '../features';

/** The 工作台 tiles this person may use: administrators see all; others those their roles allow. */
export function workbenchFor(session: Session | null): WorkbenchTile[] {
  if (!session) return [];
  const roles = new Set<string>(session.roles.map((g) => g.role));
  return workbenchTiles().filter((t) => session.isAdmin || t.roles.some((r) => roles.has(r)));
}
