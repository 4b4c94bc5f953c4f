/**
 * The local cloud's clock (../clock.ts), for tests that need time to pass:
 *   GET    /_emu/clock                         → { now, offsetMs }
 *   POST   /_emu/clock { offsetMs } | { advanceMs }  set the offset / move it on → { now, offsetMs }
 *   DELETE /_emu/clock                         back to the machine's time
 */
import type http from 'node:http';
import type { LocalClock } from '../clock';
import { HttpError, parseJson, readBody, sendJson } from '../http';

export async function handleClock(clock: LocalClock, req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (method === 'POST') {
    const body = parseJson(await readBody(req, 4096));
    const { offsetMs, advanceMs } = body as { offsetMs?: unknown; advanceMs?: unknown };
    const value = offsetMs !== undefined ? offsetMs : typeof advanceMs === 'number' ? clock.offsetMs + advanceMs : advanceMs;
    if (typeof value !== 'number' || (offsetMs !== undefined) === (advanceMs !== undefined)) {
      throw new HttpError(400, 'INVALID_PARAM', 'send one of offsetMs or advanceMs, a number of milliseconds');
    }
    try {
      clock.set(value);
    } catch (error) {
      throw new HttpError(400, 'INVALID_PARAM', (error as Error).message);
    }
  } else if (method === 'DELETE') clock.set(0);
  else if (method !== 'GET') return false;
  sendJson(res, 200, { now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs });
  return true;
}
