import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { errorAdvice } from '../api/errorAdvice';
import type { RemoteState } from '../hooks/useRemote';
import { Button } from './Button';
import './StateView.scss';

/** What a screen loaded with useRemote: its loading, error and reload (StateView's defaults when given). */
export type RemoteStatus = Pick<RemoteState<unknown>, 'loading' | 'error' | 'errorCode' | 'reload'>;

/** Several loads as one (a form that needs the session and a list): loading while any is, the first failure with
 * its code, and 重试 reloads each load that failed. */
export function allLoads(...loads: RemoteStatus[]): RemoteStatus {
  const failed = loads.find((l) => l.error);
  return {
    loading: loads.some((l) => l.loading),
    error: failed?.error ?? null,
    errorCode: failed?.errorCode ?? null,
    reload: () => loads.filter((l) => l.error).forEach((l) => l.reload()),
  };
}

export interface StateViewProps {
  /** The load this view shows (useRemote's state): loading, error, errorCode and onRetry unless given. */
  remote?: RemoteStatus;
  loading?: boolean;
  error?: string | null;
  /** The error's code: 重试 is offered only when trying again can help (network, server busy). */
  errorCode?: string | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  /** Shown under the empty text (e.g. a call to action). */
  emptyAction?: ReactNode;
  children?: ReactNode;
}

/** Loading / error (with 重试 or what to do) / empty, or the content. Every screen goes through it. */
export function StateView(props: StateViewProps) {
  const { remote, empty, emptyText = '暂无内容', emptyAction, children } = props;
  const loading = props.loading ?? remote?.loading;
  const error = props.error ?? remote?.error;
  const errorCode = props.errorCode ?? remote?.errorCode;
  const onRetry = props.onRetry ?? remote?.reload;
  if (loading) {
    return (
      <View className='state state-loading' data-testid='state-loading'>
        <View className='state-spinner' />
        <Text className='state-text'>加载中…</Text>
      </View>
    );
  }
  if (error) {
    const advice = errorAdvice(errorCode);
    return (
      <View className='state state-error' data-testid='state-error'>
        <Text className='state-text'>{error}</Text>
        {advice.hint && (
          <Text className='state-hint' data-testid='state-hint'>
            {advice.hint}
          </Text>
        )}
        {advice.retry && onRetry && (
          <Button kind='plain' className='state-retry' testId='state-retry' onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    );
  }
  if (empty) {
    return (
      <View className='state state-empty' data-testid='state-empty'>
        <Text className='state-text'>{emptyText}</Text>
        {emptyAction && <View className='state-action'>{emptyAction}</View>}
      </View>
    );
  }
  return <>{children}</>;
}
