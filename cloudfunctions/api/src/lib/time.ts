/** Stored dates come back from the SDK as Date objects (or strings from older writes): show them as ISO. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') return new Date(value).toISOString();
  if (value && typeof value === 'object' && '$date' in value) return new Date((value as { $date: number }).$date).toISOString();
  return '';
}

export function toIsoOptional(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : toIso(value);
}

export { chinaDate, chinaYear, inChina } from '../rules/time';

/** A stored date as a Date. */
export function asDate(value: unknown): Date {
  return new Date(toIso(value));
}

/** How long the same step by the same person counts as a double tap (or a retry after a lost answer), not a new one. */
const REPEAT_MS = 2 * 60_000;

/** Whether `last` is the caller's own step, made under two minutes ago: a repeat when its words are the same too. */
export function isOwnRecentStep<T extends { by: string; at: unknown }>(
  last: T | null | undefined,
  ctx: { openid: string; now: Date },
): last is T {
  return Boolean(last && last.by === ctx.openid && ctx.now.getTime() - asDate(last.at).getTime() < REPEAT_MS);
}
