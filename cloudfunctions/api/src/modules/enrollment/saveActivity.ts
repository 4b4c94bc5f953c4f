/**
 * Staff create and edit activities (any area's), open and close their sign-up. A new activity is a draft;
 * once open, its capacity and quota sizes change by guarded increments on the same document the seat claims
 * update (never below the seats already held), and its allocation mode and quota groups are fixed.
 */
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { command, findById, findMany, setById, updateWhere } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { activityDateProblem } from '../../rules/dates';
import { writeAudit } from '../../shared/audit';
import { initialCapacity } from '../../shared/capacity';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { checkOwnUpload } from '../../shared/files';
import { getOrg } from '../../shared/orgs';
import type { OrgRecord } from '../../shared/records';
import { assertCoversOrg } from '../../shared/scope';
import { asDate, chinaTime, loadActivity, loadManagedActivity } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import { activityYear } from './eligibility';
import { frequencyYears } from './participation';
import type { ActivityArea, ActivityDefinition, ActivityRecord, Quota } from './records';
import type { ActivityDefinitionInput } from './schemas';
import { fillFreeSeats } from './waitlist';

const invalid = (field: string, message: string) => fail('INVALID_INPUT', message, { field });

/** Checks across fields (dates in order, quotas within capacity, unique keys). */
function checkDefinition(input: ActivityDefinitionInput): void {
  const [start, end, from, until] = [input.startAt, input.endAt, input.signupStart, input.signupEnd].map((d) => Date.parse(d));
  if (!(from < until)) throw invalid('signupEnd', '报名截止时间应晚于报名开始时间');
  if (!(until <= start)) throw invalid('startAt', '活动开始时间不能早于报名截止时间');
  if (!(start < end)) throw invalid('endAt', '活动结束时间应晚于开始时间');
  const quotas = input.quotas ?? [];
  if (new Set(quotas.map((q) => q.group)).size !== quotas.length) throw invalid('quotas', '名额分组不能重复');
  if (quotas.some((q) => q.seats > input.capacity)) throw invalid('quotas', '分组名额不能超过总名额');
  const keys = (input.formFields ?? []).map((f) => f.key);
  if (new Set(keys).size !== keys.length) throw invalid('formFields', '表单项编号不能重复');
  if (input.cancelPolicy.kind === 'untilHoursBefore' && !input.cancelPolicy.hours)
    throw invalid('cancelPolicy', '请填写活动开始前多少小时内不可取消');
  if (input.mode === 'nomination' && input.allowNomination === false)
    throw invalid('allowNomination', '推荐方式的活动须允许单位工会推荐');
  if (input.unitCap !== undefined && input.unitCap > input.capacity) throw invalid('unitCap', '每单位名额不能超过总名额');
  if (input.unitConfirm && !input.review) throw invalid('unitConfirm', '单位推荐须与报名审核一起使用，请开启“是否审核”');
}

const DATE_FIELDS = [
  ['startAt', '开始时间'],
  ['endAt', '结束时间'],
  ['signupStart', '报名开始时间'],
  ['signupEnd', '报名截止时间'],
] as const;

/**
 * Every date from yesterday to two years ahead (China days, rules/dates.ts). A date an edit leaves as stored is
 * not checked again: an activity under way keeps its past start.
 */
function checkDates(input: ActivityDefinitionInput, existing: ActivityRecord | null, now: Date): void {
  for (const [field, label] of DATE_FIELDS) {
    if (existing && Date.parse(input[field]) === Date.parse(toIso(existing[field]))) continue;
    const problem = activityDateProblem(input[field], label, now);
    if (problem) throw invalid(field, problem);
  }
}

/** Quota labels: given, or the union's name for org quotas. */
async function labelledQuotas(quotas: ActivityDefinitionInput['quotas']): Promise<Quota[]> {
  const list = quotas ?? [];
  const orgIds = list.filter((q) => q.group.startsWith('org:')).map((q) => q.group.slice(4));
  const orgs = orgIds.length
    ? await findMany<OrgRecord>(CORE_COLLECTIONS.orgs, { _id: command().in(orgIds) }, { limit: orgIds.length })
    : [];
  const names = new Map(orgs.map((o) => [o._id, o.name]));
  return list.map((q) => {
    if (q.group.startsWith('org:') && !names.has(q.group.slice(4))) throw invalid('quotas', '名额分组中的工会不存在');
    const fallback = q.group.startsWith('org:')
      ? names.get(q.group.slice(4))!
      : q.group === 'gender:F'
        ? '女职工'
        : q.group === 'gender:M'
          ? '男职工'
          : q.group.slice(4);
    return { group: q.group, label: q.label || fallback, seats: q.seats };
  });
}

