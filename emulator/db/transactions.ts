/**
 * Open transactions and the document locks their writes take (snapshot isolation, as WeChat Cloud's
 * database: 事务 → 快照隔离).
 *  - A transaction reads the snapshot of its start and takes no lock for reading.
 *  - Its first write of a document takes that document's lock until commit or abort. Another
 *    transaction's write to a locked document, or to one committed after its own snapshot, fails at once
 *    with DATABASE_TRANSACTION_CONFLICT (first writer wins) and that transaction is aborted, as MongoDB
 *    does on a write conflict: the SDK's runTransaction then starts afresh.
 *  - A plain (non-transaction) write to a locked document waits until the lock is released, or fails
 *    after `lockWaitMs`.
 *  - A transaction idle for `idleMs` is aborted.
 */
import crypto from 'node:crypto';
import type { DocId } from './ejson';
import { docKey } from './ejson';
import { DbError, transactionConflict, transactionNotExist } from './errors';
import type { Change } from './persistence';

/** Who sent a request: the function invocation it came from, when known. */
export interface RequestContext {
  invocation?: string;
}

export interface Transaction {
  id: string;
  /** The store version it reads at. */
  snapshot: number;
  /** Its buffered writes by document key. */
  writes: Map<string, Change>;
  invocation?: string;
  startedAt: number;
  timer?: NodeJS.Timeout;
}

interface Lock {
  tx: Transaction;
  collection: string;
  id: DocId;
  since: number;
}

interface Waiter {
  collection: string;
  id: DocId;
  action: string;
  invocation?: string;
  since: number;
}

export interface TransactionOptions {
  idleMs: number;
  lockWaitMs: number;
}

export const DEFAULT_TRANSACTION_OPTIONS: TransactionOptions = {
  // The cloud's own message says a transaction must end within 30 s; the docs give no lock-wait figure.
  idleMs: 30_000,
  lockWaitMs: 5_000,
};

