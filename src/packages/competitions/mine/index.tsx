import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../utils/nav';
import { day, placeText, stageText, statusTone } from '../format';
import type { MyCompetitions, MyRegistration } from '../types';
import '../competitions.scss';
import './index.scss';

function RegistrationCard({ r }: { r: MyRegistration }) {
  return (
    <View className='competitions-card competitions-my-item' onClick={() => go(`${ROUTES.competitionEvent}?id=${r.eventId}`)}>
      <View className='competitions-head'>
        <Text className='competitions-card-title'>{r.eventTitle}</Text>
        <Text className={`tag tag-${statusTone(r.status)} competitions-my-status`}>{stageText(r)}</Text>
      </View>
      <Text className='competitions-card-line muted'>{r.competitionTitle}</Text>
      <Text className='competitions-card-line'>
        {day(r.startAt)} · {r.place}
      </Text>
      {r.team && (
        <Text className='competitions-card-line'>
          {r.role === 'member' ? '队员' : '队长'} · {r.team.name}（{r.team.size}/{r.team.max}人）
        </Text>
      )}
      {r.result && (
        <Text className='competitions-card-line competitions-strong competitions-my-result'>
          {r.result.status === 'final' ? '最终成绩' : '成绩公示中'}：{placeText(r.result)}
        </Text>
      )}
    </View>
  );
}

/**
 * 我的竞赛: invitations to answer, registrations (own and teams joined) with where each stands and results,
 * and 获奖荣誉 — the awards on the member's profile. e2e hooks `.competitions-my-item`, `.competitions-award`, `.competitions-my-invite`.
 */
export default function MyCompetitionsPage() {
  const [x, setExtras] = useState<Omit<MyCompetitions, 'items' | 'total'> | null>(null);
  const list = usePagedRemote(
    async (page) => {
      const { items, total, ...rest } = await call('competitions.mine', { page });
      if (page === 1) setExtras(rest);
      return { items, total };
    },
    { refreshOnShow: true },
  );
  const empty =
    !!list.data && list.data.items.length === 0 && !!x && !x.teams.length && !x.invitations.length && !x.awards.length;
  return (
    <PageShell className='competitions-mine-page' page='competitionMine'>
      <StateView
        remote={list}
        loading={list.loading && !list.data}
        empty={empty}
        emptyText='您还没有参加技能竞赛'
        emptyAction={<Button onClick={() => go(ROUTES.competitions)}>去看看竞赛项目</Button>}
      >
        {x && x.awards.length > 0 && (
          <View className='section competitions-awards' data-testid='competitions-awards'>
            <Text className='section-title'>获奖荣誉</Text>
            {x.awards.map((w) => (
              <View key={w._id} className='competitions-award' data-testid='competitions-award'>
                <Text className='competitions-award-title'>
                  {w.prize ?? w.honours[0]}
                  {w.prize && w.honours.length ? ` · ${w.honours.join('、')}` : ''}
                </Text>
                <Text className='muted competitions-award-line'>
                  {w.competitionTitle} · {w.trade}（{w.levelLabel}）{w.teamName ? ` · ${w.teamName}` : ''}
                </Text>
                <Text className='muted competitions-award-line'>
                  第{w.rank}名 · 总成绩 {w.total}
                </Text>
              </View>
            ))}
          </View>
        )}
        {x && x.invitations.length > 0 && (
          <View className='section'>
            <Text className='section-title'>组队邀请</Text>
            {x.invitations.map((i) => (
              <View
                key={i.inviteId}
                className='competitions-item competitions-my-invite'
                onClick={() => go(`${ROUTES.competitionEvent}?id=${i.eventId}`)}
              >
                <View className='competitions-item-main'>
                  <Text className='competitions-item-name'>
                    {i.captainName}邀请您加入「{i.teamName}」
                  </Text>
                  <Text className='muted'>{i.eventTitle}</Text>
                </View>
                <Text className='competitions-item-side competitions-link-text'>去确认 ›</Text>
              </View>
            ))}
          </View>
        )}
        {x?.teams.map((r) => (
          <RegistrationCard key={`team-${r.eventId}`} r={r} />
        ))}
        {list.data?.items.map((r) => (
          <RegistrationCard key={r.eventId} r={r} />
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
