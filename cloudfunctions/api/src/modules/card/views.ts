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

export interface CardWindowToken extends CardTokenView {
  /** 核验码: 8 digits a clerk can type instead of scanning, live in this window only (the same code as the token). */
  shortCode: string;
  /** ISO time before which merchants get TOKEN_EARLY: show this token from then until expiresAt. */
  notBefore: string;
}

export interface CardTokensView {
  /** Consecutive one-minute tokens, the current window first (kept by the app for use without network). */
  tokens: CardWindowToken[];
  /** The server's clock when signing, so that the app can pick the current token on a phone whose clock is off. */
  serverTime: string;
}

export interface CardVerifyView {
  cardNo: string;
  nameMasked: string;
  orgName: string;
  status: MemberStatus;
}
