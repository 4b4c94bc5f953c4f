import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import './StateView.scss';

export interface StateViewProps {
  loading?: boolean;
  error?: string | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  /** Shown instead of the default empty text (e.g. a call to action). */
  emptyAction?: ReactNode;
  children?: ReactNode;
}

/** Loading / error (with 重试) / empty, or the content. Every screen goes through it. */
export function StateView(props: StateViewProps) {
  const { loading, error, empty, emptyText = '暂无内容', onRetry, emptyAction, children } = props;
  if (loading) {
    return (
      <View className='state state-loading'>
        <View className='state-spinner' />
        <Text className='state-text'>加载中…</Text>
      </View>
    );
  }
  if (error) {
    return (
      <View className='state state-error'>
        <Text className='state-text'>{error}</Text>
        {onRetry && (
          <View className='state-retry' onClick={onRetry}>
            重试
          </View>
        )}
      </View>
    );
  }
  if (empty) {
    return (
      <View className='state state-empty'>
        <Text className='state-text'>{emptyText}</Text>
        {emptyAction}
      </View>
    );
  }
  return <>{children}</>;
}
