/**
 * The files of the local cloud's storage: on disk under `<dir>/files/<cloudPath>` (written to a temporary
 * name, then renamed, so a crash never leaves half a file), or in memory (dir = null). A file uploaded
 * from the client side records who uploaded it (`<dir>/meta/<cloudPath>.json`), as the cloud keeps the
 * uploader's openid.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { storageError, validateCloudPath } from './paths';

export interface FileInfo {
  size: number;
  modified: Date;
}

/** What the cloud keeps about a file uploaded from the mini-program (wx.cloud.uploadFile). */
export interface FileMeta {
  openid?: string;
  contentType?: string;
  uploadedAt: string;
}

interface MemoryFile {
  data: Buffer;
  modified: Date;
  meta?: FileMeta;
}

export class FileStore {
  private readonly filesRoot: string | null;
  private readonly metaRoot: string | null;
  private readonly memory = new Map<string, MemoryFile>();

  constructor(dir: string | null) {
    this.filesRoot = dir ? path.resolve(dir, 'files') : null;
    this.metaRoot = dir ? path.resolve(dir, 'meta') : null;
    if (this.filesRoot) fs.mkdirSync(this.filesRoot, { recursive: true });
  }

  get inMemory(): boolean {
    return this.filesRoot === null;
  }

  private under(root: string, cloudPath: string, suffix = ''): string {
    const full = path.resolve(root, ...cloudPath.split('/')) + suffix;
    if (full !== root && !full.startsWith(root + path.sep)) {
      throw storageError('INVALID_PARAM', `cloudPath escapes the storage folder: ${cloudPath}`);
    }
    return full;
  }

  /** The file's place on disk (durable mode only). */
  diskPath(cloudPath: string): string {
    return this.under(this.filesRoot as string, cloudPath);
  }

  async info(cloudPath: string): Promise<FileInfo | null> {
    if (!this.filesRoot) {
      const f = this.memory.get(cloudPath);
      return f ? { size: f.data.length, modified: f.modified } : null;
    }
    try {
      const st = await fs.promises.stat(this.diskPath(cloudPath));
      return st.isFile() ? { size: st.size, modified: st.mtime } : null;
    } catch {
      return null;
    }
  }

  async read(cloudPath: string): Promise<Buffer | null> {
    validateCloudPath(cloudPath);
    if (!this.filesRoot) return this.memory.get(cloudPath)?.data ?? null;
    try {
      return await fs.promises.readFile(this.diskPath(cloudPath));
    } catch {
      return null;
    }
  }

  /** Stores a file, replacing any file at that path (and its metadata). */
  async write(cloudPath: string, data: Buffer, meta?: FileMeta): Promise<void> {
    validateCloudPath(cloudPath);
    if (!this.filesRoot) {
      this.memory.set(cloudPath, { data: Buffer.from(data), modified: new Date(), meta });
      return;
    }
    await this.writeAtomically(this.diskPath(cloudPath), data, cloudPath);
    const metaFile = this.under(this.metaRoot as string, cloudPath, '.json');
    if (meta) await this.writeAtomically(metaFile, Buffer.from(JSON.stringify(meta)), cloudPath);
    else await fs.promises.rm(metaFile, { force: true }).catch(() => undefined);
  }

  private async writeAtomically(target: string, data: Buffer, cloudPath: string): Promise<void> {
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.uploading-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
      await fs.promises.writeFile(tmp, data);
      try {
        await fs.promises.rename(tmp, target);
      } catch (e) {
        await fs.promises.rm(tmp, { force: true });
        throw e;
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') {
        throw storageError('INVALID_PARAM', `cloudPath conflicts with an existing file or folder: ${cloudPath}`);
      }
      throw e;
    }
  }

  async meta(cloudPath: string): Promise<FileMeta | null> {
    validateCloudPath(cloudPath);
    if (!this.filesRoot) return this.memory.get(cloudPath)?.meta ?? null;
    try {
      return JSON.parse(await fs.promises.readFile(this.under(this.metaRoot as string, cloudPath, '.json'), 'utf8')) as FileMeta;
    } catch {
      return null;
    }
  }

  /** Deletes a file; false if it did not exist. Empty parent folders are removed too. */
  async delete(cloudPath: string): Promise<boolean> {
    validateCloudPath(cloudPath);
    if (!this.filesRoot) return this.memory.delete(cloudPath);
    const target = this.diskPath(cloudPath);
    try {
      const st = await fs.promises.stat(target);
      if (!st.isFile()) return false;
      await fs.promises.unlink(target);
    } catch {
      return false;
    }
    await removeEmptyParents(target, this.filesRoot);
    const metaFile = this.under(this.metaRoot as string, cloudPath, '.json');
    if (
      await fs.promises.rm(metaFile).then(
        () => true,
        () => false,
      )
    )
      await removeEmptyParents(metaFile, this.metaRoot as string);
    return true;
  }
}

async function removeEmptyParents(file: string, root: string): Promise<void> {
  let parent = path.dirname(file);
  while (parent !== root && parent.startsWith(root + path.sep)) {
    try {
      await fs.promises.rmdir(parent); // fails (and stops) when not empty
    } catch {
      break;
    }
    parent = path.dirname(parent);
  }
}
