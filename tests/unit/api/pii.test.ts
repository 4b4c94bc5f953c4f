import { decryptPii, encryptPii, hashIdNumber, opaqueId } from '../../../cloudfunctions/api/src/lib/pii';

describe('PII at rest', () => {
  it('hashes an ID number with a key: stable per key, different across keys', () => {
    const a = hashIdNumber('320402199003071234', 'key-a');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIdNumber('320402199003071234', 'key-a')).toBe(a);
    expect(hashIdNumber('320402199003071234', 'key-b')).not.toBe(a);
    expect(a).not.toContain('320402');
  });

  it('encrypts with AES-256-GCM: round trip, random IV, no plaintext', () => {
    const sealed = encryptPii('320402199003071234', 'k');
    expect(sealed).not.toContain('320402');
    expect(encryptPii('320402199003071234', 'k')).not.toBe(sealed);
    expect(decryptPii(sealed, 'k')).toBe('320402199003071234');
  });

  it('refuses a tampered value or the wrong key', () => {
    const sealed = encryptPii('13812345678', 'k');
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3], 'base64url');
    data[0] ^= 1;
    parts[3] = data.toString('base64url');
    expect(() => decryptPii(parts.join('.'), 'k')).toThrow();
    expect(() => decryptPii(sealed, 'other')).toThrow();
  });

  it('derives opaque ids that do not reveal the input', () => {
    const id = opaqueId('A', 'demo-member-01', 'k');
    expect(id).toMatch(/^A[0-9a-f]{24}$/);
    expect(id).toBe(opaqueId('A', 'demo-member-01', 'k'));
  });
});
