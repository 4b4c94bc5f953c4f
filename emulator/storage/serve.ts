/**
 * HTTP side of the local cloud's storage: the signed upload and download URLs under /_storage/.
 *  - Upload: the SDK PUTs the raw bytes (headers Signature/authorization, x-cos-security-token = token,
 *    x-cos-meta-fileid, key) and parses the answer body as XML: empty = success,
 *    `<Error><Code/><Message/><RequestId/><TraceId/></Error>` = failure (the HTTP status is not looked at).
 *  - Download: downloadFile GETs `encodeURI(tempFileURL)` (so the URL may arrive percent-encoded twice)
 *    and wants 200; getFileInfo sends HEAD and reads content-length / content-type.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterBody, drain, HttpError, readBody } from '../http';
import type { FileStore } from './files';
import { BUCKET, contentTypeOf, decodeSegments, type StorageError, validateCloudPath } from './paths';
import type { UrlSigner } from './signing';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Past this many bytes an oversized upload is no longer drained: the connection is closed. */
const DRAIN_LIMIT_BYTES = 4 * MAX_UPLOAD_BYTES;

function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

/** A COS-style XML error (the SDK reads Code, Message, RequestId and TraceId of an upload answer). */
export function sendXmlError(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  const requestId = crypto.randomBytes(8).toString('hex');
  const body =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n  <Code>${xmlEscape(code)}</Code>\n` +
    `  <Message>${xmlEscape(message)}</Message>\n  <Resource>${BUCKET}</Resource>\n` +
    `  <RequestId>${requestId}</RequestId>\n  <TraceId>${requestId}</TraceId>\n</Error>\n`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': String(Buffer.byteLength(body)),
    'access-control-allow-origin': '*',
  });
  res.end(body);
}

export class StorageHttp {
  constructor(
    private readonly files: FileStore,
    private readonly signer: UrlSigner,
    /** Whether the storage rules let anyone (no identity) read the file: plain links work then. */
    private readonly publicRead: (resource: { path: string; openid?: string }) => boolean = () => false,
  ) {}

  /** Serves /_storage/...; false when the URL is not a storage URL. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
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
      if (kind === 'upload') await this.upload(req, res, rawPath, url);
      else await this.download(req, res, rawPath, url);
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

  private async upload(req: IncomingMessage, res: ServerResponse, rawPath: string, url: URL): Promise<void> {
    if (req.method !== 'PUT') {
      await drain(req);
      sendXmlError(res, 405, 'MethodNotAllowed', 'Upload URLs take a single PUT of the file bytes');
      return;
    }
    const token = url.searchParams.get('token') ?? String(req.headers['x-cos-security-token'] ?? '');
    const { cloudPath, expires } = this.signer.checkUpload(rawPath, token);
    const refuse = async (message: string) => {
      await drain(req);
      sendXmlError(res, 403, 'AccessDenied', message);
    };
    if (cloudPath === null) return refuse('Invalid upload URL signature');
    if (expires < this.signer.now()) return refuse('Upload URL expired: ask for a new one (storage.getUploadMetadata)');
    if (!this.signer.useToken(token, expires)) return refuse('Upload URL already used: each upload URL takes a single PUT');
    validateCloudPath(cloudPath);
    let body: Buffer;
    try {
      body = await readBody(req, MAX_UPLOAD_BYTES, DRAIN_LIMIT_BYTES);
    } catch (error) {
      if (error instanceof HttpError && error.status === 413) {
        afterBody(req, res, () =>
          sendXmlError(res, 413, 'EntityTooLarge', `File is larger than the ${MAX_UPLOAD_BYTES} bytes limit`),
        );
      }
      return; // otherwise the client went away
    }
    await this.files.write(cloudPath, body);
    res.writeHead(200, {
      'content-length': '0',
      etag: `"${crypto.createHash('md5').update(body).digest('hex')}"`,
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'etag',
    });
    res.end();
  }

  private async download(req: IncomingMessage, res: ServerResponse, rawPath: string, url: URL): Promise<void> {
    await drain(req);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendXmlError(res, 405, 'MethodNotAllowed', 'Download URLs take GET or HEAD');
      return;
    }
    if (!url.searchParams.has('sign') && !url.searchParams.has('expires')) return this.publicDownload(req, res, rawPath);
    const { cloudPath, expires } = this.signer.checkDownload(
      rawPath,
      url.searchParams.get('expires') ?? '',
      url.searchParams.get('sign') ?? '',
    );
    if (cloudPath === null) return sendXmlError(res, 403, 'AccessDenied', 'Invalid download URL signature');
    if (expires < this.signer.now()) {
      return sendXmlError(res, 403, 'AccessDenied', 'Download URL expired: ask for a new one (getTempFileURL)');
    }
    await this.sendFile(req, res, cloudPath);
  }

  /**
   * A file's plain link, with no signature: what the cloud serves to anyone when the storage rules let
   * every user read (`"read": true`), and never otherwise. Such a link does not expire.
   */
  private async publicDownload(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    const decoded = decodeSegments(rawPath);
    const cloudPath = decoded === null ? null : validateCloudPath(decoded);
    const meta = cloudPath === null ? null : await this.files.meta(cloudPath);
    if (cloudPath === null || !this.publicRead({ path: cloudPath, ...(meta?.openid ? { openid: meta.openid } : {}) })) {
      return sendXmlError(res, 403, 'AccessDenied', 'This file is private: only a temporary URL (getTempFileURL) serves it');
    }
    await this.sendFile(req, res, cloudPath);
  }

  private async sendFile(req: IncomingMessage, res: ServerResponse, cloudPath: string): Promise<void> {
    const info = await this.files.info(cloudPath);
    if (!info) return sendXmlError(res, 404, 'NoSuchKey', `The file does not exist: ${cloudPath}`);
    const meta = await this.files.meta(cloudPath);
    const headers: Record<string, string> = {
      'content-type': meta?.contentType ?? contentTypeOf(cloudPath),
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
    if (this.files.inMemory) {
      res.writeHead(200, headers);
      res.end((await this.files.read(cloudPath)) ?? Buffer.alloc(0));
      return;
    }
    await pipeFile(this.files.diskPath(cloudPath), res, headers);
  }
}

function pipeFile(file: string, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const stream = fs.createReadStream(file);
  return new Promise<void>((resolve) => {
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
