/** Stored document shapes (server-only). Raw PII never appears here: hashes, sealed values and masks only. */
import type {
  ApplicationStatus,
  Channel,
  GrantableRole,
  MemberStatus,
  Occupation,
  Org,
  TimelineArea,
  TransferStatus,
} from './views';

export type StoredDate = Date | string | number;

export interface AccountRecord {
  _id: string; // = openid
  openid: string;
  createdAt: StoredDate;
  [key: string]: unknown;
}

/** An organisation as stored: the view plus its display order. */
export interface OrgRecord extends Org {
  sort?: number;
  [key: string]: unknown;
}

export interface ApplicationRecord {
  _id: string;
  openid: string;
  name: string;
  idHash: string;
  idSealed: string;
  idMasked: string;
  mobileSealed: string;
  mobileMasked: string;
  workUnit: string;
  orgId: string;
  orgName: string;
  /** Ancestors of orgId including itself: lets a reviewer's scope (any ancestor) match with one $in. */
  orgPath: string[];
  channel: Channel;
  occupation?: Occupation;
  status: ApplicationStatus;
  rejectReason?: string;
  submittedAt: StoredDate;
  reviewedAt?: StoredDate;
  reviewedBy?: string;
  [key: string]: unknown;
}

/** id_registry: _id = keyed hash of the ID number; the unique record that makes "one membership per person". */
export interface IdRegistryRecord {
  _id: string;
  openid: string;
  applicationId: string;
  status: 'applied' | 'member';
  at: StoredDate;
  [key: string]: unknown;
}

export interface MemberRecord {
  _id: string; // = openid
  openid: string;
  applicationId: string;
  cardNo: string;
  name: string;
  idHash: string;
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

export interface TransferRecord {
  _id: string;
  openid: string;
  name: string;
  cardNo: string;
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  toOrgPath: string[];
  reason: string;
  status: TransferStatus;
  rejectReason?: string;
  requestedAt: StoredDate;
  reviewedAt?: StoredDate;
  reviewedBy?: string;
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

export interface TimelineRecord {
  _id?: string;
  openid: string;
  area: TimelineArea;
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

export interface AuditRecord {
  _id?: string;
  actor: string;
  action: string;
  target: string;
  at: StoredDate;
  details?: Record<string, string | number | boolean | null>;
  [key: string]: unknown;
}

export interface CounterRecord {
  _id: string;
  seq: number;
  [key: string]: unknown;
}
