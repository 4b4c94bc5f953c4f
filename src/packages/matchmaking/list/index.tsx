import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { PagedList } from '../../../components/PagedList';
import { PageShell } from '../../../components/PageShell';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES, go } from '../../../utils/nav';
import { isActive, PHASE_TEXT, seatsText, statusTone, when } from '../format';
import type { EventSummary } from '../types';
import '../matchmaking.scss';
import './index.scss';

function EventCard({ e }: { e: EventSummary }) {
  return (
    <View
      className='mm-card mm-event'
      data-testid='matchmaking-event'
      data-id={e._id}
      onClick={() => go(`${ROUTES.matchmakingDetail}?id=${e._id}`)}
    >
      <Text className='mm-card-title mm-event-title'>{e.title}</Text>
      <Text className='mm-card-line'>{when(e.startAt, e.endAt)}</Text>
      <Text className='mm-card-line'>{e.place}</Text>
      <Text className='mm-card-line muted'>{e.orgName}</Text>
      <View className='mm-tags'>
        <Text className={`tag ${e.phase === 'open' ? 'tag-approved' : 'tag-muted'}`}>{PHASE_TEXT[e.phase]}</Text>
        <Text className='tag tag-info'>{seatsText(e)}</Text>
        {e.ageText && <Text className='tag tag-muted'>{e.ageText}</Text>}
        {e.requireConfirmedSingle && <Text className='tag tag-love'>需单位工会确认单身</Text>}
        {e.myStatus && isActive(e.myStatus) && (
          <Text className={`tag tag-${statusTone(e.myStatus)} mm-event-mine`}>{e.myStatusText}</Text>
        )}
      </View>
    </View>
  );
}

/**
 * 单身联谊: the member's profile and matches, the events they took part in (picks happen there), and the events
 * open to them. Test ids `matchmaking-event` (title inside), `matchmaking-to-profile`, `matchmaking-to-matches`,
 * `matchmaking-my-event`.
 */
export default function MatchmakingHome() {
  const mine = useRemote(
    async () => {
      const [profile, enrolled] = await Promise.all([
        call('matchmaking.myProfile', {}),
        call('enrollment.mine', { area: 'matchmaking', page: 1 }),
      ]);
      return { profile, enrolled: enrolled.items.filter((e) => isActive(e.status)) };
    },
    { refreshOnShow: true },
  );
  const list = usePagedRemote((page) => call('matchmaking.list', { page }), { refreshOnShow: true });
  const profile = mine.data?.profile;
  const profileText = !mine.data ? '' : !profile ? '未填写' : profile.paused ? '暂停展示中' : profile.single.statusText;
  return (
    <PageShell className='mm-home' page='matchmaking'>
      <View className='section'>
        <Text className='mm-intro'>
          工会红娘为单身职工搭建的交友平台。参加者均为实名会员；资料按您设置的范围展示，可随时暂停；活动后私下互选，只有互相选择才交换联系方式。
        </Text>
        <View
          className='mm-link mm-to-profile'
          data-testid='matchmaking-to-profile'
          onClick={() => go(ROUTES.matchmakingProfile)}
        >
          <Text>我的交友资料</Text>
          <Text className='muted'>{profileText} ›</Text>
        </View>
        <View
          className='mm-link mm-to-matches'
          data-testid='matchmaking-to-matches'
          onClick={() => go(ROUTES.matchmakingMatches)}
        >
          <Text>我的互选</Text>
          <Text>›</Text>
        </View>
      </View>
      {!!mine.data?.enrolled.length && (
        <View className='section'>
          <Text className='section-title'>我参加的活动</Text>
          {mine.data.enrolled.map((e) => (
            <View
              key={e._id}
              className='mm-link mm-my-event'
              data-testid='matchmaking-my-event'
              onClick={() => go(`${ROUTES.matchmakingDetail}?id=${e.activityId}`)}
            >
              <View>
                <Text className='mm-my-event-title'>{e.activity.title}</Text>
                <Text className='mm-card-line'>{when(e.activity.startAt, e.activity.endAt)}</Text>
              </View>
              <Text className={`tag tag-${statusTone(e.status)}`}>{e.checkedInAt ? '已签到' : e.statusText}</Text>
            </View>
          ))}
        </View>
      )}
      <PagedList list={list} emptyText='暂无开放报名的联谊活动，请关注工会通知'>
        {(e) => <EventCard key={e._id} e={e} />}
      </PagedList>
    </PageShell>
  );
}
