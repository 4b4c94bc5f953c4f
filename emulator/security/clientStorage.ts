/**
 * Client-side storage calls checked against the storage rules (storage.json), as WeChat Cloud checks the
 * mini-program's wx.cloud.uploadFile / downloadFile / getTempFileURL. Server-side SDK calls are not checked.
 *   POST /_emu/client/upload?openid=&cloudPath=          (../storage/clientUpload.ts) — checked here first: write
 *   GET  /_emu/client/download?openid=&fileID=           wx.cloud.downloadFile → the file's bytes — read
 *   POST /_emu/client/getTempFileURL { openid?, fileList } wx.cloud.getTempFileURL → { fileList } — read
 * Refused → 403 `{ code: 'STORAGE_EXCEED_AUTHORITY', message }` (per file for getTempFileURL).
 */
import type http from 'node:http';
import { drain, HttpError, parseJson, readBody, sendJson } from '../http';
import { contentTypeOf, MAX_CLIENT_UPLOAD_BYTES, validateCloudPath, type Storage } from '../storage';
import { authOf, type Auth, type SecurityRules } from './rules';

const REFUSED = 'STORAGE_EXCEED_AUTHORITY';
/** Temporary URLs a client may get live as long as the SDK's default; the rules decide whether it gets one. */
const CLIENT_TEMP_URL_MAX_AGE_S = 7200;

function openidParam(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !/^[\w-]{1,64}$/.test(value)) {
    throw new HttpError(400, 'INVALID_PARAM', 'openid must be a short string of letters, digits, _ or -');
  }
  return value;
}

async function resourceOf(storage: Storage, cloudPath: string): Promise<{ path: string; openid?: string }> {
  const meta = (await storage.exists(cloudPath)) ? await storage.metaOf(cloudPath) : null;
  return { path: cloudPath, ...(meta?.openid ? { openid: meta.openid } : {}) };
}

async function mayRead(rules: SecurityRules, storage: Storage, auth: Auth, cloudPath: string): Promise<boolean> {
  return rules.mayRead(auth, await resourceOf(storage, cloudPath));
}

/**
 * Checks a client upload before it is stored: the resource is the file already at that path (its owner), or
 * the new file, owned by the uploader. A missing openid or an invalid path is left to the upload itself to
 * refuse (400: the H5 upload always names its user).
 */
export async function checkClientUpload(
  rules: SecurityRules,
  storage: Storage,
  req: http.IncomingMessage,
  url: URL,
): Promise<void> {
  const openid = openidParam(url.searchParams.get('openid'));
  if (!openid) return;
  let cloudPath: string;
  try {
    cloudPath = validateCloudPath(url.searchParams.get('cloudPath') ?? '');
  } catch {
    return;
  }
  const existing = (await storage.exists(cloudPath)) ? await resourceOf(storage, cloudPath) : null;
  const resource = existing ?? { path: cloudPath, openid };
  if (rules.mayWrite(authOf(openid), resource)) return;
  await drain(req, MAX_CLIENT_UPLOAD_BYTES);
  throw new HttpError(403, REFUSED, `the storage rules (storage.json "write") refuse this upload: ${cloudPath}`);
}

/** GET /_emu/client/download?openid=&fileID= */
export async function clientDownload(rules: SecurityRules, storage: Storage, res: http.ServerResponse, url: URL): Promise<void> {
  const auth = authOf(openidParam(url.searchParams.get('openid')));
  const cloudPath = storage.cloudPathOf(url.searchParams.get('fileID'));
  if (cloudPath === null) throw new HttpError(400, 'INVALID_PARAM', 'fileID must be a cloud:// file id of this environment');
  if (!(await mayRead(rules, storage, auth, cloudPath))) {
    throw new HttpError(403, REFUSED, `the storage rules (storage.json "read") refuse this download: ${cloudPath}`);
  }
  const data = await storage.readFile(cloudPath);
  if (!data) throw new HttpError(404, 'STORAGE_FILE_NONEXIST', `storage file not exists: ${cloudPath}`);
  const meta = await storage.metaOf(cloudPath);
  res.writeHead(200, {
    'content-type': meta?.contentType ?? contentTypeOf(cloudPath),
    'content-length': String(data.length),
    'x-content-type-options': 'nosniff',
  });
  res.end(data);
}

/** POST /_emu/client/getTempFileURL { openid?, fileList: [fileID | { fileID, maxAge? }] } */
export async function clientTempFileUrl(
  rules: SecurityRules,
  storage: Storage,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const body = parseJson(await readBody(req, 64 * 1024));
  const auth = authOf(openidParam(body.openid));
  if (!Array.isArray(body.fileList) || body.fileList.length > 50) {
    throw new HttpError(400, 'INVALID_PARAM', 'fileList must be an array of at most 50 file ids');
  }
  const fileList = [];
  for (const item of body.fileList as unknown[]) {
    const fileID = item && typeof item === 'object' ? (item as { fileID?: unknown }).fileID : item;
    const cloudPath = storage.cloudPathOf(fileID);
    if (cloudPath === null || !(await storage.exists(cloudPath))) {
      fileList.push({ fileID, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST' });
    } else if (!(await mayRead(rules, storage, auth, cloudPath))) {
      fileList.push({ fileID, tempFileURL: '', status: -1, errMsg: REFUSED });
    } else {
      fileList.push({ fileID, tempFileURL: storage.tempUrlOf(cloudPath, CLIENT_TEMP_URL_MAX_AGE_S), status: 0, errMsg: 'ok' });
    }
  }
  sendJson(res, 200, { fileList });
}

/** Routes /_emu/client/{download,getTempFileURL}; false when the URL is neither. */
export async function handleClientStorage(
  rules: SecurityRules,
  storage: Storage,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<boolean> {
  if (url.pathname === '/_emu/client/download' && req.method === 'GET') {
    await clientDownload(rules, storage, res, url);
    return true;
  }
  if (url.pathname === '/_emu/client/getTempFileURL' && req.method === 'POST') {
    await clientTempFileUrl(rules, storage, req, res);
    return true;
  }
  return false;
}
