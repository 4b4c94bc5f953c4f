/**
 * The environment variables a WeChat Cloud function runtime sets. Any process that uses wx-server-sdk
 * against the local cloud (function instances, tests, scripts, benchmarks) gets these, so the SDK behaves
 * as in the cloud and never asks Tencent's metadata host for an app id.
 */
export function cloudRuntimeEnv(envId: string): Record<string, string> {
  return {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TENCENTCLOUD_SESSIONTOKEN: '',
    WX_APPID: 'wxlocal0000000000',
    WX_ENV: envId,
  };
}
