/**
 * Aggregation: pipelines run by mingo's Aggregator; `$geoNear` (which mingo lacks) is evaluated here as
 * the first stage, as MongoDB and the cloud require, and `$lookup` resolves other collections by name.
 */
import { resolve } from 'mingo/util';
import type { Collection } from './collection';
import { clone, type Doc } from './ejson';
import { DbError, invalidParam, requestFailed } from './errors';
import { distanceTo, isGeometry } from './geo';
import { newAggregator } from './operators';
import { compileFilter, validateFilter } from './query';

const STAGES = new Set([
  '$match',
  '$project',
  '$addFields',
  '$group',
  '$sort',
  '$skip',
  '$limit',
  '$count',
  '$unwind',
  '$lookup',
  '$geoNear',
  '$sample',
  '$replaceRoot',
  '$bucket',
  '$bucketAuto',
  '$sortByCount',
]);

function geoNear(collection: Collection, spec: Record<string, unknown>): Doc[] {
  const near = spec.near;
  const point = isGeometry(near)
    ? (near.coordinates as [number, number])
    : Array.isArray(near)
      ? (near as [number, number])
      : null;
  if (!point) throw invalidParam('$geoNear needs near: a Point');
  if (typeof spec.distanceField !== 'string' || !spec.distanceField) throw invalidParam('$geoNear needs distanceField');
  const key = typeof spec.key === 'string' ? spec.key : [...collection.geoFields][0];
  if (!key || !collection.geoFields.has(key)) throw requestFailed('$geoNear needs a geo (2dsphere) index');
  const max = spec.maxDistance === undefined ? Infinity : Number(spec.maxDistance);
  const min = spec.minDistance === undefined ? 0 : Number(spec.minDistance);
  const multiplier = spec.distanceMultiplier === undefined ? 1 : Number(spec.distanceMultiplier);
  const filter = spec.query ? compileFilter(spec.query as Record<string, unknown>) : null;
  const rows: Array<[number, Doc]> = [];
  for (const doc of collection.docs.values()) {
    const value = resolve(doc, key);
    if (!isGeometry(value)) continue;
    const distance = distanceTo(value, point);
    if (distance < min || distance > max || (filter && !filter.test(doc))) continue;
    rows.push([distance, doc]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  return rows.map(([distance, doc]) => {
    const out = clone(doc) as Doc;
    out[spec.distanceField as string] = distance * multiplier;
    if (typeof spec.includeLocs === 'string') out[spec.includeLocs] = clone(resolve(doc, key));
    return out;
  });
}

function sample(docs: Doc[], size: number): Doc[] {
  const pool = docs.slice();
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, size);
}

export function runPipeline(
  collection: Collection,
  pipeline: Array<Record<string, unknown>>,
  collectionByName: (name: string) => Doc[],
): Doc[] {
  pipeline.forEach((stage, i) => {
    const [name] = Object.keys(stage);
    if (!STAGES.has(name)) throw invalidParam(`unknown aggregation stage ${name}`);
    if (name === '$geoNear' && i !== 0) throw requestFailed('$geoNear must be the first stage');
    if (name === '$match') validateFilter(stage.$match);
  });
  let input: Doc[];
  let rest = pipeline;
  if (pipeline[0] && '$geoNear' in pipeline[0]) {
    input = geoNear(collection, pipeline[0].$geoNear as Record<string, unknown>);
    rest = pipeline.slice(1);
  } else input = [...collection.docs.values()].map(clone);
  try {
    const options = { collectionResolver: (name: string) => collectionByName(name).map(clone) };
    // $sample is run here: MongoDB samples without replacement (never more than there are documents),
    // mingo with replacement. The pipeline is cut at each $sample.
    let docs = input;
    let segment: Array<Record<string, unknown>> = [];
    const flush = () => {
      if (segment.length) docs = newAggregator(segment, options).run(docs) as Doc[];
      segment = [];
    };
    for (const stage of rest) {
      if ('$sample' in stage) {
        flush();
        const size = Number((stage.$sample as { size?: unknown })?.size);
        if (!Number.isInteger(size) || size < 0) throw invalidParam('$sample needs a non-negative integer size');
        docs = sample(docs, size);
      } else segment.push(stage);
    }
    flush();
    return docs;
  } catch (error) {
    if (error instanceof DbError) throw error;
    throw requestFailed(`aggregate failed: ${(error as Error).message}`);
  }
}
