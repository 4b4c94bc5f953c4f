/**
 * `wx.openApi` of the local cloud: what `cloud.openapi.*` in a cloud function reaches.
 *
 * Wire format (wx-server-sdk 4.0.2 → @cloudbase/node-sdk callCompatibleWxOpenApi):
 *  - request: multipart/form-data (form-data package) with string fields action = 'wx.openApi', apiName
 *    (e.g. 'subscribeMessage.send'), cgiName (only for version v2: 'commrpcv2'), envName, wxCloudApiToken, …
 *    and the part requestData (application/octet-stream, no filename) = protobuf CommApiData:
 *      CommApiData  { 1: apiType int32 (0 = OPEN_API), 2: openapiData OpenApiData, 6: appid string }
 *      OpenApiData  { 1: pairs repeated KeyValuePair }
 *      KeyValuePair { 1: key string, 2: value bytes (JSON text), 3: contenttype string, 4: filename string }
 *    The SDK has converted the caller's camelCase keys to snake_case (templateId → template_id).
 *  - answer: HTTP 200 with a binary body (any content type other than exactly 'application/json; charset=utf-8')
 *    = protobuf CommOpenApiResp { 1: respData bytes, 2: contentType string, 3: errorCode int32,
 *    4: httpCode uint32, 6: svrkitErrorCode int32 }. The SDK parses respData as JSON when contentType is
 *    application/json; a non-zero errcode in it becomes a rejected promise (errCode = errcode).
 *  - error answer: content type exactly 'application/json; charset=utf-8' and body { code, message, requestId }:
 *    wx-server-sdk rejects with errMsg "openapi.<api>:fail -501001 … . <message>" (used for malformed requests).
 *  - refusals (not called from a cloud function, api not in the function's config.json permissions.openapi)
 *    are CommOpenApiResp answers with errcode -604104 / -604101, as the real cloud gives; wx-server-sdk rejects
 *    with errCode = that code and errMsg "openapi.<api>:fail <errmsg>".
 */
import { randomUUID } from 'node:crypto';
import busboy from 'busboy';
import protobuf from 'protobufjs';
import type { Outbox } from './outbox';

const PROTO = `
syntax = "proto3";
message KeyValuePair {
  string key = 1;
  bytes value = 2;
  string contenttype = 3;
  string filename = 4;
}
message OpenApiData {
  repeated KeyValuePair pairs = 1;
}
message CommApiData {
  int32 apiType = 1;
  OpenApiData openapiData = 2;
  string appid = 6;
}
message HttpHeader {
  string key = 1;
  string value = 2;
}
message CommOpenApiResp {
  bytes respData = 1;
  string contentType = 2;
  int32 errorCode = 3;
  uint32 httpCode = 4;
  repeated HttpHeader headers = 5;
  int32 svrkitErrorCode = 6;
}
`;

const root = protobuf.parse(PROTO, { keepCase: true }).root;
export const CommApiData = root.lookupType('CommApiData');
export const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** The content type the node SDK treats as a JSON (error) answer; anything else is read as a protobuf buffer. */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface ParsedRequest {
  fields: Record<string, string>;
  requestData: Buffer | null;
}

interface DecodedPair {
  key: string;
  value?: Uint8Array;
  contenttype?: string;
  filename?: string;
}

export class OpenApi {
  private readonly outbox: Outbox;
  private readonly permissionsOf: (functionName: string) => string[];

  constructor(outbox: Outbox, permissionsOf: (functionName: string) => string[]) {
    this.outbox = outbox;
    this.permissionsOf = permissionsOf;
  }

  async handle(body: Buffer, contentType: string, caller: string | null): Promise<HttpAnswer> {
    let parsed: ParsedRequest;
    try {
      parsed = await parseMultipart(body, contentType);
    } catch (e) {
      return tcbError('INVALID_PARAM', `wx.openApi expects a multipart/form-data body: ${(e as Error).message}`);
    }
    const { fields, requestData } = parsed;
    const action = fields.action ?? 'wx.openApi';
    const api = fields.apiName ?? '';
    if (action !== 'wx.openApi') {
      return tcbError('INVALID_ACTION', `${action} is not emulated by the local cloud`);
    }
    if (!api) return tcbError('INVALID_PARAM', 'wx.openApi: apiName is missing');
    // Refusals come out as the real cloud's codes (wx-server-sdk knows them: -604104 "illegal source of
    // invocation", -604101 "function has no permission to call this API"), with the reason appended.
    if (!caller) {
      return wxAnswer({
        errcode: -604104,
        errmsg: `illegal source of invocation: openapi ${api} not allowed: cloud.openapi works only inside cloud functions`,
      });
    }
    const allowed = this.permissionsOf(caller) ?? [];
    if (!allowed.includes(api)) {
      return wxAnswer({
        errcode: -604101,
        errmsg:
          `function has no permission to call this API: openapi ${api} not allowed for function ${caller}: ` +
          `add "${api}" to cloudfunctions/${caller}/config.json permissions.openapi`,
      });
    }

    let params: Record<string, unknown>;
    try {
      params = decodeParams(requestData);
    } catch (e) {
      return tcbError('INVALID_PARAM', `wx.openApi: requestData is not a valid CommApiData message: ${(e as Error).message}`);
    }

    switch (api) {
      case 'subscribeMessage.send':
        return this.subscribeMessageSend(params, caller);
      default:
        return wxAnswer({ errcode: -1, errmsg: `not emulated by the local cloud: ${api}` });
    }
  }

