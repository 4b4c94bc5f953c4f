/** China time (UTC+8), whatever the runtime's time zone (pure; shared with the app). */

/** `now` shifted to China time: read it with the getUTC* methods. */
export function inChina(now: Date): Date {
  return new Date(now.getTime() + 8 * 3600 * 1000);
}

export function chinaYear(now: Date): number {
  return inChina(now).getUTCFullYear();
}

/** YYYY-MM-DD of `now` in China. */
export function chinaDate(now: Date): string {
  return inChina(now).toISOString().slice(0, 10);
}
