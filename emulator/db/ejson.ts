/**
 * The wire format: wx-server-sdk sends queries, updates and documents as canonical MongoDB extended
 * JSON strings, and parses each returned document with EJSON. Documents are kept in memory as plain
 * JS values (Date for dates, GeoJSON objects for geo values, RegExp for regexes).
 */
import { EJSON, BSONRegExp, ObjectId } from 'bson';
import { MAX_VALUE_DEPTH, nestedDeeperThan } from '../jsonDepth';
import { invalidParam } from './errors';

/** A document's _id: a string, or a number (the cloud accepts numeric ids, e.g. `+new Date()`). */
export type DocId = string | number;
export type Doc = Record<string, unknown> & { _id: DocId };

export function isDocId(value: unknown): value is DocId {
  return (typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value));
}

/** A key naming one document across collections: 1 and '1' are different documents. */
export function docKey(collection: string, id: DocId): string {
  return `${collection}\u0000${typeof id === 'number' ? 'n' : 's'}${id}`;
}

const SERVER_DATE = '$tcb_server_date';

function normalise(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^imsux]/g, ''));
  if (value instanceof ObjectId) return value.toHexString();
  if (Array.isArray(value)) return value.map((item) => normalise(item, now));
  const record = value as Record<string, unknown>;
  const serverDate = record[SERVER_DATE] as { offset?: number } | undefined;
  if (serverDate && typeof serverDate === 'object' && Object.keys(record).length === 1) {
    return new Date(now + Number(serverDate.offset ?? 0));
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = normalise(record[key], now);
  return out;
}

/** Parses one EJSON string field of a request; `db.serverDate()` placeholders become the server's time. */
export function decode(text: unknown, field: string): unknown {
  if (typeof text !== 'string') throw invalidParam(`${field} must be an extended JSON string`);
  if (nestedDeeperThan(text, MAX_VALUE_DEPTH)) throw invalidParam(`${field} nested deeper than ${MAX_VALUE_DEPTH} levels`);
  let parsed: unknown;
  try {
    parsed = EJSON.parse(text, { relaxed: true });
  } catch {
    throw invalidParam(`${field} is not valid extended JSON`);
  }
  return normalise(parsed, Date.now());
}

export function decodeObject(text: unknown, field: string): Record<string, unknown> {
  const value = decode(text, field);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParam(`${field} must be an object`);
  }
  return value as Record<string, unknown>;
}

export function encode(doc: unknown): string {
  return EJSON.stringify(doc as Record<string, unknown>, { relaxed: false });
}

/** Deep copy that keeps Dates and RegExps (documents handed out must not alias stored ones). */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) out[key] = clone((value as Record<string, unknown>)[key]);
  return out as T;
}
