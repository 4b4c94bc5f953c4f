/**
 * Client calls of a function (the mini-program's wx.cloud.callFunction; locally `POST /fn/<name>`, which the H5
 * app and the weapp check use) are checked against the function rules (functions.json) before any instance
 * runs. Timer triggers and server-side calls (the SDK's callFunction from a function or a script) are not
 * client calls and are not checked, as in WeChat Cloud.
 */
import { HttpError } from '../http';
import { authOf, type SecurityRules } from './rules';

export function checkClientInvoke(rules: SecurityRules, functionName: string, openid: string | undefined): void {
  if (rules.mayInvoke(functionName, authOf(openid))) return;
  throw new HttpError(
    403,
    'EXCEED_AUTHORITY',
    `cloud.callFunction:fail the function security rules (functions.json) do not let this caller invoke ${functionName}`,
  );
}
