/** The weapp build has no identity switch: identity is the WeChat user. (H5: mountDevSwitch.h5.tsx.) */
export function mountDevSwitch(): void {}
