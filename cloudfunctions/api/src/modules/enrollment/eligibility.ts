/**
 * Eligibility as data: each rule of an activity is evaluated by a pure function into { rule, ok, message },
 * shown to the member before the form and checked again by the sign-up on the server. The built-in kinds
 * are declared here (the engine module's own); areas declare theirs on their modules (areaHooks.ts). Also pure: which quota groups a member's
 * seat counts against, and their priority rank in a lottery.
 */
import { z } from 'zod';
import { chinaYear, toIso } from '../../lib/time';
import type { EligibilityRule, ParticipationHolds, Quota } from './records';
import {
  areaLabel,
  audienceOf,
  memberTagLabels,
  ruleKind,
  type RuleKind,
  type MemberFacts,
  type RuleActivity,
  type RuleResult,
} from './areaHooks';

/** The activity's year in China: ages and "every N years" count from it. */
export function activityYear(activity: RuleActivity): number {
  return chinaYear(new Date(toIso(activity.startAt)));
}

/**
 * Years held by OTHER activities of the area within `years` of this activity's year (participation.ts keeps
 * them on the member record: every live enrollment in an activity with a frequency rule holds its year).
 */
export function conflictingYears(holds: ParticipationHolds | undefined, activity: RuleActivity, years: number): number[] {
  if (!holds?.years || years <= 0) return [];
  const year = activityYear(activity);
  return Object.entries(holds.years)
    .filter(([y, holder]) => holder !== activity._id && Math.abs(Number(y) - year) < years)
    .map(([y]) => Number(y))
    .sort();
}

const GENDER_TEXT = { M: '男', F: '女' } as const;
const areaKind = z.enum(['recuperation', 'competition', 'matchmaking']);
const groupKey = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '人群编号格式不正确');

function ageText(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `${min}至${max}周岁`;
  if (min !== undefined) return `${min}周岁及以上`;
  return `${max}周岁及以下`;
}

function groupLabels(area: RuleActivity['area'], groups: string[]): string[] {
  const labels = { ...memberTagLabels(), ...audienceOf(area).groups };
  return groups.map((g) => labels[g] ?? g);
}

/** The rule kinds every area may use (the engine module declares them; areas add their own kinds). */
export const BUILTIN_RULE_KINDS: Record<string, RuleKind> = {
  activeMember: {
    params: z.strictObject({ kind: z.literal('activeMember') }),
    evaluate: (_rule, facts) =>
      facts.status === 'active'
        ? { rule: 'activeMember', ok: true, message: '您是会籍正常的工会会员' }
        : { rule: 'activeMember', ok: false, message: '您的会籍当前不可用，请联系所在工会' },
  },
  orgScope: {
    params: z.strictObject({
      kind: z.literal('orgScope'),
      orgId: z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/),
      orgName: z.string().max(60).optional(),
    }),
    evaluate: (rule, facts) => {
      const { orgId, orgName = '组织工会' } = rule as { orgId: string; orgName?: string };
      return facts.orgPath.includes(orgId)
        ? { rule: 'orgScope', ok: true, message: `本活动面向${orgName}所属会员` }
        : { rule: 'orgScope', ok: false, message: `本活动仅面向${orgName}所属会员，您所在的${facts.orgName}不在范围内` };
    },
  },
  ageRange: {
    params: z
      .strictObject({
        kind: z.literal('ageRange'),
        min: z.number().int().min(16).max(100).optional(),
        max: z.number().int().min(16).max(100).optional(),
      })
      .refine((r) => r.min !== undefined || r.max !== undefined, '年龄条件至少填写一项')
      .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, '最小年龄不能大于最大年龄'),
    evaluate: (rule, facts, activity) => {
      const { min, max } = rule as { min?: number; max?: number };
      const range = ageText(min, max);
      if (!facts.birthYear) {
        return { rule: 'ageRange', ok: false, message: `本活动要求年龄${range}，您的会员信息缺少出生年份，请联系所在工会核实` };
      }
      const year = activityYear(activity);
      const age = year - facts.birthYear;
      const ok = (min === undefined || age >= min) && (max === undefined || age <= max);
      return ok
        ? { rule: 'ageRange', ok, message: `年龄要求${range}（按活动当年计，您${age}周岁）` }
        : { rule: 'ageRange', ok, message: `本活动要求年龄${range}，您${year}年为${age}周岁，不符合要求` };
    },
  },
  notWithinYears: {
    params: z.strictObject({ kind: z.literal('notWithinYears'), area: areaKind, years: z.number().int().min(1).max(20) }),
    evaluate: (rule, facts, activity) => {
      const { area, years } = rule as { area: RuleActivity['area']; years: number };
      const label = areaLabel(area);
      // Sign-ups held in other activities (this year's trip counts from the moment of sign-up, not check-in).
      const held = area === activity.area ? conflictingYears(facts.participation?.[area], activity, years) : [];
      if (held.length)
        return { rule: 'notWithinYears', ok: false, message: `您已报名或参加了${held[0]}年的${label}，每${years}年可参加一次` };
      const last = facts.attended[area];
      if (last === undefined) return { rule: 'notWithinYears', ok: true, message: `您近${years}年未参加过${label}` };
      const ok = activityYear(activity) - last >= years;
      return ok
        ? { rule: 'notWithinYears', ok, message: `您上次参加${label}是${last}年，符合每${years}年可参加一次的规定` }
        : { rule: 'notWithinYears', ok, message: `您已于${last}年参加过${label}，每${years}年可参加一次` };
    },
  },
  targetGroups: {
    params: z.strictObject({ kind: z.literal('targetGroups'), groups: z.array(groupKey).min(1).max(10) }),
    evaluate: (rule, facts, activity) => {
      const { groups } = rule as { groups: string[] };
      const mine = new Set(audienceOf(activity.area).resolve(facts));
      const wanted = groupLabels(activity.area, groups).join('、');
      const matched = groups.filter((g) => mine.has(g));
      return matched.length
        ? {
            rule: 'targetGroups',
            ok: true,
            message: `本期面向：${wanted}；您属于${groupLabels(activity.area, matched).join('、')}`,
          }
        : {
            rule: 'targetGroups',
            ok: false,
            message: `本期面向：${wanted}。您不在以上人群中，如信息有误请联系所在工会更新`,
          };
    },
  },
  gender: {
    params: z.strictObject({ kind: z.literal('gender'), gender: z.enum(['M', 'F']) }),
    evaluate: (rule, facts) => {
      const { gender } = rule as { gender: 'M' | 'F' };
      const ok = facts.gender === gender;
      return { rule: 'gender', ok, message: `本活动限${GENDER_TEXT[gender]}职工参加` };
    },
  },
};

