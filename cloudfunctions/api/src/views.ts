/**
 * Shapes the `api` function returns to the app. Type-only for the app (`import type`): nothing here has
 * runtime code. Dates are ISO-8601 strings.
 */
export type RoleName = 'member' | 'staff' | 'merchant' | 'lawyer' | 'admin';
/** Roles that are granted explicitly (`member` is implicit for everyone with an account). */
export type GrantableRole = Exclude<RoleName, 'member'>;

export interface RoleGrant {
  _id: string;
  openid: string;
  role: GrantableRole;
  /** org id for staff, merchant id for merchant, station id for lawyer; null for admin. */
  scopeId: string | null;
  grantedAt: string | null;
  grantedBy: string | null;
  /** true for admins listed in ADMIN_OPENIDS (function env), which cannot be revoked through the app. */
  fromEnv?: boolean;
}

export type Channel = 'employer' | 'new_employment';
export type Occupation = 'courier' | 'food_delivery' | 'ride_hailing' | 'truck_driver' | 'domestic' | 'other';
export type ApplicationStatus = 'pending' | 'approved' | 'rejected';

export interface ApplicationView {
  _id: string;
  name: string;
  idNumberMasked: string;
  mobileMasked: string;
  workUnit: string;
  orgId: string;
  orgName: string;
  channel: Channel;
  occupation?: Occupation;
  status: ApplicationStatus;
  rejectReason?: string;
  submittedAt: string;
  reviewedAt?: string;
}

/** `review.get` only: the full values, for a reviewer whose scope covers the application's org. */
export interface ApplicationDetailView extends ApplicationView {
  idNumberFull: string;
  mobileFull: string;
}

export type MemberStatus = 'active' | 'suspended';

export interface MemberSummary {
  cardNo: string;
  name: string;
  orgId: string;
  orgName: string;
  memberSince: string;
  status: MemberStatus;
}

export type OrgKind = 'city' | 'district' | 'industry' | 'grassroots';

export interface Org {
  _id: string;
  name: string;
  parentId: string | null;
  kind: OrgKind;
  acceptsNewEmployment: boolean;
  /** Ancestor ids from the root down to this org itself (inclusive). */
  path: string[];
}

export interface Benefit {
  title: string;
  description?: string;
}

export interface CardView {
  cardNo: string;
  name: string;
  orgName: string;
  memberSince: string;
  status: MemberStatus;
  benefits: Benefit[];
}

export interface CardTokenView {
  token: string;
  /** ISO time after which merchants will get TOKEN_EXPIRED. */
  expiresAt: string;
}

export interface CardVerifyView {
  cardNo: string;
  nameMasked: string;
  orgName: string;
  status: MemberStatus;
}

export type TransferStatus = 'pending' | 'approved' | 'rejected';

export interface TransferView {
  _id: string;
  name: string;
  cardNo: string;
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  reason: string;
  status: TransferStatus;
  rejectReason?: string;
  requestedAt: string;
  reviewedAt?: string;
}

export type TimelineArea = 'membership' | 'transfer';

/** One line of 我的申请 (the member's application timeline). */
export interface TimelineEntry {
  _id: string;
  area: TimelineArea;
  refId: string;
  title: string;
  status: string;
  statusText: string;
  note?: string;
  at: string;
}

export interface ConsentView {
  templateKey: string;
  accepted: boolean;
  at: string;
}

export interface AuditEntry {
  _id: string;
  actor: string;
  action: string;
  target: string;
  at: string;
  details?: Record<string, string | number | boolean | null>;
}

export interface SessionView {
  openid: string;
  roles: RoleGrant[];
  isAdmin: boolean;
  member: MemberSummary | null;
  application: ApplicationView | null;
  /** Subscribe-message consents still unused (each WeChat acceptance allows one message). */
  consents: ConsentView[];
}

export interface Page<T> {
  items: T[];
  total: number;
}
