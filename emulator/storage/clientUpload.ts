/**
 * `POST /_emu/client/upload?openid=<openid>&cloudPath=<path>` with the file's bytes as the body (and its
 * content type): what `wx.cloud.uploadFile` does from the mini-program, for the H5 build. Answers
 * `{ fileID, statusCode: 200 }`; the file is stored with the uploader's openid, as the cloud keeps it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readBody, sendJson } from '../http';
import type { FileStore } from './files';
import { fileIdOf, validateCloudPath, type StorageError } from './paths';

/** Largest client upload accepted (the H5 app uploads photos of documents, not videos). */
export const MAX_CLIENT_UPLOAD_BYTES = 10 * 1024 * 1024;

export async function clientUpload(
  files: FileStore,
  envId: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const openid = url.searchParams.get('openid') ?? '';
  if (!/^[\w-]{1,64}$/.test(openid)) {
    throw new HttpError(400, 'INVALID_PARAM', 'openid must be a short string of letters, digits, _ or -');
  }
  let cloudPath: string;
  try {
    cloudPath = validateCloudPath(url.searchParams.get('cloudPath') ?? '');
  } catch (error) {
    throw new HttpError(400, 'INVALID_PARAM', (error as StorageError).message);
  }
  const body = await readBody(req, MAX_CLIENT_UPLOAD_BYTES);
  const contentType = req.headers['content-type'];
  await files.write(cloudPath, body, {
    openid,
    ...(contentType ? { contentType: String(contentType) } : {}),
    uploadedAt: new Date().toISOString(),
  });
  sendJson(res, 200, { fileID: fileIdOf(envId, cloudPath), statusCode: 200 });
}
