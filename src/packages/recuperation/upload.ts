/**
 * Uploads a picked image to cloud storage under `uploads/<openid>/` (the only folder the function accepts
 * answers' files from) and resolves with its fileID: weapp through Taro.cloud.uploadFile, H5 through the
 * local cloud's client upload (`POST /_emu/client/upload`). A shared app helper is coming with the app-shell
 * rework; this one stays inside the subpackage until then.
 */
import Taro from '@tarojs/taro';
import { ApiError, networkError, withTimeout } from '../../api/envelope';
import { getDevOpenid } from '../../dev/identity';

const TIMEOUT_MS = 60_000;

function fileName(filePath: string): string {
  const ext = /\.(jpe?g|png|webp)(?:$|\?)/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg';
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext === 'jpeg' ? 'jpg' : ext}`;
}

export async function uploadImage(filePath: string, openid: string): Promise<string> {
  const h5 = process.env.TARO_ENV === 'h5';
  const owner = h5 ? getDevOpenid() || openid : openid;
  const cloudPath = `uploads/${owner}/${fileName(filePath)}`;
  try {
    if (!h5) {
      const res = (await withTimeout(
        Taro.cloud.uploadFile({ cloudPath, filePath }) as Promise<{ fileID: string }>,
        TIMEOUT_MS,
      )) as {
        fileID: string;
      };
      return res.fileID;
    }
    const bytes = await (await fetch(filePath)).blob();
    const query = `openid=${encodeURIComponent(owner)}&cloudPath=${encodeURIComponent(cloudPath)}`;
    const res = await withTimeout(
      fetch(`${process.env.LOCAL_CLOUD_URL || ''}/_emu/client/upload?${query}`, { method: 'POST', body: bytes }),
      TIMEOUT_MS,
    );
    const body = (await res.json().catch(() => null)) as { fileID?: string } | null;
    if (!res.ok || !body?.fileID) throw new ApiError('UPLOAD_FAILED', '图片上传失败，请重试');
    return body.fileID;
  } catch (e) {
    throw e instanceof ApiError ? e : networkError();
  }
}
