/**
 * The engine's door to its activities and enrollments: every read and write an area (疗休养, 技能竞赛, 单身联谊)
 * makes on them goes through these functions, so no area names the engine's collections. Each function is
 * exactly one database request (or one operation of the caller's transaction): an area decides how many it
 * makes and what runs in parallel. Filters on an area's own fields (`competition.*`, `extra.*`) are the
 * area's business and are passed in; the collection, and the `area` of area-wide queries, are the engine's.
 */
import { command, countWhere, findAll, findById, findMany, findPage, updateWhere, type FindOptions, type Tx } from '../../db';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityArea, ActivityRecord, ActivityStatus, EnrollmentRecord } from './records';
import { enrollmentIdOf } from './waitlist';

/** A filter on stored fields: values or database commands (`command().in(…)`), dotted paths for nested fields. */
export type Where = Record<string, unknown>;
/** Sort keys in priority order. */
export type OrderBy = [string, 'asc' | 'desc'][];

// ---- activities --------------------------------------------------------------------------------------

/** One activity, or null (no check of area or scope: loadActivity and the areas' loaders do that). */
export async function getActivity<F extends object = object>(id: string): Promise<ActivityRecord<F> | null> {
  return findById<ActivityRecord<F>>(C.activities, id);
}

/** The activities with these ids (in no particular order), at most `limit` of them. */
export async function activitiesByIds<F extends object = object>(
  ids: readonly string[],
  limit = ids.length,
): Promise<ActivityRecord<F>[]> {
  return findMany<ActivityRecord<F>>(C.activities, { _id: command().in([...ids]) }, { limit });
}

/** An area's activities matching `where` (on the engine's fields or the area's own). */
export async function areaActivities<F extends object = object>(
  area: ActivityArea,
  where: Where,
  options: FindOptions = {},
): Promise<ActivityRecord<F>[]> {
  return findMany<ActivityRecord<F>>(C.activities, { area, ...where }, options);
}

/**
 * The ids of the activities organised by unions in `scopes` (staff's org scopes; null = every union, for
 * administrators), of one area or of all (`area` null), optionally only in some statuses: at most 1000, which is
 * what a workbench counts against. Ids only: the workbench counts and the timer's overdue reminders (for each staff
 * member) need no activity document.
 */
export async function activityIdsInScopes(
  area: ActivityArea | null,
  scopes: readonly string[] | null,
  options: { statuses?: readonly ActivityStatus[]; orderBy?: OrderBy } = {},
): Promise<string[]> {
  const _ = command();
  const where: Where = {};
  if (area) where.area = area;
  if (scopes) where.orgPath = _.in([...scopes]);
  if (options.statuses) where.status = _.in([...options.statuses]);
  const rows = await findMany<{ _id: string }>(C.activities, where, {
    ...(options.orderBy ? { orderBy: options.orderBy } : {}),
    limit: 1000,
    fields: { _id: true },
  });
  return rows.map((r) => r._id);
}

/** Sets fields on one activity when `guard` (extra conditions on it) holds; returns 1 if changed, else 0. */
export async function updateActivity(id: string, data: Where, guard: Where = {}): Promise<number> {
  return updateWhere(C.activities, { _id: id, ...guard }, data);
}

/** Sets the same fields on every activity of `ids` (e.g. an area's copy of its parent's title); returns how many. */
export async function updateActivities(ids: readonly string[], data: Where): Promise<number> {
  return updateWhere(C.activities, { _id: command().in([...ids]) }, data);
}

// ---- enrollments -------------------------------------------------------------------------------------

/** One enrollment by its id, or null. */
export async function getEnrollment(id: string): Promise<EnrollmentRecord | null> {
  return findById<EnrollmentRecord>(C.enrollments, id);
}

/** The member's enrollment in the activity (any status), or null. */
export async function enrollmentOf(activityId: string, openid: string): Promise<EnrollmentRecord | null> {
  return getEnrollment(enrollmentIdOf(activityId, openid));
}

/** The enrollments with these ids (in no particular order), at most `limit` of them. */
export async function enrollmentsByIds(ids: readonly string[], limit = ids.length): Promise<EnrollmentRecord[]> {
  return findMany<EnrollmentRecord>(C.enrollments, { _id: command().in([...ids]) }, { limit });
}

/** Enrollments matching `where` (one request: at most `options.limit`, default 100). */
export async function findEnrollments(where: Where, options: FindOptions = {}): Promise<EnrollmentRecord[]> {
  return findMany<EnrollmentRecord>(C.enrollments, where, options);
}

/** Every enrollment matching `where`, 1000 per request, in _id order. */
export async function allEnrollments(where: Where): Promise<EnrollmentRecord[]> {
  return findAll<EnrollmentRecord>(C.enrollments, where);
}

/** One page of enrollments matching `where` in a stable order (db.findPage), with the total. */
export async function enrollmentPage(
  where: Where,
  orderBy: OrderBy,
  page?: number,
): Promise<{ rows: EnrollmentRecord[]; total: number }> {
  return findPage<EnrollmentRecord>(C.enrollments, where, orderBy, page);
}

export async function countEnrollments(where: Where): Promise<number> {
  return countWhere(C.enrollments, where);
}

/** Sets fields on one enrollment when `guard` (extra conditions on it) holds; returns 1 if changed, else 0. */
export async function updateEnrollment(id: string, data: Where, guard: Where = {}): Promise<number> {
  return updateWhere(C.enrollments, { _id: id, ...guard }, data);
}

// ---- inside an area's transaction --------------------------------------------------------------------

/** An enrollment as of the transaction's snapshot, or null. */
export async function txEnrollment(tx: Tx, id: string): Promise<EnrollmentRecord | null> {
  return tx.get<EnrollmentRecord>(C.enrollments, id);
}

/** Changes fields of an existing enrollment inside the transaction. */
export async function txUpdateEnrollment(tx: Tx, id: string, data: Where): Promise<void> {
  await tx.update(C.enrollments, id, data);
}
