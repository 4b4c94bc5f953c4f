/**
 * The database server's engine: the `database.*` actions wx-server-sdk sends, answered in the shapes its
 * source (@cloudbase/database) reads. Each non-transactional action runs synchronously from parse to
 * write, so single-document updates are atomic under any concurrency.
 *
 * Transactions run side by side under per-document locks (two-phase locking, which makes them
 * serialisable): a transaction's first read or write of a document takes its lock, held until commit or
 * abort; another transaction wanting that document waits for it. Writes are buffered and applied
 * atomically at commit. Waiting is bounded: when it would deadlock or lasts too long, a write fails with
 * DATABASE_TRANSACTION_CONFLICT (the code the SDK's runTransaction retries on) and the transaction is
 * aborted, while a read goes ahead without the lock. Commit re-checks the version of every document
 * read or written, so a read without the lock, or a plain (non-transaction) write in between, also ends
 * in DATABASE_TRANSACTION_CONFLICT rather than a lost update.
 */
import crypto from 'node:crypto';
import { isEqual } from 'mingo/util';
import { Collection, type IndexSpec } from './collection';
import { clone, decode, decodeObject, encode, type Doc } from './ejson';
import { DbError, invalidParam, requestFailed, transactionConflict } from './errors';
import type { Change, Persistence } from './persistence';
import { compileFilter, parseSort, project, sortDocs, type CompiledQuery } from './query';
import { applyUpdate, parseUpdate, validateDocumentKeys } from './update';
import { runPipeline } from './aggregate';

