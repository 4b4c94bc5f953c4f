/**
 * The weapp's own tab bar (src/custom-tab-bar, app.json `tabBar.custom`) as WeChat shows it on each tab page,
 * rendered in WeChat's component runtime (simulate.ts) with data from a seeded local cloud: the four tabs with
 * their icons, the page's own tab selected, the 消息与待办 count on 我的, and in 关怀模式 (chosen earlier: storage
 * `care.mode`) larger labels and icons — the sizes read off the rendered bar.
 */
import path from 'node:path';
import { apiBundleExists, callOk, startSeededCloud } from '../support/api';
import { ROOT, type LocalCloud } from '../support/localCloud';
import { readAppRoutes } from './appJson';
import { EVERYONE, GUEST, MEMBER } from './routes';
import { describeProblems, simulateApp, type PageVisit, type SimulationResult } from './simulate';

const DIST = path.join(ROOT, 'dist');
const app = readAppRoutes(DIST);
const LABELS = ['首页', '优惠', '服务', '我的'];

let cloud: LocalCloud | undefined;
let standard: SimulationResult;
let care: SimulationResult;
let memberCount: number;

beforeAll(async () => {
  if (!apiBundleExists()) throw new Error('run `npm run build:functions` first (npm test does)');
  cloud = (await startSeededCloud()).cloud;
  memberCount = (await callOk(cloud.baseUrl, MEMBER, 'inbox.count', {})).count;
  const options = { distDir: DIST, baseUrl: cloud.baseUrl, routes: app.tabs, users: EVERYONE, tap: false };
  standard = await simulateApp(options);
  care = await simulateApp({ ...options, storage: { 'care.mode': 'on' } });
}, 300_000);

afterAll(async () => {
  await cloud?.stop();
});

const visit = (result: SimulationResult, route: string, openid: string): PageVisit => {
  const found = result.visits.find((v) => v.route === route && v.openid === openid);
  if (!found) throw new Error(`${route} was not rendered as ${openid}`);
  return found;
};
const px = (size: string): number => {
  const match = /^(\d+(?:\.\d+)?)px$/.exec(size);
  if (!match) throw new Error(`not a size in px: "${size}"`);
  return Number(match[1]);
};

test('the weapp build declares its own tab bar, with the four tabs listed for WeChat', () => {
  expect(app.customTabBar).toBe(true);
  expect(app.tabs).toHaveLength(LABELS.length);
});

test('every tab page renders without problems, its tab bar included, in both modes', () => {
  expect([...describeProblems(standard), ...describeProblems(care)]).toEqual([]);
});

describe.each(EVERYONE)('as %s', (openid) => {
  test.each(app.tabs)('%s shows the tab bar with the four tabs, its own selected, each with its icon', (route) => {
    const bar = visit(standard, route, openid).tabBar;
    expect(bar?.items.map((i) => i.label)).toEqual(LABELS);
    const mine = app.tabs.indexOf(route);
    expect(bar?.items.map((i) => i.selected)).toEqual(LABELS.map((_, i) => i === mine));
    // The selected tab shows its active icon, the others their plain one (files of the package: the visit checks).
    expect(bar?.items.map((i) => i.iconSrc.endsWith('-active.png'))).toEqual(LABELS.map((_, i) => i === mine));
  });

  test.each(app.tabs)('%s in 关怀模式: larger tab labels and icons', (route) => {
    const normal = visit(standard, route, openid).tabBar!;
    const large = visit(care, route, openid).tabBar!;
    expect(normal.className).not.toContain('tab-bar-care');
    expect(large.className).toContain('tab-bar-care');
    expect(large.items.map((i) => i.label)).toEqual(LABELS);
    large.items.forEach((item, i) => {
      expect(px(item.labelFontSize)).toBeGreaterThan(px(normal.items[i].labelFontSize));
      expect(px(item.iconWidth)).toBeGreaterThan(px(normal.items[i].iconWidth));
    });
  });
});

// 我的 loads the count itself (so does 首页, the first page of a session: on a busy machine its calls can outlast the
// app's 15 s call timeout, and the page then shows 暂无待办 — no test of the tab bar).
test('the 消息与待办 count is on the 我的 tab for a member on 我的, and on no tab for a guest', () => {
  expect(memberCount).toBeGreaterThan(0);
  const badges = (route: string, openid: string) => ({
    route,
    openid,
    badges: visit(standard, route, openid).tabBar!.items.map((i) => i.badge ?? null),
  });
  const me = app.tabs[3];
  expect(badges(me, MEMBER)).toEqual({ route: me, openid: MEMBER, badges: [null, null, null, String(memberCount)] });
  for (const route of app.tabs) {
    expect(badges(route, GUEST)).toEqual({ route, openid: GUEST, badges: [null, null, null, null] });
  }
});
