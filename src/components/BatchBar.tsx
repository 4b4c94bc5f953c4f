import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './BatchBar.scss';

export interface BatchBarProps {
  className?: string;
  /** `data-testid` of the bar. */
  testId?: string;
  children?: ReactNode;
}

/**
 * The bar of a review queue's batch actions (批量通过, 审核通过 / 未通过 of the ticked ones), docked at the bottom of
 * the screen however short the list: a sticky bar sat right under a short list, half way up the phone. A spacer of
 * its height ends the page, so the last item can still be scrolled above it.
 */
export function BatchBar({ className, testId, children }: BatchBarProps) {
  return (
    <>
      <View className='batch-bar-space' />
      <View className={`batch-bar ${className ?? ''}`} data-testid={testId}>
        {children}
      </View>
    </>
  );
}
