import Taro from '@tarojs/taro';
import type { OutputOf } from '../api/contract';
import type { TimelineEntry } from '../api/types';
import { TABS } from '../features';
import { badgeText, useTabBar } from '../stores/tabBar';
import { ROUTES, go } from './nav';

export type InboxItem = OutputOf<'inbox.list'>['items'][number];

/** The 我的 tab, where the badge of 消息与待办 shows. */
const ME_TAB = Object.keys(TABS).indexOf('me');

/** `route?key=value&…` with the values encoded. */
function withParams(path: string, params?: Record<string, string>): string {
  const query = Object.entries(params ?? {})
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** The page an item opens (its route name and params, as the server gave them); null for a route this app lacks. */
export function inboxItemUrl(item: Pick<InboxItem, 'route' | 'params'>): string | null {
  const path = (ROUTES as Record<string, string>)[item.route];
  return path ? withParams(path, item.params) : null;
}

/** Opens an item's page; an app too old to know the page says so. */
export function openInboxItem(item: Pick<InboxItem, 'route' | 'params'>): void {
  const url = inboxItemUrl(item);
  if (url) go(url);
  else void Taro.showToast({ title: '请更新小程序后查看', icon: 'none' });
}

/**
 * The count on the 我的 tab (call from a tab page). It goes into the tab-bar store, which the weapp's own tab bar
 * draws (src/custom-tab-bar; WeChat ignores setTabBarBadge for a custom tab bar); H5 keeps Taro's tab bar, which
 * draws it through setTabBarBadge. A platform without the API, or a page that is not a tab page, shows none.
 */
export function showInboxTabBadge(count: number): void {
  useTabBar.getState().setBadge('me', count);
  if (process.env.TARO_ENV === 'weapp') return;
  try {
    const done =
      count > 0 ? Taro.setTabBarBadge({ index: ME_TAB, text: badgeText(count) }) : Taro.removeTabBarBadge({ index: ME_TAB });
    void Promise.resolve(done).catch(() => undefined);
  } catch {
    // no tab bar here (a page outside the tabs): nothing to show
  }
}

/** The enrollment engine's timeline entries refer to `${activityId}_${openid}`. */
function activityOf(refId: string, openid: string | undefined): string | null {
  const suffix = `_${openid ?? ''}`;
  return openid && refId.endsWith(suffix) ? refId.slice(0, -suffix.length) : null;
}

/** The page a 我的申请 entry opens (the thing it is about), or null when it has none. */
export function timelineEntryUrl(t: Pick<TimelineEntry, 'area' | 'refId'>, openid: string | undefined): string | null {
  const activity = activityOf(t.refId, openid);
  switch (t.area) {
    case 'membership':
      return ROUTES.applicationStatus;
    case 'transfer':
      return ROUTES.transfer;
    case 'legalAid':
    case 'legalAidReminder':
      return withParams(ROUTES.legalAidDetail, { id: t.refId });
    case 'recuperation':
      return activity ? withParams(ROUTES.recuperationDetail, { id: activity }) : ROUTES.recuperationMine;
    case 'competition':
      return activity ? withParams(ROUTES.competitionEvent, { id: activity }) : ROUTES.competitionMine;
    case 'matchmaking':
      return activity ? withParams(ROUTES.matchmakingDetail, { id: activity }) : ROUTES.matchmakingMatches;
    default:
      return null;
  }
}
