/**
 * Cloud storage of the local cloud: files on local disk (`<dir>/files/<cloudPath>`) or in memory
 * (dir = null), the `storage.*` actions of the SDK (./actions.ts), the signed upload and download URLs
 * (./signing.ts, ./serve.ts) and client-side uploads for the H5 app (./clientUpload.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StorageActions } from './actions';
import { clientUpload } from './clientUpload';
import { FileStore, type FileMeta } from './files';
import { cloudPathOf, fileIdOf, validateCloudPath } from './paths';
import { StorageHttp } from './serve';
import { UrlSigner } from './signing';

export { BUCKET, contentTypeOf, validateCloudPath, type StorageError } from './paths';
export { DEFAULT_MAX_AGE_S, UPLOAD_TTL_MS } from './signing';
export { MAX_UPLOAD_BYTES } from './serve';
export { MAX_CLIENT_UPLOAD_BYTES } from './clientUpload';

export interface StorageOptions {
  dir: string | null;
  envId: string;
  /** http://127.0.0.1:PORT — known after listen. */
  baseUrl: () => string;
  /** The local cloud's clock (ms since epoch); Date.now by default. */
  now?: () => number;
  /** Whether the storage rules let anyone read a file (its plain link then works); false by default. */
  publicRead?: (resource: { path: string; openid?: string }) => boolean;
}

export class Storage {
  private readonly envId: string;
  private readonly files: FileStore;
  private readonly signer: UrlSigner;
  private readonly actions: StorageActions;
  private readonly http: StorageHttp;

  constructor(options: StorageOptions) {
    this.envId = options.envId;
    this.files = new FileStore(options.dir);
    this.signer = new UrlSigner(options.baseUrl, options.now);
    this.actions = new StorageActions(options.envId, this.files, this.signer);
    this.http = new StorageHttp(this.files, this.signer, options.publicRead);
  }

  /** `cloud://<envId>.local-bucket/<cloudPath>` */
  fileIdOf(cloudPath: string): string {
    return fileIdOf(this.envId, cloudPath);
  }

  cloudPathOf(fileId: unknown): string | null {
    return cloudPathOf(this.envId, fileId);
  }

  tempUrlOf(cloudPath: string, maxAgeSeconds?: number): string {
    return this.signer.downloadUrl(cloudPath, maxAgeSeconds);
  }

  async exists(cloudPath: string): Promise<boolean> {
    return (await this.files.info(validateCloudPath(cloudPath))) !== null;
  }

  readFile(cloudPath: string): Promise<Buffer | null> {
    return this.files.read(cloudPath);
  }

  async writeFile(cloudPath: string, data: Buffer, meta?: FileMeta): Promise<string> {
    await this.files.write(cloudPath, data, meta);
    return this.fileIdOf(cloudPath);
  }

  /** What is recorded about a file uploaded from the client side (its uploader's openid). */
  metaOf(cloudPath: string): Promise<FileMeta | null> {
    return this.files.meta(cloudPath);
  }

  deleteFile(cloudPath: string): Promise<boolean> {
    return this.files.delete(cloudPath);
  }

  handleAction(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.actions.handle(action, params);
  }

  /** Serves /_storage/... (signed upload and download URLs); false when the URL is not one. */
  handleHttp(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    return this.http.handle(req, res, url);
  }

  /** POST /_emu/client/upload: wx.cloud.uploadFile for the H5 app. */
  handleClientUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    return clientUpload(this.files, this.envId, req, res, url);
  }
}
