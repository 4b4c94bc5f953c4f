/**
 * The tab-bar store the weapp's own tab bar (src/custom-tab-bar) reads: which tab a page is, and the 消息与待办
 * count put there by showInboxTabBadge (on H5 it also goes to Taro's tab bar through setTabBarBadge).
 */
const setTabBarBadge = jest.fn();
const removeTabBarBadge = jest.fn();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { setTabBarBadge: (o: unknown) => setTabBarBadge(o), removeTabBarBadge: (o: unknown) => removeTabBarBadge(o) },
}));

import { showInboxTabBadge } from '../../../src/utils/inbox';
import { badgeText, tabOfPath, useTabBar } from '../../../src/stores/tabBar';

test('a page path names its tab (with or without the leading slash or a query); other pages none', () => {
  expect(tabOfPath('/pages/index/index')).toBe('home');
  expect(tabOfPath('pages/me/index?from=share')).toBe('me');
  expect(tabOfPath('/pages/services/index')).toBe('services');
  expect(tabOfPath('/packages/inbox/index')).toBeNull();
  expect(tabOfPath(undefined)).toBeNull();
});

test('the 消息与待办 count goes into the store the tab bar reads, and to Taro’s tab bar off weapp', () => {
  showInboxTabBadge(7);
  expect(useTabBar.getState().badges.me).toBe(7);
  expect(setTabBarBadge).toHaveBeenCalledWith({ index: 3, text: '7' });
  showInboxTabBadge(0);
  expect(useTabBar.getState().badges.me).toBe(0);
  expect(removeTabBarBadge).toHaveBeenCalledWith({ index: 3 });
  expect(badgeText(120)).toBe('99+');
});
