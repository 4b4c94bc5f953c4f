/**
 * Signed URLs of the local cloud's storage. The HMAC key is random per process, so URLs from an
 * earlier run stop working after a restart.
 *  - upload:   `${baseUrl}/_storage/upload/<encoded path>?token=<expires ms>.<HMAC>` — one PUT, ~10 minutes.
 *  - download: `${baseUrl}/_storage/files/<encoded path>?expires=<unix ms>&sign=<HMAC>`.
 */
import crypto from 'node:crypto';
import { decodeSegments, encodePath } from './paths';

export const UPLOAD_TTL_MS = 10 * 60 * 1000;
export const DEFAULT_MAX_AGE_S = 86400;

export class UrlSigner {
  private readonly key = crypto.randomBytes(32);
  /** Upload tokens already used (token → expiry ms), so each upload URL takes a single PUT. */
  private readonly usedTokens = new Map<string, number>();

  constructor(
    private readonly baseUrl: () => string,
    /** The local cloud's clock (ms): links expire by it, so a test can let time pass. */
    readonly now: () => number = Date.now,
  ) {}

  private hmac(...parts: string[]): string {
    return crypto.createHmac('sha256', this.key).update(parts.join('\n')).digest('hex');
  }

  private same(a: string, b: string): boolean {
    const ba = Buffer.from(a);
    const bb = Buffer.from(b);
    return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
  }

  /** A signed download URL valid for maxAgeSeconds. */
  downloadUrl(cloudPath: string, maxAgeSeconds = DEFAULT_MAX_AGE_S): string {
    const expires = this.now() + Math.round(maxAgeSeconds * 1000);
    const sign = this.hmac('download', cloudPath, String(expires));
    return `${this.baseUrl()}/_storage/files/${encodePath(cloudPath)}?expires=${expires}&sign=${sign}`;
  }

  uploadToken(cloudPath: string): string {
    const expires = this.now() + UPLOAD_TTL_MS;
    return `${expires}.${this.hmac('upload', cloudPath, String(expires))}`;
  }

  uploadUrl(cloudPath: string, token: string): string {
    return `${this.baseUrl()}/_storage/upload/${encodePath(cloudPath)}?token=${token}`;
  }

  /** The cloud path an upload token was signed for (null: bad signature), and its expiry. */
  checkUpload(rawPath: string, token: string): { cloudPath: string | null; expires: number } {
    const dot = token.indexOf('.');
    const expires = Number(token.slice(0, dot));
    const mac = token.slice(dot + 1);
    if (dot <= 0 || !Number.isFinite(expires)) return { cloudPath: null, expires };
    return { cloudPath: signedPath(rawPath, (cp) => this.same(mac, this.hmac('upload', cp, String(expires)))), expires };
  }

  /** Marks an upload token used; false if it was used before. */
  useToken(token: string, expires: number): boolean {
    const now = this.now();
    for (const [t, exp] of this.usedTokens) if (exp < now) this.usedTokens.delete(t);
    if (this.usedTokens.has(token)) return false;
    this.usedTokens.set(token, expires);
    return true;
  }

  /** The cloud path a download URL was signed for (null: bad signature), and its expiry. */
  checkDownload(rawPath: string, expiresText: string, sign: string): { cloudPath: string | null; expires: number } {
    const expires = Number(expiresText);
    if (!expiresText || !Number.isFinite(expires)) return { cloudPath: null, expires };
    return { cloudPath: signedPath(rawPath, (cp) => this.same(sign, this.hmac('download', cp, expiresText))), expires };
  }
}

/**
 * Resolves the cloud path of a signed URL. The path may arrive encoded once (as handed out) or twice
 * (downloadFile/getFileInfo apply encodeURI to the URL); the signature decides which reading is meant.
 */
function signedPath(rawPath: string, check: (cloudPath: string) => boolean): string | null {
  let current = rawPath;
  for (let i = 0; i < 3; i++) {
    const decoded = decodeSegments(current);
    if (decoded === null) return null;
    if (check(decoded)) return decoded;
    if (decoded === current) return null;
    current = decoded;
  }
  return null;
}
