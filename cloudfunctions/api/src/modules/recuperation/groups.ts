/**
 * What 疗休养 tells the enrollment engine (declared on its module definition): its name, who belongs to which
 * target group (from the member tags staff keep and the member's participation history), the tags staff may
 * set, a rule kind of its own (入会满N年) and the roster columns of its own data (同行人).
 */
import { z } from 'zod';
import { chinaYear, toIso } from '../../lib/time';
import type { EngineHooks } from '../../action';
import type { MemberFacts } from '../enrollment/engine';
import { COMPANION_RELATIONS, RECUPERATION_TAGS, TARGET_GROUPS, type Companion, type TargetGroup } from './records';

export function targetGroupsOf(facts: MemberFacts): TargetGroup[] {
  const tags = new Set(facts.tags);
  const groups: TargetGroup[] = [];
  if (tags.has('model') || tags.has('advanced')) groups.push('model');
  if (tags.has('frontline')) groups.push('frontline');
  if (tags.has('hazardous')) groups.push('hazardous');
  if (facts.attended.recuperation === undefined) groups.push('never');
  return groups;
}

export function companionsText(extra: Record<string, unknown> | undefined): string {
  const list = (extra?.companions ?? []) as Companion[];
  return list.map((c) => `${c.name}（${COMPANION_RELATIONS[c.relation] ?? c.relation}）`).join('、');
}

/** 疗休养's hooks into the engine (recuperationModule.engine). */
export const recuperationEngine = {
  memberTags: RECUPERATION_TAGS,
  activityArea: {
    area: 'recuperation',
    hooks: {
      label: '疗休养',
      audience: { groups: TARGET_GROUPS, resolve: targetGroupsOf },
      rosterColumns: (extra) => ({ 同行人: companionsText(extra) }),
    },
  },
  ruleKinds: {
    'recuperation.memberYears': {
      params: z.strictObject({ kind: z.literal('recuperation.memberYears'), years: z.number().int().min(1).max(30) }),
      evaluate: (rule, facts, activity) => {
        const { years } = rule as { years: number };
        const since = chinaYear(facts.memberSince);
        const ok = chinaYear(new Date(toIso(activity.startAt))) - since >= years;
        return ok
          ? { rule: rule.kind, ok, message: `入会满${years}年（您于${since}年入会）` }
          : { rule: rule.kind, ok, message: `本期要求入会满${years}年，您于${since}年入会，暂不符合` };
      },
    },
  },
} satisfies EngineHooks;
