import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { Hotlines } from '../components/Hotlines';
import '../counselling.scss';

function monthOf(offset: number): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 7);
}

/**
 * 预约统计 (union staff): per room and month, how many sessions were open, booked, completed, missed and
 * cancelled — counts only, never who. Test ids `counselling-month-<offset>`, `counselling-stats-row`.
 */
export default function Stats() {
  const [offset, setOffset] = useState(0);
  const month = monthOf(offset);
  const stats = useRemote(() => call('counselling.stats', { month }), { deps: [month] });
  return (
    <PageShell className='cs-stats' page='counsellingStats'>
      <Hotlines />
      <View className='cs-card cs-chips'>
        {[-1, 0, 1].map((o) => (
          <View
            key={o}
            className={`cs-chip ${o === offset ? 'cs-chip-on' : ''}`}
            data-testid={`counselling-month-${o}`}
            onClick={() => setOffset(o)}
          >
            {monthOf(o)}
          </View>
        ))}
      </View>
      <StateView
        remote={stats}
        loading={stats.loading && !stats.data}
        empty={!!stats.data && stats.data.items.length === 0}
        emptyText='您管辖的工会暂无心理咨询室'
      >
        {stats.data?.items.map((r) => (
          <View key={r.roomId} className='cs-card' data-testid='counselling-stats-row'>
            <Text className='cs-title'>{r.roomName}</Text>
            <Row label='开放时段'>{String(r.slots)}</Row>
            <Row label='已预约'>{String(r.booked)}</Row>
            <Row label='已完成'>{String(r.completed)}</Row>
            <Row label='未到场'>{String(r.noShow)}</Row>
            <Row label='已取消'>{String(r.cancelled)}</Row>
          </View>
        ))}
      </StateView>
    </PageShell>
  );
}
