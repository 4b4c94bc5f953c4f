import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../../api/client';
import { LoadMore } from '../../../../components/LoadMore';
import { PageShell } from '../../../../components/PageShell';
import { StateView } from '../../../../components/StateView';
import { usePagedRemote } from '../../../../hooks/usePagedRemote';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES, go } from '../../../../utils/nav';
import { RegistrationList, type Decision } from '../../components/RegistrationList';
import { CheckInPanel, checkInOpen } from '../../../../components/enrollment/CheckInPanel';
import { Tabs } from '../../../../components/Tabs';
import { dayTime, PHASE_TEXT } from '../../format';
import type { Stage } from '../../types';
import { EventActions } from './EventActions';
import '../../competitions.scss';

type Filter = Stage | 'all';
const TABS: { key: Filter; label: string }[] = [
  { key: 'unit', label: '待推荐' },
  { key: 'review', label: '待审核' },
  { key: 'approved', label: '已通过' },
  { key: 'waitlisted', label: '候补' },
  { key: 'ended', label: '已结束' },
  { key: 'all', label: '全部' },
];

/**
 * 报名管理 of one event, by stage: the organiser approves or rejects registrations confirmed by their units;
 * a unit's staff confirm (单位推荐) their own members. Test ids `competitions-registrations-tabs` (tabs by their
 * words), `competitions-to-scores`, `competitions-scores-not-yet`, the list's and the actions' own.
 */
export default function Registrations() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const event = useRemote(() => call('competitions.event', { eventId: id }), { refreshOnShow: true });
  const [filter, setFilter] = useState<Filter>('unit');
  const list = usePagedRemote(
    (page) => call('competitions.registrations', { eventId: id, page, ...(filter === 'all' ? {} : { stage: filter }) }),
    {
      refreshOnShow: true,
      deps: [filter],
    },
  );
  const ev = event.data?.event;
  const organiser = !!event.data?.canManage;
  const decisions: [Decision, Decision] | null =
    filter === 'unit' ? ['confirm', 'decline'] : filter === 'review' && organiser ? ['approve', 'reject'] : null;
  const reload = () => {
    event.reload();
    list.reload();
  };
  return (
    <PageShell className='competitions-registrations' page='competitionRegistrations'>
      <StateView remote={event} loading={event.loading && !ev}>
        {ev && (
          <View className='section'>
            <Text className='section-title'>{ev.title}</Text>
            <Text className='muted'>
              {PHASE_TEXT[ev.phase]} · 报名截止 {dayTime(ev.signupEnd)} · 名额 {ev.capacity}，剩余 {ev.seatsLeft}
              {ev.unitCap ? ` · 每单位限${ev.unitCap}` : ''}
            </Text>
            {organiser && <EventActions ev={ev} onChanged={reload} />}
            {/* Scores only once the event has taken place: before that the entry is shown disabled, with why. */}
            {organiser && !ev.scoringNotYet && (
              <View
                className='competitions-link competitions-to-scores'
                data-testid='competitions-to-scores'
                onClick={() => go(`${ROUTES.competitionScores}?id=${ev._id}`)}
              >
                <Text>成绩管理</Text>
                <Text>›</Text>
              </View>
            )}
            {organiser && ev.scoringNotYet && (
              <View className='competitions-link competitions-link-disabled' data-testid='competitions-scores-not-yet'>
                <Text>成绩管理</Text>
                <Text className='muted competitions-not-yet'>{ev.scoringNotYet}</Text>
              </View>
            )}
          </View>
        )}
        {/* 赛前签到: a team checks in with its captain's code; entrants not checked in by the end are 未到 (no-show task) */}
        {ev && organiser && ev.status !== 'draft' && checkInOpen(ev) && (
          <CheckInPanel prefix='competitions' title='赛前签到' activityId={ev._id} onChanged={list.reload} />
        )}
      </StateView>
      <View data-testid='competitions-registrations-tabs'>
        <Tabs prefix='competitions' tabs={TABS} value={filter} onChange={setFilter} />
      </View>
      <StateView
        remote={list}
        loading={list.loading && !list.data}
        empty={!!list.data && list.data.items.length === 0}
        emptyText={filter === 'unit' ? '没有等待单位推荐的报名' : filter === 'review' ? '没有等待审核的报名' : '暂无报名记录'}
      >
        {list.data && (
          <RegistrationList
            key={filter}
            rows={list.data.items}
            selectable={(r) => (filter === 'unit' ? r.canConfirm : filter === 'review' && organiser && r.status === 'pending')}
            decisions={decisions}
            onChanged={reload}
          />
        )}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
