/**
 * Files in cloud storage. The app uploads to `uploads/<openid>/…` (wx.cloud.uploadFile on weapp, the local
 * cloud's client upload on H5) and sends the fileID; the function accepts only files under the caller's own
 * folder, and hands files out only as short-lived URLs to those entitled to them.
 */
import { getCloud } from '../db';
import { fail } from '../errors';

const FILE_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/uploads\/([A-Za-z0-9_-]{1,64})\/[A-Za-z0-9._-]{1,120}$/;

/** Checks that `fileId` is a file the caller uploaded (their own uploads folder). */
export function checkOwnUpload(fileId: string, openid: string, field = 'fileId'): void {
  const match = FILE_ID.exec(fileId);
  if (!match || match[1] !== openid) throw fail('INVALID_INPUT', '文件无效，请重新上传', { field });
}

export const fileIdPattern = FILE_ID;

/** WeChat refuses a getTempFileURL call for more than 50 files (INVALID_PARAM). */
export const TEMP_URL_BATCH = 50;

/**
 * Short-lived download URLs (the cloud's default life, ~2 hours at most) for the given files, in order;
 * asked for 50 files at a time, the most one call may name.
 */
export async function temporaryUrls(fileIds: string[], maxAgeSeconds = 600): Promise<string[]> {
  if (!fileIds.length) return [];
  const unique = [...new Set(fileIds)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += TEMP_URL_BATCH) batches.push(unique.slice(i, i + TEMP_URL_BATCH));
  const answers = await Promise.all(
    batches.map(
      (batch) =>
        getCloud().getTempFileURL({
          fileList: batch.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })),
        }) as Promise<{ fileList: Array<{ fileID: string; tempFileURL: string }> }>,
    ),
  );
  const byId = new Map(answers.flatMap((res) => res.fileList.map((f) => [f.fileID, f.tempFileURL] as const)));
  return fileIds.map((id) => byId.get(id) ?? '');
}
