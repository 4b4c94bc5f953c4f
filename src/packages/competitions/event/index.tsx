import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES, go } from '../../../utils/nav';
import { Checks } from '../components/Checks';
import { EntryCard } from '../components/EntryCard';
import { day, dayTime, PHASE_TEXT } from '../format';
import { useSharedTeamLink } from '../store';
import { Invitations } from './Invitations';
import { RegisterBar } from './RegisterBar';
import '../competitions.scss';
import './index.scss';

/** One event: conditions before the form, my registration or team, the rules of the contest, results. */
export default function EventPageView() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('competitions.event', { eventId: id }), { refreshOnShow: true });
  const page = remote.data;
  const ev = page?.event;
  const f = ev?.competition;
  const shared = useSharedTeamLink((s) => (s.link?.eventId === id ? s.link : null));
  // A captain who just made a team link shares it as a card to a chat; otherwise the event itself.
  useShareAppMessage(() =>
    shared
      ? { title: shared.title, path: shared.path }
      : { title: ev?.title ?? '技能竞赛', path: `${ROUTES.competitionEvent}?id=${id}` },
  );
  return (
    <PageShell className='competitions-event-page' page='competitionEvent'>
      <StateView remote={remote} loading={remote.loading && !page}>
        {page && ev && f && (
          <View>
            <View className='section'>
              <Text className='competitions-event-name'>{ev.title}</Text>
              <Text className='muted competitions-event-of'>{ev.competitionTitle}</Text>
              <View className='competitions-card-tags'>
                <Text className={`tag ${ev.phase === 'open' ? 'tag-approved' : 'tag-muted'} competitions-event-phase`}>
                  {PHASE_TEXT[ev.phase]}
                </Text>
                <Text className='tag tag-info'>{ev.levelLabel}</Text>
                <Text className='tag tag-info'>{ev.formatLabel}</Text>
              </View>
            </View>
            <Invitations page={page} onChanged={remote.reload} />
            {page.mine && <EntryCard eventId={ev._id} mine={page.mine} onChanged={remote.reload} />}
            <View className='section competitions-conditions'>
              <Text className='section-title'>报名条件</Text>
              <Checks page={page} />
              {page.unitLeft !== undefined && (
                <Text className='competitions-line competitions-unit-left' data-testid='competitions-unit-left'>
                  您所在单位剩余名额：<Text className='competitions-strong'>{page.unitLeft}</Text> / {ev.unitCap}
                </Text>
              )}
            </View>
            <View className='section'>
              <Row label='工种'>{f.trade}</Row>
              <Row label='比赛地点'>{ev.place}</Row>
              <Row label='比赛时间'>{`${day(ev.startAt)} ${dayTime(ev.startAt).split(' ')[1]}`}</Row>
              <Row label='报名时间'>{`${dayTime(ev.signupStart)} 至 ${dayTime(ev.signupEnd)}`}</Row>
              <Row
                label='名额'
                valueClassName='competitions-seats'
              >{`${ev.capacity}${f.format === 'team' ? '队' : '人'}，剩余 ${ev.seatsLeft}`}</Row>
              {f.teamSize && (
                <Row label='队伍人数'>
                  {f.teamSize.min === f.teamSize.max
                    ? `每队${f.teamSize.min}人（含队长）`
                    : `每队${f.teamSize.min}至${f.teamSize.max}人（含队长）`}
                </Row>
              )}
              <Row label='成绩计算'>{`理论 ${f.weights.theory}% + 实操 ${f.weights.practical}%`}</Row>
              {f.prizes.length > 0 && <Row label='奖项'>{f.prizes.map((p) => `${p.name}${p.count}名`).join('、')}</Row>}
              {f.honours.length > 0 && (
                <Row label='称号'>{f.honours.map((h) => `${h.name}（前${h.topRanks}名且总成绩≥${h.minTotal}）`).join('、')}</Row>
              )}
              <Row label='审核'>
                {ev.unitConfirm ? '所在单位工会推荐后，由组织单位审核' : ev.review ? '由组织单位审核' : '无需审核'}
              </Row>
              <Row label='费用'>{ev.fee || '—'}</Row>
              <Row label='取消规则'>{ev.cancelPolicyText}</Row>
            </View>
            <View className='section'>
              <Text className='section-title'>项目说明</Text>
              <Text className='competitions-event-text'>{ev.description}</Text>
            </View>
            {(page.results || page.canManage) && (
              <View className='section'>
                {page.results && (
                  <View
                    className='competitions-link competitions-to-results'
                    data-testid='competitions-to-results'
                    onClick={() => go(`${ROUTES.competitionResults}?id=${ev._id}`)}
                  >
                    <Text>
                      {page.results.status === 'final' ? '最终成绩' : page.results.open ? '成绩公示中（可提出异议）' : '成绩公示'}
                    </Text>
                    <Text>›</Text>
                  </View>
                )}
                {page.canManage && (
                  <View
                    className='competitions-link competitions-to-registrations'
                    data-testid='competitions-to-registrations'
                    onClick={() => go(`${ROUTES.competitionRegistrations}?id=${ev._id}`)}
                  >
                    <Text>报名管理（工作人员）</Text>
                    <Text>›</Text>
                  </View>
                )}
                {page.canManage && (
                  <View
                    className='competitions-link competitions-to-scores'
                    data-testid='competitions-to-scores'
                    onClick={() => go(`${ROUTES.competitionScores}?id=${ev._id}`)}
                  >
                    <Text>成绩管理（工作人员）</Text>
                    <Text>›</Text>
                  </View>
                )}
              </View>
            )}
            <RegisterBar page={page} />
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
