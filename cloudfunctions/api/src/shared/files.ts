/**
 * Files in cloud storage. The app uploads to `uploads/<openid>/…` (wx.cloud.uploadFile on weapp, the local
 * cloud's client upload on H5) and sends the fileID; the function accepts only files under the caller's own
 * folder, and hands files out only as short-lived URLs to those entitled to them. Clients can read nothing
 * directly (config/security/storage.json: "read": false). Exports live EXPORT_LIFETIME_MS, then the cron
 * deletes them.
 */
import { command, findMany, getCloud, insert, removeWhere } from '../db';
import { fail } from '../errors';
import { CORE_COLLECTIONS } from './collections';

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

/** How long an Excel export (rosters, results, statistics) stays in storage: the cron deletes it after this. */
export const EXPORT_LIFETIME_MS = 24 * 3600_000;
/** WeChat Cloud deletes at most 50 files per deleteFile call. */
const DELETE_BATCH = 50;

interface ExportRecord extends Record<string, unknown> {
  _id: string;
  fileID: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Records an export just written, so that the cron can find it (the server-side SDK cannot list storage). */
export async function recordExport(fileID: string, now: Date): Promise<void> {
  await insert(CORE_COLLECTIONS.fileExports, {
    fileID,
    createdAt: now,
    expiresAt: new Date(now.getTime() + EXPORT_LIFETIME_MS),
  });
}

/**
 * The cron task: exports older than EXPORT_LIFETIME_MS are deleted from storage, then their records.
 * Safe to run twice (a file already gone is fine); at most 500 per run, the rest on the next tick.
 */
export async function deleteExpiredExports(now: Date): Promise<Record<string, number>> {
  const _ = command();
  let deleted = 0;
  for (let round = 0; round < 10; round += 1) {
    const due = await findMany<ExportRecord>(
      CORE_COLLECTIONS.fileExports,
      { expiresAt: _.lte(now) },
      { orderBy: [['expiresAt', 'asc']], limit: DELETE_BATCH },
    );
    if (!due.length) break;
    await getCloud().deleteFile({ fileList: due.map((d) => d.fileID) });
    deleted += await removeWhere(CORE_COLLECTIONS.fileExports, { _id: _.in(due.map((d) => d._id)) });
    if (due.length < DELETE_BATCH) break;
  }
  return { deleted };
}
