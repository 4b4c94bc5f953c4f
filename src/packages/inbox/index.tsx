import { Text, View } from '@tarojs/components';
import { call } from '../../api/client';
import { Button } from '../../components/Button';
import { chinaFormat } from '../../components/enrollment/chinaTime';
import { PageShell } from '../../components/PageShell';
import { PagedList } from '../../components/PagedList';
import { usePagedRemote } from '../../hooks/usePagedRemote';
import { openInboxItem, type InboxItem } from '../../utils/inbox';
import { ROUTES, go } from '../../utils/nav';
import './index.scss';

/**
 * 消息与待办: everything that needs the member — to do (an offer to confirm, an invitation, a correction, a booking)
 * and to read (a result, a 公示, a match) — most urgent first, then newest. Tapping an item opens the page where the
 * member acts; an item to read is marked seen first (it leaves the list). To-do items leave when done.
 * A deadline is in the item's note (worded by the area, in China time). Times show in China time.
 * e2e hooks: `inbox-page`, `inbox-item` (with `data-key`, `data-kind`), `inbox-item-title`, `inbox-item-at`.
 */
export default function Inbox() {
  const list = usePagedRemote((page) => call('inbox.list', { page }), { refreshOnShow: true });

  const open = (item: InboxItem) => {
    // Opening is what clears an item to read: the mark is best effort (the page opens either way).
    if (item.kind === 'info') void call('inbox.seen', { key: item.key }).catch(() => undefined);
    openInboxItem(item);
  };

  return (
    <PageShell className='inbox' page='inbox' testId='inbox-page'>
      {list.data && list.data.total > 0 && (
        <Text className='inbox-summary muted' data-testid='inbox-summary'>
          共{list.data.total}条，待办事项请在截止前处理
        </Text>
      )}
      <PagedList
        list={list}
        emptyText='暂无待办'
        emptyAction={
          <View className='inbox-empty'>
            <Text className='muted'>报名、预约、邀请和审核结果有新进展时会出现在这里。</Text>
            <Button kind='plain' className='inbox-go-services' testId='inbox-go-services' onClick={() => go(ROUTES.services)}>
              去看看服务
            </Button>
          </View>
        }
      >
        {(item) => (
          <View
            key={item.key}
            className={`inbox-item inbox-item-${item.kind}`}
            data-testid='inbox-item'
            data-key={item.key}
            data-kind={item.kind}
            onClick={() => open(item)}
          >
            <View className='inbox-item-head'>
              <Text className={`tag ${item.kind === 'todo' ? 'tag-pending' : 'tag-info'} inbox-item-tag`}>
                {item.kind === 'todo' ? '待办' : '通知'}
              </Text>
              <Text className='inbox-item-label muted'>{item.label}</Text>
              <Text className='inbox-item-at muted' data-testid='inbox-item-at'>
                {chinaFormat(item.at, 'M月D日 HH:mm')}
              </Text>
            </View>
            <Text className='inbox-item-title' data-testid='inbox-item-title'>
              {item.title}
            </Text>
            {item.note && <Text className='inbox-item-note muted'>{item.note}</Text>}
            <Text className='inbox-item-go'>{item.kind === 'todo' ? '去处理 ›' : '查看 ›'}</Text>
          </View>
        )}
      </PagedList>
    </PageShell>
  );
}
