/**
 * Evidence uploads to cloud storage under `uploads/<openid>/`, the only folder the function accepts:
 *  - weapp: Taro.cloud.uploadFile (the file belongs to the member in the cloud environment);
 *  - H5 (development on the local cloud): its client upload, `POST /_emu/client/upload?openid=&cloudPath=`.
 * Names are ASCII (time + random + extension): the function accepts only such file names.
 */
import { bytesOf, uploaderOf, uploadPicked } from '../../api/upload';

const MIME_EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/heic': 'heic' };

/** A storage name: time + random + the file's extension (from its path, or its type for H5's blob: URLs). */
export function evidenceName(filePath: string, kind: 'image' | 'pdf', mime = '', now = Date.now()): string {
  const fromPath = /\.(jpe?g|png|webp|heic)(?:$|\?)/i.exec(filePath)?.[1]?.toLowerCase();
  const ext = kind === 'pdf' ? 'pdf' : (fromPath ?? MIME_EXT[mime] ?? 'jpg');
  return `la-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext === 'jpeg' ? 'jpg' : ext}`;
}

/** Uploads one picked file as the member (`openid` from the session; H5 uses the dev identity). */
export async function uploadEvidence(filePath: string, kind: 'image' | 'pdf', openid: string): Promise<string> {
  const uploader = uploaderOf(openid);
  const picked = process.env.TARO_ENV === 'h5' ? { bytes: bytesOf(filePath) } : { path: filePath };
  return uploadPicked(
    picked,
    (bytes) => `uploads/${uploader}/${evidenceName(filePath, kind, bytes?.type)}`,
    uploader,
    '文件上传失败，请重试',
  );
}
