/** Cloud paths and file ids of the local cloud's storage: validation, encoding, content types. */
import path from 'node:path';

export interface StorageError {
  code: string;
  message: string;
}

export const storageError = (code: string, message: string): StorageError => ({ code, message });

/** Bucket name in the fileIDs the local cloud hands out: `cloud://<env>.local-bucket/<cloudPath>`. */
export const BUCKET = 'local-bucket';
const MAX_PATH_LENGTH = 1024;

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
export function encodePath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/');
}

export function decodeSegments(encoded: string): string | null {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}

/** `cloud://<envId>.local-bucket/<cloudPath>` */
export function fileIdOf(envId: string, cloudPath: string): string {
  return `cloud://${envId}.${BUCKET}/${cloudPath}`;
}

/**
 * The cloud path of a fileID of this environment, or null if it is not one (other env, not a cloud:// id,
 * or an invalid path). Any bucket name is accepted so ids copied from a real environment's data with the
 * same env id still resolve.
 */
export function cloudPathOf(envId: string, fileId: unknown): string | null {
  if (typeof fileId !== 'string') return null;
  const m = /^cloud:\/\/([^/.]+)\.([^/]+)\/(.+)$/.exec(fileId);
  if (!m || m[1] !== envId) return null;
  try {
    return validateCloudPath(m[3]);
  } catch {
    return null;
  }
}
