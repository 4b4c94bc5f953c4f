/**
 * One collection held in memory: documents by _id, a version per document (for transaction validation)
 * and the declared indexes. Single-field equality indexes map a value key to the ids holding it
 * (multikey over arrays); 2dsphere indexes mark the fields geo queries may use.
 */
import { resolve } from 'mingo/util';
import type { Doc, DocId } from './ejson';

export interface IndexSpec {
  name: string;
  keys: Array<{ field: string; direction: 1 | -1 | '2dsphere' }>;
  unique?: boolean;
}

/** Key of an indexable scalar, or undefined when the value can only be matched by a scan. */
export function indexKey(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${value}`;
    case 'boolean':
      return `b${value}`;
    default:
      return value instanceof Date ? `d${value.getTime()}` : undefined;
  }
}

function leafKeys(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => leafKeys(item, out));
  else {
    const key = indexKey(value);
    if (key !== undefined) out.add(key);
  }
}

/** Values at a dotted path, descending through arrays as MongoDB's multikey indexes do. */
function valuesAt(doc: unknown, parts: string[], out: Set<string>): void {
  if (Array.isArray(doc)) {
    doc.forEach((item) => valuesAt(item, parts, out));
    return;
  }
  if (!parts.length) {
    leafKeys(doc, out);
    return;
  }
  if (doc !== null && typeof doc === 'object') valuesAt((doc as Record<string, unknown>)[parts[0]], parts.slice(1), out);
}

class EqualityIndex {
  readonly buckets = new Map<string, Set<DocId>>();
  private readonly parts: string[];

  constructor(readonly field: string) {
    this.parts = field.split('.');
  }

  keysOf(doc: Doc): Set<string> {
    const keys = new Set<string>();
    valuesAt(doc, this.parts, keys);
    return keys;
  }

  add(doc: Doc): void {
    for (const key of this.keysOf(doc)) {
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new Set()));
      bucket.add(doc._id);
    }
  }

  remove(doc: Doc): void {
    for (const key of this.keysOf(doc)) {
      const bucket = this.buckets.get(key);
      bucket?.delete(doc._id);
      if (bucket && !bucket.size) this.buckets.delete(key);
    }
  }
}

export class Collection {
  readonly docs = new Map<DocId, Doc>();
  /** Version of each document's last change (its removal too): the store's commit counter at that time. */
  readonly versions = new Map<DocId, number>();
  private readonly equality = new Map<string, EqualityIndex>();
  readonly geoFields = new Set<string>();
  readonly indexes: IndexSpec[] = [];

  constructor(readonly name: string) {}

  addIndex(spec: IndexSpec): void {
    if (this.indexes.some((i) => i.name === spec.name)) return;
    this.indexes.push(spec);
    spec.keys.forEach(({ field, direction }, position) => {
      if (direction === '2dsphere') this.geoFields.add(field);
      // The leading field of an index serves equality lookups (as a B-tree prefix does).
      else if (position === 0 && !this.equality.has(field) && field !== '_id') {
        const index = new EqualityIndex(field);
        this.docs.forEach((doc) => index.add(doc));
        this.equality.set(field, index);
      }
    });
  }

  hasEqualityIndex(field: string): boolean {
    return field === '_id' || this.equality.has(field);
  }

  /** Candidate ids for `field ∈ values`, or undefined when no index applies. */
  lookup(field: string, values: unknown[]): Set<DocId> | undefined {
    if (field === '_id') return new Set(values.filter((v): v is DocId => this.docs.has(v as DocId)));
    const index = this.equality.get(field);
    if (!index) return undefined;
    const out = new Set<DocId>();
    for (const value of values) {
      const key = indexKey(value);
      if (key === undefined) return undefined; // null, objects, regexes: scan instead
      index.buckets.get(key)?.forEach((id) => out.add(id));
    }
    return out;
  }

  put(doc: Doc, version: number): void {
    const previous = this.docs.get(doc._id);
    if (previous) this.equality.forEach((index) => index.remove(previous));
    this.docs.set(doc._id, doc);
    this.versions.set(doc._id, version);
    this.equality.forEach((index) => index.add(doc));
  }

  delete(id: DocId, version: number): void {
    const previous = this.docs.get(id);
    if (!previous) return;
    this.equality.forEach((index) => index.remove(previous));
    this.docs.delete(id);
    this.versions.set(id, version);
  }

  /**
   * Unique-index clash among documents written together (a batch insert, a multi-document update),
   * which the check against stored documents cannot see. Documents lacking every field of an index are
   * not indexed by it (sparse); MongoDB would index them as null — the WeChat docs do not say.
   */
  uniqueViolationAmong(docs: Doc[]): string | undefined {
    for (const spec of this.indexes) {
      if (!spec.unique) continue;
      const seen = new Set<string>();
      for (const doc of docs) {
        const values = spec.keys.map(({ field }) => resolve(doc, field));
        if (values.every((v) => v === undefined)) continue;
        const key = JSON.stringify(values);
        if (seen.has(key)) return spec.name;
        seen.add(key);
      }
    }
    return undefined;
  }

  /**
   * Unique-index check for a document about to be stored, against the stored documents other than
   * itself and those `replaced` (documents the same commit rewrites or removes).
   */
  uniqueViolation(doc: Doc, replaced?: Set<DocId>): string | undefined {
    const other = (id: DocId) => id !== doc._id && !replaced?.has(id);
    for (const spec of this.indexes) {
      if (!spec.unique) continue;
      const single = spec.keys.length === 1 ? this.equality.get(spec.keys[0].field) : undefined;
      if (single) {
        // Unique single-field index: only documents sharing one of this document's keys can clash.
        const clash = [...single.keysOf(doc)].some((key) => [...(single.buckets.get(key) ?? [])].some(other));
        if (clash) return spec.name;
        continue;
      }
      const values = spec.keys.map(({ field }) => JSON.stringify(resolve(doc, field) ?? null));
      for (const stored of this.docs.values()) {
        if (!other(stored._id)) continue;
        if (spec.keys.every(({ field }, i) => JSON.stringify(resolve(stored, field) ?? null) === values[i])) return spec.name;
      }
    }
    return undefined;
  }
}
