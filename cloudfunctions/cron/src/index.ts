/**
 * Cloud function `cron` (timer trigger, see config.json): runs every area's housekeeping tasks
 * (ModuleDef.cron in the api function's modules — reminders, waitlist offer expiry, 公示 closing), the same
 * code the api function uses, bundled into this function. Each task is idempotent; one failing task does not
 * stop the others. Returns what each task did.
 */
import { MODULES } from '../../api/src/actions';
import { getCloud } from '../../api/src/db';

export interface CronReport {
  ranAt: string;
  tasks: Record<string, Record<string, number> | { error: string }>;
}

export async function main(event: unknown, _context?: unknown): Promise<{ ok: true; data: CronReport }> {
  getCloud();
  const at = (event as { Time?: string } | null)?.Time;
  const now = at && !Number.isNaN(Date.parse(at)) ? new Date(at) : new Date();
  const tasks: CronReport['tasks'] = {};
  for (const module of MODULES) {
    const cron = (module as { cron?: Record<string, (now: Date) => Promise<Record<string, number>>> }).cron ?? {};
    for (const [name, task] of Object.entries(cron)) {
      const key = `${module.area}.${name}`;
      try {
        tasks[key] = await task(now);
      } catch (error) {
        // The kind of failure only: messages from the SDK can echo query values (PII).
        const e = error as { name?: string; code?: unknown };
        console.error('cron task failed', { task: key, name: e?.name, code: e?.code });
        tasks[key] = { error: String(e?.code ?? e?.name ?? 'failed') };
      }
    }
  }
  return { ok: true, data: { ranAt: now.toISOString(), tasks } };
}
