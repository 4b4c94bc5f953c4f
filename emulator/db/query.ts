/**
 * Query semantics: MongoDB's, as WeChat Cloud's database speaks them, evaluated by mingo (a maintained
 * implementation of MongoDB's query language). What mingo lacks — the geo operators — is handled here,
 * and so is index use: an equality (or $in) on an indexed field narrows the candidates before matching.
 */
import { compare, resolve } from 'mingo/util';
import { invalidParam, requestFailed } from './errors';
import type { Doc } from './ejson';
import { distanceTo, intersects, isGeometry, within, withinCircle } from './geo';
import { newQuery } from './operators';

const QUERY_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$and',
  '$or',
  '$nor',
  '$not',
  '$exists',
  '$mod',
  '$size',
  '$all',
  '$elemMatch',
  '$regex',
  '$options',
  '$expr',
  '$type',
  '$slice',
  '$nearSphere',
  '$near',
  '$geoWithin',
  '$geoIntersects',
  '$geometry',
  '$maxDistance',
  '$minDistance',
  '$centerSphere',
  '$jsonSchema',
]);
const GEO_OPERATORS = new Set(['$nearSphere', '$near', '$geoWithin', '$geoIntersects']);

/** Rejects unknown operators and `$`-injected field names anywhere in a filter. */
export function validateFilter(filter: unknown, path = 'query'): void {
  if (filter === null || typeof filter !== 'object' || filter instanceof Date || filter instanceof RegExp) return;
  if (Array.isArray(filter)) {
    filter.forEach((item, i) => validateFilter(item, `${path}[${i}]`));
    return;
  }
  for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
    if (key.startsWith('$')) {
      // MongoDB answers an unknown operator with BadValue, which the cloud reports as DATABASE_REQUEST_FAILED.
      if (!QUERY_OPERATORS.has(key)) throw requestFailed(`unknown operator: ${key} at ${path}`);
      if (key === '$expr' || key === '$geometry' || key === '$jsonSchema') continue; // expression / GeoJSON / schema
    } else {
      if (key === '' || key.split('.').some((part) => part === '' || part.startsWith('$'))) {
        throw requestFailed(`invalid field name "${key}" at ${path}`);
      }
    }
    validateFilter(value, `${path}.${key}`);
  }
}

interface GeoCondition {
  field: string;
  operator: string;
  spec: Record<string, unknown>;
}

/** The top-level conjuncts of a filter (its own fields plus those of a top-level $and). */
function conjuncts(filter: Record<string, unknown>): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) value.forEach((part) => out.push(...conjuncts(part as Record<string, unknown>)));
    else out.push([key, value]);
  }
  return out;
}

function splitGeo(filter: Record<string, unknown>): { rest: Record<string, unknown>; geo: GeoCondition[] } {
  const geo: GeoCondition[] = [];
  const rest: Record<string, unknown>[] = [];
  for (const [field, condition] of conjuncts(filter)) {
    if (!field.startsWith('$') && condition && typeof condition === 'object' && !Array.isArray(condition)) {
      const ops = Object.keys(condition as object).filter((op) => GEO_OPERATORS.has(op));
      if (ops.length) {
        for (const op of ops) geo.push({ field, operator: op, spec: (condition as Record<string, Record<string, unknown>>)[op] });
        const others = Object.fromEntries(Object.entries(condition as object).filter(([op]) => !GEO_OPERATORS.has(op)));
        if (Object.keys(others).length) rest.push({ [field]: others });
        continue;
      }
    }
    rest.push({ [field]: condition });
  }
  return { rest: rest.length === 0 ? {} : rest.length === 1 ? rest[0] : { $and: rest }, geo };
}

function asPoint(value: unknown): [number, number] {
  const geometry = (value as { $geometry?: unknown })?.$geometry ?? value;
  if (isGeometry(geometry) && geometry.type === 'Point') return geometry.coordinates as [number, number];
  if (Array.isArray(value) && typeof value[0] === 'number') return value as [number, number];
  throw invalidParam('geo query needs a Point geometry');
}

export interface CompiledQuery {
  test(doc: Doc): boolean;
  /** Set by $nearSphere: keep documents whose distance is within [min, max], nearest first. */
  nearest?: { min: number; max: number; distance: (doc: Doc) => number };
  /** Equality constraints usable with an index: field → candidate keys. */
  equalities: Map<string, unknown[]>;
  geoFields: string[];
}

