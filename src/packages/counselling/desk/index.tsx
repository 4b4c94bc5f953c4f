import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES, go } from '../../../utils/nav';
import { withQuery } from '../../legal-aid/query';
import { Hotlines } from '../components/Hotlines';
import { dayText, STATUS_TAG } from '../format';
import '../counselling.scss';

/**
 * 咨询台 of one room (its counsellors): upcoming and past sessions — the pseudonym, the phone and the time, and
 * nothing else of the member. Test ids `counselling-desk-tab-<view>`, `counselling-desk-row`,
 * `counselling-desk-pseudonym`, `counselling-desk-contact`, `counselling-desk-time`.
 */
export default function Desk() {
  const { params } = useRouter();
  const roomId = decodeURIComponent(params.roomId ?? '');
  const [view, setView] = useState<'upcoming' | 'past'>('upcoming');
  const desk = useRemote(() => call('counselling.desk', { roomId, view }), { refreshOnShow: true, deps: [view] });
  return (
    <PageShell className='cs-desk' page='counsellingDesk'>
      <Hotlines />
      <View className='cs-card cs-chips'>
        {(['upcoming', 'past'] as const).map((v) => (
          <View
            key={v}
            className={`cs-chip ${v === view ? 'cs-chip-on' : ''}`}
            data-testid={`counselling-desk-tab-${v}`}
            onClick={() => setView(v)}
          >
            {v === 'upcoming' ? '即将' : '已过'}
          </View>
        ))}
      </View>
      <StateView
        remote={desk}
        loading={desk.loading && !desk.data}
        empty={!!desk.data && desk.data.items.length === 0}
        emptyText={view === 'upcoming' ? '暂无待进行的咨询' : '暂无已过的咨询'}
      >
        {desk.data?.items.map((s) => (
          <View
            key={s._id}
            className='cs-card'
            data-testid='counselling-desk-row'
            onClick={() => go(withQuery(ROUTES.counsellingSession, { id: s._id }))}
          >
            <Text className='cs-title'>
              <Text data-testid='counselling-desk-pseudonym'>{s.pseudonym}</Text>（化名）{' '}
              <Text className={`tag ${STATUS_TAG[s.status] ?? ''}`}>{s.statusText}</Text>
            </Text>
            <Row label='时间' valueTestId='counselling-desk-time'>{`${dayText(s.date)} ${s.start}–${s.end}`}</Row>
            <Row label='联系电话' valueTestId='counselling-desk-contact'>
              {s.contact}
            </Row>
          </View>
        ))}
      </StateView>
    </PageShell>
  );
}
