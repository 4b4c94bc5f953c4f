import { formatDate, todayIso } from '../../../src/utils/format';
import { buildOrgTree } from '../../../src/components/OrgPicker/orgTree';
import { qrDataUrl, secondsUntilRefresh } from '../../../src/packages/card/qr';
import type { Org } from '../../../src/api/types';

describe('formatDate', () => {
  it('formats in Chinese', () => {
    expect(formatDate('2024-03-05T08:00:00+08:00')).toMatch(/^2024年3月[45]日$/);
    expect(formatDate(undefined)).toBe('—');
  });
  it('gives today as YYYY-MM-DD', () => {
    expect(todayIso(new Date(2026, 0, 9, 12))).toBe('2026-01-09');
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
  const tree = [
    org('cz', null, 'city'),
    org('wujin', 'cz', 'district'),
    org('wujin-factory', 'wujin', 'grassroots'),
    org('wujin-new', 'wujin', 'grassroots', true),
    org('xinbei', 'cz', 'district'),
    org('xinbei-factory', 'xinbei', 'grassroots'),
  ];
  // Paths root..self, as the server sends them.
  const byId = new Map(tree.map((o) => [o._id, o]));
  const orgs = tree.map((o) => {
    const path: string[] = [];
    for (let at: Org | undefined = o; at; at = at.parentId ? byId.get(at.parentId) : undefined) path.unshift(at._id);
    return { ...o, path };
  });
  const ids = (list: Org[] | undefined) => (list ?? []).map((o) => o._id);

  it('lists the whole tree for employees and lets only grassroots be chosen', () => {
    const t = buildOrgTree(orgs, { purpose: 'employer' });
    expect(ids(t.children.get(null))).toEqual(['cz']);
    expect(ids(t.children.get('cz'))).toEqual(['wujin', 'xinbei']);
    expect(t.selectable(t.byId.get('wujin')!)).toBe(false);
    expect(t.selectable(t.byId.get('wujin-factory')!)).toBe(true);
  });

  it('for 新就业形态 keeps only accepting orgs and the path to them', () => {
    const t = buildOrgTree(orgs, { purpose: 'new_employment' });
    expect(ids(t.children.get('cz'))).toEqual(['wujin']);
    expect(ids(t.children.get('wujin'))).toEqual(['wujin-new']);
    expect(t.selectable(t.byId.get('wujin-new')!)).toBe(true);
    expect(t.selectable(t.byId.get('wujin')!)).toBe(false);
  });

  it('for a staffer lets any union of their scope be chosen, and nothing outside it', () => {
    const t = buildOrgTree(orgs, { purpose: 'any', within: ['wujin'] });
    expect(ids(t.children.get(null))).toEqual(['wujin']);
    expect(ids(t.children.get('wujin'))).toEqual(['wujin-factory', 'wujin-new']);
    expect(t.selectable(t.byId.get('wujin')!)).toBe(true);
    expect(t.selectable(t.byId.get('cz')!)).toBe(false);
    expect(t.selectable(t.byId.get('xinbei-factory')!)).toBe(false);
  });

  it('lets employees choose a 街道/乡镇工会 (for a unit with no union) even with unions under it, not a 区/县总工会', () => {
    const withStreet = [
      ...orgs,
      { ...org('niutang', 'wujin', 'street'), path: ['cz', 'wujin', 'niutang'] },
      { ...org('niutang-shop', 'niutang', 'grassroots'), path: ['cz', 'wujin', 'niutang', 'niutang-shop'] },
    ];
    const t = buildOrgTree(withStreet, { purpose: 'employer' });
    expect(ids(t.children.get('niutang'))).toEqual(['niutang-shop']);
    expect(t.selectable(t.byId.get('niutang')!)).toBe(true);
    expect(t.selectable(t.byId.get('niutang-shop')!)).toBe(true);
    expect(t.selectable(t.byId.get('wujin')!)).toBe(false);
  });

  it('for an administrator (no scope) lets every union be chosen', () => {
    const t = buildOrgTree(orgs, { purpose: 'any', within: null });
    expect(t.selectable(t.byId.get('cz')!)).toBe(true);
    expect(t.selectable(t.byId.get('xinbei')!)).toBe(true);
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