  private subscribeMessageSend(params: Record<string, unknown>, caller: string): HttpAnswer {
    const { touser, template_id: templateId, page, data, miniprogram_state: miniprogramState } = params;
    if (typeof touser !== 'string' || !touser) {
      return wxAnswer({ errcode: 40003, errmsg: 'invalid openid: touser is required (local cloud)' });
    }
    if (typeof templateId !== 'string' || !templateId) {
      return wxAnswer({ errcode: 40037, errmsg: 'invalid template_id: templateId is required (local cloud)' });
    }
    if (page !== undefined && typeof page !== 'string') {
      return wxAnswer({ errcode: 47003, errmsg: 'argument invalid! page must be a string (local cloud)' });
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return wxAnswer({ errcode: 47003, errmsg: 'argument invalid! data is required: { key: { value } } (local cloud)' });
    }
    for (const [key, item] of Object.entries(data as Record<string, unknown>)) {
      if (!item || typeof item !== 'object' || !('value' in item)) {
        return wxAnswer({ errcode: 47003, errmsg: `argument invalid! data.${key}.value is required (local cloud)` });
      }
    }
    if (
      miniprogramState !== undefined &&
      !(typeof miniprogramState === 'string' && ['developer', 'trial', 'formal'].includes(miniprogramState))
    ) {
      return wxAnswer({
        errcode: 47003,
        errmsg: 'argument invalid! miniprogram_state must be developer, trial or formal (local cloud)',
      });
    }
    this.outbox.add({
      api: 'subscribeMessage.send',
      touser,
      templateId,
      page: page as string | undefined,
      data,
      miniprogramState: miniprogramState as string | undefined,
      caller,
    });
    return wxAnswer({ errcode: 0, errmsg: 'ok' });
  }
}

/** The call's parameters: each KeyValuePair's value parsed as JSON (left as a Buffer for file parts). */
export function decodeParams(requestData: Buffer | null): Record<string, unknown> {
  if (!requestData || requestData.length === 0) return {};
  const message = CommApiData.decode(requestData) as unknown as { openapiData?: { pairs?: DecodedPair[] } };
  const params: Record<string, unknown> = {};
  for (const pair of message.openapiData?.pairs ?? []) {
    const bytes = Buffer.from(pair.value ?? new Uint8Array());
    if (pair.contenttype || pair.filename) {
      params[pair.key] = bytes;
      continue;
    }
    const text = bytes.toString('utf8');
    try {
      params[pair.key] = JSON.parse(text);
    } catch {
      params[pair.key] = text;
    }
  }
  return params;
}

/** A WeChat API answer wrapped in CommOpenApiResp (binary body). */
function wxAnswer(json: Record<string, unknown>): HttpAnswer {
  const message = CommOpenApiResp.create({
    respData: Buffer.from(JSON.stringify(json)),
    contentType: 'application/json',
    httpCode: 200,
  });
  return {
    status: 200,
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.from(CommOpenApiResp.encode(message).finish()),
  };
}

/** A cloud-side (tcb) error answer: JSON { code, message, requestId } with the content type the SDK parses. */
function tcbError(code: string, message: string): HttpAnswer {
  return {
    status: 200,
    headers: { 'content-type': JSON_CONTENT_TYPE },
    body: Buffer.from(JSON.stringify({ code, message, requestId: randomUUID() })),
  };
}

function parseMultipart(body: Buffer, contentType: string): Promise<ParsedRequest> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: { 'content-type': contentType }, limits: { fileSize: 60 * 1024 * 1024 } });
    } catch (e) {
      reject(e);
      return;
    }
    const fields: Record<string, string> = {};
    let requestData: Buffer | null = null;
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (name === 'requestData') requestData = Buffer.concat(chunks);
      });
    });
    bb.on('error', reject);
    bb.on('close', () => {
      if (!requestData && typeof fields.requestData === 'string') requestData = Buffer.from(fields.requestData, 'utf8');
      resolve({ fields, requestData });
    });
    bb.end(body);
  });
}
