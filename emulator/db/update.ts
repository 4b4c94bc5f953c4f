/** Update semantics: MongoDB's update operators applied by mingo's updater, after validation. */
import { update as applyOperators } from 'mingo/updater';
import { resolve } from 'mingo/util';
import { clone, type Doc } from './ejson';
import { invalidParam, requestFailed } from './errors';
import { validateFilter } from './query';

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$currentDate',
]);
const ARRAY_MODIFIERS = new Set(['$each', '$position', '$slice', '$sort']);

/**
 * Field names of stored documents. As in the cloud (MongoDB 4), a name may contain dots (`'key.'` is
 * stored), but no part of it may start with `$` (that would be an operator): DATABASE_REQUEST_FAILED.
 */
export function validateDocumentKeys(value: unknown, path = 'data'): void {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => validateDocumentKeys(item, `${path}[${i}]`));
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === '' || key.split('.').some((part) => part.startsWith('$'))) {
      throw requestFailed(`invalid field name "${key}" in ${path}: field names may not be empty or start with $`);
    }
    validateDocumentKeys(item, `${path}.${key}`);
  }
}

function validatePath(path: string, operator: string): void {
  const parts = path.split('.');
  if (parts[0] === '_id') throw invalidParam('_id cannot be updated');
  if (parts.some((part) => part === '' || (part.startsWith('$') && part !== '$[]' && part !== '$'))) {
    throw requestFailed(`invalid field path "${path}" in ${operator}`);
  }
}

/** Normalises an update document to operator form and validates it. Plain fields mean $set. */
export function parseUpdate(data: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith('$')) {
      (out.$set ??= {})[key] = value;
      continue;
    }
    if (!UPDATE_OPERATORS.has(key)) throw invalidParam(`unknown update operator ${key}`);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidParam(`${key} needs an object`);
    out[key] = { ...(out[key] ?? {}), ...(value as Record<string, unknown>) };
  }
  for (const [operator, fields] of Object.entries(out)) {
    for (const [path, value] of Object.entries(fields)) {
      validatePath(path, operator);
      if (operator === '$rename') {
        if (typeof value !== 'string') throw invalidParam('$rename needs a string target');
        validatePath(value, operator);
      } else if (operator === '$pull') validateFilter(value, `$pull.${path}`);
      else if ((operator === '$push' || operator === '$addToSet') && value && typeof value === 'object' && '$each' in value) {
        for (const [modifier, item] of Object.entries(value as Record<string, unknown>)) {
          if (!ARRAY_MODIFIERS.has(modifier)) throw invalidParam(`unknown array modifier ${modifier}`);
          if (modifier === '$each') validateDocumentKeys(item, `${operator}.${path}`);
        }
      } else if (['$inc', '$mul'].includes(operator) && typeof value !== 'number') {
        throw invalidParam(`${operator} needs a number for ${path}`);
      } else validateDocumentKeys(value, `${operator}.${path}`);
    }
  }
  return out;
}

const NUMERIC = new Set(['$inc', '$mul']);
const ARRAY = new Set(['$push', '$pop', '$pull', '$pullAll', '$addToSet']);

/** MongoDB refuses arithmetic on non-numbers and array operators on non-arrays; mingo would skip them. */
function checkTargetTypes(doc: Doc, update: Record<string, Record<string, unknown>>): void {
  for (const [operator, fields] of Object.entries(update)) {
    if (!NUMERIC.has(operator) && !ARRAY.has(operator)) continue;
    for (const path of Object.keys(fields)) {
      if (path.includes('$')) continue;
      const current = resolve(doc, path);
      if (current === undefined || current === null) continue;
      if (NUMERIC.has(operator) && typeof current !== 'number') {
        throw requestFailed(`Cannot apply ${operator} to a value of non-numeric type at "${path}"`);
      }
      if (ARRAY.has(operator) && !Array.isArray(current)) {
        throw requestFailed(`Cannot apply ${operator} to a non-array field at "${path}"`);
      }
    }
  }
}

/** Applies an operator update to a copy of the document; `changed` is false when it came out the same. */
export function applyUpdate(doc: Doc, update: Record<string, Record<string, unknown>>): { doc: Doc; changed: boolean } {
  checkTargetTypes(doc, update);
  const next = clone(doc);
  let changed: string[];
  try {
    // mingo's updater brings its own query operators (for $pull conditions); giving it ours as options
    // would copy the whole operator table on every update (~3× slower).
    changed = applyOperators(next, clone(update) as never) as string[];
  } catch (error) {
    throw requestFailed(`update failed: ${(error as Error).message}`);
  }
  return { doc: next, changed: changed.length > 0 };
}
