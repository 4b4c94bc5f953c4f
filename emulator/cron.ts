/**
 * Timer triggers from each function's config.json. WeChat's cron has 7 fields — second minute hour
 * day-of-month month day-of-week year — evaluated in UTC+8. cron-parser handles the first six (in the
 * Asia/Shanghai zone); the year field is checked here. Tests fire a trigger on demand instead of waiting.
 */
import { CronExpressionParser } from 'cron-parser';

export interface TimerTrigger {
  functionName: string;
  name: string;
  config: string;
}

function yearMatches(field: string, year: number): boolean {
  if (field === '*') return true;
  return field.split(',').some((part) => {
    const [range, step] = part.split('/');
    const [from, to] = range === '*' ? [0, 9999] : range.split('-').map(Number);
    const end = to ?? (step ? 9999 : from);
    return year >= from && year <= end && (year - from) % Number(step ?? 1) === 0;
  });
}

const beijingYear = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** The last year a year field allows (Infinity when open-ended). */
function lastYear(field: string): number {
  if (field.includes('*') || field.includes('/')) return Infinity;
  return Math.max(...field.split(',').map((part) => Number(part.split('-').pop())));
}

/** The next firing time after `after`, or null when the expression never fires again. */
export function nextFire(config: string, after: Date): Date | null {
  const fields = config.trim().split(/\s+/);
  if (fields.length !== 7)
    throw new Error(`timer trigger "${config}" must have 7 fields (second minute hour day month week year)`);
  const expression = CronExpressionParser.parse(fields.slice(0, 6).join(' '), { tz: 'Asia/Shanghai', currentDate: after });
  const last = lastYear(fields[6]);
  for (let i = 0; i < 100_000; i++) {
    const next = expression.next().toDate();
    const year = Number(beijingYear.format(next));
    if (year > last) return null;
    if (yearMatches(fields[6], year)) return next;
  }
  return null;
}

export class CronScheduler {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly fire: (trigger: TimerTrigger) => Promise<void>) {}

  schedule(trigger: TimerTrigger): void {
    const next = nextFire(trigger.config, new Date());
    if (!next) return;
    const delay = Math.max(0, next.getTime() - Date.now());
    // setTimeout caps at ~24.8 days; re-plan from a nearer point when the next firing is further away.
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (delay <= 2 ** 31 - 1) void this.fire(trigger).catch(() => undefined);
        this.schedule(trigger);
      },
      Math.min(delay, 2 ** 31 - 1),
    );
    timer.unref?.();
    this.timers.add(timer);
  }

  stop(): void {
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }
}
