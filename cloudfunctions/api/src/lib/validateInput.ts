/** Turns raw input into a schema's output or an INVALID_INPUT AppError with a Chinese message naming the field. */
import type { z } from 'zod';
import { fail } from '../errors';
import { withHouse, type House } from '../house';
import { COMMON_FIELD_LABELS } from './schemaParts';

const MAX_INPUT_CHARS = 16 * 1024;
const MAX_DEPTH = 6;
const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** Where field names come from: the acting action and the house that declares the areas' labels. */
interface Labels {
  action?: string;
  house?: House;
}

/** The acting area's own label first, then the shared one, then any area's. */
function label(field: string, { action, house }: Labels): string {
  return (action && house?.ownFieldLabel(field, action)) || COMMON_FIELD_LABELS[field] || house?.fieldLabel(field) || field;
}

/** Finds operator-like keys (`$gt`, `$where` …) anywhere, before zod sees them. */
export function findOperatorKey(value: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH) return '(nesting)';
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findOperatorKey(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('$')) return key;
      const found = findOperatorKey(child, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/**
 * An operator-like key anywhere in the input: `field` is the key itself (as clients have always been told),
 * `path` the top-level field that holds it — the field that was broken.
 */
function operatorIn(input: unknown, labels: Labels): { field: string; path: string; message: string } | null {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    const key = findOperatorKey(input);
    return key ? { field: key, path: key, message: `不允许的字段：${key}` } : null;
  }
  for (const [field, child] of Object.entries(input)) {
    if (field.startsWith('$')) return { field, path: field, message: `不允许的字段：${field}` };
    const key = findOperatorKey(child, 1);
    if (key) return { field: key, path: field, message: `「${label(field, labels)}」中有不允许的字段：${key}` };
  }
  return null;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, labels: Labels): { field: string; message: string } {
  const field = issue.path.length ? String(issue.path[0]) : '';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join('、');
    return { field: issue.keys[0] ?? field, message: `不允许的字段：${keys}` };
  }
  const name = `「${label(field, labels)}」`;
  const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
  // A field's own Chinese message wins (e.g. 请阅读并勾选同意…); otherwise a missing field is named as missing.
  if (HAS_CHINESE.test(issue.message)) return { field, message: `${name}${issue.message}` };
  if (missing) return { field, message: `${name}不能为空` };
  switch (issue.code) {
    case 'invalid_type':
      return { field, message: `${name}格式不正确` };
    case 'too_big':
      return {
        field,
        message: issue.origin === 'string' ? `${name}过长（最多${String(issue.maximum)}个字符）` : `${name}超出允许范围`,
      };
    case 'too_small':
      return { field, message: issue.origin === 'string' ? `${name}过短或为空` : `${name}超出允许范围` };
    case 'invalid_value':
      return { field, message: `${name}取值无效` };
    default:
      return { field, message: `${name}格式不正确` };
  }
}

/** `action` names the acting area, whose own field labels (declared in `house`) come first. */
export function validateInput<S extends z.ZodType>(schema: S, raw: unknown, action?: string, house?: House): z.output<S> {
  const labels: Labels = { action, house };
  const input = raw === undefined || raw === null ? {} : raw;
  let size: number;
  try {
    size = JSON.stringify(input)?.length ?? 0;
  } catch {
    throw fail('INVALID_INPUT', '提交的数据格式不正确');
  }
  if (size > MAX_INPUT_CHARS) throw fail('INVALID_INPUT', '提交的数据过大');
  const operator = operatorIn(input, labels);
  if (operator) {
    const details = operator.path === operator.field ? { field: operator.field } : { field: operator.field, path: operator.path };
    throw fail('INVALID_INPUT', operator.message, details);
  }
  // Refinements that depend on what areas declare (rule kinds, member tags …) read the house given.
  const result = house ? withHouse(house, () => schema.safeParse(input)) : schema.safeParse(input);
  if (result.success) return result.data;
  const { field, message } = describeIssue(result.error.issues[0], input, labels);
  throw fail('INVALID_INPUT', message, field ? { field } : undefined);
}
