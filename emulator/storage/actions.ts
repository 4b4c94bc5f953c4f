/**
 * The `storage.*` actions @cloudbase/node-sdk (used by wx-server-sdk) sends, in the shapes it reads:
 *  - `storage.getUploadMetadata` { path, method: 'put' } → data { url, token, authorization, fileId, cosFileId }.
 *    The SDK then PUTs the raw bytes to `url` (see ./serve.ts).
 *  - `storage.batchGetDownloadUrl` { file_list: [{ fileid, max_age?, url_type? }] }
 *    → data.download_list [{ fileID, tempFileURL, code: 'SUCCESS' | error code, maxAge }]; more than 50 files
 *    in one call are refused as the cloud refuses them ({ code: 'INVALID_PARAM', message: 'Invalid request param' }).
 *  - `storage.batchDeleteFile` { fileid_list: [fileID] } → data.delete_list [{ fileID, code }].
 */
import crypto from 'node:crypto';
import type { FileStore } from './files';
import { cloudPathOf, fileIdOf, storageError, validateCloudPath } from './paths';
import { DEFAULT_MAX_AGE_S, type UrlSigner } from './signing';

type Params = Record<string, unknown>;

/** Files per getTempFileURL call (WeChat: at most 50). */
export const MAX_TEMP_URL_FILES = 50;

export class StorageActions {
  constructor(
    private readonly envId: string,
    private readonly files: FileStore,
    private readonly signer: UrlSigner,
  ) {}

  async handle(action: string, params: Params): Promise<Record<string, unknown>> {
    switch (action) {
      case 'storage.getUploadMetadata':
        return this.getUploadMetadata(params);
      case 'storage.batchGetDownloadUrl':
        return this.batchGetDownloadUrl(params);
      case 'storage.batchDeleteFile':
        return this.batchDeleteFile(params);
      default:
        throw storageError('INVALID_ACTION', `${action} is not emulated by the local cloud`);
    }
  }

  private getUploadMetadata(params: Params): Record<string, unknown> {
    const cloudPath = validateCloudPath(params.path);
    const token = this.signer.uploadToken(cloudPath);
    return {
      data: {
        url: this.signer.uploadUrl(cloudPath, token),
        token,
        authorization: token,
        fileId: fileIdOf(this.envId, cloudPath),
        cosFileId: crypto.randomBytes(12).toString('hex'),
      },
    };
  }

  private async batchGetDownloadUrl(params: Params): Promise<Record<string, unknown>> {
    const list = params.file_list;
    if (!Array.isArray(list)) throw storageError('INVALID_PARAM', 'file_list must be an array');
    if (list.length > MAX_TEMP_URL_FILES) {
      throw storageError(
        'INVALID_PARAM',
        `Invalid request param (${list.length} files in one call; at most ${MAX_TEMP_URL_FILES})`,
      );
    }
    const download_list = [];
    for (const item of list) {
      const entry = (item && typeof item === 'object' ? item : { fileid: item }) as Params;
      const fileID = entry.fileid;
      let maxAge = DEFAULT_MAX_AGE_S;
      if (entry.max_age !== undefined && entry.max_age !== null) {
        const n = Number(entry.max_age);
        if (!Number.isFinite(n) || n <= 0) {
          download_list.push({
            fileID,
            tempFileURL: '',
            code: 'INVALID_PARAM',
            message: `maxAge must be a positive number of seconds: ${String(entry.max_age)}`,
            maxAge: entry.max_age,
          });
          continue;
        }
        maxAge = n;
      }
      const cloudPath = cloudPathOf(this.envId, fileID);
      if (cloudPath === null || !(await this.files.info(cloudPath))) {
        // `message` is what downloadFile reports (it rejects with this item when code is not SUCCESS).
        download_list.push({
          fileID,
          tempFileURL: '',
          code: 'STORAGE_FILE_NONEXIST',
          message: `storage file not exists: ${String(fileID)}`,
          maxAge,
        });
        continue;
      }
      download_list.push({ fileID, tempFileURL: this.signer.downloadUrl(cloudPath, maxAge), code: 'SUCCESS', maxAge });
    }
    return { data: { download_list } };
  }

  private async batchDeleteFile(params: Params): Promise<Record<string, unknown>> {
    const list = params.fileid_list;
    if (!Array.isArray(list)) throw storageError('INVALID_PARAM', 'fileid_list must be an array');
    const delete_list = [];
    for (const fileID of list) {
      const cloudPath = cloudPathOf(this.envId, fileID);
      const deleted = cloudPath !== null && (await this.files.delete(cloudPath));
      delete_list.push({ fileID, code: deleted ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' });
    }
    return { data: { delete_list } };
  }
}
