import { Image, Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { PagedList } from '../../../components/PagedList';
import { PageShell } from '../../../components/PageShell';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../utils/nav';
import { dateRange, dayTime, isActive, MODE_TEXT, PHASE_TEXT, statusTone } from '../format';
import type { TripSummary } from '../types';
import '../recuperation.scss';
import './index.scss';

function TripCard({ t }: { t: TripSummary }) {
  return (
    <View
      className='rec-card rec-trip'
      data-testid='recuperation-trip'
      data-id={t._id}
      onClick={() => go(`${ROUTES.recuperationDetail}?id=${t._id}`)}
    >
      {t.coverUrl && <Image className='rec-card-cover' src={t.coverUrl} mode='aspectFill' />}
      <Text className='rec-card-title rec-trip-title'>{t.title}</Text>
      <Text className='rec-card-line'>
        {t.base} · {t.days}天
      </Text>
      <Text className='rec-card-line'>{dateRange(t.startAt, t.endAt)}</Text>
      <Text className='rec-card-line muted'>
        报名 {dayTime(t.signupStart)} 至 {dayTime(t.signupEnd)} · {t.orgName}
      </Text>
      <View className='rec-card-tags'>
        <Text className={`tag ${t.phase === 'open' ? 'tag-approved' : 'tag-muted'}`}>{PHASE_TEXT[t.phase]}</Text>
        <Text className='tag tag-info'>{MODE_TEXT[t.mode]}</Text>
        {t.targetLabels.map((l) => (
          <Text key={l} className='tag tag-muted'>
            {l}
          </Text>
        ))}
      </View>
      <View className='rec-card-foot'>
        <Text>
          名额 {t.capacity} 人{t.mode !== 'lottery' && <Text className='rec-seats'> · 剩余 {t.seatsLeft}</Text>}
        </Text>
        {t.myStatus && isActive(t.myStatus) ? (
          <Text className={`tag tag-${statusTone(t.myStatus)} rec-trip-mine`}>{t.myStatusText}</Text>
        ) : t.eligible === false ? (
          <Text className='muted rec-trip-ineligible'>暂不符合条件</Text>
        ) : null}
      </View>
    </View>
  );
}

/** 疗休养: the trips open to members, soonest first. Test ids `recuperation-trip` (title inside), `recuperation-to-mine`. */
export default function TripList() {
  const list = usePagedRemote((page) => call('recuperation.list', { page }), { refreshOnShow: true });
  return (
    <PageShell className='rec-list' page='recuperation'>
      <View className='section rec-list-head'>
        <Text className='rec-list-intro'>职工（劳模）疗休养：修身养心，劳逸结合。查看报名条件后即可报名，名额有限。</Text>
        <View className='rec-link rec-to-mine' data-testid='recuperation-to-mine' onClick={() => go(ROUTES.recuperationMine)}>
          <Text>我的报名</Text>
          <Text>›</Text>
        </View>
      </View>
      <PagedList list={list} emptyText='暂无开放报名的疗休养活动，请关注工会通知'>
        {(t) => <TripCard key={t._id} t={t} />}
      </PagedList>
    </PageShell>
  );
}
