import type { ApiContract } from './contract';

export type ActionName = keyof ApiContract & string;
export type InputOf<A extends ActionName> = ApiContract[A]['input'];
export type OutputOf<A extends ActionName> = ApiContract[A]['output'];

// Domain shapes, derived from the contract so they are never written twice.
export type Session = OutputOf<'session.get'>;
export type RoleGrant = Session['roles'][number];
export type RoleName = RoleGrant['role'];
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

/** The response envelope every action returns. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
