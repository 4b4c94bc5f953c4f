import { Text, View } from '@tarojs/components';
import './LoadMore.scss';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  onLoad: () => void;
}

/** The foot of a paged list: 加载更多 / 加载中… / 已全部显示, and the error of a failed page with a retry. */
export function LoadMore({ hasMore, loading, error, onLoad }: LoadMoreProps) {
  if (error) {
    return (
      <View className='load-more load-more-error' data-testid='load-more-error' onClick={onLoad}>
        <Text>{error}，点击重试</Text>
      </View>
    );
  }
  if (!hasMore)
    return (
      <View className='load-more load-more-end' data-testid='load-more-end'>
        已全部显示
      </View>
    );
  return (
    <View className='load-more load-more-button' data-testid='load-more-button' onClick={loading ? undefined : onLoad}>
      <Text>{loading ? '加载中…' : '加载更多'}</Text>
    </View>
  );
}
