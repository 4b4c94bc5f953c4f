/**
 * The one door to the database: cloud.init, collection names, and a few typed helpers over wx-server-sdk.
 * Module services call these; handlers never touch the SDK directly.
 */
import cloud from 'wx-server-sdk';
import { fail } from './errors';

/** A collection name: each area names its own in `modules/<area>/collections.ts`, core ones in shared/collections.ts. */
export type CollectionName = string;

type AnyDoc = Record<string, unknown>;
// Reads take any object type (a record type need not carry an index signature); writes take documents.
// The SDK's typings return `Promise<X> | void | string`; these are what it resolves to at runtime.
interface QueryResult<T> {
  data: T[];
}
interface UpdateResult {
  stats: { updated: number };
}
interface RemoveResult {
  stats: { removed: number };
}
interface AddResult {
  _id: string;
}
interface CountResult {
  total: number;
}

let initialized = false;

export function getCloud(): typeof cloud {
  if (!initialized) {
    // Locally the emulator sets LOCAL_CLOUD_SERVICE_URL; in WeChat Cloud it is unset and the SDK's default applies.
    cloud.init({
      env: cloud.DYNAMIC_CURRENT_ENV,
      serviceUrl: process.env.LOCAL_CLOUD_SERVICE_URL,
    } as unknown as Parameters<typeof cloud.init>[0]);
    initialized = true;
  }
  return cloud;
}

export function getDb() {
  return getCloud().database();
}

export function command() {
  return getDb().command;
}

function coll(name: CollectionName) {
  return getDb().collection(name);
}

export async function findById<T extends object>(name: CollectionName, id: string): Promise<T | null> {
  // where() rather than doc().get(): a missing document is an empty list, not an error.
  const res = (await coll(name).where({ _id: id }).limit(1).get()) as unknown as QueryResult<T>;
  return res.data[0] ?? null;
}

/** A `$lookup` of documents of another collection whose `foreignField` equals this document's `localField`. */
export interface Lookup {
  from: CollectionName;
  localField: string;
  foreignField: string;
  as: string;
}

/**
 * One document by _id with related documents of other collections joined in (`$lookup`, each `as` field an
 * array): several collections read in ONE database request. null when the document does not exist.
 */
export async function findByIdJoined<T extends AnyDoc>(
  name: CollectionName,
  id: string,
  lookups: Lookup[],
  /** Values added to the document before the lookups (as literals), to join on: e.g. `{ caller: openid }`. */
  constants: Record<string, string> = {},
): Promise<T | null> {
  let pipeline = coll(name).aggregate().match({ _id: id });
  const $ = getDb().command.aggregate;
  if (Object.keys(constants).length) {
    pipeline = pipeline.addFields(Object.fromEntries(Object.entries(constants).map(([k, v]) => [k, $.literal(v)])));
  }
  for (const lookup of lookups) pipeline = pipeline.lookup(lookup);
  const res = (await pipeline.end()) as unknown as { list: T[] };
  return res.list[0] ?? null;
}

export interface FindOptions {
  /** Sort keys in priority order, e.g. [['submittedAt', 'desc'], ['_id', 'desc']]. */
  orderBy?: [string, 'asc' | 'desc'][];
  skip?: number;
  limit?: number;
  /** Only these fields (and `_id`) of each document, e.g. `{ holders: true }`: a list of ids need not carry the documents. */
  fields?: Record<string, true>;
}

export async function findMany<T extends object>(name: CollectionName, where: AnyDoc, options: FindOptions = {}): Promise<T[]> {
  let query = coll(name).where(where);
  for (const [field, direction] of options.orderBy ?? []) query = query.orderBy(field, direction);
  if (options.skip) query = query.skip(options.skip);
  query = query.limit(options.limit ?? 100);
  if (options.fields) query = query.field(options.fields);
  const res = (await query.get()) as unknown as QueryResult<T>;
  return res.data;
}

/** Reads every matching document, 1000 at a time (the server-side SDK's page limit). */
export async function findAll<T extends object>(name: CollectionName, where: AnyDoc = {}): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await findMany<T>(name, where, { orderBy: [['_id', 'asc']], skip, limit: 1000 });
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

export const PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * One page of a list in a stable order: the sort keys given, then `_id` in the last key's direction, so
 * that records with equal sort values keep their order between pages (otherwise a row can repeat or
 * vanish when paging). Every list of the function pages through here and returns `total`.
 */
export async function findPage<T extends object>(
  name: CollectionName,
  where: AnyDoc,
  orderBy: [string, 'asc' | 'desc'][],
  page = 1,
  pageSize = PAGE_SIZE,
): Promise<{ rows: T[]; total: number }> {
  const last = orderBy[orderBy.length - 1]?.[1] ?? 'desc';
  const [rows, total] = await Promise.all([
    findMany<T>(name, where, {
      orderBy: [...orderBy, ['_id', last]],
      skip: (page - 1) * pageSize,
      limit: pageSize,
    }),
    countWhere(name, where),
  ]);
  return { rows, total };
}

export async function countWhere(name: CollectionName, where: AnyDoc): Promise<number> {
  const res = (await coll(name).where(where).count()) as CountResult;
  return res.total;
}

export async function insert(name: CollectionName, data: AnyDoc): Promise<string> {
  const res = (await coll(name).add({ data })) as AddResult;
  return res._id;
}

/** Inserts several documents in ONE request (all or none: a duplicate _id or unique key refuses the whole batch). */
export async function insertMany(name: CollectionName, docs: AnyDoc[]): Promise<void> {
  if (docs.length === 0) return;
  await coll(name).add({ data: docs } as unknown as { data: AnyDoc });
}

