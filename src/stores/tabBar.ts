/**
 * What the weapp's own tab bar (src/custom-tab-bar) shows: the tab on screen and the count on 我的 (消息与待办).
 * WeChat gives each tab page its own tab-bar instance; all of them read this one store, the tab page on screen
 * selects itself when shown (useTabBarSelection, through PageShell) and the inbox count is put here
 * (showInboxTabBadge) — on weapp Taro.setTabBarBadge does nothing for a custom tab bar.
 */
import { create } from 'zustand';
import { TABS } from '../features';

export type TabKey = keyof typeof TABS;

/** The tab whose page this is (`/pages/me/index` or `pages/me/index`), or null for any other page. */
export function tabOfPath(path: string | undefined): TabKey | null {
  const route = (path ?? '').split('?')[0].replace(/^\/+/, '');
  const found = (Object.keys(TABS) as TabKey[]).find((key) => TABS[key].path === route);
  return found ?? null;
}

interface TabBarState {
  selected: TabKey;
  /** Count badges by tab (0 or absent: none). */
  badges: Partial<Record<TabKey, number>>;
  select: (tab: TabKey) => void;
  setBadge: (tab: TabKey, count: number) => void;
}

export const useTabBar = create<TabBarState>((set) => ({
  selected: 'home',
  badges: {},
  select: (selected) => set({ selected }),
  setBadge: (tab, count) => set((s) => ({ badges: { ...s.badges, [tab]: count } })),
}));

/** A badge's text as WeChat's own tab bar writes it. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}
