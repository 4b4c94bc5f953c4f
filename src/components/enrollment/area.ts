/** The areas on the enrollment engine, and the first word of their test ids (`<area>-<thing>`). */
export type ActivityArea = 'recuperation' | 'competitions' | 'matchmaking';

const BY_PREFIX: Record<string, ActivityArea> = { rec: 'recuperation', mm: 'matchmaking', competitions: 'competitions' };

/** The area whose stylesheet uses the class prefix `p` (`rec` → recuperation); an area's own name stays. */
export function areaOf(p: string): string {
  return BY_PREFIX[p] ?? p;
}
