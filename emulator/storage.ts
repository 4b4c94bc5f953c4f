/**
 * Cloud storage of the local cloud: files on local disk (`<dir>/files/<cloudPath>`) or in memory (dir = null).
 *
 * Wire format (what @cloudbase/node-sdk, used by wx-server-sdk, sends and reads):
 *  - `storage.getUploadMetadata` { path, method: 'put' } → data { url, token, authorization, fileId, cosFileId }.
 *    The SDK then PUTs the raw bytes to `url` (headers Signature/authorization, x-cos-security-token = token,
 *    x-cos-meta-fileid = cosFileId, key) and parses the answer body as XML: empty body = success,
 *    `<Error><Code/><Message/><RequestId/><TraceId/></Error>` = failure (the HTTP status is not looked at).
 *  - `storage.batchGetDownloadUrl` { file_list: [{ fileid, max_age?, url_type? }] }
 *    → data.download_list [{ fileID, tempFileURL, code: 'SUCCESS' | error code, maxAge }].
 *    downloadFile GETs `encodeURI(tempFileURL)` (so the URL may arrive percent-encoded twice) and wants 200;
 *    getFileInfo sends HEAD and reads content-length / content-type.
 *  - `storage.batchDeleteFile` { fileid_list: [fileID] } → data.delete_list [{ fileID, code }].
 *
 * URLs handed out (served by handleHttp under /_storage/):
 *  - upload:   `${baseUrl}/_storage/upload/<encoded path>?token=<expires ms>.<HMAC>` — ~10 minutes, one PUT, ≤ 50 MB.
 *  - download: `${baseUrl}/_storage/files/<encoded path>?expires=<unix ms>&sign=<HMAC>`.
 * The HMAC key is random per process, so URLs from an earlier run stop working after a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface StorageOptions {
  dir: string | null;
  envId: string;
  /** http://127.0.0.1:PORT — known after listen. */
  baseUrl: () => string;
}

export interface StorageError {
  code: string;
  message: string;
}

export const BUCKET = 'local-bucket';
export const UPLOAD_TTL_MS = 10 * 60 * 1000;
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_AGE_S = 86400;
const MAX_PATH_LENGTH = 1024;
/** Past this many bytes an oversized upload is no longer drained: the connection is closed. */
const DRAIN_LIMIT_BYTES = 4 * MAX_UPLOAD_BYTES;

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml',
  zip: 'application/zip',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

/** Content type served for a cloud path, from its extension (application/octet-stream when unknown). */
export function contentTypeOf(cloudPath: string): string {
  const ext = path.posix.extname(cloudPath).slice(1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

function storageError(code: string, message: string): StorageError {
  return { code, message };
}

/** Checks a cloud path; returns it unchanged or throws { code: 'INVALID_PARAM' }. */
export function validateCloudPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw storageError('INVALID_PARAM', 'cloudPath must be a non-empty string');
  }
  if (value.length > MAX_PATH_LENGTH) {
    throw storageError('INVALID_PARAM', `cloudPath is longer than ${MAX_PATH_LENGTH} characters`);
  }
  if (value.includes('\\')) {
    throw storageError('INVALID_PARAM', `cloudPath must not contain backslashes: ${value}`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw storageError('INVALID_PARAM', `cloudPath must not contain control characters: ${JSON.stringify(value)}`);
  }
  if (value.startsWith('/')) {
    throw storageError('INVALID_PARAM', `cloudPath must be relative (no leading "/"): ${value}`);
  }
  for (const segment of value.split('/')) {
    if (segment === '') throw storageError('INVALID_PARAM', `cloudPath must not contain empty segments: ${value}`);
    if (segment === '..' || segment === '.') {
      throw storageError('INVALID_PARAM', `cloudPath must not contain "." or ".." segments: ${value}`);
    }
  }
  return value;
}

/** Percent-encodes each segment of a cloud path (keeps the "/" separators). */
function encodePath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/');
}

function decodeSegments(encoded: string): string | null {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}

interface MemoryFile {
  data: Buffer;
  modified: Date;
}

interface FileInfo {
  size: number;
  modified: Date;
}

