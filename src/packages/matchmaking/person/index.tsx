import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { goBack } from '../../../utils/nav';
import { PersonCard } from '../components/PersonCard';
import { SafetyActions } from '../components/SafetyActions';
import '../matchmaking.scss';
import './index.scss';

/** One fellow participant, as they chose to be seen (all their visible photos), with 屏蔽 and 举报. */
export default function Person() {
  const { params } = useRouter();
  const activityId = params.id ?? '';
  const participantId = params.pid ?? '';
  const remote = useRemote(() => call('matchmaking.participant', { activityId, participantId }));
  const p = remote.data;
  return (
    <PageShell className='mm-person-page' page='matchmakingPerson' testId='matchmaking-person-page'>
      <StateView remote={remote} loading={remote.loading && !p}>
        {p && (
          <View>
            <View className='section'>
              <PersonCard profile={{ ...p.profile, photoUrls: p.profile.photoUrls?.slice(0, 1) }} full />
              <View className='mm-tags'>
                {p.matched && <Text className='tag tag-love'>已互选成功</Text>}
                {!p.matched && p.picked && <Text className='tag tag-pending'>您已选TA（对方不会知道）</Text>}
              </View>
            </View>
            {(p.profile.photoUrls?.length ?? 0) > 1 && (
              <View className='section mm-person-photos'>
                {p.profile.photoUrls!.slice(1).map((url) => (
                  <Image key={url} className='mm-person-big' src={url} mode='widthFix' />
                ))}
              </View>
            )}
            <View className='section'>
              <Text className='muted'>如遇骚扰或不实信息，可屏蔽或举报；举报由组织工会核实处理，对方不会知道是谁举报。</Text>
              <SafetyActions activityId={activityId} participantId={participantId} onDone={goBack} />
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
