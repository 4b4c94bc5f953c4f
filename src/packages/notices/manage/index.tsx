import { useState } from 'react';
import { View } from '@tarojs/components';
import { call } from '../../../api/client';
import type { NoticeSummary } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../utils/nav';
import { NoticeItem } from '../NoticeItem';
import '../notices.scss';

const editUrl = (id?: string) => (id ? `${ROUTES.noticeEdit}?id=${encodeURIComponent(id)}` : ROUTES.noticeEdit);

/**
 * 动态管理 (union staff): the notices of their unions, to publish, edit and delete.
 * Test ids: `notices-new`, `notices-item`, `notices-edit`, `notices-remove`, dialog `notices-remove-dialog`.
 */
export default function NoticeManage() {
  const list = usePagedRemote((page) => call('notices.list', { page, mine: true }), { refreshOnShow: true });
  const [removing, setRemoving] = useState<NoticeSummary | null>(null);
  const act = useAction();

  const remove = async () => {
    if (!removing) return;
    await act.run(() => call('notices.remove', { noticeId: removing._id }), {
      success: '已删除',
      failTitle: '操作失败',
      onDone: list.reload,
    });
    setRemoving(null);
  };

  return (
    <PageShell className='notice-manage' page='noticeManage' testId='notices-manage'>
      <View className='notices-head'>
        <Button block className='notice-new' testId='notices-new' onClick={() => go(editUrl())}>
          发布工会动态
        </Button>
      </View>
      <StateView remote={list} empty={!!list.data && list.data.items.length === 0} emptyText='还没有发布过工会动态'>
        {list.data?.items.map((n) => (
          <NoticeItem
            key={n._id}
            notice={n}
            onOpen={() => go(`${ROUTES.noticeDetail}?id=${encodeURIComponent(n._id)}`)}
            actions={
              <>
                <Button small kind='quiet' className='notice-remove' testId='notices-remove' onClick={() => setRemoving(n)}>
                  删除
                </Button>
                <Button
                  small
                  kind='plain'
                  className='notice-edit-button'
                  testId='notices-edit'
                  onClick={() => go(editUrl(n._id))}
                >
                  编辑
                </Button>
              </>
            }
          />
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
      <ConfirmDialog
        visible={!!removing}
        title='删除动态'
        confirmText='删除'
        busy={act.busy}
        className='notice-remove-dialog'
        testId='notices-remove-dialog'
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        确认删除「{removing?.title}」？删除后会员将不再看到这条动态。
      </ConfirmDialog>
    </PageShell>
  );
}
