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

/** `now` shifted to China time (UTC+8): read it with the getUTC* methods, whatever the runtime's time zone. */
export function inChina(now: Date): Date {
  return new Date(now.getTime() + 8 * 3600 * 1000);
}

export function chinaYear(now: Date): number {
  return inChina(now).getUTCFullYear();
}
