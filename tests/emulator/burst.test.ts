/**
 * Contract: a burst of connections is not refused or reset. 1,500 clients connect at once while the local
 * cloud is busy (its process held stopped for 8 s, as a loaded machine or a long GC pause would): the
 * kernel must hold every connection until the server accepts it, so every request is answered. With
 * Node's default listen backlog (511) only 512 get in; the rest see their SYNs dropped (and, past 511
 * half-open connections, SYN cookies whose connections may be reset: `read ECONNRESET`).
 */
import { startHarness, type Harness } from './helpers';

jest.setTimeout(180_000);

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  h?.cloudProc.child.kill('SIGCONT');
  await h?.stop();
});

const CLIENTS = 1500;

test(`${CLIENTS} connections at once to a busy local cloud are all answered`, async () => {
  const url = `${h.cloudProc.baseUrl}/_emu/health`;
  h.cloudProc.child.kill('SIGSTOP');
  let answers: PromiseSettledResult<number>[];
  try {
    const calls = Array.from({ length: CLIENTS }, () =>
      fetch(url).then(async (res) => {
        await res.json();
        return res.status;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 8000));
    h.cloudProc.child.kill('SIGCONT');
    answers = await Promise.allSettled(calls);
  } finally {
    h.cloudProc.child.kill('SIGCONT');
  }
  const failures = answers.flatMap((a) =>
    a.status === 'rejected' ? [String((a.reason as { cause?: unknown }).cause ?? a.reason)] : [],
  );
  expect(failures.slice(0, 3)).toEqual([]);
  expect(answers.filter((a) => a.status === 'fulfilled' && a.value === 200)).toHaveLength(CLIENTS);
});