export class Storage {
  private readonly filesRoot: string | null;
  private readonly envId: string;
  private readonly baseUrl: () => string;
  private readonly key = crypto.randomBytes(32);
  private readonly memory = new Map<string, MemoryFile>();
  /** Upload tokens already used (token → expiry ms), so each upload URL takes a single PUT. */
  private readonly usedTokens = new Map<string, number>();

  constructor(options: StorageOptions) {
    this.envId = options.envId;
    this.baseUrl = options.baseUrl;
    this.filesRoot = options.dir ? path.resolve(options.dir, 'files') : null;
    if (this.filesRoot) fs.mkdirSync(this.filesRoot, { recursive: true });
  }

  // ---------------------------------------------------------------- ids and URLs

  /** `cloud://<envId>.local-bucket/<cloudPath>` */
  fileIdOf(cloudPath: string): string {
    return `cloud://${this.envId}.${BUCKET}/${cloudPath}`;
  }

  /**
   * The cloud path of a fileID of this environment, or null if it is not one (other env, not a cloud:// id,
   * or an invalid path). Any bucket name is accepted so ids copied from a real environment's data with the
   * same env id still resolve.
   */
  cloudPathOf(fileId: unknown): string | null {
    if (typeof fileId !== 'string') return null;
    const m = /^cloud:\/\/([^/.]+)\.([^/]+)\/(.+)$/.exec(fileId);
    if (!m || m[1] !== this.envId) return null;
    try {
      return validateCloudPath(m[3]);
    } catch {
      return null;
    }
  }

  private hmac(...parts: string[]): string {
    return crypto.createHmac('sha256', this.key).update(parts.join('\n')).digest('hex');
  }

  private sameHmac(a: string, b: string): boolean {
    const ba = Buffer.from(a);
    const bb = Buffer.from(b);
    return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
  }

  /** A signed download URL valid for maxAgeSeconds. */
  tempUrlOf(cloudPath: string, maxAgeSeconds = DEFAULT_MAX_AGE_S): string {
    const expires = Date.now() + Math.round(maxAgeSeconds * 1000);
    const sign = this.hmac('download', cloudPath, String(expires));
    return `${this.baseUrl()}/_storage/files/${encodePath(cloudPath)}?expires=${expires}&sign=${sign}`;
  }

  private uploadToken(cloudPath: string): string {
    const expires = Date.now() + UPLOAD_TTL_MS;
    return `${expires}.${this.hmac('upload', cloudPath, String(expires))}`;
  }

  // ---------------------------------------------------------------- file access (also usable by the server)

  private diskPath(cloudPath: string): string {
    const root = this.filesRoot as string;
    const full = path.resolve(root, ...cloudPath.split('/'));
    if (full !== root && !full.startsWith(root + path.sep)) {
      throw storageError('INVALID_PARAM', `cloudPath escapes the storage folder: ${cloudPath}`);
    }
    return full;
  }

  private async info(cloudPath: string): Promise<FileInfo | null> {
    if (!this.filesRoot) {
      const f = this.memory.get(cloudPath);
      return f ? { size: f.data.length, modified: f.modified } : null;
    }
    try {
      const st = await fs.promises.stat(this.diskPath(cloudPath));
      return st.isFile() ? { size: st.size, modified: st.mtime } : null;
    } catch {
      return null;
    }
  }

  /** True if the file exists. */
  async exists(cloudPath: string): Promise<boolean> {
    return (await this.info(validateCloudPath(cloudPath))) !== null;
  }

  /** The file's bytes, or null if it does not exist. */
  async readFile(cloudPath: string): Promise<Buffer | null> {
    validateCloudPath(cloudPath);
    if (!this.filesRoot) return this.memory.get(cloudPath)?.data ?? null;
    try {
      return await fs.promises.readFile(this.diskPath(cloudPath));
    } catch {
      return null;
    }
  }

