/**
 * `$jsonSchema` queries (`_.jsonSchema(...)`): the keywords MongoDB supports (JSON Schema draft 4 plus
 * `bsonType`), compiled to a predicate. Unknown keywords are an error, as in MongoDB.
 * Numbers arrive through extended JSON as JS numbers, so `int`/`long` mean "an integer" and `double`
 * and `decimal` "a number": the int/double distinction of a stored value is not kept.
 */
type Schema = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const KEYWORDS = new Set([
  'bsonType',
  'type',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
  'dependencies',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'title',
  'description',
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);

const BSON_TYPES: Record<string, Check> = {
  double: (v) => typeof v === 'number',
  decimal: (v) => typeof v === 'number',
  number: (v) => typeof v === 'number',
  int: (v) => Number.isInteger(v) && Math.abs(v as number) <= 2 ** 31,
  long: (v) => Number.isInteger(v),
  string: (v) => typeof v === 'string',
  object: isObject,
  array: Array.isArray,
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp,
};

const JSON_TYPES: Record<string, Check> = {
  object: isObject,
  array: Array.isArray,
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
};

function typeCheck(spec: unknown, table: Record<string, Check>, keyword: string): Check {
  const names = Array.isArray(spec) ? spec : [spec];
  const checks = names.map((name) => {
    const check = typeof name === 'string' ? table[name] : undefined;
    if (!check) throw new Error(`$jsonSchema: unknown ${keyword} ${JSON.stringify(name)}`);
    return check;
  });
  return (v) => checks.some((check) => check(v));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return a === b;
}

function num(schema: Schema, key: string): number {
  const v = schema[key];
  if (typeof v !== 'number') throw new Error(`$jsonSchema: ${key} must be a number`);
  return v;
}

function compile(schema: unknown): Check {
  if (!isObject(schema)) throw new Error('$jsonSchema: a schema must be an object');
  for (const key of Object.keys(schema)) if (!KEYWORDS.has(key)) throw new Error(`$jsonSchema: unknown keyword ${key}`);
  const checks: Check[] = [];
  const s = schema;
  if ('bsonType' in s) checks.push(typeCheck(s.bsonType, BSON_TYPES, 'bsonType'));
  if ('type' in s) checks.push(typeCheck(s.type, JSON_TYPES, 'type'));
  if ('enum' in s) {
    const values = s.enum as unknown[];
    checks.push((v) => values.some((e) => deepEqual(e, v)));
  }
  checks.push(...objectChecks(s), ...arrayChecks(s), ...scalarChecks(s), ...combinators(s));
  return (v) => checks.every((check) => check(v));
}

/** Keywords that apply only when the value is a document (as in JSON Schema). */
function objectChecks(s: Schema): Check[] {
  const out: Check[] = [];
  const onObject = (check: (o: Record<string, unknown>) => boolean) => out.push((v) => !isObject(v) || check(v));
  if ('required' in s) onObject((o) => (s.required as string[]).every((k) => k in o));
  const properties = Object.entries((s.properties as Schema) ?? {}).map(([k, sub]) => [k, compile(sub)] as const);
  const patterns = Object.entries((s.patternProperties as Schema) ?? {}).map(
    ([p, sub]) => [new RegExp(p), compile(sub)] as const,
  );
  if (properties.length) onObject((o) => properties.every(([k, check]) => !(k in o) || check(o[k])));
  if (patterns.length) {
    onObject((o) => Object.entries(o).every(([k, v]) => patterns.every(([re, check]) => !re.test(k) || check(v))));
  }
  if ('additionalProperties' in s) {
    const extra =
      s.additionalProperties === false
        ? () => false
        : s.additionalProperties === true
          ? () => true
          : compile(s.additionalProperties);
    const known = new Set(properties.map(([k]) => k));
    onObject((o) => Object.entries(o).every(([k, v]) => known.has(k) || patterns.some(([re]) => re.test(k)) || extra(v)));
  }
  if ('minProperties' in s) onObject((o) => Object.keys(o).length >= num(s, 'minProperties'));
  if ('maxProperties' in s) onObject((o) => Object.keys(o).length <= num(s, 'maxProperties'));
  if ('dependencies' in s) {
    const deps = Object.entries(s.dependencies as Schema).map(([k, dep]) => {
      const check: (o: Record<string, unknown>) => boolean = Array.isArray(dep)
        ? (o) => dep.every((d) => (d as string) in o)
        : (
            (sub) => (o) =>
              sub(o)
          )(compile(dep));
      return [k, check] as const;
    });
    onObject((o) => deps.every(([k, check]) => !(k in o) || check(o)));
  }
  return out;
}

function arrayChecks(s: Schema): Check[] {
  const out: Check[] = [];
  const onArray = (check: (a: unknown[]) => boolean) => out.push((v) => !Array.isArray(v) || check(v));
  if (Array.isArray(s.items)) {
    const tuple = s.items.map(compile);
    const extra =
      s.additionalItems === false ? () => false : isObject(s.additionalItems) ? compile(s.additionalItems) : () => true;
    onArray((a) => a.every((item, i) => (i < tuple.length ? tuple[i](item) : extra(item))));
  } else if ('items' in s) {
    const each = compile(s.items);
    onArray((a) => a.every(each));
  }
  if ('minItems' in s) onArray((a) => a.length >= num(s, 'minItems'));
  if ('maxItems' in s) onArray((a) => a.length <= num(s, 'maxItems'));
  if (s.uniqueItems === true) onArray((a) => a.every((x, i) => a.findIndex((y) => deepEqual(x, y)) === i));
  return out;
}

function scalarChecks(s: Schema): Check[] {
  const out: Check[] = [];
  const onNumber = (check: (n: number) => boolean) => out.push((v) => typeof v !== 'number' || check(v));
  const onString = (check: (t: string) => boolean) => out.push((v) => typeof v !== 'string' || check(v));
  if ('minimum' in s) onNumber((n) => (s.exclusiveMinimum === true ? n > num(s, 'minimum') : n >= num(s, 'minimum')));
  if ('maximum' in s) onNumber((n) => (s.exclusiveMaximum === true ? n < num(s, 'maximum') : n <= num(s, 'maximum')));
  if ('multipleOf' in s) onNumber((n) => Number.isInteger(n / num(s, 'multipleOf')));
  if ('minLength' in s) onString((t) => Array.from(t).length >= num(s, 'minLength'));
  if ('maxLength' in s) onString((t) => Array.from(t).length <= num(s, 'maxLength'));
  if ('pattern' in s) {
    const re = new RegExp(String(s.pattern), 'u');
    onString((t) => re.test(t));
  }
  return out;
}

function combinators(s: Schema): Check[] {
  const out: Check[] = [];
  const list = (key: string) => {
    const value = s[key];
    if (!Array.isArray(value) || !value.length) throw new Error(`$jsonSchema: ${key} must be a non-empty array`);
    return value.map(compile);
  };
  if ('allOf' in s) {
    const all = list('allOf');
    out.push((v) => all.every((c) => c(v)));
  }
  if ('anyOf' in s) {
    const any = list('anyOf');
    out.push((v) => any.some((c) => c(v)));
  }
  if ('oneOf' in s) {
    const one = list('oneOf');
    out.push((v) => one.filter((c) => c(v)).length === 1);
  }
  if ('not' in s) {
    const not = compile(s.not);
    out.push((v) => !not(v));
  }
  return out;
}

/** A predicate over whole documents for a `$jsonSchema` query. */
export function compileSchema(schema: Record<string, unknown>): (doc: unknown) => boolean {
  return compile(schema);
}
