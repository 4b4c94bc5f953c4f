import { Text, View } from '@tarojs/components';
import { ROUTES, go } from '../utils/nav';
import './InboxEntry.scss';

export interface InboxEntryProps {
  /** Items waiting (inbox.count): a badge when there are any. */
  count: number;
  /** `data-testid` of the entry (e.g. home-inbox, me-inbox). */
  testId: string;
}

/** The way into 消息与待办 from 首页 and 我的, with the count as a badge (`inbox-badge`). */
export function InboxEntry({ count, testId }: InboxEntryProps) {
  return (
    <View className='row row-link inbox-entry' data-testid={testId} onClick={() => go(ROUTES.inbox)}>
      <Text className='inbox-entry-label'>消息与待办</Text>
      <View className='inbox-entry-right'>
        {count > 0 ? (
          <Text className='inbox-badge' data-testid='inbox-badge'>
            {count > 99 ? '99+' : count}
          </Text>
        ) : (
          <Text className='muted inbox-entry-none'>暂无待办</Text>
        )}
        <Text className='row-arrow'>›</Text>
      </View>
    </View>
  );
}
