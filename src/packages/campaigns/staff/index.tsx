import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { PagedList } from '../../../components/PagedList';
import { Row } from '../../../components/Row';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../utils/nav';
import './index.scss';

/**
 * 送温暖·送清凉 for union staff: the campaigns of their unions (to build the list and see who collected) and of
 * the unions above them (to hand out at their station). Test ids: `campaigns-new`, `campaigns-row`,
 * `campaigns-open-<id>`, `campaigns-handout-<id>`.
 */
export default function CampaignsStaff() {
  const list = usePagedRemote((page) => call('campaigns.list', { page }), { refreshOnShow: true });
  return (
    <PageShell className='cp-staff' page='campaignsStaff'>
      <View className='cp-card'>
        <Button block testId='campaigns-new' onClick={() => go(ROUTES.campaignsNew)}>
          新建慰问活动
        </Button>
      </View>
      <PagedList list={list} emptyText='还没有送温暖、送清凉活动。新建一个活动，再从困难职工档案或户外劳动者中生成发放名单。'>
        {(c) => (
          <View key={c._id} className='cp-card' data-testid='campaigns-row'>
            <Text className='cp-title'>
              {c.title} · {c.statusLabel}
            </Text>
            <Row label='慰问内容'>{c.gift}</Row>
            <Row label='领取时间'>
              {c.startDate} 至 {c.endDate}
            </Row>
            <Row label='主办工会'>{c.orgName}</Row>
            <Row label='已领取'>{c.collectedCount} 人</Row>
            <View className='cp-actions'>
              {c.canManage && (
                <Button
                  small
                  kind='plain'
                  testId={`campaigns-open-${c._id}`}
                  onClick={() => go(`${ROUTES.campaignsDetail}?id=${encodeURIComponent(c._id)}`)}
                >
                  发放名单
                </Button>
              )}
              {c.status === 'open' && (
                <Button
                  small
                  testId={`campaigns-handout-${c._id}`}
                  onClick={() => go(`${ROUTES.campaignsHandout}?id=${encodeURIComponent(c._id)}`)}
                >
                  发放
                </Button>
              )}
            </View>
          </View>
        )}
      </PagedList>
    </PageShell>
  );
}
