import { formatDate, maskOpenid } from '../../../src/utils/format';
import { buildOrgTree } from '../../../src/packages/membership/components/orgTree';
import { qrDataUrl, secondsUntilRefresh } from '../../../src/packages/card/qr';
import type { Org } from '../../../src/api/types';

describe('maskOpenid', () => {
  it('hides the middle of an openid', () => {
    expect(maskOpenid('oAbcdefghijklmnXyz9')).toBe('oAbc****Xyz9');
    expect(maskOpenid('oAbcdefghijklmnXyz9')).not.toContain('defgh');
  });
  it('handles short and missing values', () => {
    expect(maskOpenid('abc')).toBe('ab****');
    expect(maskOpenid('')).toBe('—');
  });
});

describe('formatDate', () => {
  it('formats in Chinese', () => {
    expect(formatDate('2024-03-05T08:00:00+08:00')).toMatch(/^2024年3月[45]日$/);
    expect(formatDate(undefined)).toBe('—');
  });
});

describe('buildOrgTree', () => {
  const org = (id: string, parentId: string | null, kind: Org['kind'], accepts = false): Org => ({
    _id: id,
    name: id,
    parentId,
    kind,
    acceptsNewEmployment: accepts,
    path: [],
  });
  const orgs = [
    org('cz', null, 'city'),
    org('wujin', 'cz', 'district'),
    org('wujin-factory', 'wujin', 'grassroots'),
    org('wujin-new', 'wujin', 'grassroots', true),
    org('xinbei', 'cz', 'district'),
    org('xinbei-factory', 'xinbei', 'grassroots'),
  ];

  it('lists the whole tree for employees and lets only grassroots be chosen', () => {
    const t = buildOrgTree(orgs, false);
    expect(t.children.get(null)?.map((o) => o._id)).toEqual(['cz']);
    expect(t.children.get('cz')?.map((o) => o._id)).toEqual(['wujin', 'xinbei']);
    expect(t.selectable(t.byId.get('wujin')!)).toBe(false);
    expect(t.selectable(t.byId.get('wujin-factory')!)).toBe(true);
  });

  it('for 新就业形态 keeps only accepting orgs and the path to them', () => {
    const t = buildOrgTree(orgs, true);
    expect(t.children.get('cz')?.map((o) => o._id)).toEqual(['wujin']);
    expect(t.children.get('wujin')?.map((o) => o._id)).toEqual(['wujin-new']);
    expect(t.selectable(t.byId.get('wujin-new')!)).toBe(true);
    expect(t.selectable(t.byId.get('wujin')!)).toBe(false);
  });
});

describe('card QR', () => {
  it('produces a GIF data URL that changes with the token', () => {
    const a = qrDataUrl('token-a');
    expect(a.startsWith('data:image/gif;base64,')).toBe(true);
    expect(qrDataUrl('token-b')).not.toBe(a);
  });

  it('refreshes every 30 s, sooner when the token expires first', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(secondsUntilRefresh('2025-01-01T00:01:00Z', now)).toBe(30);
    expect(secondsUntilRefresh('2025-01-01T00:00:20Z', now)).toBe(17);
    expect(secondsUntilRefresh('2024-12-31T23:59:00Z', now)).toBe(1);
  });
});
