/**
 * The hooks areas declare for the engine on their module definitions (ModuleDef.engine; the engine never
 * imports an area): extra eligibility rule kinds, an area's audience groups (who counts as 一线职工 …), and
 * the member tags staff may maintain. The engine reads them from the house of the running call. Evaluators
 * are pure: they get the member's facts and the activity, never the database.
 */
import type { z } from 'zod';
import { currentHouse } from '../../house';
import type { MemberStatus } from '../../rules/membership';
import type { StoredDate } from '../../shared/records';
import type { ActivityArea, ActivityRecord, EligibilityRule, EnrollmentRecord, ParticipationHolds } from './records';

/** What rules may know about a member (from the member record; see MemberEnrollmentFacts). */
export interface MemberFacts {
  openid: string;
  status: MemberStatus;
  name: string;
  cardNo: string;
  birthYear?: number;
  gender?: 'M' | 'F';
  orgId: string;
  orgName: string;
  orgPath: string[];
  memberSince: Date;
  tags: string[];
  attended: Partial<Record<ActivityArea, number>>;
  /** Years held by live or past sign-ups in activities with a frequency rule (participation.ts). */
  participation?: Partial<Record<ActivityArea, ParticipationHolds>>;
}

/** The parts of an activity rules look at. */
export interface RuleActivity {
  /** The activity itself (its own holds never count against it). */
  _id?: string;
  area: ActivityArea;
  /** A Date as stored (the SDK gives Date objects; older writes may be ISO strings). */
  startAt: StoredDate;
}

export interface RuleResult {
  /** The rule's kind, e.g. notWithinYears. */
  rule: string;
  ok: boolean;
  /** Shown to the member before the form, e.g. 您已于2025年参加过疗休养，每3年可参加一次. */
  message: string;
}

export interface RuleKind {
  /** Checks a rule's parameters when staff save an activity (the `kind` field included). */
  params: z.ZodType;
  evaluate(rule: EligibilityRule, facts: MemberFacts, activity: RuleActivity): RuleResult;
}

export interface Audience {
  /** Group key (letters, digits, _ -) → Chinese label. */
  groups: Record<string, string>;
  /** The groups a member belongs to. */
  resolve(facts: MemberFacts): string[];
}

/** What an area tells the engine about itself (ModuleDef.engine.activityArea). */
export interface AreaHooks {
  /** 疗休养, 技能竞赛 … (used in rule messages such as 您已于2025年参加过疗休养). */
  label: string;
  /** Who counts as which audience group in this area; without it the member tags themselves. */
  audience?: Audience;
  /** The area's own enrollment data (enrollment.extra) as roster columns: header → cell text. */
  rosterColumns?: (extra: Record<string, unknown> | undefined) => Record<string, string>;
  /**
   * Who takes part is itself private (单身联谊): no published list of names for this area's activities — the
   * engine refuses 公示 (publish, publicity, objections), published draw results and candidate searches naming
   * the activity for them, and only the organiser's staff (not a member's own union) see the roster, the
   * export and a sign-up's form.
   */
  privateList?: boolean;
  /**
   * Checked before staff approve a pending enrollment (e.g. a team's size): `refuse` says why not; `where`
   * adds conditions on the enrollment document to the approval's guarded update, so that a change made
   * between the check and the approval (a teammate leaving) makes the approval fail instead of slipping past.
   */
  approvalCheck?: (enrollment: EnrollmentRecord, activity: ActivityRecord) => ApprovalCheck;
}

export interface ApprovalCheck {
  refuse?: string;
  where?: Record<string, unknown>;
}

/** A rule kind as declared by the engine itself or by the area adding it (ModuleDef.engine.ruleKinds). */
export function ruleKind(kind: string): RuleKind | undefined {
  return currentHouse().engine.ruleKinds.get(kind);
}

export function areaHooks(area: string): AreaHooks | undefined {
  return currentHouse().engine.areas.get(area);
}

/** True when the area keeps its participants private (no 公示, no published draw). */
export function hasPrivateList(area: string): boolean {
  return areaHooks(area)?.privateList === true;
}

export function areaLabel(area: string): string {
  return areaHooks(area)?.label ?? '活动';
}

/** An area's audience; an area that declares none uses the member tags themselves. */
export function audienceOf(area: ActivityArea): Audience {
  return areaHooks(area)?.audience ?? { groups: memberTagLabels(), resolve: (facts) => facts.tags };
}

/** Member tags staff may maintain (key → label), e.g. model: 劳模, as the areas declare them. */
export function memberTagLabels(): Record<string, string> {
  return { ...currentHouse().engine.memberTags };
}
