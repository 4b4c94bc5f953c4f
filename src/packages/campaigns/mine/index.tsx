import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import './index.scss';

/**
 * 送温暖·送清凉 for the member (免申即享: nothing to apply for): what the union has put aside for them, until when
 * and where to collect it with the electronic union card; then 已领取 with the date and station.
 * Test ids: `campaigns-item`, `campaigns-status`, `campaigns-station`.
 */
export default function MyCampaigns() {
  const mine = useRemote(() => call('campaigns.mine', {}), { refreshOnShow: true });
  const items = mine.data?.items ?? [];
  return (
    <PageShell className='cp-mine' page='campaignsMine'>
      <StateView
        remote={mine}
        empty={!!mine.data && items.length === 0}
        emptyText='工会开展夏送清凉、冬送温暖等慰问时，如果您在发放名单上，会在这里和“消息与待办”里看到，无需申请。'
      >
        {items.map((i) => (
          <View key={i.campaignId} className='cp-card' data-testid='campaigns-item'>
            <Text className='cp-title'>
              {i.title} · <Text data-testid='campaigns-status'>{i.statusLabel}</Text>
            </Text>
            <Text className='cp-gift'>{i.gift}</Text>
            {i.status === 'collected' ? (
              <Row label='领取情况'>
                {i.collectedAt ? formatDateTime(i.collectedAt) : ''} 在{i.stationName}领取
              </Row>
            ) : (
              <View>
                <Row label='领取时间'>
                  {i.startDate} 至 {i.endDate}
                </Row>
                {i.status === 'listed' &&
                  i.stations.map((s) => (
                    <Row key={s.id} label={s.name} valueTestId='campaigns-station'>
                      {s.address}
                    </Row>
                  ))}
                {i.status === 'listed' && (
                  <Text className='muted'>请在领取时间内到任一领取点，出示电子工会卡（二维码或下方核验码）领取。</Text>
                )}
              </View>
            )}
          </View>
        ))}
      </StateView>
    </PageShell>
  );
}
