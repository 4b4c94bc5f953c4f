import Taro from '@tarojs/taro';
import { buildRoutes, isPathOn, TABS, type RouteName } from '../features';
import { useSettingsStore } from '../stores/settings';

/** Routes of the app by name, derived from the feature list (src/features.ts). */
export const ROUTES: Readonly<Record<RouteName, string>> = buildRoutes();

const TAB_PATHS: string[] = Object.values(TABS).map((t) => `/${t.path}`);

export function isTabPath(url: string): boolean {
  return TAB_PATHS.includes(url.split('?')[0]);
}

export function go(url: string): void {
  // A page of an area the union switched off is not opened (a link kept from before, a shared card).
  if (!isPathOn(url, useSettingsStore.getState().settings?.areas)) {
    void Taro.showToast({ title: '该服务暂未开通', icon: 'none' });
    return;
  }
  if (isTabPath(url)) void Taro.switchTab({ url: url.split('?')[0] });
  else void Taro.navigateTo({ url });
}

/** Back to the previous page, or home when the page was opened directly (H5 link, shared card). */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: ROUTES.home });
}

/** The route of the page under the current one (`/packages/...`), or null on the first page. */
export function previousRoute(): string | null {
  const pages = Taro.getCurrentPages() as Array<{ route?: string; path?: string }>;
  const prev = pages[pages.length - 2];
  if (!prev) return null;
  const route = (prev.route ?? prev.path ?? '').split('?')[0];
  return route.startsWith('/') ? route : `/${route}`;
}

/** Opens `url` in place of the current page — or goes back when that page is the one just below. */
export function replaceWith(url: string): void {
  if (previousRoute() === url.split('?')[0]) void Taro.navigateBack();
  else void Taro.redirectTo({ url });
}

export function comingSoon(name: string): void {
  void Taro.showToast({ title: `${name}即将开放`, icon: 'none' });
}