function definitionOf(area: ActivityArea, input: ActivityDefinitionInput, quotas: Quota[]): ActivityDefinition {
  return {
    area,
    title: input.title,
    description: input.description,
    images: input.images ?? [],
    place: input.place,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    signupStart: new Date(input.signupStart),
    signupEnd: new Date(input.signupEnd),
    capacity: input.capacity,
    quotas,
    mode: input.mode,
    allowNomination: input.mode === 'nomination' || Boolean(input.allowNomination),
    review: input.review,
    // A lottery always keeps its losers in draw order: they are the waitlist.
    waitlist: input.waitlist || input.mode === 'lottery',
    claimHours: input.claimHours,
    fee: input.fee,
    formFields: input.formFields ?? [],
    rules: input.rules ?? [],
    priorityGroups: input.priorityGroups ?? [],
    cancelPolicy: input.cancelPolicy.kind === 'untilHoursBefore' ? input.cancelPolicy : { kind: input.cancelPolicy.kind },
    publicityDays: input.publicityDays ?? 5,
    unitCap: input.unitCap ?? 0,
    unitConfirm: Boolean(input.unitConfirm),
  };
}

/** Objects are replaced whole (an update would otherwise merge their keys into the stored ones). */
function asReplacement(fields: Record<string, unknown>): Record<string, unknown> {
  const _ = command();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = v && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v;
  }
  return out;
}

/**
 * Creates (as a draft) or edits an activity of `area`; `areaData` is stored under the area's own field.
 * Returns the stored activity.
 */
export async function saveActivity<F extends object = object>(
  area: ActivityArea,
  input: ActivityDefinitionInput,
  areaData: Record<string, unknown>,
  ctx: ActionContext,
): Promise<ActivityRecord<F>> {
  checkDefinition(input);
  const org = await getOrg(input.orgId);
  if (!org) throw invalid('orgId', '所选工会不存在，请重新选择');
  assertCoversOrg(ctx, org.path);
  const existing = input.activityId ? await loadManagedActivity(input.activityId, ctx) : null;
  if (existing && existing.area !== area) throw fail('NOT_FOUND', '该活动不存在或已删除');
  checkDates(input, existing, ctx.now);
  for (const [i, image] of (input.images ?? []).entries()) {
    if (!existing?.images?.includes(image)) checkOwnUpload(image, ctx.openid, `images.${i}`);
  }
  const quotas = await labelledQuotas(input.quotas);
  const definition = definitionOf(area, input, quotas);
  const owner = { orgId: org._id, orgName: org.name, orgPath: org.path };
  const now = ctx.now;
  let id: string;
  if (!existing) {
    id = `A${now.getTime().toString(36)}${randomBytes(3).toString('hex')}`;
    const groups = Object.fromEntries(quotas.map((q) => [q.group, q.seats]));
    await setById(C.activities, id, {
      ...definition,
      ...initialCapacity(definition.capacity, groups),
      status: 'draft',
      ...owner,
      [area]: areaData,
      createdBy: ctx.openid,
      createdAt: now,
      updatedAt: now,
    });
  } else {
    id = existing._id;
    await updateExisting(existing, definition, { ...owner, [area]: areaData }, now);
  }
  await writeAudit({
    actor: ctx.openid,
    action: existing ? `${area}.edit` : `${area}.create`,
    target: id,
    summary: `${definition.title} · ${org.name}`,
    at: now,
    details: { capacity: definition.capacity, mode: definition.mode },
  });
  const saved = await loadActivity<F>(id);
  // Seats added to an open activity go to its waitlist first.
  if (existing && existing.status !== 'draft' && (await fillFreeSeats(saved, now)) > 0) return loadActivity<F>(id);
  return saved;
}

