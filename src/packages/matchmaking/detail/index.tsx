import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES, go } from '../../../utils/nav';
import { Eligibility } from '../components/Eligibility';
import { MyEnrollment } from '../components/MyEnrollment';
import { dayTime, PHASE_TEXT, seatsText, when } from '../format';
import type { EventPage } from '../types';
import { SignUpBar } from './SignUpBar';
import '../matchmaking.scss';
import './index.scss';

/** After check-in: the way to fellow participants while picks are open, then to the matches. */
function Participation({ page }: { page: EventPage }) {
  const p = page.participation;
  if (!p) return null;
  return (
    <View className='section mm-participation'>
      <Text className='section-title'>活动后互选</Text>
      {p.picksOpen ? (
        <View>
          <Text className='mm-line'>
            您已签到。{dayTime(p.pickCloseAt)} 前可查看同场参加者并私下选择最多 {p.pickLimit}{' '}
            位；只有互相选择才会交换联系方式，对方不会知道您选了谁。
          </Text>
          <Button
            block
            className='mm-to-participants'
            testId='matchmaking-to-participants'
            onClick={() => go(`${ROUTES.matchmakingParticipants}?id=${page.event._id}`)}
          >
            查看同场参加者并互选
          </Button>
        </View>
      ) : (
        <Text className='mm-line muted'>
          {new Date(page.event.startAt) > new Date()
            ? '活动开始后即可查看同场参加者并互选。'
            : `互选已于 ${dayTime(p.pickCloseAt)} 结束。`}
        </Text>
      )}
      <View className='mm-link' data-testid='matchmaking-to-matches' onClick={() => go(ROUTES.matchmakingMatches)}>
        <Text>我的互选</Text>
        <Text>›</Text>
      </View>
    </View>
  );
}

/** One event: what it is, whether the member may sign up (explained), their sign-up and, after check-in, the picks. */
export default function EventDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('matchmaking.get', { activityId: id }), { refreshOnShow: true });
  const page = remote.data;
  const e = page?.event;
  return (
    <PageShell className='mm-detail' page='matchmakingDetail'>
      <StateView remote={remote} loading={remote.loading && !page}>
        {page && e && (
          <View>
            {e.imageUrls[0] && <Image className='mm-detail-cover' src={e.imageUrls[0]} mode='aspectFill' />}
            <View className='section'>
              <Text className='mm-detail-title'>{e.title}</Text>
              <Text className='muted'>{e.orgName}</Text>
              <View className='mm-tags'>
                <Text className={`tag ${e.phase === 'open' ? 'tag-approved' : 'tag-muted'} mm-detail-phase`}>
                  {PHASE_TEXT[e.phase]}
                </Text>
                {e.requireConfirmedSingle && <Text className='tag tag-love'>需单位工会确认单身</Text>}
              </View>
            </View>
            {page.mine && <MyEnrollment enrollment={page.mine} onChanged={remote.reload} />}
            <Participation page={page} />
            <View className='section mm-detail-elig'>
              <Text className='section-title'>报名条件</Text>
              <Eligibility eligibility={page.eligibility} />
            </View>
            <View className='section'>
              <Row label='时间'>{when(e.startAt, e.endAt)}</Row>
              <Row label='地点'>{e.place}</Row>
              <Row label='名额' valueClassName='mm-detail-seats'>{`${e.capacity} 人（${seatsText(e)}）`}</Row>
              {e.ageText && <Row label='年龄'>{e.ageText}</Row>}
              <Row label='报名时间'>{`${dayTime(e.signupStart)} 至 ${dayTime(e.signupEnd)}`}</Row>
              <Row label='费用'>{e.fee || '—'}</Row>
              <Row label='审核'>{e.review ? '报名后由工会审核' : '无需审核'}</Row>
              <Row label='互选'>{`${e.pickRuleText}，活动结束后${e.pickDays}天内，每人最多选${e.pickLimit}位`}</Row>
              <Row label='取消规则'>{e.cancelPolicyText}</Row>
            </View>
            <View className='section'>
              <Text className='section-title'>活动介绍</Text>
              <Text className='mm-detail-text'>{e.description}</Text>
            </View>
            {page.canManage && (
              <View className='section'>
                <View className='mm-link mm-to-roster' onClick={() => go(`${ROUTES.matchmakingRoster}?id=${e._id}`)}>
                  <Text>报名管理（工作人员）</Text>
                  <Text>›</Text>
                </View>
              </View>
            )}
            <SignUpBar page={page} onDone={remote.reload} />
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
