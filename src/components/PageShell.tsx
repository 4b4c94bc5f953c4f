import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './PageShell.scss';

/** Common page frame. */
export function PageShell({ className, children }: { className?: string; children?: ReactNode }) {
  return <View className={`page ${className ?? ''}`}>{children}</View>;
}
