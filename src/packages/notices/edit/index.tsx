import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import type { NoticeView } from '../../../api/types';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { NoticeForm } from './NoticeForm';

/** 发布 / 编辑工会动态 (union staff). With `?id=` the notice is loaded first and edited. */
export default function NoticeEdit() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const notice = useRemote<NoticeView | null>(() => (id ? call('notices.get', { noticeId: id }) : Promise.resolve(null)));
  return (
    <PageShell className='notice-edit-page' page='noticeEdit' title={id ? '编辑动态' : '发布动态'}>
      <StateView remote={notice}>{notice.data !== undefined && <NoticeForm key={id || 'new'} initial={notice.data} />}</StateView>
    </PageShell>
  );
}