/** Page sizes of `get()` on the server side (WeChat docs: default 100, at most 1000). */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** A transaction left idle this long is aborted (the docs do not give the cloud's figure). */
const TRANSACTION_IDLE_MS = 10_000;

type Params = Record<string, unknown>;

type Outcome = 'committed' | 'aborted';

interface Transaction {
  id: string;
  reads: Map<string, number | undefined>;
  writes: Map<string, Change>;
  timer?: NodeJS.Timeout;
  /** The transaction holding a lock this one waits for. */
  waitingFor?: string;
  ended: Promise<Outcome>;
  end: (outcome: Outcome) => void;
}

/** How long a transaction waits for a document lock before giving up (the docs give no figure). */
const LOCK_WAIT_MS = 1000;

const txKey = (collection: string, id: string) => `${collection}\u0000${id}`;

export function newId(): string {
  return crypto.randomBytes(16).toString('hex');
}

function str(params: Params, field: string, required = true): string {
  const value = params[field];
  if (value === undefined && !required) return '';
  if (typeof value !== 'string' || !value) throw invalidParam(`${field} must be a non-empty string`);
  return value;
}

function optionalInt(params: Params, field: string): number | undefined {
  const value = params[field];
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw invalidParam(`${field} must be a non-negative integer`);
  return n;
}

export class Db {
  readonly collections = new Map<string, Collection>();
  private version = 0;
  private readonly transactions = new Map<string, Transaction>();
  /** Document key → the open transaction holding its lock. */
  private readonly locks = new Map<string, string>();

  constructor(
    private readonly persistence: Persistence | null,
    private readonly declared: Array<{ name: string; indexes?: IndexSpec[] }> = [],
  ) {
    if (persistence) {
      const { collections, documents } = persistence.load();
      collections.forEach((name) => this.ensureCollection(name, false));
      for (const { collection, doc } of documents) this.ensureCollection(collection, false).put(doc, ++this.version);
    }
    for (const { name, indexes } of declared) {
      const collection = this.ensureCollection(name);
      (indexes ?? []).forEach((index) => collection.addIndex(index));
    }
  }

  ensureCollection(name: string, persist = true): Collection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Collection(name);
      this.collections.set(name, collection);
      if (persist) this.persistence?.createCollection(name);
    }
    return collection;
  }

  private collection(params: Params): Collection {
    const name = str(params, 'collectionName');
    const collection = this.collections.get(name);
    if (!collection) throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
    return collection;
  }

  /** Persists, then applies to memory: what is acknowledged is on disk. */
  private commit(changes: Change[]): void {
    this.persistence?.write(changes);
    for (const change of changes) {
      const collection = this.ensureCollection(change.collection);
      if (change.doc) collection.put(change.doc, ++this.version);
      else collection.delete(change.id, ++this.version);
    }
  }

  async handle(action: string, params: Params): Promise<Record<string, unknown>> {
    switch (action) {
      case 'database.getDocument':
        return { data: await this.getDocuments(params) };
      case 'database.calculateDocument':
        return { data: { total: this.find(this.collection(params), params).length } };
      case 'database.insertDocument':
        return { data: { insertedIds: await this.insert(params) } };
      case 'database.modifyDocument':
        return { data: await this.modify(params) };
      case 'database.modifyAndReturnDoc': {
        const result = await this.modify({ ...params, multi: false, merge: true, upsert: false }, true);
        return { data: { updated: result.updated, doc: result.doc ? encode(result.doc) : null } };
      }
      case 'database.removeDocument':
        return { data: { deleted: await this.remove(params) } };
      case 'database.aggregateDocuments':
        return { data: { list: this.aggregate(params).map(encode) } };
      case 'database.addCollection':
        return this.addCollection(params);
      case 'database.startTransaction':
        return { transactionId: await this.startTransaction() };
      case 'database.commitTransaction':
        this.commitTransaction(str(params, 'transactionId'));
        return {};
      case 'database.abortTransaction':
        this.endTransaction(this.transaction(str(params, 'transactionId')));
        return {};
      default:
        throw invalidParam(`unknown action ${action}`);
    }
  }

  private addCollection(params: Params): Record<string, unknown> {
    const name = str(params, 'collectionName');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw invalidParam(`invalid collection name ${name}`);
    if (this.collections.has(name)) throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`);
    this.ensureCollection(name);
    return {};
  }

  // ---- reads ---------------------------------------------------------------------------------

  private filterOf(params: Params): Record<string, unknown> {
    if (params.queryType !== undefined && params.queryType !== 'WHERE' && params.queryType !== 'DOC') {
      throw invalidParam('queryType must be WHERE or DOC');
    }
    return params.query === undefined || params.query === '' ? {} : decodeObject(params.query, 'query');
  }

  /** Compiled filters by query text (not for texts holding serverDate, whose value is "now"). */
  private readonly compiledCache = new Map<string, CompiledQuery>();

  private compiled(params: Params, filter: Record<string, unknown>): CompiledQuery {
    const text = typeof params.query === 'string' ? params.query : '';
    const cacheable = text.length < 2000 && !text.includes('$tcb_server_date');
    const hit = cacheable ? this.compiledCache.get(text) : undefined;
    if (hit) return hit;
    const compiled = compileFilter(filter);
    if (cacheable) {
      if (this.compiledCache.size >= 500) this.compiledCache.delete(this.compiledCache.keys().next().value as string);
      this.compiledCache.set(text, compiled);
    }
    return compiled;
  }

  /** Matching documents (stored objects: callers must copy before handing out or changing them). */
  private find(collection: Collection, params: Params, filter = this.filterOf(params), keep?: number): Doc[] {
    const compiled = this.compiled(params, filter);
    for (const field of compiled.geoFields) {
      if (!collection.geoFields.has(field))
        throw requestFailed(`geo query on "${field}" needs a geo (2dsphere) index on that field`);
    }
    let candidates: Iterable<Doc> = collection.docs.values();
    let best: Set<string> | undefined;
    for (const [field, values] of compiled.equalities) {
      if (!collection.hasEqualityIndex(field)) continue;
      const ids = collection.lookup(field, values);
      if (ids && (!best || ids.size < best.size)) best = ids;
    }
    if (best) candidates = [...best].map((id) => collection.docs.get(id)!).filter(Boolean);
    const near = compiled.nearest;
    if (near) {
      let keyed: Array<[number, Doc]> = [];
      for (const doc of candidates) {
        const d = near.distance(doc);
        // Documents without a geo value at the field never match a near query.
        if (Number.isFinite(d) && d >= near.min && d <= near.max && compiled.test(doc)) keyed.push([d, doc]);
      }
      if (keep !== undefined && keyed.length > keep) {
        // Only the nearest `keep` are needed: cut at the keep-th distance before sorting documents.
        const cut = Float64Array.from(keyed, ([d]) => d).sort()[keep - 1];
        keyed = keyed.filter(([d]) => d <= cut);
      }
      return keyed.sort((a, b) => a[0] - b[0]).map(([, doc]) => doc);
    }
    const out: Doc[] = [];
    for (const doc of candidates) if (compiled.test(doc)) out.push(doc);
    return out;
  }

  private async getDocuments(params: Params): Promise<{ list: string[]; offset?: number; limit: number }> {
    const tx = this.transactionOf(params);
    if (tx) return { list: (await this.txGet(tx, params)).map(encode), limit: 1 };
    const collection = this.collection(params);
    const sort = parseSort(params.order === undefined ? undefined : decode(params.order, 'order'));
    const offset = optionalInt(params, 'offset') ?? 0;
    const limit = Math.min(optionalInt(params, 'limit') || DEFAULT_LIMIT, MAX_LIMIT);
    const projection = params.projection === undefined ? undefined : decodeObject(params.projection, 'projection');
    // Nearest-first results need only the first offset+limit (unless another order is asked for).
    let docs = this.find(collection, params, undefined, sort.length ? undefined : offset + limit);
    if (sort.length) docs = sortDocs(docs.slice(), sort);
    const page = project(docs.slice(offset, offset + limit).map(clone), projection);
    return { list: page.map(encode), offset, limit };
  }

  // ---- writes --------------------------------------------------------------------------------

  private parseNewDocs(params: Params): Doc[] {
    const data = params.data;
    if (!Array.isArray(data) || data.length === 0) throw invalidParam('data must be a non-empty array of documents');
    if (data.length > 1000) throw invalidParam('at most 1000 documents per insert');
    return data.map((text, i) => {
      const doc = decodeObject(text, `data[${i}]`);
      if (doc._id === undefined) doc._id = newId();
      if (typeof doc._id !== 'string' || !doc._id) throw invalidParam('_id must be a non-empty string');
      validateDocumentKeys(doc);
      return doc as Doc;
    });
  }

  private async insert(params: Params): Promise<string[]> {
    const tx = this.transactionOf(params);
    const docs = this.parseNewDocs(params);
    const name = str(params, 'collectionName');
    const collection = this.collection(params);
    const seen = new Set<string>();
    for (const doc of docs) {
      const exists = tx ? await this.txRead(tx, name, doc._id) : collection.docs.get(doc._id);
      if (exists || seen.has(doc._id)) {
        throw requestFailed(`E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: "${doc._id}" }`);
      }
      seen.add(doc._id);
      const violated = collection.uniqueViolation(doc);
      if (violated) throw requestFailed(`E11000 duplicate key error collection: ${name} index: ${violated}`);
    }
    const clash = collection.uniqueViolationAmong(docs);
    if (clash) throw requestFailed(`E11000 duplicate key error collection: ${name} index: ${clash}`);
    const changes = docs.map((doc) => ({ collection: name, id: doc._id, doc }));
    if (tx) {
      if (docs.length !== 1) throw requestFailed('a transaction inserts one document at a time');
      for (const change of changes) await this.txWrite(tx, change);
    } else this.commit(changes);
    return docs.map((doc) => doc._id);
  }

  private async modify(params: Params, returnDoc = false): Promise<{ updated: number; upsert_id?: string; doc?: Doc | null }> {
    const name = str(params, 'collectionName');
    const collection = this.collection(params);
    const tx = this.transactionOf(params);
    const merge = params.merge !== false;
    const upsert = params.upsert === true;
    const multi = params.multi === true;
    const data = decodeObject(params.data, 'data');
    const update = merge ? parseUpdate(data) : null;
    if (!merge) validateDocumentKeys(data);
    const filter = this.filterOf(params);
    const targets = tx ? await this.txGet(tx, params) : this.find(collection, params, filter);
    const chosen = multi ? targets : targets.slice(0, 1);
    const changes: Change[] = [];
    let lastDoc: Doc | null = null;
    for (const doc of chosen) {
      const next = update ? applyUpdate(doc, update) : ({ ...clone(data), _id: doc._id } as Doc);
      if (!next) continue;
      if (!update && isEqual(next, doc)) continue; // replacing a document by an equal one changes nothing
      const violated = collection.uniqueViolation(next);
      if (violated) throw requestFailed(`E11000 duplicate key error collection: ${name} index: ${violated}`);
      changes.push({ collection: name, id: doc._id, doc: next });
      lastDoc = next;
    }
    const clash = collection.uniqueViolationAmong(changes.map((change) => change.doc!));
    if (clash) throw requestFailed(`E11000 duplicate key error collection: ${name} index: ${clash}`);
    let upsertId: string | undefined;
    if (!chosen.length && upsert) {
      const id = typeof filter._id === 'string' ? filter._id : newId();
      const base = { _id: id } as Doc;
      const created = update ? (applyUpdate(base, update) ?? base) : ({ ...clone(data), _id: id } as Doc);
      changes.push({ collection: name, id, doc: created });
      upsertId = id;
      lastDoc = created;
    }
    if (tx) for (const change of changes) await this.txWrite(tx, change);
    else this.commit(changes);
    const updated = upsertId ? 0 : changes.length;
    return { updated, ...(upsertId ? { upsert_id: upsertId } : {}), ...(returnDoc ? { doc: lastDoc } : {}) };
  }

  private async remove(params: Params): Promise<number> {
    const name = str(params, 'collectionName');
    const collection = this.collection(params);
    const tx = this.transactionOf(params);
    const targets = tx ? await this.txGet(tx, params) : this.find(collection, params);
    const chosen = params.multi === false ? targets.slice(0, 1) : targets;
    const changes = chosen.map((doc) => ({ collection: name, id: doc._id, doc: null }));
    if (tx) for (const change of changes) await this.txWrite(tx, change);
    else this.commit(changes);
    return changes.length;
  }

  private aggregate(params: Params): Doc[] {
    const collection = this.collection(params);
    const stages = params.stages;
    if (!Array.isArray(stages)) throw invalidParam('stages must be an array');
    const pipeline = stages.map((stage, i) => {
      const { stageKey, stageValue } = (stage ?? {}) as { stageKey?: unknown; stageValue?: unknown };
      if (typeof stageKey !== 'string') throw invalidParam(`stages[${i}].stageKey must be a string`);
      return { [stageKey]: decode(stageValue, `stages[${i}].stageValue`) };
    });
    return runPipeline(collection, pipeline, (from) => {
      const other = this.collections.get(from);
      if (!other) throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${from}`);
      return [...other.docs.values()];
    });
  }

  // ---- transactions --------------------------------------------------------------------------

  private async startTransaction(): Promise<string> {
    let end: (outcome: Outcome) => void = () => undefined;
    const ended = new Promise<Outcome>((resolve) => (end = resolve));
    const tx: Transaction = { id: newId(), reads: new Map(), writes: new Map(), ended, end };
    this.transactions.set(tx.id, tx);
    this.touch(tx);
    return tx.id;
  }

  private touch(tx: Transaction): void {
    clearTimeout(tx.timer);
    tx.timer = setTimeout(() => this.endTransaction(tx), TRANSACTION_IDLE_MS);
    tx.timer.unref?.();
  }

  private transaction(id: string): Transaction {
    const tx = this.transactions.get(id);
    if (!tx) throw requestFailed(`transaction ${id} does not exist or has ended`);
    this.touch(tx);
    return tx;
  }

  private transactionOf(params: Params): Transaction | undefined {
    const id = params.transactionId;
    if (id === undefined || id === null || id === '') return undefined;
    if (typeof id !== 'string') throw invalidParam('transactionId must be a string');
    return this.transaction(id);
  }

  private endTransaction(tx: Transaction, outcome: Outcome = 'aborted'): void {
    clearTimeout(tx.timer);
    this.transactions.delete(tx.id);
    for (const [key, holder] of this.locks) if (holder === tx.id) this.locks.delete(key);
    tx.end(outcome);
  }

  private conflict(tx: Transaction): DbError {
    this.endTransaction(tx); // MongoDB aborts a transaction on a write conflict; the SDK retries afresh
    return transactionConflict();
  }

  /** True when `from` waits, directly or through others, for `target`. */
  private waitsFor(from: Transaction, target: string): boolean {
    let current: Transaction | undefined = from;
    for (let hops = 0; current && hops < 1000; hops++) {
      if (current.id === target) return true;
      current = current.waitingFor ? this.transactions.get(current.waitingFor) : undefined;
    }
    return false;
  }

  /** Takes a document's lock, waiting for its holder; false when a read should go ahead unlocked. */
  private async lock(tx: Transaction, key: string, purpose: 'read' | 'write'): Promise<boolean> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      const holderId = this.locks.get(key);
      const holder = holderId ? this.transactions.get(holderId) : undefined;
      if (!holder || holder.id === tx.id) {
        this.locks.set(key, tx.id);
        return true;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.waitsFor(holder, tx.id)) {
        if (purpose === 'read') return false;
        throw this.conflict(tx);
      }
      tx.waitingFor = holder.id;
      await Promise.race([holder.ended, new Promise((r) => setTimeout(r, left))]);
      tx.waitingFor = undefined;
      if (!this.transactions.has(tx.id)) throw requestFailed(`transaction ${tx.id} has ended`);
    }
  }

  /** Buffers a transaction's write under the document's lock. */
  private async txWrite(tx: Transaction, change: Change): Promise<void> {
    const key = txKey(change.collection, change.id);
    await this.lock(tx, key, 'write');
    if (!tx.reads.has(key)) tx.reads.set(key, this.collections.get(change.collection)?.versions.get(change.id));
    tx.writes.set(key, change);
  }

  /** Reads one document as the transaction sees it (its own writes first) and records the version read. */
  private async txRead(tx: Transaction, collection: string, id: string): Promise<Doc | undefined> {
    const key = txKey(collection, id);
    const own = tx.writes.get(key);
    if (own) return own.doc ?? undefined;
    if (!tx.reads.has(key)) await this.lock(tx, key, 'read');
    const stored = this.collections.get(collection);
    if (!tx.reads.has(key)) tx.reads.set(key, stored?.versions.get(id));
    const doc = stored?.docs.get(id);
    return doc ? clone(doc) : undefined;
  }

  /** In a transaction only single-document operations are allowed, as in the cloud: a query by _id. */
  private async txGet(tx: Transaction, params: Params): Promise<Doc[]> {
    const filter = this.filterOf(params);
    const keys = Object.keys(filter);
    if (params.queryType !== 'DOC' || keys.length !== 1 || typeof filter._id !== 'string') {
      throw requestFailed('transactions support single-document operations only: use doc(id)');
    }
    const name = str(params, 'collectionName');
    this.collection(params);
    const doc = await this.txRead(tx, name, filter._id);
    return doc ? [doc] : [];
  }

  private commitTransaction(id: string): void {
    const tx = this.transaction(id);
    try {
      for (const [key, version] of tx.reads) {
        const [collection, docId] = key.split('\u0000');
        if (this.collections.get(collection)?.versions.get(docId) !== version) throw transactionConflict();
      }
      const violated = [...tx.writes.values()].find(
        (change) => change.doc && this.collection({ collectionName: change.collection }).uniqueViolation(change.doc),
      );
      if (violated) throw requestFailed(`E11000 duplicate key error collection: ${violated.collection}`);
      this.commit([...tx.writes.values()]);
      this.endTransaction(tx, 'committed');
    } finally {
      if (this.transactions.has(tx.id)) this.endTransaction(tx);
    }
  }
}
