import { call } from '../../../api/client';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../utils/nav';
import { NoticeItem } from '../NoticeItem';
import '../notices.scss';

/** 工会动态: every notice, newest first, 10 a page. */
export default function NoticeList() {
  const list = usePagedRemote((page) => call('notices.list', { page }), { refreshOnShow: true });
  return (
    <PageShell className='notice-list' page='noticeList' testId='notices-list'>
      <StateView remote={list} empty={!!list.data && list.data.items.length === 0} emptyText='暂无工会动态'>
        {list.data?.items.map((n) => (
          <NoticeItem key={n._id} notice={n} onOpen={() => go(`${ROUTES.noticeDetail}?id=${encodeURIComponent(n._id)}`)} />
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