  /** Stores a file (replacing any file at that path) and returns its fileID. */
  async writeFile(cloudPath: string, data: Buffer): Promise<string> {
    validateCloudPath(cloudPath);
    if (!this.filesRoot) {
      this.memory.set(cloudPath, { data: Buffer.from(data), modified: new Date() });
      return this.fileIdOf(cloudPath);
    }
    const target = this.diskPath(cloudPath);
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.uploading-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
      await fs.promises.writeFile(tmp, data);
      try {
        await fs.promises.rename(tmp, target);
      } catch (e) {
        await fs.promises.rm(tmp, { force: true });
        throw e;
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') {
        throw storageError('INVALID_PARAM', `cloudPath conflicts with an existing file or folder: ${cloudPath}`);
      }
      throw e;
    }
    return this.fileIdOf(cloudPath);
  }

  /** Deletes a file; false if it did not exist. Empty parent folders are removed too. */
  async deleteFile(cloudPath: string): Promise<boolean> {
    validateCloudPath(cloudPath);
    if (!this.filesRoot) return this.memory.delete(cloudPath);
    const target = this.diskPath(cloudPath);
    try {
      const st = await fs.promises.stat(target);
      if (!st.isFile()) return false;
      await fs.promises.unlink(target);
    } catch {
      return false;
    }
    let parent = path.dirname(target);
    while (parent !== this.filesRoot && parent.startsWith(this.filesRoot + path.sep)) {
      try {
        await fs.promises.rmdir(parent); // fails (and stops) when not empty
      } catch {
        break;
      }
      parent = path.dirname(parent);
    }
    return true;
  }

  // ---------------------------------------------------------------- storage.* actions

  async handleAction(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    switch (action) {
      case 'storage.getUploadMetadata':
        return this.getUploadMetadata(params);
      case 'storage.batchGetDownloadUrl':
        return this.batchGetDownloadUrl(params);
      case 'storage.batchDeleteFile':
        return this.batchDeleteFile(params);
      default:
        throw storageError('INVALID_ACTION', `${action} is not emulated by the local cloud`);
    }
  }

  private getUploadMetadata(params: Record<string, unknown>): Record<string, unknown> {
    const cloudPath = validateCloudPath(params.path);
    const token = this.uploadToken(cloudPath);
    const fileId = this.fileIdOf(cloudPath);
    return {
      data: {
        url: `${this.baseUrl()}/_storage/upload/${encodePath(cloudPath)}?token=${token}`,
        token,
        authorization: token,
        fileId,
        cosFileId: crypto.randomBytes(12).toString('hex'),
      },
    };
  }

  private async batchGetDownloadUrl(params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const list = params.file_list;
    if (!Array.isArray(list)) throw storageError('INVALID_PARAM', 'file_list must be an array');
    const download_list = [];
    for (const item of list) {
      const entry = (item && typeof item === 'object' ? item : { fileid: item }) as Record<string, unknown>;
      const fileID = entry.fileid;
      let maxAge = DEFAULT_MAX_AGE_S;
      if (entry.max_age !== undefined && entry.max_age !== null) {
        const n = Number(entry.max_age);
        if (!Number.isFinite(n) || n <= 0) {
          download_list.push({
            fileID,
            tempFileURL: '',
            code: 'INVALID_PARAM',
            message: `maxAge must be a positive number of seconds: ${String(entry.max_age)}`,
            maxAge: entry.max_age,
          });
          continue;
        }
        maxAge = n;
      }
      const cloudPath = this.cloudPathOf(fileID);
      if (cloudPath === null || !(await this.info(cloudPath))) {
        // `message` is what downloadFile reports (it rejects with this item when code is not SUCCESS).
        download_list.push({
          fileID,
          tempFileURL: '',
          code: 'STORAGE_FILE_NONEXIST',
          message: `storage file not exists: ${String(fileID)}`,
          maxAge,
        });
        continue;
      }
      download_list.push({ fileID, tempFileURL: this.tempUrlOf(cloudPath, maxAge), code: 'SUCCESS', maxAge });
    }
    return { data: { download_list } };
  }

  private async batchDeleteFile(params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const list = params.fileid_list;
    if (!Array.isArray(list)) throw storageError('INVALID_PARAM', 'fileid_list must be an array');
    const delete_list = [];
    for (const fileID of list) {
      const cloudPath = this.cloudPathOf(fileID);
      const deleted = cloudPath !== null && (await this.deleteFile(cloudPath));
      delete_list.push({ fileID, code: deleted ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' });
    }
    return { data: { delete_list } };
  }

  // ---------------------------------------------------------------- HTTP: /_storage/upload/*, /_storage/files/*

  async handleHttp(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const p = url.pathname;
    let kind: 'upload' | 'files';
    let rawPath: string;
    if (p.startsWith('/_storage/upload/')) {
      kind = 'upload';
      rawPath = p.slice('/_storage/upload/'.length);
    } else if (p.startsWith('/_storage/files/')) {
      kind = 'files';
      rawPath = p.slice('/_storage/files/'.length);
    } else if (p === '/_storage' || p.startsWith('/_storage/')) {
      await drain(req);
      sendXmlError(res, 404, 'NoSuchKey', 'Unknown storage URL');
      return true;
    } else {
      return false;
    }

    if (req.method === 'OPTIONS') {
      await drain(req);
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': kind === 'upload' ? 'PUT, OPTIONS' : 'GET, HEAD, OPTIONS',
        'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '*'),
        'access-control-max-age': '600',
      });
      res.end();
      return true;
    }

    try {
      if (kind === 'upload') await this.serveUpload(req, res, rawPath, url);
      else await this.serveDownload(req, res, rawPath, url);
    } catch (e) {
      if (!res.headersSent) {
        const se = e as Partial<StorageError>;
        if (se && se.code === 'INVALID_PARAM') sendXmlError(res, 400, 'InvalidArgument', String(se.message));
        else sendXmlError(res, 500, 'InternalError', e instanceof Error ? e.message : String(e));
      } else {
        res.destroy();
      }
    }
    return true;
  }

  /**
   * Resolves the cloud path of a signed URL. The path may arrive encoded once (as handed out) or twice
   * (downloadFile/getFileInfo apply encodeURI to the URL); the signature decides which reading is meant.
   */
  private signedPath(rawPath: string, check: (cloudPath: string) => boolean): string | null {
    let current = rawPath;
    for (let i = 0; i < 3; i++) {
      const decoded = decodeSegments(current);
      if (decoded === null) return null;
      if (check(decoded)) return decoded;
      if (decoded === current) return null;
      current = decoded;
    }
    return null;
  }

  private async serveUpload(req: IncomingMessage, res: ServerResponse, rawPath: string, url: URL): Promise<void> {
    if (req.method !== 'PUT') {
      await drain(req);
      sendXmlError(res, 405, 'MethodNotAllowed', 'Upload URLs take a single PUT of the file bytes');
      return;
    }
    const token = url.searchParams.get('token') ?? String(req.headers['x-cos-security-token'] ?? '');
    const dot = token.indexOf('.');
    const expires = Number(token.slice(0, dot));
    const mac = token.slice(dot + 1);
    const cloudPath =
      dot > 0 && Number.isFinite(expires)
        ? this.signedPath(rawPath, (cp) => this.sameHmac(mac, this.hmac('upload', cp, String(expires))))
        : null;
    if (cloudPath === null) {
      await drain(req);
      sendXmlError(res, 403, 'AccessDenied', 'Invalid upload URL signature');
      return;
    }
    const now = Date.now();
    if (expires < now) {
      await drain(req);
      sendXmlError(res, 403, 'AccessDenied', 'Upload URL expired: ask for a new one (storage.getUploadMetadata)');
      return;
    }
    for (const [t, exp] of this.usedTokens) if (exp < now) this.usedTokens.delete(t);
    if (this.usedTokens.has(token)) {
      await drain(req);
      sendXmlError(res, 403, 'AccessDenied', 'Upload URL already used: each upload URL takes a single PUT');
      return;
    }
    validateCloudPath(cloudPath);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
      await drain(req, DRAIN_LIMIT_BYTES);
      sendXmlError(res, 413, 'EntityTooLarge', `File is larger than the ${MAX_UPLOAD_BYTES} bytes limit`);
      return;
    }
    this.usedTokens.set(token, expires);
    const body = await readBody(req, MAX_UPLOAD_BYTES);
    if (body === 'too-large') {
      sendXmlError(res, 413, 'EntityTooLarge', `File is larger than the ${MAX_UPLOAD_BYTES} bytes limit`);
      return;
    }
    if (body === 'aborted') return;
    await this.writeFile(cloudPath, body);
    res.writeHead(200, {
      'content-length': '0',
      etag: `"${crypto.createHash('md5').update(body).digest('hex')}"`,
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'etag',
    });
    res.end();
  }

  private async serveDownload(req: IncomingMessage, res: ServerResponse, rawPath: string, url: URL): Promise<void> {
    await drain(req);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendXmlError(res, 405, 'MethodNotAllowed', 'Download URLs take GET or HEAD');
      return;
    }
    const expiresText = url.searchParams.get('expires') ?? '';
    const sign = url.searchParams.get('sign') ?? '';
    const expires = Number(expiresText);
    const cloudPath =
      expiresText && Number.isFinite(expires)
        ? this.signedPath(rawPath, (cp) => this.sameHmac(sign, this.hmac('download', cp, expiresText)))
        : null;
    if (cloudPath === null) {
      sendXmlError(res, 403, 'AccessDenied', 'Invalid download URL signature');
      return;
    }
    if (expires < Date.now()) {
      sendXmlError(res, 403, 'AccessDenied', 'Download URL expired: ask for a new one (getTempFileURL)');
      return;
    }
    const info = await this.info(cloudPath);
    if (!info) {
      sendXmlError(res, 404, 'NoSuchKey', `The file does not exist: ${cloudPath}`);
      return;
    }
    const headers: Record<string, string> = {
      'content-type': contentTypeOf(cloudPath),
      'content-length': String(info.size),
      'last-modified': info.modified.toUTCString(),
      'cache-control': 'private, max-age=0',
      'x-content-type-options': 'nosniff',
      'access-control-allow-origin': '*',
    };
    if (req.method === 'HEAD') {
      res.writeHead(200, headers);
      res.end();
      return;
    }
    if (!this.filesRoot) {
      res.writeHead(200, headers);
      res.end(this.memory.get(cloudPath)?.data ?? Buffer.alloc(0));
      return;
    }
    const stream = fs.createReadStream(this.diskPath(cloudPath));
    await new Promise<void>((resolve) => {
      stream.once('open', () => {
        res.writeHead(200, headers);
        stream.pipe(res);
      });
      stream.once('error', (e) => {
        if (!res.headersSent) sendXmlError(res, 404, 'NoSuchKey', `The file could not be read: ${e.message}`);
        else res.destroy(e);
        resolve();
      });
      stream.once('end', () => resolve());
      res.once('close', () => {
        stream.destroy();
        resolve();
      });
    });
  }
}

