/**
 * Uploads a file the person picked (Taro.chooseImage) to cloud storage under `uploads/<openid>/`, the
 * only folder the function accepts files from, and resolves with its fileID.
 *  - weapp: Taro.cloud.uploadFile (WeChat puts it in the caller's cloud environment as that user);
 *  - H5: the local cloud's client upload, `POST {LOCAL_CLOUD_URL}/_emu/client/upload?openid=&cloudPath=`
 *    with the raw bytes → `{ fileID }` (the dev identity is the uploader).
 */
import Taro from '@tarojs/taro';
import { getDevOpenid } from '../dev/identity';
import { ApiError, networkError, withTimeout } from './envelope';

const UPLOAD_TIMEOUT_MS = 60_000;

/** A storage name for a picked file: time-based, keeping a safe extension (jpg/png/webp/gif). */
export function uploadName(filePath: string, now: number = Date.now()): string {
  const ext = /\.(jpe?g|png|webp|gif)(?:$|\?)/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg';
  const rand = Math.random().toString(36).slice(2, 8);
  return `${now.toString(36)}-${rand}.${ext === 'jpeg' ? 'jpg' : ext}`;
}

async function uploadWeapp(filePath: string, cloudPath: string): Promise<string> {
  const res = await withTimeout(Taro.cloud.uploadFile({ cloudPath, filePath }) as Promise<{ fileID: string }>, UPLOAD_TIMEOUT_MS);
  return res.fileID;
}

async function uploadH5(bytes: Blob, cloudPath: string, openid: string, failText: string): Promise<string> {
  const base = process.env.LOCAL_CLOUD_URL || '';
  const query = `openid=${encodeURIComponent(openid)}&cloudPath=${encodeURIComponent(cloudPath)}`;
  const res = await withTimeout(
    fetch(`${base}/_emu/client/upload?${query}`, {
      method: 'POST',
      headers: { 'content-type': bytes.type || 'application/octet-stream' },
      body: bytes,
    }),
    UPLOAD_TIMEOUT_MS,
  );
  const body = (await res.json().catch(() => null)) as { fileID?: string } | null;
  if (!res.ok || !body?.fileID) throw new ApiError('UPLOAD_FAILED', failText);
  return body.fileID;
}

/** Who uploads: the session's openid, or on H5 the dev identity. */
export function uploaderOf(openid: string): string {
  return process.env.TARO_ENV === 'h5' ? getDevOpenid() || openid : openid;
}

/**
 * Sends what the person picked to `cloudPath` and resolves with its fileID: on H5 its bytes (read inside, so that a
 * failed read is a network error too), on weapp its temp path. A failure that is not the storage's own answer reads
 * as a network error.
 */
export async function uploadPicked(
  picked: { path: string } | { bytes: () => Promise<Blob> },
  cloudPath: (bytes?: Blob) => string,
  uploader: string,
  failText = '图片上传失败，请重试',
): Promise<string> {
  try {
    if ('path' in picked) return await uploadWeapp(picked.path, cloudPath());
    const bytes = await picked.bytes();
    return await uploadH5(bytes, cloudPath(bytes), uploader, failText);
  } catch (e) {
    throw e instanceof ApiError ? e : networkError();
  }
}

/** The bytes behind an H5 blob: URL (what chooseImage and chooseMessageFile give there). */
export function bytesOf(url: string): () => Promise<Blob> {
  return async () => (await fetch(url)).blob();
}

/** Uploads one image as `openid` (the session's; H5 uses the dev identity) and resolves with its fileID. */
export async function uploadImage(filePath: string, openid: string): Promise<string> {
  const uploader = uploaderOf(openid);
  const picked = process.env.TARO_ENV === 'h5' ? { bytes: bytesOf(filePath) } : { path: filePath };
  return uploadPicked(picked, () => `uploads/${uploader}/${uploadName(filePath)}`, uploader);
}

/**
 * Uploads a document the person picked — an .xlsx / .csv list: on weapp a temp path (chooseMessageFile), on H5
 * the File of a file input — keeping its extension, and resolves with its fileID.
 */
export async function uploadDocument(file: { path: string } | File, name: string, openid: string): Promise<string> {
  const uploader = uploaderOf(openid);
  const ext = /\.(xlsx|csv)$/i.exec(name)?.[1]?.toLowerCase() ?? 'xlsx';
  const cloudPath = `uploads/${uploader}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext}`;
  const picked =
    process.env.TARO_ENV === 'h5' ? { bytes: () => Promise.resolve(file as File) } : { path: (file as { path: string }).path };
  return uploadPicked(picked, () => cloudPath, uploader);
}
