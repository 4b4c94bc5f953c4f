import type { InputOf, OutputOf } from './contract';

export type { ActionName, Envelope, ErrorCode, InputOf, OutputOf, Page } from './contract';

// Domain shapes, derived from the contract so they are never written twice.
export type Session = OutputOf<'session.get'>;
export type SessionRole = Session['roles'][number];
export type RoleName = SessionRole['role'];
export type ApplicationView = NonNullable<OutputOf<'membership.mine'>>;
export type ApplicationStatus = ApplicationView['status'];
export type ApplyInput = InputOf<'membership.apply'>;
export type Channel = ApplyInput['channel'];
export type Occupation = NonNullable<ApplyInput['occupation']>;
export type Org = OutputOf<'org.tree'>['orgs'][number];
export type Card = OutputOf<'card.get'>;
export type TimelineEntry = OutputOf<'timeline.list'>['items'][number];
export type TransferView = OutputOf<'transfer.request'>;
export type AuditEntry = OutputOf<'audit.list'>['items'][number];
export type ReviewDetail = OutputOf<'membership.get'>;
export type RoleGrantView = OutputOf<'roles.list'>['items'][number];
export type PersonOption = OutputOf<'roles.people'>['items'][number];
export type NoticeSummary = OutputOf<'notices.list'>['items'][number];
export type NoticeView = OutputOf<'notices.get'>;
export type ApproveManyResult = OutputOf<'membership.approveMany'>;