// ---------------------------------------------------------------- HTTP helpers

function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

/** A COS-style XML error (the SDK reads Code, Message, RequestId and TraceId of an upload answer). */
function sendXmlError(res: ServerResponse, status: number, code: string, message: string): void {
  const requestId = crypto.randomBytes(8).toString('hex');
  const body =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n  <Code>${xmlEscape(code)}</Code>\n` +
    `  <Message>${xmlEscape(message)}</Message>\n  <Resource>local-bucket</Resource>\n` +
    `  <RequestId>${requestId}</RequestId>\n  <TraceId>${requestId}</TraceId>\n</Error>\n`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': String(Buffer.byteLength(body)),
    'access-control-allow-origin': '*',
  });
  res.end(body);
}

/** Reads and discards a request body (up to limit bytes; past that the connection is closed). */
function drain(req: IncomingMessage, limit = 1024 * 1024): Promise<void> {
  if (req.readableEnded || req.complete) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) {
        req.socket.destroy();
        resolve();
      }
    });
    req.once('end', () => resolve());
    req.once('error', () => resolve());
    req.once('close', () => resolve());
  });
}

/** Reads a body of at most limit bytes; an oversized body is drained (so the 413 answer reaches the client). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > DRAIN_LIMIT_BYTES) {
          req.socket.destroy();
          resolve('aborted');
        }
        return;
      }
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.once('error', () => resolve('aborted'));
    req.once('close', () => {
      if (!req.complete) resolve('aborted');
    });
  });
}