export class Transactions {
  private readonly open = new Map<string, Transaction>();
  private readonly locks = new Map<string, Lock>();
  /** Document key → callbacks of plain writes waiting for its lock. */
  private readonly released = new Map<string, Array<() => void>>();
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly options: TransactionOptions,
    /** Called after a transaction ends (the store drops versions no longer needed). */
    private readonly onEnd: () => void,
  ) {}

  get count(): number {
    return this.open.size;
  }

  /** The oldest snapshot still open, or undefined when none is. */
  oldestSnapshot(): number | undefined {
    let oldest: number | undefined;
    for (const tx of this.open.values()) if (oldest === undefined || tx.snapshot < oldest) oldest = tx.snapshot;
    return oldest;
  }

  start(snapshot: number, context: RequestContext): Transaction {
    const tx: Transaction = {
      id: crypto.randomBytes(16).toString('hex'),
      snapshot,
      writes: new Map(),
      invocation: context.invocation,
      startedAt: Date.now(),
    };
    this.open.set(tx.id, tx);
    this.touch(tx);
    return tx;
  }

  /** The open transaction with this id; DATABASE_TRANSACTION_FAIL once it has committed or aborted. */
  get(id: string): Transaction {
    const tx = this.open.get(id);
    if (!tx) throw transactionNotExist();
    this.touch(tx);
    return tx;
  }

  private touch(tx: Transaction): void {
    clearTimeout(tx.timer);
    tx.timer = undefined;
    if (tx.invocation && this.held.has(tx.invocation)) return;
    tx.timer = setTimeout(() => this.end(tx), this.options.idleMs);
    tx.timer.unref?.();
  }

  /** Invocations held at a pause: their transactions do not idle out meanwhile. */
  private readonly held = new Map<string, number>();

  holdInvocation(invocation: string): void {
    this.held.set(invocation, (this.held.get(invocation) ?? 0) + 1);
    for (const tx of this.open.values()) if (tx.invocation === invocation) this.touch(tx);
  }

  releaseInvocation(invocation: string): void {
    const n = (this.held.get(invocation) ?? 1) - 1;
    if (n > 0) return void this.held.set(invocation, n);
    this.held.delete(invocation);
    for (const tx of this.open.values()) if (tx.invocation === invocation) this.touch(tx);
  }

  /** Ends a transaction (commit or abort): its locks are released and plain writes waiting go on. */
  end(tx: Transaction): void {
    if (!this.open.delete(tx.id)) return;
    clearTimeout(tx.timer);
    for (const key of tx.writes.keys()) {
      if (this.locks.get(key)?.tx !== tx) continue;
      this.locks.delete(key);
      const wake = this.released.get(key);
      this.released.delete(key);
      wake?.forEach((resume) => resume());
    }
    this.onEnd();
  }

  /** Aborts the transaction and returns the conflict error to throw. */
  private conflict(tx: Transaction, detail: string): DbError {
    this.end(tx);
    return transactionConflict(detail);
  }

  /**
   * Takes the lock of a document `tx` is about to write. Conflicts (and aborts `tx`) when another open
   * transaction holds it, or when the document was committed after `tx`'s snapshot.
   */
  lockForWrite(tx: Transaction, collection: string, id: DocId, committedVersion: number): void {
    const key = docKey(collection, id);
    const held = this.locks.get(key);
    if (held?.tx === tx) return;
    if (held) throw this.conflict(tx, `Document ${collection}/${id} is being written by another transaction.`);
    if (committedVersion > tx.snapshot) {
      throw this.conflict(tx, `Document ${collection}/${id} was changed after this transaction started.`);
    }
    this.locks.set(key, { tx, collection, id, since: Date.now() });
  }

  isLocked(collection: string, id: DocId): boolean {
    return this.locks.has(docKey(collection, id));
  }

  /** Waits until the document's lock is released; fails at `deadline`. */
  async waitForUnlock(collection: string, id: DocId, action: string, context: RequestContext, deadline: number): Promise<void> {
    const key = docKey(collection, id);
    const holder = this.locks.get(key);
    if (!holder) return;
    const waiter: Waiter = { collection, id, action, invocation: context.invocation, since: Date.now() };
    this.waiters.add(waiter);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => {
            const list = this.released.get(key);
            list?.splice(list.indexOf(done), 1);
            reject(
              new DbError(
                'DATABASE_REQUEST_FAILED',
                `[LockTimeout] ${action} waited ${this.options.lockWaitMs} ms for document ${collection}/${id}, ` +
                  `locked by the open transaction ${holder.tx.id}; the transaction did not commit or abort in time.`,
              ),
            );
          },
          Math.max(0, deadline - Date.now()),
        );
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        const list = this.released.get(key);
        if (list) list.push(done);
        else this.released.set(key, [done]);
      });
    } finally {
      this.waiters.delete(waiter);
    }
  }

  /** Locks held and writes waiting for them (GET /_emu/locks). */
  describe(): {
    locks: Array<{ collection: string; id: DocId; transaction: string; invocation?: string; since: string }>;
    waiting: Array<{
      collection: string;
      id: DocId;
      action: string;
      invocation?: string;
      blockedBy: string;
      blockedByInvocation?: string;
      since: string;
    }>;
  } {
    return {
      locks: [...this.locks.values()].map((lock) => ({
        collection: lock.collection,
        id: lock.id,
        transaction: lock.tx.id,
        ...(lock.tx.invocation ? { invocation: lock.tx.invocation } : {}),
        since: new Date(lock.since).toISOString(),
      })),
      waiting: [...this.waiters].map((w) => {
        const holder = this.locks.get(docKey(w.collection, w.id))?.tx;
        return {
          collection: w.collection,
          id: w.id,
          action: w.action,
          ...(w.invocation ? { invocation: w.invocation } : {}),
          blockedBy: holder?.id ?? '',
          ...(holder?.invocation ? { blockedByInvocation: holder.invocation } : {}),
          since: new Date(w.since).toISOString(),
        };
      }),
    };
  }

  /** Aborts every open transaction (the local cloud is closing). */
  abortAll(): void {
    for (const tx of [...this.open.values()]) this.end(tx);
  }

  get lockWaitMs(): number {
    return this.options.lockWaitMs;
  }
}
