/**
 * Development identity (H5 only). The weapp build resolves this file: identity comes from
 * WeChat itself (getWXContext().OPENID), so there is nothing to choose. The H5 build resolves
 * identity.h5.ts instead (Taro platform files).
 */
export interface DevIdentity {
  openid: string;
  label: string;
}

export function getDevOpenid(): string {
  return '';
}

export function listDevIdentities(): DevIdentity[] {
  return [];
}

export function chooseDevOpenid(_openid: string | null): void {}

export function newRandomOpenid(): string {
  return '';
}
