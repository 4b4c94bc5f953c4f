import { command, findById, insertUnique, updateWhere } from '../../db';
import { chinaYear } from '../../lib/time';
import { MEMBERSHIP_COLLECTIONS as C } from './collections';
import type { CounterRecord } from './records';

/**
 * An atomic counter: read the value, then `_.inc(count)` guarded by that value (compare-and-set), retrying
 * when another approval got there first. Each caller gets distinct numbers: the `count` after the value read.
 * Returns the first of them. The counter is created on first use (concurrent creators: one insert wins).
 */
export async function nextSequence(counterId: string, count = 1): Promise<number> {
  const _ = command();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const counter = await findById<CounterRecord>(C.counters, counterId);
    if (!counter) {
      await insertUnique(C.counters, counterId, { seq: 0 }); // false when another caller created it: fine
      continue;
    }
    const seq = counter.seq ?? 0;
    const updated = await updateWhere(C.counters, { _id: counterId, seq }, { seq: _.inc(count) });
    if (updated === 1) return seq + 1;
  }
  throw new Error('counter contention');
}

/** 会员卡号: CZ + year (in China, UTC+8) + 6-digit sequence, e.g. CZ2025000001. */
export async function allocateCardNo(now: Date): Promise<string> {
  return (await allocateCardNos(now, 1))[0];
}

/** `count` consecutive card numbers in two requests (a batch approval numbers all its members at once). */
export async function allocateCardNos(now: Date, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const year = chinaYear(now);
  const first = await nextSequence(`cardNo-${year}`, count);
  return Array.from({ length: count }, (_, i) => `CZ${year}${String(first + i).padStart(6, '0')}`);
}
