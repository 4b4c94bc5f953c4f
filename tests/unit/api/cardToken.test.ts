import { MAX_TOKEN_TTL_SECONDS, signCardToken, verifyCardToken } from '../../../cloudfunctions/api/src/modules/card/cardToken';

const KEY = 'unit-test-card-key';
const NOW = new Date('2025-06-01T10:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('card token', () => {
  it('signs a compact base64url token that verifies within its lifetime', () => {
    const { token, expiresAt } = signCardToken('CZ2025000001', KEY, NOW);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(token.length).toBeLessThan(120);
    expect(expiresAt.getTime() - NOW.getTime()).toBeLessThanOrEqual(MAX_TOKEN_TTL_SECONDS * 1000);
    const result = verifyCardToken(token, KEY, later(30));
    expect(result).toMatchObject({ ok: true, cardNo: 'CZ2025000001' });
  });

  it('never issues more than 60 seconds', () => {
    const { expiresAt } = signCardToken('CZ2025000001', KEY, NOW, 3600);
    expect(expiresAt.getTime() - NOW.getTime()).toBe(60_000);
  });

  it('uses a fresh nonce each time', () => {
    expect(signCardToken('CZ2025000001', KEY, NOW).token).not.toBe(signCardToken('CZ2025000001', KEY, NOW).token);
  });

  it('rejects a token with any single character changed', () => {
    const { token } = signCardToken('CZ2025000001', KEY, NOW);
    for (let i = 0; i < token.length; i += 1) {
      if (token[i] === '.') continue;
      const replacement = token[i] === 'A' ? 'B' : 'A';
      const tampered = token.slice(0, i) + replacement + token.slice(i + 1);
      expect(verifyCardToken(tampered, KEY, later(1))).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('rejects garbage', () => {
    for (const garbage of ['', 'abc', 'a.b', '..', 'x'.repeat(200), 'a.b.c']) {
      expect(verifyCardToken(garbage, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('rejects a token signed with another key', () => {
    const { token } = signCardToken('CZ2025000001', 'other-key', NOW);
    expect(verifyCardToken(token, KEY, later(1))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reports expiry by the clock, including a replay of a once-valid token', () => {
    const { token } = signCardToken('CZ2025000001', KEY, NOW);
    expect(verifyCardToken(token, KEY, later(10)).ok).toBe(true);
    expect(verifyCardToken(token, KEY, later(60))).toEqual({
      ok: false,
      reason: 'expired',
      cardNo: 'CZ2025000001',
      nonce: expect.any(String),
    });
    expect(verifyCardToken(token, KEY, later(86400))).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('rejects a correctly signed token whose expiry is too far ahead (not one we issue)', () => {
    const { token } = signCardToken('CZ2025000001', KEY, later(3600));
    expect(verifyCardToken(token, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });
});
