/**
 * H5 development identity: the local cloud trusts the openid the page sends, so the dev build lets
 * you act as any demo person. Stored in localStorage `dev.openid`; the first open gets a fresh
 * random openid (a new member).
 */
import demo from '../../config/demo-identities.json';

export interface DevIdentity {
  openid: string;
  label: string;
}

const KEY = 'dev.openid';

export function newRandomOpenid(): string {
  const rand = Math.random().toString(36).slice(2, 10) + Date.now().toString(36).slice(-4);
  return `dev-new-${rand}`;
}

export function getDevOpenid(): string {
  if (process.env.TARO_ENV !== 'h5') return '';
  let openid = window.localStorage.getItem(KEY);
  if (!openid) {
    openid = newRandomOpenid();
    window.localStorage.setItem(KEY, openid);
  }
  return openid;
}

export function listDevIdentities(): DevIdentity[] {
  return (demo.identities as DevIdentity[]).map(({ openid, label }) => ({ openid, label }));
}

/** Stores the chosen openid (null = a new random one). The caller reloads the page. */
export function chooseDevOpenid(openid: string | null): void {
  if (process.env.TARO_ENV !== 'h5') return;
  window.localStorage.setItem(KEY, openid ?? newRandomOpenid());
}
