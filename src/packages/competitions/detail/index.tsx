import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES, go } from '../../../utils/nav';
import { dayTime, PHASE_TEXT, statusTone } from '../format';
import type { EventSummary } from '../types';
import '../competitions.scss';
import './index.scss';

function EventCard({ e, manage }: { e: EventSummary; manage: boolean }) {
  return (
    <View className='competitions-card competitions-event' data-testid='competitions-event'>
      <View
        className='competitions-event-body'
        data-testid='competitions-event-body'
        onClick={() => go(`${ROUTES.competitionEvent}?id=${e._id}`)}
      >
        <View className='competitions-head'>
          <Text className='competitions-card-title competitions-event-title'>{e.trade}</Text>
          {e.myStatusText && <Text className={`tag tag-${statusTone(e.myStatus!)}`}>{e.myStatusText}</Text>}
        </View>
        <Text className='competitions-card-line'>
          {e.formatLabel}
          {e.teamSize
            ? `（每队${e.teamSize.min === e.teamSize.max ? e.teamSize.min : `${e.teamSize.min}–${e.teamSize.max}`}人）`
            : ''}{' '}
          · {e.place}
        </Text>
        <Text className='competitions-card-line muted'>报名截止 {dayTime(e.signupEnd)}</Text>
        <View className='competitions-card-tags'>
          <Text className={`tag ${e.phase === 'open' ? 'tag-approved' : 'tag-muted'}`}>{PHASE_TEXT[e.phase]}</Text>
          {e.phase === 'open' && <Text className='tag tag-info'>剩余 {e.seatsLeft}</Text>}
          {e.unitCap > 0 && <Text className='tag tag-muted'>每单位限{e.unitCap}</Text>}
          {e.resultsStatus && <Text className='tag tag-gold'>{e.resultsStatus === 'final' ? '成绩已发布' : '成绩公示中'}</Text>}
        </View>
      </View>
      {manage && (
        <View className='competitions-actions'>
          <Button
            small
            kind='plain'
            className='competitions-event-manage'
            onClick={() => go(`${ROUTES.competitionRegistrations}?id=${e._id}`)}
          >
            报名管理
          </Button>
          <Button
            small
            kind='plain'
            className='competitions-event-scores'
            onClick={() => go(`${ROUTES.competitionScores}?id=${e._id}`)}
          >
            成绩管理
          </Button>
        </View>
      )}
    </View>
  );
}

/** A competition: its introduction and events by level; staff of its organiser also manage them here. */
export default function CompetitionDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => call('competitions.get', { competitionId: id }), { refreshOnShow: true });
  const c = remote.data;
  const levels = [...new Set(c?.events.map((e) => e.levelLabel) ?? [])];
  return (
    <PageShell className='competitions-detail' page='competitionDetail'>
      <StateView remote={remote} loading={remote.loading && !c}>
        {c && (
          <View>
            <View className='section'>
              <Text className='competitions-detail-title'>{c.title}</Text>
              <Text className='muted competitions-detail-org'>
                {c.orgName} · {c.kindLabel}
              </Text>
              <Text className='competitions-detail-text'>{c.description}</Text>
            </View>
            {c.canManage && (
              <View className='section competitions-actions competitions-manage'>
                <Button
                  small
                  kind='plain'
                  className='competitions-edit'
                  onClick={() => go(`${ROUTES.competitionEdit}?id=${c._id}`)}
                >
                  编辑竞赛
                </Button>
                <Button
                  small
                  className='competitions-new-event'
                  testId='competitions-new-event'
                  onClick={() => go(`${ROUTES.competitionEventEdit}?competition=${c._id}`)}
                >
                  新增项目
                </Button>
              </View>
            )}
            {c.events.length === 0 && <Text className='competitions-empty muted'>暂无竞赛项目</Text>}
            {levels.map((level) => (
              <View key={level} className='competitions-level'>
                <Text className='competitions-level-title'>{level}竞赛项目</Text>
                {c.events
                  .filter((e) => e.levelLabel === level)
                  .map((e) => (
                    <EventCard key={e._id} e={e} manage={c.canManage} />
                  ))}
              </View>
            ))}
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
