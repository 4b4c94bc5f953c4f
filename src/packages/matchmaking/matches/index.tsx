import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { PersonCard } from '../components/PersonCard';
import { SafetyActions } from '../components/SafetyActions';
import { dayTime } from '../format';
import '../matchmaking.scss';
import './index.scss';

/**
 * 我的互选: people who picked the member back, with their contact (copied with one tap, in PersonCard), and
 * 屏蔽 / 举报. Test ids `matchmaking-matches` (the page), `matchmaking-match`.
 */
export default function Matches() {
  const remote = useRemote(() => call('matchmaking.matches', {}), { refreshOnShow: true });
  const items = remote.data?.items;
  return (
    <PageShell className='mm-matches' page='matchmakingMatches' testId='matchmaking-matches'>
      <View className='section'>
        <Text className='mm-intro'>
          只有您和对方互相选择时，才会出现在这里。请文明交流，注意人身和财产安全；如遇不适可屏蔽或举报。
        </Text>
      </View>
      <StateView
        remote={remote}
        loading={remote.loading && !items}
        empty={!!items && items.length === 0}
        emptyText='暂无互选成功的对象。参加联谊活动并签到后，可在活动结束后互选。'
      >
        {items?.map((m) => (
          <View key={m.matchId} className='mm-card mm-match' data-testid='matchmaking-match'>
            <PersonCard profile={m.profile} full />
            <Text className='mm-card-line muted'>
              {m.activityTitle} · {dayTime(m.matchedAt)} 互选成功
            </Text>
            <View className='mm-match-foot'>
              <SafetyActions activityId={m.activityId} participantId={m.participantId} onDone={remote.reload} />
            </View>
          </View>
        ))}
      </StateView>
    </PageShell>
  );
}
