import { useEffect, type ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { isPathOn, pageTitle, type RouteName } from '../features';
import { useTabBarSelection } from '../hooks/useTabBarSelection';
import { useCareMode } from '../stores/careMode';
import { useSettings } from '../stores/settings';
import { goBack, ROUTES } from '../utils/nav';
import { Button } from './Button';
import './PageShell.scss';

export interface PageShellProps {
  className?: string;
  /** A sub-page's route name: on H5 it gets a title bar (its title from the feature list) and 返回. */
  page?: RouteName;
  /** Overrides the title (e.g. 发布动态 / 编辑动态 on one page). */
  title?: string;
  children?: ReactNode;
  /** `data-testid` of the page (its `data-care-mode` says whether 关怀模式 is on). */
  testId?: string;
}

/** H5 stands in for the mini-program's navigation bar on sub-pages: the title and a way back. */
function TitleBar({ title }: { title: string }) {
  return (
    <View className='title-bar'>
      <View className='title-bar-back' data-testid='title-bar-back' onClick={goBack}>
        ‹ 返回
      </View>
      <Text className='title-bar-title' data-testid='title-bar-title'>
        {title}
      </Text>
    </View>
  );
}

/**
 * A page of an area the union has switched off, opened directly (a shared card, an old link, a reminder): it says
 * so instead of offering what does not exist (the area's actions are refused by the server too).
 */
function AreaOff() {
  return (
    <View className='area-off' data-testid='area-off'>
      <Text className='area-off-title'>该服务暂未开通</Text>
      <Text className='area-off-text'>本工会暂未开通此项服务，如有需要请联系所属工会。</Text>
      <Button testId='area-off-home' onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
        返回首页
      </Button>
    </View>
  );
}

/**
 * Common page frame: 关怀模式 (class `care-mode`, larger sizes through --font-scale), the H5 title bar, and on weapp
 * a tab page selects its tab in the app's own tab bar when shown.
 */
export function PageShell({ className, page, title, children, testId }: PageShellProps) {
  const care = useCareMode((s) => s.enabled);
  useTabBarSelection();
  useEffect(() => {
    // H5 draws the tab bar outside the page: its labels grow with a class on the document (app.scss).
    if (process.env.TARO_ENV === 'h5') document.body.classList.toggle('care-mode-app', care);
  }, [care]);
  const settings = useSettings();
  const off = !!page && !!settings && !isPathOn(ROUTES[page], settings.areas);
  const heading = title ?? (page ? pageTitle(page) : '');
  const titleBar = process.env.TARO_ENV === 'h5' && !!heading;
  return (
    <View
      className={`page ${care ? 'care-mode' : ''} ${titleBar ? 'has-title-bar' : ''} ${className ?? ''}`}
      data-testid={testId}
      data-care-mode={care ? 'on' : 'off'}
    >
      {titleBar && <TitleBar title={heading} />}
      {off ? <AreaOff /> : children}
    </View>
  );
}