/** Checks one rule's parameters against its kind (for saving an activity); the parsed rule or a message. */
export function parseRule(value: unknown): { ok: true; rule: EligibilityRule } | { ok: false; message: string } {
  const kind = (value as { kind?: unknown } | null)?.kind;
  const def = typeof kind === 'string' ? ruleKind(kind) : undefined;
  if (!def) return { ok: false, message: '不支持的报名条件' };
  const parsed = def.params.safeParse(value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '报名条件格式不正确' };
  return { ok: true, rule: parsed.data as EligibilityRule };
}

/** Every rule of the activity, in order; a kind no loaded area knows fails safe. */
export function evaluateRules(activity: RuleActivity & { rules: EligibilityRule[] }, facts: MemberFacts): RuleResult[] {
  return activity.rules.map((rule) => {
    const def = ruleKind(rule.kind);
    if (!def) return { rule: rule.kind, ok: false, message: '本活动有暂不支持的报名条件，请联系组织工会' };
    return def.evaluate(rule, facts, activity);
  });
}

/**
 * The quota groups a member's seat counts against: per dimension (org, gender, category) the quota the
 * member falls in, if the activity has one; a member whose group has no quota in a dimension is limited
 * only by the total. For org quotas the most specific union on the member's path wins. With a per-unit cap
 * (`unitCap`) the member's own union is a group too (its listed quota, or the cap), beside any listed quota
 * of a union above it.
 */
export function seatGroupsFor(activity: RuleActivity & { quotas: Quota[]; unitCap?: number }, facts: MemberFacts): string[] {
  const groups: string[] = [];
  let org: { group: string; depth: number } | null = null;
  for (const q of activity.quotas) {
    if (!q.group.startsWith('org:')) continue;
    const depth = facts.orgPath.indexOf(q.group.slice(4));
    if (depth >= 0 && (!org || depth > org.depth)) org = { group: q.group, depth };
  }
  if (org) groups.push(org.group);
  const unit = unitGroupOf(facts);
  if (activity.unitCap && unit !== org?.group) groups.push(unit);
  if (facts.gender && activity.quotas.some((q) => q.group === `gender:${facts.gender}`)) groups.push(`gender:${facts.gender}`);
  const mine = new Set(audienceOf(activity.area).resolve(facts));
  const category = activity.quotas.find((q) => q.group.startsWith('cat:') && mine.has(q.group.slice(4)));
  if (category) groups.push(category.group);
  return groups;
}

/** The quota group of a member's own union (their unit): `org:<orgId>`. */
export function unitGroupOf(facts: Pick<MemberFacts, 'orgId'>): string {
  return `org:${facts.orgId}`;
}

/** Lottery rank: the index of the first priority group the member belongs to, else after all of them. */
export function priorityRank(activity: RuleActivity & { priorityGroups: string[] }, facts: MemberFacts): number {
  const mine = new Set(audienceOf(activity.area).resolve(facts));
  const index = activity.priorityGroups.findIndex((g) => mine.has(g));
  return index < 0 ? activity.priorityGroups.length : index;
}
