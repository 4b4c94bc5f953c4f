import fs from 'node:fs';
import path from 'node:path';
import {
  buildRoutes,
  FEATURES,
  meLinks,
  pageTitle,
  subPackages,
  SUBSCRIBE_TEMPLATE_IDS,
  subscribeTemplates,
  tiles,
  timelineLabels,
  workbenchTiles,
} from '../../../src/features';
import { errorAdvice } from '../../../src/api/errorAdvice';
import { initialCareMode } from '../../../src/stores/careMode';
import { roleLines } from '../../../src/pages/me/roleText';
import type { Session } from '../../../src/api/types';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { getStorageSync: () => '', setStorageSync: () => undefined } }));

const SRC = path.resolve(__dirname, '../../../src');

describe('the feature list', () => {
  const routes = buildRoutes();

  it('gives every page a route under its subpackage, and the tabs theirs', () => {
    expect(routes.home).toBe('/pages/index/index');
    expect(routes.apply).toBe('/packages/membership/apply/index');
    expect(routes.staffReviewDetail).toBe('/packages/staff/review-detail/index');
    expect(routes.privacy).toBe('/packages/about/privacy/index');
  });

  it('lists each subpackage once, in feature order, with pages that exist (app.config.ts)', () => {
    const packages = subPackages();
    const roots = packages.map((p) => p.root);
    expect(new Set(roots).size).toBe(roots.length);
    expect(roots).toEqual(FEATURES.flatMap((f) => ('root' in f ? [f.root] : [])));
    expect(roots.slice(0, 4)).toEqual(['packages/membership', 'packages/card', 'packages/notices', 'packages/staff']);
    expect(packages[0].pages).toEqual(['apply/index', 'status/index', 'transfer/index']);
    for (const p of packages) {
      expect(p.pages.length).toBeGreaterThan(0);
      for (const page of p.pages) expect(fs.existsSync(path.join(SRC, p.root, `${page}.tsx`))).toBe(true);
    }
  });

  it('has tiles and workbench entries that open existing routes; coming-soon areas have no route', () => {
    for (const t of [...tiles('home'), ...tiles('services'), ...workbenchTiles()]) {
      if (t.route) expect(routes).toHaveProperty(t.route);
    }
    const soon = tiles('services')
      .filter((t) => !t.route)
      .map((t) => t.label);
    expect(soon).toEqual([]);
  });

  it('gives every tile of 服务 its own icon: no two member or 工作台 tiles share one', () => {
    const all = [...tiles('services'), ...workbenchTiles()].map((t) => `${t.icon} ${t.label}`);
    const icons = all.map((line) => line.slice(0, 1));
    expect(icons.every((icon) => icon.length === 1)).toBe(true);
    expect(all.filter((line, i) => icons.indexOf(line.slice(0, 1)) !== i)).toEqual([]);
  });

  it('puts the areas’ links in 我的 (技能竞赛: registrations and awards)', () => {
    expect(meLinks()).toContainEqual({ key: 'contestMine', label: '我的竞赛与获奖', route: 'competitionMine' });
    for (const l of meLinks()) expect(routes).toHaveProperty(l.route);
  });

  it('names every page, and carries timeline labels and subscribe templates', () => {
    for (const f of FEATURES)
      for (const name of Object.keys('pages' in f ? f.pages : {})) expect(pageTitle(name as never)).not.toBe('');
    const labels = timelineLabels();
    expect(labels).toMatchObject({
      membership: '入会申请',
      transfer: '会员转会',
      recuperation: '疗休养',
      competition: '技能竞赛',
    });
    for (const label of Object.values(labels)) expect(label).toMatch(/^[\u4e00-\u9fff]/);
    const templates = subscribeTemplates().map((t) => t.key);
    expect(templates.slice(0, 2)).toEqual(['membership_status', 'transfer_status']);
    expect(new Set(templates).size).toBe(templates.length);
    for (const key of templates) expect(SUBSCRIBE_TEMPLATE_IDS).toHaveProperty(key);
  });
});

describe('errorAdvice', () => {
  it('offers 重试 only when trying again can help', () => {
    expect(errorAdvice('NETWORK')).toEqual({ retry: true });
    expect(errorAdvice('INTERNAL').retry).toBe(true);
    expect(errorAdvice(null).retry).toBe(true);
    expect(errorAdvice('FORBIDDEN')).toEqual({ retry: false, hint: expect.stringContaining('联系') });
    expect(errorAdvice('NOT_MEMBER').retry).toBe(false);
  });
});

describe('initialCareMode', () => {
  it('keeps the member’s own choice', () => {
    expect(initialCareMode('on', null)).toBe(true);
    expect(initialCareMode('off', { platform: 'ios', fontSizeSetting: 24 })).toBe(false);
  });
  it('otherwise follows a WeChat font larger than standard', () => {
    expect(initialCareMode('', { platform: 'ios', fontSizeSetting: 17 })).toBe(false);
    expect(initialCareMode('', { platform: 'ios', fontSizeSetting: 20 })).toBe(true);
    expect(initialCareMode('', { platform: 'android', fontSizeSetting: 17 })).toBe(true);
    expect(initialCareMode('', { platform: 'android', fontSizeSetting: 16 })).toBe(false);
    expect(initialCareMode('', null)).toBe(false);
  });
});

describe('roleLines (我的)', () => {
  const base = { openid: 'o-1', roles: [], isAdmin: false, member: null, application: null, consents: [] } as unknown as Session;
  it('names roles and what they act for, never the openid', () => {
    const staff = {
      ...base,
      roles: [
        {
          _id: 'x',
          openid: 'o-1',
          role: 'staff',
          scopeId: 'org-cz-wujin',
          scopeName: '武进区总工会',
          grantedAt: null,
          grantedBy: null,
        },
      ],
    } as unknown as Session;
    expect(roleLines(staff)).toEqual(['工会干部 · 武进区总工会']);
    expect(roleLines(base)).toEqual(['未入会']);
    expect(roleLines({ ...base, isAdmin: true })).toEqual(['系统管理员']);
    expect(roleLines(staff).join()).not.toContain('o-1');
  });
});
