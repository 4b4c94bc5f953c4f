/**
 * What a write request would change, computed from the documents it targets without changing anything:
 * the database then applies the plan at once (plain writes) or buffers it (transactions).
 * Results are as the cloud reports them: a matched document counts as updated even when the update
 * leaves it as it was; an upsert that creates reports `updated: 0` and the new `_id`.
 */
import crypto from 'node:crypto';
import { isEqual } from 'mingo/util';
import type { Collection } from './collection';
import { clone, decodeObject, isDocId, type Doc, type DocId } from './ejson';
import { invalidParam, requestFailed } from './errors';
import type { Change } from './persistence';
import { applyUpdate, validateDocumentKeys } from './update';

export interface WritePlan<T> {
  collection: string;
  changes: Change[];
  /** Every document the request matched or creates (a plain write waits while one is locked). */
  touched: DocId[];
  result: T;
}

export function newId(): string {
  return crypto.randomBytes(16).toString('hex');
}

export const duplicateKey = (collection: string, index: string) =>
  requestFailed(`E11000 duplicate key error collection: ${collection} index: ${index}`);

/** The documents of an insert request, each with an _id (generated when absent). */
export function parseNewDocs(data: unknown): Doc[] {
  // The cloud limits reads to 1,000 documents, not batch inserts: only the request size caps a batch.
  if (!Array.isArray(data) || data.length === 0) throw invalidParam('data must be a non-empty array of documents');
  return data.map((text, i) => {
    const doc = decodeObject(text, `data[${i}]`);
    if (doc._id === undefined) doc._id = newId();
    if (!isDocId(doc._id)) throw invalidParam('_id must be a non-empty string or a number');
    validateDocumentKeys(doc);
    return doc as Doc;
  });
}

export function planInsert(
  collection: Collection,
  docs: Doc[],
  exists: (id: DocId) => boolean,
  checkUnique: boolean,
): WritePlan<DocId[]> {
  const seen = new Set<DocId>();
  for (const doc of docs) {
    if (exists(doc._id) || seen.has(doc._id)) {
      throw duplicateKey(collection.name, `_id_ dup key: { _id: ${JSON.stringify(doc._id)} }`);
    }
    seen.add(doc._id);
    const violated = checkUnique ? collection.uniqueViolation(doc) : undefined;
    if (violated) throw duplicateKey(collection.name, violated);
  }
  const clash = checkUnique ? collection.uniqueViolationAmong(docs) : undefined;
  if (clash) throw duplicateKey(collection.name, clash);
  const ids = docs.map((doc) => doc._id);
  return {
    collection: collection.name,
    changes: docs.map((doc) => ({ collection: collection.name, id: doc._id, doc })),
    touched: ids,
    result: ids,
  };
}

export interface ModifySpec {
  /** Operator update (merge: true), or null for a replacement (set). */
  update: Record<string, Record<string, unknown>> | null;
  /** The replacement document (set). */
  data: Record<string, unknown>;
  multi: boolean;
  upsert: boolean;
  /** The _id a created document gets: the query's, or a new one. */
  upsertId: DocId | undefined;
}

export interface ModifyResult {
  updated: number;
  upsert_id?: DocId;
  /** The document as it ends up (updateAndReturn), null when nothing matched. */
  doc: Doc | null;
}

export function planModify(
  collection: Collection,
  targets: Doc[],
  spec: ModifySpec,
  checkUnique: boolean,
): WritePlan<ModifyResult> {
  const chosen = spec.multi ? targets : targets.slice(0, 1);
  const changes: Change[] = [];
  let last: Doc | null = null;
  for (const doc of chosen) {
    const { doc: next, changed } = spec.update
      ? applyUpdate(doc, spec.update)
      : (() => {
          const replaced = { ...clone(spec.data), _id: doc._id } as Doc;
          return { doc: replaced, changed: !isEqual(replaced, doc) };
        })();
    last = next;
    if (!changed) continue; // matched and counted; nothing to store
    const violated = checkUnique ? collection.uniqueViolation(next) : undefined;
    if (violated) throw duplicateKey(collection.name, violated);
    changes.push({ collection: collection.name, id: doc._id, doc: next });
  }
  const clash = checkUnique ? collection.uniqueViolationAmong(changes.map((change) => change.doc!)) : undefined;
  if (clash) throw duplicateKey(collection.name, clash);
  const touched = chosen.map((doc) => doc._id);
  if (chosen.length || !spec.upsert) {
    return { collection: collection.name, changes, touched, result: { updated: chosen.length, doc: last } };
  }

  const id = spec.upsertId ?? newId();
  const base = { _id: id } as Doc;
  const created = spec.update ? applyUpdate(base, spec.update).doc : ({ ...clone(spec.data), _id: id } as Doc);
  const violated = checkUnique ? collection.uniqueViolation(created) : undefined;
  if (violated) throw duplicateKey(collection.name, violated);
  return {
    collection: collection.name,
    changes: [{ collection: collection.name, id, doc: created }],
    touched: [id],
    result: { updated: 0, upsert_id: id, doc: created },
  };
}

export function planRemove(collection: Collection, targets: Doc[], multi: boolean): WritePlan<number> {
  const chosen = multi ? targets : targets.slice(0, 1);
  return {
    collection: collection.name,
    changes: chosen.map((doc) => ({ collection: collection.name, id: doc._id, doc: null })),
    touched: chosen.map((doc) => doc._id),
    result: chosen.length,
  };
}
