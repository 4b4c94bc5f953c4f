import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../../api/client';
import { PagedList } from '../../../../components/PagedList';
import { PageShell } from '../../../../components/PageShell';
import { StateView } from '../../../../components/StateView';
import { usePagedRemote } from '../../../../hooks/usePagedRemote';
import { useRemote } from '../../../../hooks/useRemote';
import { PersonCard } from '../../components/PersonCard';
import { Tabs } from '../../../../components/Tabs';
import { dayTime, PHASE_TEXT, seatsText, statusTone, when } from '../../format';
import type { OrganiserItem } from '../../types';
import { BulkReview } from '../../../../components/enrollment/BulkReview';
import { CheckInPanel, checkInOpen } from '../../../../components/enrollment/CheckInPanel';
import { EventActions } from './EventActions';
import { Reports } from './Reports';
import '../../matchmaking.scss';
import './index.scss';

type Filter = 'all' | 'pending' | 'approved' | 'waitlisted';
const TABS: { key: Filter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'pending', label: '待审核' },
  { key: 'approved', label: '已录取' },
  { key: 'waitlisted', label: '候补' },
];

function Item({ e, selectable, on, onToggle }: { e: OrganiserItem; selectable: boolean; on: boolean; onToggle: () => void }) {
  return (
    <View className='mm-card mm-roster-item' data-testid='matchmaking-roster-item' onClick={() => selectable && onToggle()}>
      <View className='mm-head'>
        <Text className='mm-roster-name'>
          {selectable && <Text className='mm-select'>{on ? '☑ ' : '☐ '}</Text>}
          {e.name}
        </Text>
        <Text className={`tag tag-${statusTone(e.status)}`}>{e.checkedInAt ? '已签到' : e.statusText}</Text>
      </View>
      <Text className='mm-card-line'>
        {e.orgName} · {e.single ? e.single.statusText : '未填写交友资料'}
      </Text>
      {e.profile ? (
        <View className='mm-roster-profile'>
          <PersonCard profile={e.profile} />
        </View>
      ) : (
        e.single && <Text className='mm-card-line muted'>资料已暂停展示</Text>
      )}
    </View>
  );
}

/**
 * 联谊报名管理: seats per gender, actions, check-in, open reports, and the sign-ups with their profiles as a
 * fellow participant would see them (viewing is recorded in 操作日志); review in bulk. Test ids
 * `matchmaking-roster-item` (name inside), `matchmaking-summary`, `matchmaking-checkin-*`.
 */
export default function Roster() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const event = useRemote(() => call('matchmaking.get', { activityId: id }), { refreshOnShow: true });
  const [filter, setFilter] = useState<Filter>('all');
  const [summary, setSummary] = useState<string>('');
  const list = usePagedRemote(
    async (page) => {
      const r = await call('matchmaking.eventProfiles', {
        activityId: id,
        page,
        ...(filter === 'all' ? {} : { status: filter }),
      });
      setSummary(
        `名额 ${r.summary.capacity}，剩余 ${r.summary.seatsLeft}（${seatsText({ ...r.summary, genderSeats: r.summary.genderSeats })}）`,
      );
      return { items: r.items, total: r.total };
    },
    { refreshOnShow: true, deps: [filter] },
  );
  const [selected, setSelected] = useState<string[]>([]);
  const e = event.data?.event;
  const reloadAll = () => {
    event.reload();
    list.reload();
    setSelected([]);
  };

  return (
    <PageShell className='mm-roster' page='matchmakingRoster'>
      <StateView remote={event} loading={event.loading && !e}>
        {e && (
          <View>
            <View className='section'>
              <Text className='section-title'>{e.title}</Text>
              <Text className='muted'>
                {when(e.startAt, e.endAt)} · {PHASE_TEXT[e.phase]} · 截止 {dayTime(e.signupEnd)}
              </Text>
              {summary && (
                <Text className='mm-line mm-summary' data-testid='matchmaking-summary'>
                  {summary}
                </Text>
              )}
            </View>
            <EventActions event={e} onChanged={reloadAll} />
            <Reports activityId={id} onChanged={reloadAll} />
            {e.status !== 'draft' && checkInOpen(e) && (
              <CheckInPanel
                prefix='mm'
                area='matchmaking'
                rowClass='mm-checkin-row'
                resultClass='mm-line'
                activityId={id}
                onChanged={list.reload}
              />
            )}
          </View>
        )}
      </StateView>
      <Tabs prefix='mm' tabs={TABS} value={filter} onChange={(f) => (setFilter(f), setSelected([]))} />
      <PagedList list={list} emptyText='暂无报名'>
        {(item) => (
          <Item
            key={item.enrollmentId}
            e={item}
            selectable={item.status === 'pending'}
            on={selected.includes(item.enrollmentId)}
            onToggle={() =>
              setSelected(
                selected.includes(item.enrollmentId)
                  ? selected.filter((s) => s !== item.enrollmentId)
                  : [...selected, item.enrollmentId],
              )
            }
          />
        )}
      </PagedList>
      <BulkReview activityId={id} selected={selected} p='mm' failure='dialog' onDone={reloadAll} />
    </PageShell>
  );
}