/**
 * Inserts a document with a deterministic _id; false when that _id already exists. This is the
 * uniqueness primitive (one account per openid, one membership per ID number): the database decides,
 * so concurrent callers cannot both win.
 */
export async function insertUnique(name: CollectionName, id: string, data: AnyDoc): Promise<boolean> {
  try {
    await coll(name).add({ data: { ...data, _id: id } });
    return true;
  } catch (error) {
    // A duplicate _id means another call holds this id (even if it is removed again before we could read it:
    // the caller decides what a lost insert means). Other errors are ours only when the document is there.
    if (isDuplicateKey(error) || (await findById(name, id))) return false;
    throw error;
  }
}

/** WeChat Cloud (like the local cloud) answers a taken _id with MongoDB's E11000 duplicate key error. */
function isDuplicateKey(error: unknown): boolean {
  const e = error as { errMsg?: unknown; message?: unknown };
  return /E11000|duplicate key/i.test(`${String(e?.errMsg ?? '')} ${String(e?.message ?? '')}`);
}

/** Conditional update: the where clause is the guard (e.g. status: 'pending'). Returns documents changed. */
export async function updateWhere(name: CollectionName, where: AnyDoc, data: AnyDoc): Promise<number> {
  const res = (await coll(name).where(where).update({ data })) as UpdateResult;
  return res.stats.updated;
}

/** Creates or replaces the whole document (idempotent writes keyed by a deterministic _id). */
export async function setById(name: CollectionName, id: string, data: AnyDoc): Promise<void> {
  await coll(name).doc(id).set({ data });
}

export async function removeWhere(name: CollectionName, where: AnyDoc): Promise<number> {
  const res = (await coll(name).where(where).remove()) as RemoveResult;
  return res.stats.removed;
}

// ---- transactions ------------------------------------------------------------------------------------

/** Single-document operations inside a transaction (the only kind WeChat Cloud allows there). */
export interface Tx {
  /** The document as of the transaction's snapshot, or null. */
  get<T extends object>(name: CollectionName, id: string): Promise<T | null>;
  /** Creates or replaces the whole document. */
  set(name: CollectionName, id: string, data: AnyDoc): Promise<void>;
  /** Changes fields of an existing document. */
  update(name: CollectionName, id: string, data: AnyDoc): Promise<void>;
  /** Creates a document that must not exist: the request (or the commit) fails when it does. */
  insert(name: CollectionName, id: string, data: AnyDoc): Promise<void>;
  remove(name: CollectionName, id: string): Promise<void>;
}

interface SdkTransaction {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<unknown>;
      set(options: { data: AnyDoc }): Promise<unknown>;
      update(options: { data: AnyDoc }): Promise<unknown>;
      remove(): Promise<unknown>;
    };
    add(options: { data: AnyDoc }): Promise<unknown>;
  };
}

const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';
/**
 * Attempts before the caller gets BUSY. wx-server-sdk 4.0.2 does not retry a conflict itself (its error wrapper
 * turns the error into `{ errCode, errMsg }` before runTransaction looks at `code`), so the retries are ours:
 * exponential back-off with jitter, about 1.5 s in all at most.
 */
const TRANSACTION_ATTEMPTS = 8;

/** The SDK answers some failures inside a transaction with `{ code, message }` instead of throwing. */
function checked<T>(result: T): T {
  const code = (result as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code)
    throw Object.assign(new Error(String((result as { message?: unknown }).message ?? code)), { code });
  return result;
}

function wrap(t: SdkTransaction): Tx {
  return {
    async get<T extends object>(name: CollectionName, id: string) {
      const res = checked((await t.collection(name).doc(id).get()) as { data?: T | null });
      return res.data ?? null;
    },
    async set(name, id, data) {
      checked(await t.collection(name).doc(id).set({ data }));
    },
    async update(name, id, data) {
      checked(await t.collection(name).doc(id).update({ data }));
    },
    async remove(name, id) {
      checked(await t.collection(name).doc(id).remove());
    },
    async insert(name, id, data) {
      checked(await t.collection(name).add({ data: { ...data, _id: id } }));
    },
  };
}

function isConflict(error: unknown): boolean {
  const e = error as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown } | null;
  if (e?.code === CONFLICT_CODE || e?.errCode === CONFLICT_CODE) return true;
  const text = `${String(e?.message ?? '')} ${String(e?.errMsg ?? '')}`;
  return text.includes(CONFLICT_CODE) || text.includes('TransactionConflict');
}

/**
 * Runs `work` in one database transaction. WeChat Cloud gives transactions snapshot isolation: reads see the
 * snapshot taken at the start and take no lock; a write-write conflict fails the later transaction, which is
 * retried; write skew is possible. So an invariant that spans documents holds only if every transaction that
 * could break it WRITES the documents it depends on (e.g. the ID registry entry and the application together).
 * `work` may run several times: keep it free of side effects outside the transaction. Errors it throws
 * (AppError refusals) roll the transaction back and reach the caller unchanged.
 */
export async function withTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  // throwOnNotFound: false, so that reading a document that does not exist (yet) gives null, not an error.
  const db = getCloud().database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as {
    runTransaction(cb: (t: SdkTransaction) => Promise<T>): Promise<T>;
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.runTransaction((t) => work(wrap(t)));
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (attempt >= TRANSACTION_ATTEMPTS) throw fail('BUSY');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}
