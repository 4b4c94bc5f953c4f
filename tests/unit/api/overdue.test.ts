/** The review deadline in China days (rules/overdue.ts): the day boundary is midnight in China, not UTC. */
import { chinaDaysBetween, overdueBefore, overdueDaysOf, overdueMark } from '../../../cloudfunctions/api/src/rules/overdue';

/** A moment given in China time (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`);

describe('the review deadline', () => {
  it('counts China days: 23:59 one day to 00:01 the next is one day, 00:01 to 23:59 the same day none', () => {
    expect(chinaDaysBetween(china('2026-12-01T23:59:00'), china('2026-12-02T00:01:00'))).toBe(1);
    expect(chinaDaysBetween(china('2026-12-01T00:01:00'), china('2026-12-01T23:59:00'))).toBe(0);
    // 07:30 in China is still the previous day in UTC: China's date decides.
    expect(chinaDaysBetween(china('2026-12-01T07:30:00'), china('2026-12-08T07:30:00'))).toBe(7);
  });

  it('is overdue from the day after the last day, by the days past it', () => {
    const since = china('2026-12-01T23:59:00');
    expect(overdueDaysOf(since, china('2026-12-08T23:59:59'), 7)).toBe(0);
    expect(overdueDaysOf(since, china('2026-12-09T00:00:00'), 7)).toBe(1);
    expect(overdueDaysOf(since, china('2026-12-12T09:00:00'), 7)).toBe(4);
    expect(overdueMark(since, china('2026-12-08T12:00:00'), 7)).toEqual({});
    expect(overdueMark(since, china('2026-12-10T12:00:00'), 7)).toEqual({ overdue: true, overdueDays: 2 });
  });

  it('gives the queries the same boundary: waiting since before it is exactly what is overdue', () => {
    const now = china('2026-12-09T08:00:00');
    const before = overdueBefore(now, 7);
    expect(before.toISOString()).toBe(china('2026-12-02T00:00:00').toISOString());
    for (const since of ['2026-12-01T23:59:59', '2026-12-02T00:00:00', '2026-12-02T00:00:01', '2026-11-20T10:00:00']) {
      const at = china(since);
      expect({ since, overdue: at < before }).toEqual({ since, overdue: overdueDaysOf(at, now, 7) > 0 });
    }
  });
});
