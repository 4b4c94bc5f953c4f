import type { GrantableRole } from '../../rules/roles';

export type InvitationStatus = 'open' | 'accepted' | 'revoked';

/** A type (not an interface) so that it is a plain document for the db helpers. */
export type InvitationRecord = {
  /** hashInvitationCode(code). */
  _id: string;
  role: GrantableRole;
  /** org / merchant / station id; null for admin. */
  scopeId: string | null;
  /** The scope's name when the invitation was made (shown to the invitee). */
  scopeName: string | null;
  /** What staff call the person invited (shown in staff screens once accepted). */
  name: string;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  status: InvitationStatus;
  acceptedBy: string | null;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};
