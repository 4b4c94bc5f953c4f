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
import { EnrollmentCard } from '../components/EnrollmentCard';
import { dateRange, dayTime, isActive, MODE_TEXT, PHASE_TEXT } from '../format';
import type { TripPage } from '../types';
import '../recuperation.scss';
import './index.scss';

/** What the bottom bar offers: the sign-up, or why not (in words that say what to do next). */
function SignUpBar({ page }: { page: TripPage }) {
  const { trip, eligibility, mine } = page;
  if (mine && isActive(mine.status)) return null;
  let hint: string | null = null;
  let action: { label: string; url: string } | null = null;
  if (trip.mode === 'nomination') hint = '本活动由单位工会推荐参加，如有意向请联系所在工会';
  else if (trip.phase === 'upcoming') hint = `报名将于 ${dayTime(trip.signupStart)} 开始，请届时再来`;
  else if (trip.phase !== 'open') hint = '报名已截止';
  else if (!eligibility.member) {
    hint = '完成实名入会后才能报名';
    action = { label: '去入会', url: ROUTES.apply };
  } else if (!eligibility.eligible) hint = '您暂不符合本活动的报名条件（见上方说明），如信息有误请联系所在工会';
  else
    action = {
      label: trip.seatsLeft > 0 || trip.mode === 'lottery' ? '我要报名' : '名额已满，登记候补',
      url: `${ROUTES.recuperationSignUp}?id=${trip._id}`,
    };
  return (
    <View className='rec-bar'>
      {hint && (
        <Text className='rec-bar-hint rec-signup-hint' data-testid='recuperation-signup-hint'>
          {hint}
        </Text>
      )}
      {action && (
        <Button block className='rec-signup' testId='recuperation-signup' onClick={() => go(action.url)}>
          {action.label}
        </Button>
      )}
    </View>
  );
}

/** One trip: details, itinerary, the member's eligibility (explained) and their enrollment, then the sign-up. */
export default function TripDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('recuperation.get', { activityId: id }), { refreshOnShow: true });
  const page = remote.data;
  const trip = page?.trip;
  return (
    <PageShell className='rec-detail' page='recuperationDetail'>
      <StateView remote={remote} loading={remote.loading && !page}>
        {page && trip && (
          <View>
            {trip.imageUrls[0] && <Image className='rec-detail-cover' src={trip.imageUrls[0]} mode='aspectFill' />}
            <View className='section'>
              <Text className='rec-detail-title'>{trip.title}</Text>
              <Text className='muted rec-detail-org'>{trip.orgName}</Text>
              <View className='rec-card-tags'>
                <Text className={`tag ${trip.phase === 'open' ? 'tag-approved' : 'tag-muted'} rec-detail-phase`}>
                  {PHASE_TEXT[trip.phase]}
                </Text>
                <Text className='tag tag-info'>{MODE_TEXT[trip.mode]}</Text>
              </View>
            </View>
            <View className='section rec-detail-elig'>
              <Text className='section-title'>报名条件</Text>
              <Eligibility eligibility={page.eligibility} />
            </View>
            {page.mine && <EnrollmentCard enrollment={page.mine} onChanged={remote.reload} />}
            <View className='section'>
              <Row label='疗休养基地'>{trip.recuperation.base}</Row>
              <Row label='地点'>{trip.place}</Row>
              <Row label='活动时间'>{`${dateRange(trip.startAt, trip.endAt)}（${trip.days}天）`}</Row>
              <Row label='报名时间'>{`${dayTime(trip.signupStart)} 至 ${dayTime(trip.signupEnd)}`}</Row>
              <Row label='名额' valueClassName='rec-detail-seats'>
                {trip.mode === 'lottery' ? `${trip.capacity} 人` : `${trip.capacity} 人，剩余 ${trip.seatsLeft}`}
              </Row>
              {trip.quotas.map((q) => (
                <Row key={q.group} label={`· ${q.label}`}>{`${q.seats} 人，剩余 ${q.left}`}</Row>
              ))}
              {trip.mode !== 'lottery' && page.eligibility.seats && page.eligibility.seats.groups.length > 0 && (
                <Row label='您可报名额' valueClassName='rec-detail-myseats'>
                  {`剩余 ${page.eligibility.seats.left}（${page.eligibility.seats.groups
                    .map((g) => `${g.label}剩余${g.left}`)
                    .join('，')}）`}
                </Row>
              )}
              <Row label='费用'>{trip.fee || '—'}</Row>
              {trip.mode === 'lottery' && trip.priorityLabels.length > 0 && (
                <Row label='抽签优先'>{trip.priorityLabels.join(' › ')}</Row>
              )}
              <Row label='审核'>{trip.review ? '报名后由工会审核' : '无需审核'}</Row>
              <Row label='取消规则'>{trip.cancelPolicyText}</Row>
              {trip.recuperation.companions.allowed && (
                <Row label='同行人'>{trip.recuperation.companions.note || `可携${trip.recuperation.companions.max}位`}</Row>
              )}
            </View>
            <View className='section'>
              <Text className='section-title'>活动介绍</Text>
              <Text className='rec-detail-text'>{trip.description}</Text>
            </View>
            {trip.recuperation.itinerary.length > 0 && (
              <View className='section'>
                <Text className='section-title'>行程安排</Text>
                {trip.recuperation.itinerary.map((d) => (
                  <View key={d.day} className='rec-day'>
                    <Text className='rec-day-no'>第{d.day}天</Text>
                    <View className='rec-day-body'>
                      <Text className='rec-day-title'>{d.title}</Text>
                      {d.detail && <Text className='muted rec-day-detail'>{d.detail}</Text>}
                    </View>
                  </View>
                ))}
              </View>
            )}
            {(trip.publicity || trip.drawnAt || page.canManage) && (
              <View className='section'>
                {trip.publicity && (
                  <View
                    className='rec-link rec-to-publicity'
                    data-testid='recuperation-to-publicity'
                    onClick={() => go(`${ROUTES.recuperationPublicity}?id=${trip._id}`)}
                  >
                    <Text>{trip.publicity.open ? '名单公示中' : '公示名单'}</Text>
                    <Text>›</Text>
                  </View>
                )}
                {trip.drawnAt && (
                  <View
                    className='rec-link rec-to-draw'
                    data-testid='recuperation-to-draw'
                    onClick={() => go(`${ROUTES.recuperationDraw}?id=${trip._id}`)}
                  >
                    <Text>抽签结果（可复核）</Text>
                    <Text>›</Text>
                  </View>
                )}
                {page.canManage && (
                  <View
                    className='rec-link rec-to-roster'
                    data-testid='recuperation-to-roster'
                    onClick={() => go(`${ROUTES.recuperationRoster}?id=${trip._id}`)}
                  >
                    <Text>报名管理（工作人员）</Text>
                    <Text>›</Text>
                  </View>
                )}
              </View>
            )}
            <SignUpBar page={page} />
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
