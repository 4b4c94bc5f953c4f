/**
 * Activity dates are entered and shown in China time whatever the phone's time zone: a date entered as
 * 2026-05-01 09:00 in any activity editor is sent as 01:00Z, an instant of 01:00Z reads 09:00 in the editor and on
 * the screens. A jest worker's time zone is fixed once it runs, so each zone's run is a Node process of its own with
 * `TZ` set (tests/support/chinaTimeProbe.ts prints what the code sends and shows).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const PROBE = path.join(__dirname, '../../support/chinaTimeProbe.ts');
const ZONES: Array<[string, number]> = [
  ['America/Los_Angeles', 420],
  ['Europe/London', -60],
  ['UTC', 0],
  ['Asia/Shanghai', -480],
  ['Pacific/Kiritimati', -840],
];

function runIn(tz: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', PROBE], {
    env: { ...process.env, TZ: tz },
    cwd: path.join(__dirname, '../../..'),
    encoding: 'utf8',
  });
  return JSON.parse(out) as {
    offsetMinutes: number;
    sent: Record<string, string>;
    editorShows: unknown[];
    screensShow: string[];
    newFormDays: unknown[];
    todays: string[];
  };
}

describe.each(ZONES)('with the phone set to %s', (tz, offset) => {
  const seen = runIn(tz);

  it('runs in that time zone (so the test can fail)', () => {
    expect(seen.offsetMinutes).toBe(offset);
  });

  it('a date entered as 2026-05-01 09:00 is sent as 01:00Z by every activity editor', () => {
    expect(seen.sent).toEqual({
      isoOf: '2026-05-01T01:00:00.000Z',
      recuperation: '2026-05-01T01:00:00.000Z',
      matchmaking: '2026-05-01T01:00:00.000Z',
      competitions: '2026-05-01T01:00:00.000Z',
    });
  });

  it('an instant is shown in China time, in the editor and on the screens', () => {
    // 16:30Z on 30 April is 00:30 on 1 May in China
    expect(seen.editorShows).toEqual([
      { date: '2026-05-01', time: '09:00' },
      { date: '2026-05-01', time: '00:30' },
    ]);
    expect(seen.screensShow).toEqual([
      '5月1日 09:00',
      '5月1日 09:00',
      '2026年5月1日',
      '2026年5月1日—5月4日',
      '2026年5月1日 14:00—17:00',
    ]);
  });

  it("a new activity's default dates count China days", () => {
    // at 23:30 on 30 April in China «tomorrow» is 1 May; half an hour later it is 2 May
    expect(seen.newFormDays).toEqual([
      { date: '2026-05-01', time: '09:00' },
      { date: '2026-05-02', time: '09:00' },
    ]);
  });

  it("the default of a date a staffer enters (a payment's, a notice's) is today's China date", () => {
    // 23:30 on 30 April in China, then half past midnight on 1 May: on a phone set to UTC both are still 30 April
    expect(seen.todays).toEqual(['2026-04-30', '2026-05-01']);
  });
});
