/**
 * Geo predicates on GeoJSON values as stored by `db.Geo.*` (points, line strings, polygons). Distances are
 * great-circle distances in metres on a sphere of 6,378,100 m, as MongoDB's 2dsphere and the cloud use (the figures
 * of Tencent's Aggregate.geoNear example come out to a part in a billion: tests/emulator/aggregate.test.ts).
 */
const EARTH_RADIUS_M = 6378100;

type Position = [number, number];
interface Geometry {
  type: string;
  coordinates: unknown;
}

export function isGeometry(value: unknown): value is Geometry {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Geometry).type === 'string' &&
    Array.isArray((value as Geometry).coordinates)
  );
}

function toRad(deg: number): number {
  return (deg * Math.PI) / 180;
}

export function distanceMetres(a: Position, b: Position): number {
  const dLat = toRad(b[1] - a[1]);
  const dLng = toRad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Every position of a geometry, for distance and containment checks. */
export function positions(geometry: Geometry): Position[] {
  const out: Position[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node) && typeof node[0] === 'number') out.push([node[0] as number, node[1] as number]);
    else if (Array.isArray(node)) node.forEach(walk);
  };
  walk(geometry.coordinates);
  return out;
}

function pointInRing(point: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function pointInPolygon(point: Position, rings: Position[][]): boolean {
  if (!pointInRing(point, rings[0])) return false;
  return !rings.slice(1).some((hole) => pointInRing(point, hole));
}

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Position[][]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Position[][][];
  return [];
}

/** `$geoWithin: { $geometry }`: every position of the value lies inside the (multi)polygon. */
export function within(value: Geometry, area: Geometry): boolean {
  const polygons = polygonsOf(area);
  return positions(value).every((p) => polygons.some((rings) => pointInPolygon(p, rings)));
}

/** `$geoWithin: { $centerSphere: [[lng, lat], radians] }` */
export function withinCircle(value: Geometry, center: Position, radians: number): boolean {
  const limit = radians * EARTH_RADIUS_M;
  return positions(value).every((p) => distanceMetres(p, center) <= limit);
}

function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const cross = (o: Position, p: Position, q: Position) => (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return d1 * d2 <= 0 && d3 * d4 <= 0;
}

function segments(geometry: Geometry): [Position, Position][] {
  const lines: Position[][] =
    geometry.type === 'LineString'
      ? [geometry.coordinates as Position[]]
      : geometry.type === 'MultiLineString' || geometry.type === 'Polygon'
        ? (geometry.coordinates as Position[][])
        : geometry.type === 'MultiPolygon'
          ? (geometry.coordinates as Position[][][]).flat()
          : [];
  return lines.flatMap((line) => line.slice(1).map((p, i) => [line[i], p] as [Position, Position]));
}

/** `$geoIntersects`: the value and the geometry share at least one point (planar approximation for edges). */
export function intersects(value: Geometry, geometry: Geometry): boolean {
  const samePoint = (a: Position, b: Position) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;
  const valuePositions = positions(value);
  const otherPositions = positions(geometry);
  if (valuePositions.some((p) => otherPositions.some((q) => samePoint(p, q)))) return true;
  if (polygonsOf(geometry).length && valuePositions.some((p) => within({ type: 'Point', coordinates: p }, geometry))) return true;
  if (polygonsOf(value).length && otherPositions.some((p) => within({ type: 'Point', coordinates: p }, value))) return true;
  const a = segments(value);
  const b = segments(geometry);
  return a.some(([p, q]) => b.some(([r, s]) => segmentsIntersect(p, q, r, s)));
}

/** Distance from a query point to the nearest position of a stored geometry. */
export function distanceTo(value: Geometry, point: Position): number {
  if (value.type === 'Point') return distanceMetres(value.coordinates as Position, point);
  return Math.min(...positions(value).map((p) => distanceMetres(p, point)));
}
