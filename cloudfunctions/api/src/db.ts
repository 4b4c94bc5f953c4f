/**
 * The one door to the database: cloud.init, collection names, and a few typed helpers over wx-server-sdk.
 * Module services call these; handlers never touch the SDK directly.
 */
import cloud from 'wx-server-sdk';
import type { CollectionName } from './collections';

export { COLLECTIONS, type CollectionName } from './collections';

type AnyDoc = Record<string, unknown>;
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

export async function findById<T extends AnyDoc>(name: CollectionName, id: string): Promise<T | null> {
  // where() rather than doc().get(): a missing document is an empty list, not an error.
  const res = (await coll(name).where({ _id: id }).limit(1).get()) as unknown as QueryResult<T>;
  return res.data[0] ?? null;
}

export interface FindOptions {
  /** Sort keys in priority order, e.g. [['submittedAt', 'desc'], ['_id', 'desc']]. */
  orderBy?: [string, 'asc' | 'desc'][];
  skip?: number;
  limit?: number;
}

export async function findMany<T extends AnyDoc>(name: CollectionName, where: AnyDoc, options: FindOptions = {}): Promise<T[]> {
  let query = coll(name).where(where);
  for (const [field, direction] of options.orderBy ?? []) query = query.orderBy(field, direction);
  if (options.skip) query = query.skip(options.skip);
  query = query.limit(options.limit ?? 100);
  const res = (await query.get()) as unknown as QueryResult<T>;
  return res.data;
}

/** Reads every matching document, 1000 at a time (the server-side SDK's page limit). */
export async function findAll<T extends AnyDoc>(name: CollectionName, where: AnyDoc = {}): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await findMany<T>(name, where, { orderBy: [['_id', 'asc']], skip, limit: 1000 });
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

export const PAGE_SIZE = 20;

/**
 * One page of a list, newest first by `newestField`. `_id` breaks ties so that records with the same
 * timestamp keep their order between pages (otherwise a row can repeat or vanish when paging).
 */
export async function findPage<T extends AnyDoc>(
  name: CollectionName,
  where: AnyDoc,
  newestField: string,
  page = 1,
): Promise<{ rows: T[]; total: number }> {
  const [rows, total] = await Promise.all([
    findMany<T>(name, where, {
      orderBy: [
        [newestField, 'desc'],
        ['_id', 'desc'],
      ],
      skip: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
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
    // The error text differs between WeChat Cloud and the local cloud: check the store itself.
    if (await findById(name, id)) return false;
    throw error;
  }
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
