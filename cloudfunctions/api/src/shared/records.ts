/** Stored shapes of the core collections (server-only). Raw PII never appears here: hashes, sealed values and masks only. */
import type { Channel, MemberStatus } from '../rules/membership';
import type { OrgKind } from '../rules/orgKinds';
import type { GrantableRole } from '../rules/roles';

export type StoredDate = Date | string | number;

export interface AccountRecord {
  _id: string; // = openid
  openid: string;
  createdAt: StoredDate;
  /** The name staff know a person by when they are not (yet) a member: set when an administrator grants a role. */
  displayName?: string;
  [key: string]: unknown;
}

export interface OrgRecord {
  _id: string;
  name: string;
  parentId: string | null;
  kind: OrgKind;
  acceptsNewEmployment: boolean;
  /** Ancestor ids from the root down to this org itself (inclusive). */
  path: string[];
  sort?: number;
  [key: string]: unknown;
}

export interface MemberRecord {
  _id: string; // = openid
  openid: string;
  applicationId: string;
  cardNo: string;
  name: string;
  idHash: string;
  /** Masked mobile, for staff pickers (the sealed value stays on the application). */
  mobileMasked?: string;
  /** Keyed hash of the mobile number: lets an administrator find a person by the number they give. */
  mobileHash?: string;
  gender?: 'M' | 'F';
  birthYear?: number;
  orgId: string;
  orgName: string;
  orgPath: string[];
  /** How the member joined; decides where they may transfer. Absent on records written before it was stored. */
  channel?: Channel;
  memberSince: StoredDate;
  status: MemberStatus;
  /** '' when none; set with a guarded update so a member has at most one open transfer. */
  pendingTransferId: string;
  [key: string]: unknown;
}

export interface RoleRecord {
  _id: string; // `${openid}:${role}:${scopeId || '*'}`
  openid: string;
  role: GrantableRole;
  scopeId: string | null;
  grantedAt: StoredDate;
  grantedBy: string;
  [key: string]: unknown;
}

export interface AuditRecord {
  _id?: string;
  actor: string;
  action: string;
  target: string;
  at: StoredDate;
  /** Views of personal data are audited like changes but hidden from the default log view. */
  kind?: 'change' | 'pii_view';
  details?: Record<string, string | number | boolean | null>;
  [key: string]: unknown;
}

export interface TimelineRecord {
  _id?: string;
  openid: string;
  /** The kind of application (a module's timeline key), e.g. membership, transfer. */
  area: string;
  refId: string;
  title: string;
  status: string;
  statusText: string;
  note?: string;
  at: StoredDate;
  [key: string]: unknown;
}

export interface ConsentRecord {
  _id: string; // `${openid}:${templateKey}`
  openid: string;
  templateKey: string;
  /** One-time subscription: true until one message has been sent with it. */
  accepted: boolean;
  at: StoredDate;
  [key: string]: unknown;
}
