import http from 'node:http';
import https from 'node:https';
import { fail } from '../../errors';
import { MAX_EVIDENCE_BYTES } from '../../rules/legalAid';
import { checkOwnUpload, temporaryUrls } from '../../shared/files';

const MB = MAX_EVIDENCE_BYTES / 1024 / 1024;

/**
 * The size of a stored file from a HEAD of its temporary URL (what the Node SDK's getFileInfo does; plain
 * http/https because WeChat Cloud's Node 16 runtime has no fetch). null when the file does not exist.
 */
function storedSize(url: string): Promise<number | null> {
  if (!url) return Promise.resolve(null);
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'HEAD', timeout: 3000 }, (res) => {
      res.resume();
      if (res.statusCode === 404 || res.statusCode === 403) return resolve(null);
      if (res.statusCode !== 200) return reject(new Error(`storage answered ${res.statusCode}`));
      resolve(Number(res.headers['content-length'] ?? NaN));
    });
    req.on('timeout', () => req.destroy(new Error('storage timeout')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Evidence must be the caller's own uploads (uploads/<openid>/…), each listed once, present in storage and at
 * most 10 MB: checked before anything is written, so a refused booking stores nothing. `field` and `label` name
 * the form's field in a refusal (a hazard's 现场照片 are `photos`, not 证据材料).
 */
export async function checkEvidence(
  fileIds: string[],
  openid: string,
  { field, label }: { field: string; label: string } = { field: 'evidence', label: '证据材料' },
): Promise<void> {
  for (const id of fileIds) checkOwnUpload(id, openid, field);
  if (new Set(fileIds).size !== fileIds.length) {
    throw fail('INVALID_INPUT', `「${label}」同一个文件添加了两次，请删除重复的文件`, { field });
  }
  if (!fileIds.length) return;
  const urls = await temporaryUrls(fileIds, 60);
  const sizes = await Promise.all(urls.map(storedSize));
  sizes.forEach((size, i) => {
    if (size === null) throw fail('INVALID_INPUT', `「${label}」第${i + 1}个文件不存在或已失效，请重新上传`, { field });
    if (!(size <= MAX_EVIDENCE_BYTES)) {
      throw fail('INVALID_INPUT', `「${label}」第${i + 1}个文件超过${MB}MB，请压缩或分页拍照后重新上传`, { field });
    }
  });
}
