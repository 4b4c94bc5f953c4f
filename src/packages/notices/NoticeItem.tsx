import type { ReactNode } from 'react';
import { View, Text, Image } from '@tarojs/components';
import type { NoticeSummary } from '../../api/types';
import { formatDate } from '../../utils/format';

interface NoticeItemProps {
  notice: NoticeSummary;
  onOpen: () => void;
  /** Buttons under the item (动态管理: 编辑 / 删除). */
  actions?: ReactNode;
}

/** One notice in a list: cover thumbnail, title, union and date, the first lines. Test id: `notices-item`. */
export function NoticeItem({ notice, onOpen, actions }: NoticeItemProps) {
  return (
    <View className='notice-item' data-testid='notices-item' data-id={notice._id}>
      <View className='notice-item-main' onClick={onOpen}>
        {notice.coverUrl && <Image className='notice-item-cover' src={notice.coverUrl} mode='aspectFill' />}
        <View className='notice-item-text'>
          <Text className='notice-item-title'>{notice.title}</Text>
          <Text className='notice-item-meta'>
            {notice.orgName} · {formatDate(notice.date)}
          </Text>
          <Text className='notice-item-excerpt'>{notice.excerpt}</Text>
        </View>
      </View>
      {actions && <View className='notice-item-actions'>{actions}</View>}
    </View>
  );
}
