/**
 * Profile photos. The app uploads to the member's own folder (`uploads/<openid>/…`, checkOwnUpload); on save each
 * new photo is copied to `matchmaking/photos/<random>.<ext>` and the profile keeps the copy. Why: a short-lived
 * download link carries the file's path, and a path with the openid in it would hand other members a stable
 * identifier of the person behind a nickname. Photos leave the function only as such links (temporaryUrls),
 * to viewers visibleProfile lets see them.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { getCloud } from '../../db';
import { fail } from '../../errors';
import { checkOwnUpload, fileIdPattern } from '../../shared/files';

/** A photo this module stored (a copy under a random name). */
const STORED_PHOTO = /^cloud:\/\/[A-Za-z0-9._-]+\/matchmaking\/photos\/[0-9a-f]{24}\.(jpg|png|webp|gif)$/;
const MAX_BYTES = 8 * 1024 * 1024;

export const photoIdField = z
  .string()
  .max(300)
  .refine((v) => fileIdPattern.test(v) || STORED_PHOTO.test(v), '照片无效，请重新上传');

/** The image type from the file's first bytes, or null for anything that is not a picture we accept. */
export function imageKind(bytes: Buffer): 'jpg' | 'png' | 'gif' | 'webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (bytes.length >= 6 && ['GIF87a', 'GIF89a'].includes(bytes.subarray(0, 6).toString('latin1'))) return 'gif';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp';
  return null;
}

/** Checks every photo first (kept ones must be the profile's, new ones the caller's uploads), nothing copied yet. */
export function checkPhotos(photos: readonly string[], current: readonly string[], openid: string): void {
  if (new Set(photos).size !== photos.length) throw fail('INVALID_INPUT', '照片不能重复', { field: 'photos' });
  photos.forEach((id, i) => {
    if (current.includes(id)) return;
    if (STORED_PHOTO.test(id)) throw fail('INVALID_INPUT', '照片无效，请重新上传', { field: `photos.${i}` });
    checkOwnUpload(id, openid, `photos.${i}`);
  });
}

/** The photos to store: kept ones as they are, new uploads copied under a random name. */
export async function adoptPhotos(photos: readonly string[], current: readonly string[]): Promise<string[]> {
  const cloud = getCloud();
  const out: string[] = [];
  for (const [i, id] of photos.entries()) {
    if (current.includes(id)) {
      out.push(id);
      continue;
    }
    const { fileContent } = (await cloud.downloadFile({ fileID: id })) as { fileContent: Buffer };
    const kind = imageKind(fileContent);
    if (!kind || fileContent.length > MAX_BYTES)
      throw fail('INVALID_INPUT', '照片须为8MB以内的JPG、PNG、GIF或WEBP图片', { field: `photos.${i}` });
    const cloudPath = `matchmaking/photos/${randomBytes(12).toString('hex')}.${kind}`;
    const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent })) as { fileID: string };
    out.push(fileID);
  }
  return out;
}

/** Removes stored copies a profile no longer uses (best effort: a leftover file is unreachable anyway). */
export async function dropPhotos(fileIds: readonly string[]): Promise<void> {
  const stored = fileIds.filter((id) => STORED_PHOTO.test(id));
  if (!stored.length) return;
  try {
    await getCloud().deleteFile({ fileList: stored });
  } catch {
    // Nothing links to them any more; a storage hiccup must not fail the member's save.
  }
}
