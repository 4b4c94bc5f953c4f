/** The period a per-member limit counts in, as a key (China time): D2026-12-01, W2026-11-30 (its Monday), M2026-12. */
import { chinaDate, inChina } from '../../rules/time';
import type { LimitPeriod } from './schemas';

export function periodKey(period: LimitPeriod, now: Date): string {
  if (period === 'day') return `D${chinaDate(now)}`;
  if (period === 'month') return `M${chinaDate(now).slice(0, 7)}`;
  if (period === 'week') {
    const c = inChina(now);
    const monday = new Date(c.getTime() - ((c.getUTCDay() + 6) % 7) * 86400_000);
    return `W${monday.toISOString().slice(0, 10)}`;
  }
  return 'none';
}
