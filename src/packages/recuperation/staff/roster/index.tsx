import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../../api/client';
import { PagedList } from '../../../../components/PagedList';
import { OverdueTag } from '../../../../components/OverdueTag';
import { PageShell } from '../../../../components/PageShell';
import { StateView } from '../../../../components/StateView';
import { usePagedRemote } from '../../../../hooks/usePagedRemote';
import { useRemote } from '../../../../hooks/useRemote';
import { Tabs } from '../../../../components/Tabs';
import { dateRange, dayTime, PHASE_TEXT, statusTone } from '../../format';
import type { EnrollmentStatus, RosterView } from '../../types';
import { BulkReview } from '../../../../components/enrollment/BulkReview';
import { CheckInPanel, checkInOpen } from '../../../../components/enrollment/CheckInPanel';
import { NominatePanel } from './NominatePanel';
import { Objections } from './Objections';
import { TripActions } from './TripActions';
import '../../recuperation.scss';
import './index.scss';

type Filter = 'all' | 'pending' | 'approved' | 'waitlisted' | 'applied';
const LABEL: Record<string, string> = {
  pending: '待审核',
  approved: '已录取',
  waitlisted: '候补',
  offered: '待确认',
  applied: '待抽签',
};

/**
 * 报名管理 of one trip: seats and counts, the staff actions (open/close, draw, 公示, export), review in bulk,
 * nominations, check-in and 公示 objections. Test ids `recuperation-roster` (the list), `recuperation-roster-item`
 * (name inside), `recuperation-summary`, the actions' `recuperation-act-<act>`, `recuperation-approve`.
 */
export default function Roster() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const trip = useRemote(() => call('recuperation.get', { activityId: id }), { refreshOnShow: true });
  const [filter, setFilter] = useState<Filter>('all');
  const [summary, setSummary] = useState<RosterView['summary'] | null>(null);
  const roster = usePagedRemote(
    async (page) => {
      const r = await call('enrollment.roster', { activityId: id, page, ...(filter === 'all' ? {} : { status: filter }) });
      setSummary(r.summary);
      return { items: r.items, total: r.total };
    },
    { refreshOnShow: true, deps: [filter] },
  );
  const [selected, setSelected] = useState<string[]>([]);
  const t = trip.data?.trip;

  const reloadAll = () => {
    trip.reload();
    roster.reload();
    setSelected([]);
  };
  const tabs: { key: Filter; label: string }[] = [
    { key: 'all', label: '全部' },
    ...(t?.mode === 'lottery' && !t.drawnAt ? [{ key: 'applied' as const, label: '待抽签' }] : []),
    ...(t?.review ? [{ key: 'pending' as const, label: '待审核' }] : []),
    { key: 'approved', label: '已录取' },
    { key: 'waitlisted', label: '候补' },
  ];

  return (
    <PageShell className='rec-roster' page='recuperationRoster'>
      <StateView remote={trip} loading={trip.loading && !t}>
        {t && (
          <View>
            <View className='section'>
              <Text className='section-title'>{t.title}</Text>
              <Text className='muted'>
                {dateRange(t.startAt, t.endAt)} · {PHASE_TEXT[t.phase]} · 截止 {dayTime(t.signupEnd)}
              </Text>
              {summary && (
                <Text className='rec-summary' data-testid='recuperation-summary'>
                  名额 {summary.capacity}，剩余 {summary.seatsLeft}；
                  {Object.entries(summary.byStatus)
                    .map(([s, n]) => `${LABEL[s] ?? s} ${n}`)
                    .join('，')}
                  {summary.lateCancels ? `；逾期取消 ${summary.lateCancels}` : ''}
                  {summary.noShows ? `；未到 ${summary.noShows}` : ''}
                </Text>
              )}
            </View>
            <TripActions trip={t} onChanged={reloadAll} />
            <Objections activityId={id} onChanged={reloadAll} />
            {t.allowNomination && t.status !== 'draft' && <NominatePanel activityId={id} onChanged={reloadAll} />}
            {t.status !== 'draft' && checkInOpen(t) && <CheckInPanel prefix='rec' activityId={id} onChanged={roster.reload} />}
          </View>
        )}
      </StateView>
      <Tabs
        prefix='rec'
        tabs={tabs}
        value={filter}
        onChange={(f) => {
          setFilter(f);
          setSelected([]);
        }}
      />
      <View data-testid='recuperation-roster'>
        <PagedList list={roster} emptyText='暂无报名记录'>
          {(e) => {
            const pick = e.status === 'pending';
            const on = selected.includes(e._id);
            return (
              <View
                key={e._id}
                className='rec-card rec-roster-item'
                data-testid='recuperation-roster-item'
                data-selected={on ? 'yes' : 'no'}
                onClick={() => pick && setSelected(on ? selected.filter((s) => s !== e._id) : [...selected, e._id])}
              >
                <View className='rec-mine-head'>
                  <Text className='rec-roster-name'>
                    {pick && <Text className={`rec-select ${on ? 'rec-select-on' : ''}`}>{on ? '☑' : '☐'} </Text>}
                    {e.name}
                  </Text>
                  <Text className={`tag tag-${statusTone(e.status as EnrollmentStatus)}`}>
                    {e.statusText}
                    {e.position ? ` 第${e.position}位` : ''}
                  </Text>
                  <OverdueTag days={e.overdueDays} />
                </View>
                <Text className='rec-card-line'>
                  {e.orgName} · {e.cardNo}
                </Text>
                <Text className='rec-card-line muted'>
                  {e.source === 'nomination' ? '单位推荐' : '本人报名'} · {dayTime(e.createdAt)}
                  {e.checkedInAt ? ` · 已签到` : ''}
                  {e.lateCancel ? ' · 逾期取消' : ''}
                  {e.noShow ? ' · 未到' : ''}
                </Text>
                {e.rejectReason && <Text className='rec-card-line muted'>原因：{e.rejectReason}</Text>}
              </View>
            );
          }}
        </PagedList>
      </View>
      <BulkReview activityId={id} selected={selected} p='rec' failure='modal' onDone={reloadAll} />
    </PageShell>
  );
}
