/**
 * The hooks areas plug into the engine at load (the engine never imports an area): extra eligibility rule
 * kinds, an area's audience groups (who counts as 一线职工 …), and the member tags staff may maintain.
 * Everything here is pure: evaluators get the member's facts and the activity, never the database.
 */
import type { z } from 'zod';
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

/** What an area tells the engine about itself when it loads. */
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

const ruleKinds = new Map<string, RuleKind>();
const areas = new Map<string, AreaHooks>();
const memberTags = new Map<string, string>();

export function registerRuleKind(kind: string, def: RuleKind): void {
  ruleKinds.set(kind, def);
}

export function ruleKind(kind: string): RuleKind | undefined {
  return ruleKinds.get(kind);
}

export function registerArea(area: ActivityArea, hooks: AreaHooks): void {
  areas.set(area, hooks);
}

export function areaHooks(area: string): AreaHooks | undefined {
  return areas.get(area);
}

/** True when the area keeps its participants private (no 公示, no published draw). */
export function hasPrivateList(area: string): boolean {
  return areas.get(area)?.privateList === true;
}

export function areaLabel(area: string): string {
  return areas.get(area)?.label ?? '活动';
}

/** An area's audience; an area that registered none uses the member tags themselves. */
export function audienceOf(area: ActivityArea): Audience {
  return (
    areas.get(area)?.audience ?? {
      groups: Object.fromEntries(memberTags),
      resolve: (facts) => facts.tags,
    }
  );
}

/** Member tags staff may maintain (key → label), e.g. model: 劳模. Areas add theirs at load. */
export function registerMemberTags(tags: Record<string, string>): void {
  for (const [key, label] of Object.entries(tags)) memberTags.set(key, label);
}

export function memberTagLabels(): Record<string, string> {
  return Object.fromEntries(memberTags);
}
