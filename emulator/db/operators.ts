/**
 * Where mingo's operators differ from MongoDB (and so from WeChat Cloud's database), ours replace them.
 * Every Query and Aggregator of the local cloud is mingo's core class built with `MINGO_OPTIONS`, whose
 * context holds these operators and then mingo's own.
 *  - `$elemMatch` with field conditions (`{ value: _.exists(true) }`) matches only elements that are
 *    documents: mingo also matched plain values, since it resolves any field of a scalar to the scalar.
 *  - `$indexOfCP` (missing in mingo) and `$indexOfBytes` (mingo counted UTF-16 units, not UTF-8 bytes).
 *  - `$substr` / `$substrBytes` with a negative length: the rest of the string, as MongoDB.
 *  - `$week`: weeks start on Sunday; days before the year's first Sunday are week 0 (2019-05-14 is 19).
 *  - `$jsonSchema`: validated by ./jsonSchema (mingo needs a validator to be given).
 */
import { Context, evalExpr } from 'mingo/core';
import { Aggregator } from 'mingo/aggregator';
import * as accumulatorOps from 'mingo/operators/accumulator';
import * as expressionOps from 'mingo/operators/expression';
import * as pipelineOps from 'mingo/operators/pipeline';
import * as projectionOps from 'mingo/operators/projection';
import * as queryOps from 'mingo/operators/query';
import * as windowOps from 'mingo/operators/window';
import { $dayOfWeek, $dayOfYear } from 'mingo/operators/expression/date';
import { $substrBytes as mingoSubstrBytes } from 'mingo/operators/expression/string';
import { Query } from 'mingo/query';
import type { Any, AnyObject, Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import { compileSchema } from './jsonSchema';

type ExpressionOp = (obj: AnyObject, expr: Any, options: Options) => Any;
type QueryOp = (selector: string, value: Any, options: Options) => (obj: AnyObject) => boolean;

const isDocument = (v: unknown): v is AnyObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);

function fail(message: string): never {
  throw new Error(message);
}

const $elemMatch: QueryOp = (selector, criteria, options) => {
  if (!isDocument(criteria)) fail('$elemMatch needs an object');
  const keys = Object.keys(criteria);
  // Only operators (not $and/$or/$nor): conditions on the element itself, e.g. { $gt: 2 }.
  const onValue = keys.length > 0 && keys.every((k) => k.startsWith('$') && !['$and', '$or', '$nor'].includes(k));
  const matcher = new Query(onValue ? { value: criteria } : criteria, options);
  return (obj) => {
    const array = resolve(obj, selector, { unwrapArray: true });
    if (!Array.isArray(array)) return false;
    return array.some((item) => (onValue ? matcher.test({ value: item }) : isDocument(item) && matcher.test(item)));
  };
};

const $indexOfCP: ExpressionOp = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) fail('$indexOfCP needs 2 to 4 arguments');
  const [text, search, start, end] = evalExpr(obj, expr, options) as unknown[];
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string') fail('$indexOfCP requires a string as the first argument');
  if (typeof search !== 'string') fail('$indexOfCP requires a string as the second argument');
  const points = Array.from(text);
  const from = start === undefined ? 0 : Number(start);
  const to = end === undefined ? points.length : Number(end);
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(to) || to < 0) {
    fail('$indexOfCP start and end must be non-negative integers');
  }
  const needle = Array.from(search);
  for (let i = from; i + needle.length <= Math.min(to, points.length); i++) {
    if (needle.every((ch, j) => points[i + j] === ch)) return i;
  }
  return -1;
};

const $indexOfBytes: ExpressionOp = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) fail('$indexOfBytes needs 2 to 4 arguments');
  const [text, search, start, end] = evalExpr(obj, expr, options) as unknown[];
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string' || typeof search !== 'string') fail('$indexOfBytes requires strings');
  const bytes = Buffer.from(text);
  const from = start === undefined ? 0 : Number(start);
  const to = end === undefined ? bytes.length : Number(end);
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(to) || to < 0) {
    fail('$indexOfBytes start and end must be non-negative integers');
  }
  const found = bytes.subarray(0, Math.min(to, bytes.length)).indexOf(Buffer.from(search), from);
  return found;
};

/** MongoDB: a negative length means "to the end"; a negative start gives the empty string. */
const $substrBytes: ExpressionOp = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length !== 3) fail('$substrBytes needs 3 arguments');
  const [text, start, length] = evalExpr(obj, expr, options) as [unknown, number, number];
  if (typeof start === 'number' && start < 0) return '';
  let count = length;
  if (typeof length === 'number' && length < 0) {
    const bytes = typeof text === 'string' ? Buffer.byteLength(text) : 0;
    count = Math.max(0, bytes - start);
  }
  return mingoSubstrBytes(obj, [text === undefined ? null : { $literal: text }, start, count], options);
};

/** Week of the year, 0–53: weeks begin on Sunday, week 1 with the year's first Sunday (MongoDB's $week). */
const $week: ExpressionOp = (obj, expr, options) => {
  const day = $dayOfYear(obj, expr, options) as number; // 1-based
  const weekday = $dayOfWeek(obj, expr, options) as number; // 1 = Sunday
  return Math.floor((day - weekday + 7) / 7);
};

// In a merged context the first one given wins: ours, then mingo's own operators.
const context = Context.from(
  Context.init({
    query: { $elemMatch } as never,
    expression: { $indexOfCP, $indexOfBytes, $substr: $substrBytes, $substrBytes, $week } as never,
  }),
  Context.init({
    accumulator: accumulatorOps,
    expression: expressionOps,
    pipeline: pipelineOps,
    projection: projectionOps,
    query: queryOps,
    window: windowOps,
  } as never),
);

/** Options for every mingo Query / Aggregator / update of the local cloud. */
export const MINGO_OPTIONS: Partial<Options> = {
  context,
  jsonSchemaValidator: (schema: AnyObject) => compileSchema(schema),
};

/** A mingo query with the local cloud's operators. */
export function newQuery(criteria: AnyObject): Query {
  return new Query(criteria, MINGO_OPTIONS);
}

/** A mingo aggregation pipeline with the local cloud's operators. */
export function newAggregator(stages: AnyObject[], options: Partial<Options> = {}): Aggregator {
  return new Aggregator(stages, { ...MINGO_OPTIONS, ...options });
}
