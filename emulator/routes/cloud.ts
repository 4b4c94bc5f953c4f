/**
 * The endpoints that stand in for WeChat Cloud itself:
 *   POST /admin?...      what wx-server-sdk talks to (database.*, storage.*, functions.invokeFunction, wx.openApi).
 *                        Function instances add `caller=<function>&instance=<id>` to it: each database request
 *                        is counted against the invocation that sent it, and may be held by a pause.
 *   POST /fn/<name>      calls a function as a mini-program user ({ openid, unionid?, data }); answers
 *                        { result } with headers x-local-cloud-invocation and x-local-cloud-db-requests.
 *                        A client call: refused (403 EXCEED_AUTHORITY) when the function rules say no.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type { Db } from '../db/database';
import type { FunctionHost } from '../functions/host';
import { InvokeError } from '../functions/host';
import type { InvocationRecord } from '../functions/invocations';
import { HttpError, parseJson, readBody, sendJson } from '../http';
import type { OpenApi } from '../openapi';
import type { Pauses } from '../pauses';
import type { LocalClock } from '../clock';
import { checkClientInvoke } from '../security/functionGuard';
import type { SecurityRules } from '../security/rules';
import type { Storage } from '../storage';

/**
 * Largest request body accepted. The docs give no figure for database requests; a cloud function's
 * request payload is limited to a few MB in the cloud, so 10 MB refuses nothing a real call could send.
 */
export const MAX_BODY = 10 * 1024 * 1024;

export interface CloudParts {
  db: Db;
  storage: Storage;
  functions: FunctionHost;
  openApi: OpenApi;
  pauses: Pauses;
  /** Function and storage security rules, applied to client calls only. */
  security: SecurityRules;
  clock: LocalClock;
}

export async function handleAdmin(
  parts: CloudParts,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<void> {
  const requestId = crypto.randomUUID();
  const body = await readBody(req, MAX_BODY);
  const contentType = String(req.headers['content-type'] ?? '');
  if (contentType.startsWith('multipart/form-data')) {
    const answer = await parts.openApi.handle(body, contentType, url.searchParams.get('caller'));
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
    return;
  }
  const params = parseJson(body);
  const action = params.action;
  if (typeof action !== 'string') throw new HttpError(400, 'INVALID_PARAM', 'action must be a string');
  let result: Record<string, unknown>;
  if (action.startsWith('database.')) {
    const invocation = parts.functions.invocationOn(url.searchParams.get('instance'));
    if (invocation) {
      const n = invocation.countDbRequest();
      const collectionName = typeof params.collectionName === 'string' ? params.collectionName : undefined;
      const transactionId = typeof params.transactionId === 'string' ? params.transactionId : undefined;
      await parts.pauses.beforeRequest(invocation, n, {
        action,
        ...(collectionName ? { collectionName } : {}),
        ...(transactionId ? { transactionId } : {}),
      });
    }
    result = await parts.db.handle(action, params, { invocation: invocation?.id });
  } else if (action.startsWith('storage.')) result = await parts.storage.handleAction(action, params);
  else if (action === 'functions.invokeFunction') result = await invokeFromSdk(parts, params, url);
  else throw new HttpError(400, 'INVALID_PARAM', `unknown action ${action}`);
  sendJson(res, 200, { requestId, ...result });
}

async function invokeFromSdk(parts: CloudParts, params: Record<string, unknown>, url: URL): Promise<Record<string, unknown>> {
  const name = params.function_name;
  if (typeof name !== 'string') throw new HttpError(400, 'INVALID_PARAM', 'function_name must be a string');
  const raw = params.request_data;
  const data = typeof raw === 'string' && raw ? parseJson(Buffer.from(raw)) : (raw ?? {});
  const caller = url.searchParams.get('caller');
  try {
    const output = await parts.functions.invoke(name, data, { source: caller ? 'wx_function' : 'wx_devtools' });
    return { data: { response_data: JSON.stringify(output) } };
  } catch (error) {
    if (!(error instanceof InvokeError)) throw error;
    throw Object.assign(new Error(error.message), { code: 'FUNCTIONS_EXECUTE_FAIL' });
  }
}

function invocationHeaders(record: InvocationRecord | undefined): Record<string, string> {
  if (!record) return {};
  return {
    'x-local-cloud-invocation': record.id,
    'x-local-cloud-db-requests': String(record.dbRequests),
    'access-control-expose-headers': 'x-local-cloud-invocation, x-local-cloud-db-requests',
  };
}

export async function handleFunctionCall(
  parts: CloudParts,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  name: string,
): Promise<void> {
  const params = parseJson(await readBody(req, MAX_BODY));
  const { openid, unionid } = params;
  for (const [field, value] of Object.entries({ openid, unionid })) {
    if (value !== undefined && (typeof value !== 'string' || !/^[\w-]{1,64}$/.test(value))) {
      throw new HttpError(400, 'INVALID_PARAM', `${field} must be a short string of letters, digits, _ or -`);
    }
  }
  checkClientInvoke(parts.security, name, openid as string | undefined); // a client call: functions.json decides
  try {
    const { output, invocation } = await parts.functions.call(name, params.data ?? {}, {
      openid: openid as string | undefined,
      unionid: unionid as string | undefined,
      source: 'wx_client',
    });
    sendJson(res, 200, { result: output }, invocationHeaders(invocation.record));
  } catch (error) {
    if (!(error instanceof InvokeError)) throw error;
    sendJson(res, error.status, { errMsg: error.message }, invocationHeaders(error.invocation));
  }
}
