import { useRef } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { tabOfPath, useTabBar } from '../stores/tabBar';

/**
 * On weapp, a tab page selects its tab in the app's own tab bar each time it is shown (switching tabs, coming
 * back from a sub-page). Called by PageShell, so no page carries code for it; pages outside the tabs do nothing.
 * H5 keeps Taro's tab bar, which follows the route itself.
 */
export function useTabBarSelection(): void {
  // The page being rendered: Taro sets the router before it mounts a page.
  const tab = useRef(process.env.TARO_ENV === 'weapp' ? tabOfPath(Taro.getCurrentInstance().router?.path) : null).current;
  useDidShow(() => {
    if (tab) useTabBar.getState().select(tab);
  });
}
