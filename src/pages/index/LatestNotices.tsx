import { View, Text, Image } from '@tarojs/components';
import { call } from '../../api/client';
import { StateView } from '../../components/StateView';
import { useRemote } from '../../hooks/useRemote';
import { formatDate } from '../../utils/format';
import { ROUTES, go } from '../../utils/nav';

const SHOWN = 3;

/** 工会动态 on the home page: the latest notices, each opening its page. e2e hook: `.home-notice`. */
export function LatestNotices() {
  const notices = useRemote(() => call('notices.list', { page: 1 }), { refreshOnShow: true });
  const items = notices.data?.items.slice(0, SHOWN) ?? [];
  return (
    <View className='section home-notices'>
      <View className='section-head'>
        <Text className='section-title'>工会动态</Text>
        {(notices.data?.total ?? 0) > SHOWN && (
          <Text className='section-more home-notices-more' data-testid='home-notices-more' onClick={() => go(ROUTES.noticeList)}>
            更多 ›
          </Text>
        )}
      </View>
      <StateView
        remote={notices}
        loading={notices.loading && !notices.data}
        empty={!!notices.data && items.length === 0}
        emptyText='暂无工会动态'
      >
        {items.map((n) => (
          <View
            key={n._id}
            className='home-notice'
            data-testid='home-notice'
            data-id={n._id}
            onClick={() => go(`${ROUTES.noticeDetail}?id=${encodeURIComponent(n._id)}`)}
          >
            <View className='home-notice-text'>
              <Text className='home-notice-title' data-testid='home-notice-title'>
                {n.title}
              </Text>
              <Text className='home-notice-excerpt'>{n.excerpt}</Text>
              <Text className='home-notice-meta'>
                {n.orgName} · {formatDate(n.date)}
              </Text>
            </View>
            {n.coverUrl && <Image className='home-notice-cover' src={n.coverUrl} mode='aspectFill' />}
          </View>
        ))}
      </StateView>
    </View>
  );
}
