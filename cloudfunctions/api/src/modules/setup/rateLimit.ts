/** The rate limit of setup.claim: a few wrong tries per person per hour (a code has ~79 bits; this is a backstop). */
import { findById, setById } from '../../db';
import { SETUP_COLLECTIONS } from './collections';
import type { SetupAttemptRecord } from './records';

export const SETUP_MAX_FAILURES = 5;
const WINDOW_MS = 3600 * 1000;

function current(record: SetupAttemptRecord | null, now: Date): number {
  if (!record) return 0;
  return now.getTime() - new Date(record.windowStart).getTime() < WINDOW_MS ? record.failures : 0;
}

export async function tooManyFailures(openid: string, now: Date): Promise<boolean> {
  const record = await findById<SetupAttemptRecord>(SETUP_COLLECTIONS.setupAttempts, openid);
  return current(record, now) >= SETUP_MAX_FAILURES;
}

/** Counts one failed try (not atomic: concurrent wrong tries may count once, which only loosens a backstop). */
export async function countFailure(openid: string, now: Date): Promise<void> {
  const record = await findById<SetupAttemptRecord>(SETUP_COLLECTIONS.setupAttempts, openid);
  const failures = current(record, now);
  const windowStart = failures > 0 && record ? new Date(record.windowStart) : now;
  await setById(SETUP_COLLECTIONS.setupAttempts, openid, { windowStart, failures: failures + 1 });
}
