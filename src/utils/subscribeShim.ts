/**
 * What stands in for wx.requestSubscribeMessage where WeChat is absent (the H5 development build, and the weapp
 * check's simulated platform). It refuses what WeChat refuses, with WeChat's documented errCode/errMsg, so a
 * request the phone would refuse fails here too:
 *  - no template id: 10001 `TmplIds can't be empty`;
 *  - more than three: 20003 `Templates count out of max bounds`.
 * Otherwise every template gets `answer` (the H5 build accepts; a checker that taps buttons rejects).
 * Imports nothing that runs, so tests and the simulator can use it as is.
 */
export const WECHAT_MAX_TEMPLATES = 3;

export interface SubscribeError extends Error {
  errCode: number;
  errMsg: string;
}

function refusal(errCode: number, reason: string): SubscribeError {
  const errMsg = `requestSubscribeMessage:fail ${reason}`;
  return Object.assign(new Error(errMsg), { errCode, errMsg });
}

export async function requestSubscribeMessageShim(
  options: { tmplIds?: unknown },
  answer: 'accept' | 'reject' = 'accept',
): Promise<Record<string, string>> {
  const ids = options.tmplIds;
  if (!Array.isArray(ids) || ids.length === 0) throw refusal(10001, "TmplIds can't be empty");
  if (ids.length > WECHAT_MAX_TEMPLATES) throw refusal(20003, 'Templates count out of max bounds');
  if (ids.some((id) => typeof id !== 'string' || !id)) throw refusal(10004, 'Invalid template id');
  const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
  for (const id of ids as string[]) res[id] = answer;
  return res;
}
