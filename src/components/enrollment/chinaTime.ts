/**
 * Activity dates in China time (UTC+8), whatever time zone the phone is set to (pure): what the date and time
 * pickers hold, the instant sent to the server, and the words shown. Activities are planned in China, so a
 * staffer abroad still enters and reads 09:00 as 09:00 in China.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { plusDays } from '@rules/dates';
import { chinaDate, inChina } from '@rules/time';

dayjs.extend(utc);

const CHINA_MINUTES = 8 * 60;

/** A date and a time as the pickers give them (China time): { date: 'YYYY-MM-DD', time: 'HH:mm' }. */
export type Moment = { date: string; time: string };

/** The China date and time of an instant. */
export function momentOf(iso: string): Moment {
  const shifted = inChina(new Date(iso)).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** The instant a China date and time stand for, with its offset: 2026-05-01T09:00:00+08:00. */
export function isoOf(m: Moment): string {
  return `${m.date}T${m.time}:00+08:00`;
}

/** `days` China days from today (`now`), at `time`: a default of a new activity's form. */
export function momentIn(days: number, time: string, now: Date = new Date()): Moment {
  return { date: plusDays(chinaDate(now), days), time };
}

/** An instant read in China time (format it, compare its days): dayjs with the +08:00 offset. */
export function inChinaTime(iso: string): dayjs.Dayjs {
  return dayjs(iso).utcOffset(CHINA_MINUTES);
}

/** An instant in China time as `pattern` (dayjs tokens), or — when there is none. */
export function chinaFormat(iso: string | undefined, pattern: string): string {
  return iso ? inChinaTime(iso).format(pattern) : '—';
}
