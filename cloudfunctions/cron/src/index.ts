/**
 * Cloud function `cron` (timer trigger, see config.json): runs every area's housekeeping tasks
 * (ModuleDef.cron in the api function's modules — reminders, waitlist offer expiry, 公示 closing) and the
 * shared ones (exports deleted after a day), the same code the api function uses, bundled into this function.
 * Each task is idempotent; one failing task does not stop the others. Returns what each task did.
 *
 * Only the timer may run it. config/security/functions.json refuses client calls (`"cron": { "invoke": false }`),
 * and the function itself refuses any call that carries a user's OPENID (a timer trigger carries none). Its
 * clock is its own (functionNow): a timer event's `Time` is informational and never decides what is due.
 */
import { MODULES } from '../../api/src/actions';
import type { CronTask } from '../../api/src/action';
import { getCloud } from '../../api/src/db';
import { buildHouse, withHouse } from '../../api/src/house';
import { functionNow } from '../../api/src/lib/clock';
import { deleteExpiredExports } from '../../api/src/shared/files';

/** What the areas declare (timeline templates, engine hooks…), built once per instance; every task runs within it. */
const HOUSE = buildHouse(MODULES);

export interface CronReport {
  ranAt: string;
  tasks: Record<string, Record<string, number> | { error: string }>;
}

export type CronAnswer = { ok: true; data: CronReport } | { ok: false; error: { code: 'FORBIDDEN'; message: string } };

/** Tasks that belong to no area: the shared mechanisms' housekeeping. */
const SHARED_TASKS: Record<string, CronTask> = { 'files.deleteExpiredExports': deleteExpiredExports };

function allTasks(): Array<[string, CronTask]> {
  const tasks: Array<[string, CronTask]> = Object.entries(SHARED_TASKS);
  for (const module of HOUSE.modules) {
    const cron = module.cron ?? {};
    for (const [name, task] of Object.entries(cron)) tasks.push([`${module.area}.${name}`, task]);
  }
  return tasks;
}

export async function main(_event: unknown, _context?: unknown): Promise<CronAnswer> {
  const cloud = getCloud();
  if (cloud.getWXContext().OPENID) {
    // Nothing about the caller is logged: the refusal itself is all an operator needs.
    console.warn('cron refused a call that carries a user identity');
    return { ok: false, error: { code: 'FORBIDDEN', message: '定时任务只能由定时触发器运行' } };
  }
  const now = functionNow();
  const tasks: CronReport['tasks'] = {};
  for (const [key, task] of allTasks()) {
    try {
      tasks[key] = await withHouse(HOUSE, () => task(now, HOUSE));
    } catch (error) {
      // The kind of failure only: messages from the SDK can echo query values (PII).
      const e = error as { name?: string; code?: unknown };
      console.error('cron task failed', { task: key, name: e?.name, code: e?.code });
      tasks[key] = { error: String(e?.code ?? e?.name ?? 'failed') };
    }
  }
  return { ok: true, data: { ranAt: now.toISOString(), tasks } };
}
