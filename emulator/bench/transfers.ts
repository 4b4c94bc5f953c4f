/**
 * Transactions per second: runTransaction transfers between 1,000 accounts, 32 callers at once, for a
 * fixed time. wx-server-sdk's runTransaction does not retry a conflict by itself (its error wrapper drops
 * the code it checks), so each caller retries with a short random back-off, as an application must.
 */
// The SDK's typings declare callback-style unions for every call; the benchmark uses promises.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseDb = any;

const ACCOUNTS = 1000;
const CALLERS = 32;
const INITIAL = 1000;

export interface TransferFigures {
  perSecond: number;
  committed: number;
  conflicts: number;
  totalKept: boolean;
}

export async function measureTransfers(db: LooseDb, ms: number): Promise<TransferFigures> {
  const accounts = db.collection('bench_accounts');
  for (let batch = 0; batch < ACCOUNTS / 500; batch++) {
    const docs = Array.from({ length: 500 }, (_unused, j) => ({ _id: `acc-${batch * 500 + j}`, balance: INITIAL }));
    await accounts.add({ data: docs });
  }
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let committed = 0;
  let conflicts = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (performance.now() - start < ms) {
        const from = `acc-${Math.floor(random() * ACCOUNTS)}`;
        let to = `acc-${Math.floor(random() * ACCOUNTS)}`;
        if (to === from) to = from === 'acc-0' ? 'acc-1' : 'acc-0';
        const amount = 1 + Math.floor(random() * 10);
        try {
          await db.runTransaction(async (t: LooseDb) => {
            const a = (await t.collection('bench_accounts').doc(from).get()).data;
            const b = (await t.collection('bench_accounts').doc(to).get()).data;
            if (a.balance < amount) return;
            await t
              .collection('bench_accounts')
              .doc(from)
              .update({ data: { balance: a.balance - amount } });
            await t
              .collection('bench_accounts')
              .doc(to)
              .update({ data: { balance: b.balance + amount } });
          });
          committed++;
        } catch (error) {
          if (!/TransactionConflict/.test(String((error as { errMsg?: string }).errMsg ?? error))) throw error;
          conflicts++;
          await new Promise((resolve) => setTimeout(resolve, random() * 10));
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const res = await db
    .collection('bench_accounts')
    .aggregate()
    .group({ _id: null, total: db.command.aggregate.sum('$balance') })
    .end();
  return { perSecond: committed / seconds, committed, conflicts, totalKept: res.list[0].total === ACCOUNTS * INITIAL };
}
