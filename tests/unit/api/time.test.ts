import { chinaYear } from '../../../cloudfunctions/api/src/lib/time';

describe('chinaYear', () => {
  it('is the year in China (UTC+8), not UTC', () => {
    expect(chinaYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
  });
});
