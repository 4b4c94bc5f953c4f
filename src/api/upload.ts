import Taro from '@tarojs/taro';
import { getDevOpenid } from '../dev/identity';
import { ApiError, networkError, withTimeout } from './envelope';

/** Where the function accepts a caller's own files: `uploads/<openid>/<name>` (shared/files.ts checkOwnUpload). */
function cloudPathFor(openid: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-60);
  return `uploads/${openid}/${Date.now().toString(36)}-${safe}`;
}

/**
 * Uploads a file the user picked to cloud storage under their own folder and returns its fileID.
 * weapp: `Taro.cloud.uploadFile` with the temp path (chooseMessageFile / chooseImage); H5: the File's bytes to
 * the local cloud's client upload (`POST /_emu/client/upload?openid=&cloudPath=`, as wx.cloud.uploadFile).
 */
export async function uploadOwnFile(file: { path: string } | File, name: string, openid: string): Promise<string> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const who = getDevOpenid();
      const body = file as File;
      const url = `${process.env.LOCAL_CLOUD_URL || ''}/_emu/client/upload?openid=${encodeURIComponent(who)}&cloudPath=${encodeURIComponent(cloudPathFor(who, name))}`;
      const res = await withTimeout(
        fetch(url, { method: 'POST', headers: { 'content-type': body.type || 'application/octet-stream' }, body }),
        30000,
      );
      const answer = (await res.json().catch(() => null)) as { fileID?: string } | null;
      if (!res.ok || !answer?.fileID) throw new ApiError('UPLOAD', '文件上传失败，请重试');
      return answer.fileID;
    }
    const res = await withTimeout(
      Taro.cloud.uploadFile({ cloudPath: cloudPathFor(openid, name), filePath: (file as { path: string }).path }) as Promise<{
        fileID: string;
      }>,
      30000,
    );
    return res.fileID;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw networkError();
  }
}
