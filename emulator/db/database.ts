/**
 * The database server's engine: the `database.*` actions wx-server-sdk sends, answered in the shapes its
 * source (@cloudbase/database) reads.
 *
 * A plain (non-transaction) request runs from parse to write without yielding, so single-document
 * updates are atomic under any concurrency; it only waits when a document it would write is locked by
 * an open transaction. Transactions use snapshot isolation (./transactions.ts, ./mvcc.ts).
 */
import type { IndexSpec } from './collection';
import type { Collection } from './collection';
import { clone, decode, decodeObject, docKey, encode, isDocId, type Doc, type DocId } from './ejson';
import { DbError, invalidParam, requestFailed } from './errors';
import { Store } from './mvcc';
import type { Change, Persistence } from './persistence';
import { compileFilter, parseSort, project, sortDocs, type CompiledQuery } from './query';
import {
  DEFAULT_TRANSACTION_OPTIONS,
  Transactions,
  type RequestContext,
  type Transaction,
  type TransactionOptions,
} from './transactions';
import { parseUpdate, validateDocumentKeys } from './update';
import { duplicateKey, parseNewDocs, planInsert, planModify, planRemove, type ModifySpec, type WritePlan } from './writes';
import { runPipeline } from './aggregate';

export { newId } from './writes';
export type { RequestContext } from './transactions';

/** Page sizes of `get()` on the server side (WeChat docs: default 100, at most 1000). */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

type Params = Record<string, unknown>;

