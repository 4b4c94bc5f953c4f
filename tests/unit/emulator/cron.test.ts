/** Timer-trigger schedules: WeChat's 7-field cron (second minute hour day month week year), UTC+8. */
import { nextFire } from '../../../emulator/cron';

test('fires at 09:00 Beijing time, which is 01:00 UTC', () => {
  expect(nextFire('0 0 9 * * * *', new Date('2026-01-01T00:30:00Z'))?.toISOString()).toBe('2026-01-01T01:00:00.000Z');
  expect(nextFire('0 0 9 * * * *', new Date('2026-01-01T01:00:00Z'))?.toISOString()).toBe('2026-01-02T01:00:00.000Z');
});

test('honours seconds and steps', () => {
  expect(nextFire('*/15 * * * * * *', new Date('2026-03-01T00:00:07Z'))?.toISOString()).toBe('2026-03-01T00:00:15.000Z');
});

test('honours the year field, and a year in the past never fires', () => {
  expect(nextFire('0 0 0 1 1 * 2028', new Date('2026-06-01T00:00:00Z'))?.toISOString()).toBe('2027-12-31T16:00:00.000Z');
  expect(nextFire('0 0 0 1 1 * 2020', new Date('2026-06-01T00:00:00Z'))).toBeNull();
});

test('refuses expressions that are not 7 fields', () => {
  expect(() => nextFire('0 0 9 * * *', new Date())).toThrow(/7 fields/);
});
