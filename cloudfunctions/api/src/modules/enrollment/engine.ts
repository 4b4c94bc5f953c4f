/**
 * What an area module (疗休养, 技能竞赛, 单身联谊) uses of the engine: one import path. See docs/enrollment.md.
 * Areas register their hooks at load (registerArea, registerRuleKind, registerMemberTags); the engine never
 * imports an area.
 */
export { managedActivitiesPage, openActivitiesPage, type OpenSummary } from './areaPages';
export { asDate, cachedActivity, loadActivity, loadManagedActivity, memberFacts, phaseOf, type Phase } from './activities';
export { evaluateRules, priorityRank, seatGroupsFor, unitGroupOf } from './eligibility';
export { ENROLLMENT_COLLECTIONS } from './collections';
export { enrollmentErrors } from './errors';
export type * from './records';
export { ACTIVITY_AREAS, ACTIVITY_STATUSES, ALLOCATION_MODES, ENROLLMENT_STATUSES, SEAT_HOLDING, UNIT_STATUSES } from './records';
export { STATUS_TEXT } from './recordStatus';
export { removeEnrollment, type RemoveRequest } from './removeEnrollment';
export * from './repository';
export {
  areaLabel,
  audienceOf,
  hasPrivateList,
  memberTagLabels,
  registerArea,
  registerMemberTags,
  registerRuleKind,
  type ApprovalCheck,
  type Audience,
  type MemberFacts,
  type RuleResult,
} from './ruleRegistry';
export { saveActivity, setActivityStatus } from './saveActivity';
export { activityDefinitionShape, answersField, type ActivityDefinitionInput } from './schemas';
export { signUp, type SignUpRequest } from './signUp';
export { toActivityDetail, toActivitySummaries, toEnrollmentView, toMemberSeats } from './toViews';
export type * from './views';
export { enrollmentIdOf, waitlistPosition } from './waitlist';
export { speaksForUnit } from './unitConfirm';
