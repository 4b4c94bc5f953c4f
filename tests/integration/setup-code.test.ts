/**
 * 首位管理员: a one-time setup code made by the operator's script (scripts/setup-code.ts) makes the first person who
 * enters it administrator, once. Wrong, expired and used codes are refused in Chinese and grant nothing.
 */
import localEnv from '../../config/local-functions.env.json';
import { hashSetupCode } from '../../cloudfunctions/api/src/modules/setup/code';
import { createSetupCode } from '../../scripts/setup-code';
import { useCloud } from '../support/scenario';

const env = useCloud();
const KEY = localEnv.api.ID_HASH_KEY;
const HOUR = 3600 * 1000;

const newCode = (now?: Date) => createSetupCode(env.store.db, { key: KEY, ...(now ? { now } : {}) });
const adminGrants = (openid: string) => env.store.count('roles', { openid, role: 'admin' });

describe('setup codes', () => {
  it('are stored only as a keyed hash, with a 72-hour expiry', async () => {
    const before = new Date();
    const { code, expiresAt } = await newCode();
    expect(code.replace(/-/g, '').length).toBeGreaterThanOrEqual(12);
    const stored = await env.store.all('setup_codes');
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));
    const record = await env.store.byId<{ expiresAt: Date; usedAt: null }>('setup_codes', hashSetupCode(code, KEY));
    expect(record).toMatchObject({ usedAt: null });
    expect(new Date(record!.expiresAt).getTime() - before.getTime()).toBeGreaterThanOrEqual(72 * HOUR - 1000);
    expect(new Date(expiresAt).getTime()).toBe(new Date(record!.expiresAt).getTime());
    expect(await env.store.count('setup_codes')).toBe(1);
  });

  it('status says only whether an administrator exists', async () => {
    expect(await env.ok('setup-nobody', 'setup.status', {})).toEqual({ hasAdmin: true });
  });

  it('make the first claimant administrator, once; the new admin can then grant roles', async () => {
    const { code } = await newCode();
    const first = await env.ok('setup-first', 'setup.claim', { code: code.toLowerCase().replace(/-/g, ' ') });
    expect(first).toMatchObject({ openid: 'setup-first', role: 'admin', scopeId: null });
    expect(await env.store.byId('roles', 'setup-first:admin:*')).toMatchObject({ role: 'admin', grantedBy: 'setup-code' });
    expect(await env.store.byId('setup_codes', hashSetupCode(code, KEY))).toMatchObject({ usedBy: 'setup-first' });
    expect(await env.store.count('audit', { action: 'setup.claim', actor: 'setup-first' })).toBe(1);

    // The same code again, by someone else and by the winner: refused, nothing more stored.
    const before = await env.store.snapshot(['roles', 'setup_codes', 'audit']);
    const again = await env.call('setup-second', 'setup.claim', { code });
    expect(again).toMatchObject({ ok: false, error: { code: 'SETUP_CODE_USED', message: expect.stringContaining('已被使用') } });
    expect(await env.call('setup-first', 'setup.claim', { code })).toMatchObject({
      ok: false,
      error: { code: 'SETUP_CODE_USED' },
    });
    expect(await env.store.snapshot(['roles', 'setup_codes', 'audit'])).toEqual(before);
    expect(await adminGrants('setup-second')).toBe(0);

    // An admin-only action works for the new administrator (and not for a member).
    expect(await env.call('setup-second', 'roles.grant', { openid: 'x', role: 'staff', scopeId: 'org-cz' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const granted = await env.ok('setup-first', 'roles.grant', { openid: 'setup-staff', role: 'staff', scopeId: 'org-cz' });
    expect(granted).toMatchObject({ openid: 'setup-staff', role: 'staff', scopeId: 'org-cz', grantedBy: 'setup-first' });
    expect(await env.store.byId('roles', 'setup-staff:staff:org-cz')).toMatchObject({ grantedBy: 'setup-first' });
  });

  it('refuse an expired code and grant nothing', async () => {
    const { code } = await newCode(new Date(Date.now() - 73 * HOUR));
    const before = await env.store.snapshot(['roles', 'setup_codes', 'audit']);
    const r = await env.call('setup-late', 'setup.claim', { code });
    expect(r).toMatchObject({ ok: false, error: { code: 'SETUP_CODE_EXPIRED', message: expect.stringContaining('已过期') } });
    expect(await env.store.snapshot(['roles', 'setup_codes', 'audit'])).toEqual(before);
    expect(await adminGrants('setup-late')).toBe(0);
  });

  it('refuse a wrong code and grant nothing; too many wrong tries are stopped for an hour', async () => {
    const { code } = await newCode();
    const wrong = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    const before = await env.store.snapshot(['roles', 'setup_codes', 'audit']);
    const r = await env.call('setup-guess', 'setup.claim', { code: wrong });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'SETUP_CODE_INVALID', message: expect.stringContaining('设置码不正确') },
    });
    expect(await env.store.snapshot(['roles', 'setup_codes', 'audit'])).toEqual(before);

    for (let i = 0; i < 4; i += 1)
      expect(await env.call('setup-guess', 'setup.claim', { code: `WRONG-CODE-${i}` })).toMatchObject({
        ok: false,
        error: { code: 'SETUP_CODE_INVALID' },
      });
    // The sixth try is stopped even with the right code; the code stays unused for someone else.
    expect(await env.call('setup-guess', 'setup.claim', { code })).toMatchObject({
      ok: false,
      error: { code: 'SETUP_TOO_MANY_TRIES', message: expect.stringContaining('1小时后再试') },
    });
    expect(await env.store.snapshot(['roles', 'setup_codes', 'audit'])).toEqual(before);
    expect(await env.ok('setup-other', 'setup.claim', { code })).toMatchObject({ openid: 'setup-other', role: 'admin' });
  });

  it('give exactly one administrator when two people claim the same code at once', async () => {
    const { code } = await newCode();
    const people = ['setup-race-a', 'setup-race-b', 'setup-race-c'];
    const results = await Promise.all(people.map((p) => env.call(p, 'setup.claim', { code })));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: { code: 'SETUP_CODE_USED' } });
    const grants = await Promise.all(people.map(adminGrants));
    expect(grants.reduce((a, b) => a + b, 0)).toBe(1);
    const used = await env.store.byId<{ usedBy: string }>('setup_codes', hashSetupCode(code, KEY));
    expect(grants[people.indexOf(used!.usedBy)]).toBe(1);
    expect(await env.store.count('audit', { action: 'setup.claim', actor: used!.usedBy })).toBe(1);
  });
});
