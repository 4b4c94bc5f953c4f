/**
 * The functions' clock: `new Date()`. Never from the event or an input, so no caller can move it (the
 * `cron` function ignores a timer event's `Time`). In the local cloud only, tests let time pass with
 * `POST /_emu/clock`: its function host then sets LOCAL_CLOUD_CLOCK_OFFSET_MS on each call (it alone can:
 * the variable is reset per call), and it is honoured only beside LOCAL_CLOUD_SERVICE_URL, which no WeChat
 * Cloud function has.
 */
export function functionNow(): Date {
  const offset = process.env.LOCAL_CLOUD_SERVICE_URL ? Number(process.env.LOCAL_CLOUD_CLOCK_OFFSET_MS ?? 0) : 0;
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