export function compileFilter(filter: Record<string, unknown>): CompiledQuery {
  validateFilter(filter);
  const { rest, geo } = splitGeo(filter);
  let matcher: ReturnType<typeof newQuery>;
  try {
    matcher = newQuery(rest);
  } catch (error) {
    throw requestFailed(`invalid query: ${(error as Error).message}`);
  }
  const geoTests: Array<(doc: Doc) => boolean> = [];
  let nearest: CompiledQuery['nearest'];
  for (const { field, operator, spec } of geo) {
    const simple = !field.includes('.');
    const valueOf = (doc: Doc) => {
      const value = simple ? doc[field] : resolve(doc, field);
      return isGeometry(value) ? value : undefined;
    };
    if (operator === '$nearSphere' || operator === '$near') {
      const point = asPoint(spec);
      const max = spec.$maxDistance === undefined ? Infinity : Number(spec.$maxDistance);
      const min = spec.$minDistance === undefined ? 0 : Number(spec.$minDistance);
      // Distance is computed once per document by the caller, which filters on [min, max] and sorts.
      nearest = {
        min,
        max,
        distance: (doc) => {
          const value = valueOf(doc);
          return value ? distanceTo(value, point) : Infinity;
        },
      };
    } else if (operator === '$geoWithin') {
      if (spec.$centerSphere) {
        const [center, radians] = spec.$centerSphere as [[number, number], number];
        geoTests.push((doc) => {
          const value = valueOf(doc);
          return !!value && withinCircle(value, center, Number(radians));
        });
      } else {
        const area = spec.$geometry;
        if (!isGeometry(area)) throw invalidParam('$geoWithin needs $geometry or $centerSphere');
        geoTests.push((doc) => {
          const value = valueOf(doc);
          return !!value && within(value, area);
        });
      }
    } else {
      const geometry = spec.$geometry;
      if (!isGeometry(geometry)) throw invalidParam('$geoIntersects needs $geometry');
      geoTests.push((doc) => {
        const value = valueOf(doc);
        return !!value && intersects(value, geometry);
      });
    }
  }
  const equalities = new Map<string, unknown[]>();
  for (const [field, condition] of conjuncts(rest)) {
    if (field.startsWith('$')) continue;
    if (condition === null || typeof condition !== 'object' || condition instanceof Date) equalities.set(field, [condition]);
    else if (!Array.isArray(condition) && !(condition instanceof RegExp)) {
      const ops = condition as Record<string, unknown>;
      if ('$eq' in ops) equalities.set(field, [ops.$eq]);
      else if (Array.isArray(ops.$in)) equalities.set(field, ops.$in);
    }
  }
  const plain = Object.keys(rest).length === 0;
  return {
    test: (doc) => (plain || matcher.test(doc)) && geoTests.every((t) => t(doc)),
    nearest,
    equalities,
    geoFields: geo.map((g) => g.field),
  };
}

export type SortSpec = Array<[string, 1 | -1]>;

export function parseSort(order: unknown): SortSpec {
  if (order === undefined || order === null) return [];
  if (typeof order !== 'object' || Array.isArray(order)) throw invalidParam('order must be an object');
  return Object.entries(order as Record<string, unknown>).map(([field, direction]) => {
    if (field.startsWith('$')) throw invalidParam(`invalid sort field ${field}`);
    const d = Number(direction);
    if (d !== 1 && d !== -1) throw invalidParam(`invalid sort direction for ${field}`);
    return [field, d];
  });
}

export function sortDocs(docs: Doc[], sort: SortSpec): Doc[] {
  if (!sort.length) return docs;
  return docs.sort((a, b) => {
    for (const [field, direction] of sort) {
      const c = compare(resolve(a, field) ?? null, resolve(b, field) ?? null);
      if (c !== 0) return c * direction;
    }
    return 0;
  });
}

/** `field()` projection (inclusion/exclusion, and the $slice / $elemMatch projection operators). */
export function project(docs: Doc[], projection: Record<string, unknown> | undefined): Doc[] {
  if (!projection || !Object.keys(projection).length) return docs;
  validateFilter(projection, 'projection');
  return newQuery({})
    .find(docs, projection as Record<string, number>)
    .all() as Doc[];
}
