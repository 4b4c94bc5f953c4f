import { View, Text, Image } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDate } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import './index.scss';

/** One notice: title, date, union, cover, body. e2e hooks: `.notice-title`, `.notice-meta`, `.notice-body`. */
export default function NoticeDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const notice = useRemote(() => call('notices.get', { noticeId: id }), { refreshOnShow: true });
  const n = notice.data;
  return (
    <PageShell className='notice-detail' page='noticeDetail'>
      <StateView remote={notice} loading={notice.loading && !n}>
        {n && (
          <View className='section notice-article'>
            <Text className='notice-title' data-testid='notices-detail-title'>
              {n.title}
            </Text>
            <Text className='notice-meta' data-testid='notices-detail-meta'>
              {n.orgName} · {formatDate(n.date)}
            </Text>
            {n.coverUrl && <Image className='notice-cover' src={n.coverUrl} mode='widthFix' />}
            <View className='notice-body' data-testid='notices-detail-body'>
              {n.body.split(/\n+/).map((paragraph, i) => (
                <Text key={i} className='notice-paragraph'>
                  {paragraph}
                </Text>
              ))}
            </View>
            {n.editable && (
              <Button
                block
                kind='plain'
                className='notice-edit'
                onClick={() => go(`${ROUTES.noticeEdit}?id=${encodeURIComponent(n._id)}`)}
              >
                编辑
              </Button>
            )}
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
