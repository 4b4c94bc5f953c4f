/**
 * Evidence uploads to cloud storage under `uploads/<openid>/`, the only folder the function accepts:
 *  - weapp: Taro.cloud.uploadFile (the file belongs to the member in the cloud environment);
 *  - H5 (development on the local cloud): its client upload, `POST /_emu/client/upload?openid=&cloudPath=`.
 * Names are ASCII (time + random + extension): the function accepts only such file names.
 */
import Taro from '@tarojs/taro';
import { ApiError, networkError, withTimeout } from '../../api/envelope';
import { getDevOpenid } from '../../dev/identity';

const UPLOAD_TIMEOUT_MS = 60_000;

const MIME_EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/heic': 'heic' };

/** A storage name: time + random + the file's extension (from its path, or its type for H5's blob: URLs). */
export function evidenceName(filePath: string, kind: 'image' | 'pdf', mime = '', now = Date.now()): string {
  const fromPath = /\.(jpe?g|png|webp|heic)(?:$|\?)/i.exec(filePath)?.[1]?.toLowerCase();
  const ext = kind === 'pdf' ? 'pdf' : (fromPath ?? MIME_EXT[mime] ?? 'jpg');
  return `la-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext === 'jpeg' ? 'jpg' : ext}`;
}

async function uploadH5(filePath: string, kind: 'image' | 'pdf', openid: string): Promise<string> {
  const bytes = await (await fetch(filePath)).blob();
  const cloudPath = `uploads/${openid}/${evidenceName(filePath, kind, bytes.type)}`;
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
  if (!res.ok || !body?.fileID) throw new ApiError('UPLOAD_FAILED', '文件上传失败，请重试');
  return body.fileID;
}

/** Uploads one picked file as the member (`openid` from the session; H5 uses the dev identity). */
export async function uploadEvidence(filePath: string, kind: 'image' | 'pdf', openid: string): Promise<string> {
  try {
    if (process.env.TARO_ENV === 'h5') return await uploadH5(filePath, kind, getDevOpenid() || openid);
    const cloudPath = `uploads/${openid}/${evidenceName(filePath, kind)}`;
    const res = await withTimeout(
      Taro.cloud.uploadFile({ cloudPath, filePath }) as Promise<{ fileID: string }>,
      UPLOAD_TIMEOUT_MS,
    );
    return res.fileID;
  } catch (e) {
    throw e instanceof ApiError ? e : networkError();
  }
}
