/**
 * Plans: a city or district union runs a 互助保障 plan for one period (contribution per head, 起付线, 报销比例,
 * 年度封顶). Staff of that union (or above) create it; staff of the unions below see it to enrol their members.
 */
import { createHash } from 'node:crypto';
import type { ActionContext } from '../../action';
import { findAll, findById, insertUnique } from '../../db';
import { fail } from '../../errors';
import { runsDistrictProgrammes } from '../../rules/orgKinds';
import { writeAudit } from '../../shared/audit';
import { getOrg } from '../../shared/orgs';
import { coversOrg, orgScopes } from '../../shared/scope';
import { MUTUAL_AID_COLLECTIONS as C } from './collections';
import type { PlanRecord } from './records';
import type { SavePlanInput } from './schemas';
import { toPlanView } from './toViews';
import type { PlanView } from './views';

/** The longest period a plan may have (a year, plus a leap day). */
const MAX_PERIOD_DAYS = 366;

/**
 * A plan's id follows from its union, period and name, so a double tap (or the form sent again) sets it up once:
 * two copies would let a member enrolled on both be paid twice for one stay (the stays are held per enrolment).
 */
function planIdOf(input: SavePlanInput): string {
  const key = [input.ownerOrgId, input.periodStart, input.periodEnd, input.name].join('|');
  return `MP${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

const sameTerms = (a: PlanRecord, b: PlanRecord): boolean =>
  a.contribution === b.contribution &&
  a.deductible === b.deductible &&
  a.ratioPercent === b.ratioPercent &&
  a.cap === b.cap &&
  a.note === b.note;

export async function loadPlan(planId: string): Promise<PlanRecord> {
  const plan = await findById<PlanRecord>(C.plans, planId);
  if (!plan) throw fail('NOT_FOUND', '互助保障方案不存在');
  return plan;
}

/** Staff see a plan when they work for its union or above (coversOrg), or for a union below it (to enrol). */
async function staffSeesPlan(ctx: ActionContext, plan: PlanRecord, scopePaths: string[][] | null): Promise<boolean> {
  if (scopePaths === null || coversOrg(ctx, plan.orgPath)) return true;
  return scopePaths.some((path) => path.includes(plan.ownerOrgId));
}

async function scopePathsOf(ctx: ActionContext): Promise<string[][] | null> {
  const scopes = orgScopes(ctx);
  if (scopes === null) return null;
  const orgs = await Promise.all(scopes.map((id) => getOrg(id)));
  return orgs.filter((o) => o !== null).map((o) => o.path ?? [o._id]);
}

/** A plan the caller may enrol members on (their union lies under the plan's union, or they run it). */
export async function planForStaff(planId: string, ctx: ActionContext): Promise<PlanRecord> {
  const plan = await loadPlan(planId);
  if (!(await staffSeesPlan(ctx, plan, await scopePathsOf(ctx)))) throw fail('FORBIDDEN', '该互助保障方案不属于您管辖的工会');
  return plan;
}

export async function listPlans(ctx: ActionContext): Promise<PlanView[]> {
  const [plans, paths] = await Promise.all([findAll<PlanRecord>(C.plans), scopePathsOf(ctx)]);
  const visible: PlanRecord[] = [];
  for (const p of plans) if (await staffSeesPlan(ctx, p, paths)) visible.push(p);
  return visible.sort((a, b) => b.periodStart.localeCompare(a.periodStart)).map(toPlanView);
}

export async function savePlan(input: SavePlanInput, ctx: ActionContext): Promise<PlanView> {
  const owner = await getOrg(input.ownerOrgId);
  if (!owner || owner.status === 'closed') throw fail('INVALID_INPUT', '「主办工会」不存在或已撤销', { field: 'ownerOrgId' });
  if (!runsDistrictProgrammes(owner.kind))
    throw fail('INVALID_INPUT', '「主办工会」互助保障方案由市或区（县）总工会主办，请选择上级工会', { field: 'ownerOrgId' });
  const ownerPath = owner.path ?? [owner._id];
  if (!coversOrg(ctx, ownerPath)) throw fail('FORBIDDEN', '只能为本级或下级工会设立互助保障方案');
  if (input.periodEnd < input.periodStart)
    throw fail('INVALID_INPUT', '「保障期结束」不能早于保障期开始', { field: 'periodEnd' });
  const days = (Date.parse(input.periodEnd) - Date.parse(input.periodStart)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS)
    throw fail('INVALID_INPUT', '「保障期结束」一期保障最长一年，请按年度分期设立', { field: 'periodEnd' });
  const _id = planIdOf(input);
  const record: PlanRecord = {
    _id,
    name: input.name,
    ownerOrgId: owner._id,
    ownerOrgName: owner.name,
    orgPath: ownerPath,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    contribution: input.contribution,
    deductible: input.deductible,
    ratioPercent: input.ratioPercent,
    cap: input.cap,
    note: input.note,
    createdBy: ctx.openid,
    createdAt: ctx.now,
  };
  const { _id: _omit, ...fields } = record;
  if (!(await insertUnique(C.plans, _id, fields))) {
    // The same plan sent again answers with it; other terms under the same name and period are a second copy.
    const existing = await loadPlan(_id);
    if (sameTerms(existing, record)) return toPlanView(existing);
    throw fail('CONFLICT', `${owner.name}已设立「${input.name}」（${input.periodStart} 至 ${input.periodEnd}），不能重复设立`, {
      field: 'name',
    });
  }
  await writeAudit({
    actor: ctx.openid,
    action: 'mutualAid.savePlan',
    target: _id,
    summary: `设立互助保障方案「${input.name}」· ${owner.name}`,
    at: ctx.now,
    details: { orgId: owner._id },
  });
  return toPlanView(record);
}
