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
