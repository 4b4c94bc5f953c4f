/**
 * Opening hours as people write them (营业时间: "09:00-21:00", "周一至周五 10:00-22:00；周六、周日 09:00-23:00",
 * "17:00-次日02:00", "24小时"), turned into rules and into minutes of the week, so that "open now" is one
 * condition of the directory query (openWeek elemMatch) instead of a computation per place. Pure.
 */
import { inChina } from '../../rules/time';
import type { HoursRule, WeekRange } from './records';

const DAY_NAMES: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const WEEK = 7 * 1440;
const TIME = '([01]?\\d|2[0-4])[:：]([0-5]\\d)';
const SEGMENT = new RegExp(`^(.*?)\\s*${TIME}\\s*[-–—~至到]\\s*(次日)?\\s*${TIME}$`);

function minutes(h: string, m: string): number {
  return Number(h) * 60 + Number(m);
}

function hhmm(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** 周一至周五 / 周六、周日 / 每天 / 工作日 / 周末 / '' (every day) → days 1..7, or null when unreadable. */
function parseDays(spec: string): number[] | null {
  const s = spec
    .replace(/\s+/g, '')
    .replace(/星期/g, '周')
    .replace(/[:：]$/, '');
  if (!s || s === '每天' || s === '每日' || s === '全周' || s === '周一至周日' || s === '周一到周日')
    return [1, 2, 3, 4, 5, 6, 7];
  if (s === '工作日') return [1, 2, 3, 4, 5];
  if (s === '周末' || s === '节假日') return [6, 7];
  const days = new Set<number>();
  for (const part of s.split(/[、/和]/)) {
    const range = /^周([一二三四五六日天])(?:[至到~-]周?([一二三四五六日天]))?$/.exec(part);
    if (!range) return null;
    const from = DAY_NAMES[range[1]];
    const to = range[2] ? DAY_NAMES[range[2]] : from;
    if (to < from) return null;
    for (let d = from; d <= to; d += 1) days.add(d);
  }
  return [...days].sort();
}

export type ParsedHours = { ok: true; rules: HoursRule[]; text: string } | { ok: false; message: string };

export function parseHours(input: string): ParsedHours {
  const text = input.trim();
  if (/^(24小时|全天|24小时营业|全天开放)$/.test(text)) {
    return { ok: true, rules: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }], text: '24小时' };
  }
  const rules: HoursRule[] = [];
  for (const segment of text
    .split(/[;；,，\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = SEGMENT.exec(segment);
    const days = m ? parseDays(m[1]) : null;
    if (!m || !days) return { ok: false, message: `营业时间“${segment.slice(0, 20)}”无法识别，示例：周一至周五 09:00-21:00` };
    const open = minutes(m[2], m[3]);
    const close = minutes(m[5], m[6]);
    if (open >= 1440 || close > 1440 || (open === close && !m[4])) return { ok: false, message: `营业时间“${segment}”不正确` };
    rules.push({ days, open: hhmm(open), close: `${m[4] ? '次日' : ''}${hhmm(close)}` });
  }
  if (!rules.length) return { ok: false, message: '请填写营业时间，示例：09:00-21:00' };
  return { ok: true, rules, text: formatHours(rules) };
}

const DAY_LABEL = ['', '一', '二', '三', '四', '五', '六', '日'];

function daysText(days: number[]): string {
  if (days.length === 7) return '每天';
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  if (contiguous && days.length > 2) return `周${DAY_LABEL[days[0]]}至周${DAY_LABEL[days[days.length - 1]]}`;
  return days.map((d) => `周${DAY_LABEL[d]}`).join('、');
}

export function formatHours(rules: HoursRule[]): string {
  return rules.map((r) => `${daysText(r.days)} ${r.open}-${r.close}`).join('；');
}

/** Minutes of the week the rules cover (Monday 00:00 = 0), merged, wrapping Sunday night into Monday. */
export function weekRanges(rules: HoursRule[]): WeekRange[] {
  const raw: WeekRange[] = [];
  for (const r of rules) {
    const [oh, om] = r.open.split(':');
    const closeText = r.close.replace('次日', '');
    const [ch, cm] = closeText.split(':');
    const open = minutes(oh, om);
    let close = minutes(ch, cm);
    if (r.close.startsWith('次日') || close <= open) close += 1440;
    for (const d of r.days) {
      const from = (d - 1) * 1440 + open;
      const to = (d - 1) * 1440 + close;
      if (to <= WEEK) raw.push({ from, to });
      else raw.push({ from, to: WEEK }, { from: 0, to: to - WEEK });
    }
  }
  raw.sort((a, b) => a.from - b.from);
  const merged: WeekRange[] = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  return merged;
}

/** The minute of the week `now` is in China (Monday 00:00 = 0). */
export function weekMinute(now: Date): number {
  const c = inChina(now);
  const day = (c.getUTCDay() + 6) % 7; // Monday = 0
  return day * 1440 + c.getUTCHours() * 60 + c.getUTCMinutes();
}

export function isOpenAt(ranges: readonly WeekRange[] | undefined, now: Date): boolean {
  const m = weekMinute(now);
  return (ranges ?? []).some((r) => r.from <= m && m < r.to);
}
