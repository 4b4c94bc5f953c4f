import { useEffect, type ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { pageTitle, type RouteName } from '../features';
import { useCareMode } from '../stores/careMode';
import { goBack } from '../utils/nav';
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

/** Common page frame: 关怀模式 (class `care-mode`, larger sizes through --font-scale) and the H5 title bar. */
export function PageShell({ className, page, title, children, testId }: PageShellProps) {
  const care = useCareMode((s) => s.enabled);
  useEffect(() => {
    // H5 draws the tab bar outside the page: its labels grow with a class on the document (app.scss).
    if (process.env.TARO_ENV === 'h5') document.body.classList.toggle('care-mode-app', care);
  }, [care]);
  const heading = title ?? (page ? pageTitle(page) : '');
  const titleBar = process.env.TARO_ENV === 'h5' && !!heading;
  return (
    <View
      className={`page ${care ? 'care-mode' : ''} ${titleBar ? 'has-title-bar' : ''} ${className ?? ''}`}
      data-testid={testId}
      data-care-mode={care ? 'on' : 'off'}
    >
      {titleBar && <TitleBar title={heading} />}
      {children}
    </View>
  );
}