function str(params: Params, field: string): string {
  const value = params[field];
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

export interface DbOptions {
  transactions?: Partial<TransactionOptions>;
}

export class Db {
  readonly store: Store;
  readonly transactions: Transactions;

  constructor(
    persistence: Persistence | null,
    declared: Array<{ name: string; indexes?: IndexSpec[] }> = [],
    options: DbOptions = {},
  ) {
    const given = Object.entries(options.transactions ?? {}).filter(([, value]) => value !== undefined);
    this.transactions = new Transactions({ ...DEFAULT_TRANSACTION_OPTIONS, ...Object.fromEntries(given) }, () =>
      this.store.prune(this.transactions.oldestSnapshot()),
    );
    this.store = new Store(persistence, declared, () => this.transactions.count > 0);
  }

  get collections(): Map<string, Collection> {
    return this.store.collections;
  }

  private collection(params: Params): Collection {
    const name = str(params, 'collectionName');
    const collection = this.store.collections.get(name);
    if (!collection) throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
    return collection;
  }

  async handle(action: string, params: Params, context: RequestContext = {}): Promise<Record<string, unknown>> {
    const tx = action.endsWith('Transaction') ? undefined : this.transactionOf(params);
    switch (action) {
      case 'database.getDocument':
        return { data: tx ? { list: this.txGet(tx, params).map(encode), limit: 1 } : this.getDocuments(params) };
      case 'database.calculateDocument':
        return { data: { total: this.find(this.collection(params), params).length } };
      case 'database.insertDocument':
        return {
          data: {
            insertedIds: tx ? this.txInsert(tx, params) : await this.plainWrite(action, context, () => this.planInsert(params)),
          },
        };
      case 'database.modifyDocument': {
        const plan = () => this.planModify(params, tx);
        const { doc: _doc, ...result } = tx ? this.txApply(tx, plan(), true) : await this.plainWrite(action, context, plan);
        return { data: result };
      }
      case 'database.modifyAndReturnDoc': {
        const forced = { ...params, multi: false, merge: true, upsert: false };
        const result = await this.plainWrite(action, context, () => this.planModify(forced, undefined));
        return { data: { updated: result.updated, doc: result.doc ? encode(result.doc) : null } };
      }
      case 'database.removeDocument': {
        const plan = () => this.planRemoveOf(params, tx);
        return { data: { deleted: tx ? this.txApply(tx, plan(), false) : await this.plainWrite(action, context, plan) } };
      }
      case 'database.aggregateDocuments':
        return { data: { list: this.aggregate(params).map(encode) } };
      case 'database.addCollection':
        return this.addCollection(params);
      case 'database.startTransaction':
        return { transactionId: this.transactions.start(this.store.version, context).id };
      case 'database.commitTransaction':
        this.commitTransaction(this.transactions.get(str(params, 'transactionId')));
        return {};
      case 'database.abortTransaction':
        this.transactions.end(this.transactions.get(str(params, 'transactionId')));
        return {};
      default:
        throw invalidParam(`unknown action ${action}`);
    }
  }

  private addCollection(params: Params): Record<string, unknown> {
    const name = str(params, 'collectionName');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw invalidParam(`invalid collection name ${name}`);
    if (this.store.collections.has(name)) throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`);
    this.store.ensureCollection(name);
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

  /** Matching committed documents (stored objects: callers must copy before handing out or changing them). */
  private find(collection: Collection, params: Params, filter = this.filterOf(params), keep?: number): Doc[] {
    const compiled = this.compiled(params, filter);
    for (const field of compiled.geoFields) {
      if (!collection.geoFields.has(field))
        throw requestFailed(`geo query on "${field}" needs a geo (2dsphere) index on that field`);
    }
    let candidates: Iterable<Doc> = collection.docs.values();
    let best: Set<DocId> | undefined;
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

  private getDocuments(params: Params): { list: string[]; offset?: number; limit: number } {
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
      const other = this.store.collections.get(from);
      if (!other) throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${from}`);
      return [...other.docs.values()];
    });
  }

  // ---- write plans ---------------------------------------------------------------------------

  private planInsert(params: Params, tx?: Transaction): WritePlan<DocId[]> {
    const docs = parseNewDocs(params.data);
    const collection = this.collection(params);
    if (tx && docs.length !== 1) throw requestFailed('a transaction inserts one document at a time');
    const exists = tx
      ? (id: DocId) => this.txView(tx, collection.name, id) !== undefined
      : (id: DocId) => collection.docs.has(id);
    // Unique indexes are checked at commit for transactions (their view is a snapshot).
    return planInsert(collection, docs, exists, !tx);
  }

  private planModify(params: Params, tx: Transaction | undefined) {
    const collection = this.collection(params);
    const merge = params.merge !== false;
    const data = decodeObject(params.data, 'data');
    const update = merge ? parseUpdate(data) : null;
    if (!merge) validateDocumentKeys(data);
    const filter = this.filterOf(params);
    const targets = tx ? this.txGet(tx, params) : this.find(collection, params, filter);
    const spec: ModifySpec = {
      update,
      data,
      multi: params.multi === true,
      upsert: params.upsert === true,
      upsertId: isDocId(filter._id) ? filter._id : undefined,
    };
    return planModify(collection, targets, spec, !tx);
  }

  private planRemoveOf(params: Params, tx: Transaction | undefined): WritePlan<number> {
    const collection = this.collection(params);
    const targets = tx ? this.txGet(tx, params) : this.find(collection, params);
    return planRemove(collection, targets, params.multi !== false);
  }

  /**
   * Applies a plain write at once, unless a document it touches is locked by an open transaction: then
   * it waits for the lock and plans again (the document may have changed), failing after lockWaitMs.
   */
  private async plainWrite<T>(action: string, context: RequestContext, plan: () => WritePlan<T>): Promise<T> {
    const deadline = Date.now() + this.transactions.lockWaitMs;
    for (;;) {
      const planned = plan();
      const name = planned.collection;
      const blocked = this.transactions.count ? planned.touched.find((id) => this.transactions.isLocked(name, id)) : undefined;
      if (blocked === undefined) {
        this.store.commit(planned.changes);
        return planned.result;
      }
      await this.transactions.waitForUnlock(name, blocked, action, context, deadline);
    }
  }

  // ---- transactions --------------------------------------------------------------------------

  private transactionOf(params: Params): Transaction | undefined {
    const id = params.transactionId;
    if (id === undefined || id === null || id === '') return undefined;
    if (typeof id !== 'string') throw invalidParam('transactionId must be a string');
    return this.transactions.get(id);
  }

  /** A document as the transaction sees it: its own write, else its snapshot. */
  private txView(tx: Transaction, collection: string, id: DocId): Doc | undefined {
    const own = tx.writes.get(docKey(collection, id));
    if (own) return own.doc ?? undefined;
    return this.store.readAt(collection, id, tx.snapshot);
  }

  /** In a transaction only single-document operations are allowed, as in the cloud: doc(id). */
  private txGet(tx: Transaction, params: Params): Doc[] {
    const filter = this.filterOf(params);
    if (params.queryType !== 'DOC' || Object.keys(filter).length !== 1 || !isDocId(filter._id)) {
      throw requestFailed('transactions support single-document operations only: use doc(id)');
    }
    const collection = this.collection(params);
    const doc = this.txView(tx, collection.name, filter._id);
    return doc ? [clone(doc)] : [];
  }

  private txInsert(tx: Transaction, params: Params): DocId[] {
    return this.txApply(tx, this.planInsert(params, tx), false);
  }

  /**
   * Buffers a plan's writes in the transaction, taking each document's lock. With `matchedAsWritten`,
   * documents an update matched but left unchanged are written too (and locked): updated counts them.
   */
  private txApply<T>(tx: Transaction, planned: WritePlan<T>, matchedAsWritten: boolean): T {
    const changes: Change[] = [...planned.changes];
    if (matchedAsWritten) {
      for (const id of planned.touched) {
        if (changes.some((change) => change.id === id)) continue;
        const doc = this.txView(tx, planned.collection, id);
        if (doc) changes.push({ collection: planned.collection, id, doc: clone(doc) });
      }
    }
    for (const change of changes) {
      this.transactions.lockForWrite(tx, change.collection, change.id, this.store.versionOf(change.collection, change.id));
      tx.writes.set(docKey(change.collection, change.id), change);
    }
    return planned.result;
  }

  private commitTransaction(tx: Transaction): void {
    const changes = [...tx.writes.values()];
    const byCollection = new Map<string, Change[]>();
    for (const change of changes) byCollection.set(change.collection, [...(byCollection.get(change.collection) ?? []), change]);
    for (const [name, list] of byCollection) {
      const collection = this.store.ensureCollection(name);
      const replaced = new Set(list.map((change) => change.id));
      const written = list.flatMap((change) => (change.doc ? [change.doc] : []));
      const violated =
        written.map((doc) => collection.uniqueViolation(doc, replaced)).find(Boolean) ?? collection.uniqueViolationAmong(written);
      if (violated) {
        this.transactions.end(tx);
        throw duplicateKey(name, violated);
      }
    }
    this.store.commit(changes);
    this.transactions.end(tx);
  }
}
