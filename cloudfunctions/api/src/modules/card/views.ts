import type { MemberStatus } from '../../rules/membership';

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
