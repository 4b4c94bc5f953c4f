import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { BOOKING_STATUS_LABELS, CONSULT_TYPE_LABELS, MEMBER_KIND_LABELS, WAY_LABELS } from '@rules/legalAid';
import { call } from '../../../api/client';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../utils/nav';
import { slotText, STATUS_TAG } from '../format';
import { withQuery } from '../query';
import './index.scss';

type View3 = 'today' | 'upcoming' | 'past';
const TABS: Array<{ key: View3; label: string }> = [
  { key: 'today', label: '今日' },
  { key: 'upcoming', label: '即将' },
  { key: 'past', label: '已过' },
];
const EMPTY: Record<View3, string> = { today: '今天没有预约', upcoming: '暂无后续预约', past: '暂无记录' };

/**
 * 值班台 for duty lawyers and station staff: today's, upcoming and past bookings of their station — names and
 * kinds, never the case (opened one by one, audited). e2e hooks `.la-tab-<key>`, `.la-desk-item`, `.la-desk-count`.
 */
export default function Desk() {
  const [tab, setTab] = useState<View3>('today');
  const list = usePagedRemote((page) => call('legalAid.bookings', { view: tab, page }), { refreshOnShow: true, deps: [tab] });
  return (
    <PageShell className='la-desk' page='legalAidDesk'>
      <View className='la-tabs'>
        {TABS.map((t) => (
          <View
            key={t.key}
            className={`la-tab la-tab-${t.key} ${t.key === tab ? 'la-tab-on' : ''}`}
            data-testid={`legal-aid-tab-${t.key}`}
            onClick={() => setTab(t.key)}
          >
            {t.label}
          </View>
        ))}
      </View>
      <StateView remote={list} empty={!!list.data && list.data.items.length === 0} emptyText={EMPTY[tab]}>
        <Text className='muted la-desk-count' style={{ display: 'block', margin: '16px 24px 0' }}>
          共 {list.data?.total ?? 0} 个预约
        </Text>
        {list.data?.items.map((b) => (
          <View
            key={b._id}
            className='la-item la-desk-item'
            data-testid='legal-aid-desk-item'
            onClick={() => go(withQuery(ROUTES.legalAidCase, { id: b._id }))}
          >
            <View className='la-item-head'>
              <Text className='la-item-title'>
                {b.name}
                {b.memberKind === 'non_member' ? `（${MEMBER_KIND_LABELS.non_member}）` : ''}
              </Text>
              <Text className={`tag ${STATUS_TAG[b.status] ?? 'tag-none'}`}>{BOOKING_STATUS_LABELS[b.status]}</Text>
            </View>
            <Text className='la-line'>{slotText(b)}</Text>
            <Text className='la-line'>
              {CONSULT_TYPE_LABELS[b.type]} · {WAY_LABELS[b.way]}
              {b.mobileMasked ? ` · ${b.mobileMasked}` : ''}
              {b.evidenceCount ? ` · 材料${b.evidenceCount}份` : ''}
            </Text>
          </View>
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
