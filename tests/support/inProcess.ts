/**
 * Runs the `api` function's own modules in the test process against a local cloud (the real wx-server-sdk,
 * only its serviceUrl pointed at the local cloud), for tests of shared mechanisms below the action level.
 * Never a mock: the code under test talks to the database exactly as it does inside the function.
 */
import type { LocalCloud } from './localCloud';

const functionEnv = require('../../config/local-functions.env.json') as { api: Record<string, string> };

export function useCloudInProcess(cloud: LocalCloud): void {
  process.env.LOCAL_CLOUD_SERVICE_URL = cloud.serviceUrl;
  for (const [k, v] of Object.entries(functionEnv.api)) process.env[k] ??= v;
}
