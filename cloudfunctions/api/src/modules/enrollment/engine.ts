/**
 * What an area module (疗休养, 技能竞赛, 单身联谊) uses of the engine: one import path. See docs/enrollment.md.
 * Areas declare their hooks on their module definitions (ModuleDef.engine: activity area, rule kinds, member
 * tags); the engine reads them from the house of the running call and never imports an area.
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
export {
  areaLabel,
  audienceOf,
  hasPrivateList,
  memberTagLabels,
  type ApprovalCheck,
  type AreaHooks,
  type Audience,
  type MemberFacts,
  type RuleKind,
  type RuleResult,
} from './areaHooks';
export { saveActivity, setActivityStatus } from './saveActivity';
export { activityDefinitionShape, answersField, type ActivityDefinitionInput } from './schemas';
export { signUp, type SignUpRequest } from './signUp';
export { toActivityDetail, toActivitySummaries, toEnrollmentView, toMemberSeats } from './toViews';
export type * from './views';
export { enrollmentIdOf, waitlistPosition } from './waitlist';
export { speaksForUnit } from './unitConfirm';
