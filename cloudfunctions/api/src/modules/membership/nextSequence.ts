import { command, findById, insertUnique, updateWhere } from '../../db';
import { chinaYear } from '../../lib/time';
import { MEMBERSHIP_COLLECTIONS as C } from './collections';
import type { CounterRecord } from './records';

/**
 * An atomic counter: read the value, then `_.inc(1)` guarded by that value (compare-and-set), retrying
 * when another approval got there first. Each caller gets a distinct number.
 */
export async function nextSequence(counterId: string): Promise<number> {
  await insertUnique(C.counters, counterId, { seq: 0 }); // false when it exists already: fine
  const _ = command();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const counter = await findById<CounterRecord>(C.counters, counterId);
    const seq = counter?.seq ?? 0;
    const updated = await updateWhere(C.counters, { _id: counterId, seq }, { seq: _.inc(1) });
    if (updated === 1) return seq + 1;
  }
  throw new Error('counter contention');
}

/** 会员卡号: CZ + year (in China, UTC+8) + 6-digit sequence, e.g. CZ2025000001. */
export async function allocateCardNo(now: Date): Promise<string> {
  const year = chinaYear(now);
  const seq = await nextSequence(`cardNo-${year}`);
  return `CZ${year}${String(seq).padStart(6, '0')}`;
}
