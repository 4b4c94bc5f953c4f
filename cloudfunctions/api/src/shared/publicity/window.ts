/**
 * The window of a 公示: published at, open for objections until, closed (by the timer or by making it final).
 * Dates are stored as instants and shown in China time (UTC+8), whatever the phone's or the runtime's zone.
 */
import { toIso } from '../../lib/time';
import { inChina } from '../../rules/time';
import type { StoredDate } from '../records';

export const DAY_MS = 86400_000;
/** Finalising waits this long after the 公示 ends: an objection sent just before the end has landed by then. */
export const FINALIZE_GRACE_MS = 60_000;

export interface PublicityWindow {
  publishedAt: StoredDate;
  until: StoredDate;
  /** Set when the 公示 was closed (by the timer) or made final: no objection is taken after it. */
  closedAt?: StoredDate;
}

/** What a member's screen is told of a window. */
export interface PublicityWindowView {
  publishedAt: string;
  until: string;
  open: boolean;
}

export const asDate = (value: StoredDate): Date => new Date(toIso(value));

/** The end of a window opened `now` for `days` days. */
export function windowUntil(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** Objections are taken: published, not closed, and the end not reached. */
export function isWindowOpen(window: PublicityWindow | null | undefined, now: Date): boolean {
  return !!window && !window.closedAt && asDate(window.until) > now;
}

/** The window and its grace are over: the 公示 may be made final (when nothing is open). */
export function windowOver(window: PublicityWindow, now: Date): boolean {
  return now.getTime() >= asDate(window.until).getTime() + FINALIZE_GRACE_MS;
}

export function toWindowView(window: PublicityWindow, now: Date): PublicityWindowView {
  return { publishedAt: toIso(window.publishedAt), until: toIso(window.until), open: isWindowOpen(window, now) };
}

/** 3月5日: a day in China time. */
export function chinaMonthDay(d: Date): string {
  const c = inChina(d);
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日`;
}