async function updateExisting(
  existing: ActivityRecord,
  definition: ActivityDefinition,
  other: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const _ = command();
  const where: Record<string, unknown> = { _id: existing._id, updatedAt: existing.updatedAt };
  const change: Record<string, unknown> = { ...asReplacement({ ...definition, ...other }), updatedAt: now };
  if (existing.status === 'draft') {
    // Nobody holds a seat in a draft (claims and nominations need it open): seats start afresh.
    where.status = 'draft';
    const fresh = initialCapacity(definition.capacity, Object.fromEntries(definition.quotas.map((q) => [q.group, q.seats])));
    Object.assign(change, { seatsLeft: fresh.seatsLeft, groupsLeft: _.set(fresh.groupsLeft), holders: _.set({}) });
  } else {
    if (definition.mode !== existing.mode) throw invalid('mode', '报名开始后不能更改分配方式');
    // Units' quotas already created hold the old cap; and sign-ups already wait (or not) for their union.
    if (definition.unitCap !== (existing.unitCap ?? 0)) throw invalid('unitCap', '报名开始后不能更改每单位名额');
    if (definition.unitConfirm !== Boolean(existing.unitConfirm))
      throw invalid('unitConfirm', '报名开始后不能更改是否需要单位推荐');
    const before = new Map(existing.quotas.map((q) => [q.group, q.seats]));
    const sameGroups = before.size === definition.quotas.length && definition.quotas.every((q) => before.has(q.group));
    if (!sameGroups) throw invalid('quotas', '报名开始后不能增删名额分组，只能调整各组名额');
    // The draw's order holds the sign-ups made in the window it closed: none may come after it.
    if (existing.drawStartedAt) {
      for (const field of ['signupStart', 'signupEnd'] as const) {
        if (asDate(definition[field]).getTime() !== asDate(existing[field]).getTime())
          throw invalid(field, '已开始抽签，不能再修改报名时间');
      }
    }
    // 每N年一次 (participation.ts): sign-ups made without the rule hold no year, and those made under it were
    // checked against its window. Live sign-ups hold the activity's year, and giving a hold back frees the year
    // the activity has then: a move to another year would leave the old one held for good.
    const years = frequencyYears(existing);
    if (frequencyYears(definition) !== years)
      throw invalid('rules', '报名开始后不能更改“每N年可参加一次”的规定（已报名者按报名时的规定计）');
    if (years > 0 && activityYear(definition) !== activityYear(existing))
      throw invalid('startAt', `报名开始后不能把活动改到另一年（本活动每${years}年可参加一次，已报名者按原年份计）`);
    delete change.groupsLeft;
    const delta = definition.capacity - existing.capacity;
    change.seatsLeft = _.inc(delta);
    if (delta < 0) where.seatsLeft = _.gte(-delta);
    for (const q of definition.quotas) {
      const d = q.seats - (before.get(q.group) ?? 0);
      if (d === 0) continue;
      change[`groupsLeft.${q.group}`] = _.inc(d);
      if (d < 0) where[`groupsLeft.${q.group}`] = _.gte(-d);
    }
  }
  if ((await updateWhere(C.activities, where, change)) === 1) return;
  const current = await findById<ActivityRecord>(C.activities, existing._id);
  if (
    !current ||
    asDate(current.updatedAt).getTime() !== asDate(existing.updatedAt).getTime() ||
    current.status !== existing.status
  )
    throw fail('CONFLICT', '活动已被他人修改，请刷新后重试');
  throw invalid('capacity', '已占用的名额多于调整后的名额，不能调低到该数量');
}

/** Opens sign-up (from a draft, or again after an early close while the window lasts) or closes it now. */
export async function setActivityStatus<F extends object = object>(
  area: ActivityArea,
  activityId: string,
  to: 'open' | 'closed',
  ctx: ActionContext,
): Promise<ActivityRecord<F>> {
  const activity = await loadManagedActivity(activityId, ctx);
  if (activity.area !== area) throw fail('NOT_FOUND', '该活动不存在或已删除');
  const now = ctx.now;
  let changed = 0;
  if (to === 'open') {
    if (asDate(activity.signupEnd) <= now)
      throw invalid('signupEnd', `报名截止时间（${chinaTime(activity.signupEnd)}）已过，请先修改报名时间`);
    changed = await updateWhere(
      C.activities,
      { _id: activityId, status: command().in(['draft', 'closed']) },
      { status: 'open', updatedAt: now },
    );
  } else {
    const end = asDate(activity.signupEnd) < now ? asDate(activity.signupEnd) : now;
    changed = await updateWhere(
      C.activities,
      { _id: activityId, status: 'open' },
      { status: 'closed', signupEnd: end, updatedAt: now },
    );
  }
  if (changed !== 1) throw fail('CONFLICT', to === 'open' ? '该活动已在报名中' : '该活动未在报名中');
  await writeAudit({
    actor: ctx.openid,
    action: `${area}.${to === 'open' ? 'open' : 'close'}`,
    target: activityId,
    summary: `${activity.title} · ${activity.orgName}`,
    at: now,
  });
  return loadActivity<F>(activityId);
}
