/**
 * The keys a deploy generates for an environment (ID_HASH_KEY, PII_ENC_KEY, CARD_TOKEN_KEY): written once to
 * `.deploy/<env>.keys.json` (git-ignored, mode 600) and never overwritten — ID numbers are hashed and
 * encrypted with them, so a lost or replaced key makes every stored member unreadable. The operator backs the
 * file up (docs/deploy.md).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './desired';

export interface KeysFile {
  _comment: string;
  env: string;
  createdAt: string;
  keys: Record<string, string>;
}

export function keysFilePath(envId: string, dir = path.join(ROOT, '.deploy')): string {
  return path.join(dir, `${envId}.keys.json`);
}

export function readKeys(file: string): Record<string, string> | null {
  if (!fs.existsSync(file)) return null;
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as KeysFile).keys;
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

/** Creates the keys file; refuses (never overwrites) when one exists. */
export function createKeys(file: string, envId: string, names: string[]): Record<string, string> {
  const keys = Object.fromEntries(names.map((name) => [name, crypto.randomBytes(32).toString('base64url')]));
  const content: KeysFile = {
    _comment:
      '由 npm run deploy 生成的密钥，只生成一次。请立即备份到安全的地方（离线）；丢失或更换 ID_HASH_KEY / PII_ENC_KEY 后，已有会员的身份证信息将无法核对和解密。切勿提交到 git。',
    env: envId,
    createdAt: new Date().toISOString(),
    keys,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // 'wx': fails when the file exists — a second deploy can never replace the keys.
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  return keys;
}
