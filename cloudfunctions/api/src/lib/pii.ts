/**
 * PII at rest: a keyed hash for uniqueness (ID_HASH_KEY) and AES-256-GCM for the value (PII_ENC_KEY).
 * Keys come from the function's environment; the env values are passphrases, stretched with SHA-256.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

export function requireKey(name: 'ID_HASH_KEY' | 'PII_ENC_KEY' | 'CARD_TOKEN_KEY'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not configured`);
  return value;
}

export function hashIdNumber(idNumber: string, key: string = requireKey('ID_HASH_KEY')): string {
  return createHmac('sha256', key).update(`id:${idNumber}`).digest('hex');
}

/** A keyed hash of a mobile number: lets staff find a person by the number they give, without storing it readable. */
export function hashMobile(mobile: string, key: string = requireKey('ID_HASH_KEY')): string {
  return createHmac('sha256', key).update(`mobile:${mobile.trim()}`).digest('hex');
}

/** A stable opaque id derived from an openid (so ids shown to staff do not reveal it). */
export function opaqueId(prefix: string, value: string, key: string = requireKey('ID_HASH_KEY')): string {
  return prefix + createHmac('sha256', key).update(`${prefix}:${value}`).digest('hex').slice(0, 24);
}

function encKey(passphrase: string): Buffer {
  return createHash('sha256').update(passphrase).digest();
}

/** `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptPii(plain: string, key: string = requireKey('PII_ENC_KEY')): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encKey(key), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptPii(sealed: string, key: string = requireKey('PII_ENC_KEY')): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unsupported sealed value');
  const decipher = createDecipheriv('aes-256-gcm', encKey(key), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
