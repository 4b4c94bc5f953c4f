import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { PagedList } from '../../../components/PagedList';
import { PageShell } from '../../../components/PageShell';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../utils/nav';
import type { CompetitionSummary } from '../types';
import '../competitions.scss';
import './index.scss';

function CompetitionCard({ c }: { c: CompetitionSummary }) {
  return (
    <View
      className='competitions-card competitions-competition'
      data-testid='competitions-competition'
      onClick={() => go(`${ROUTES.competitionDetail}?id=${c._id}`)}
    >
      <Text className='competitions-card-title'>{c.title}</Text>
      <Text className='competitions-card-line'>
        {c.orgName} · {c.year}年
      </Text>
      <View className='competitions-card-tags'>
        <Text className='tag tag-info'>{c.kindLabel}</Text>
        <Text className={`tag ${c.openCount ? 'tag-approved' : 'tag-muted'}`}>
          {c.openCount ? `${c.openCount}个项目报名中` : '暂无项目报名中'}
        </Text>
      </View>
      <View className='competitions-card-foot'>
        <Text className='muted'>共 {c.eventCount} 个竞赛项目</Text>
        <Text className='competitions-link-text'>查看项目 ›</Text>
      </View>
    </View>
  );
}

/** 技能竞赛: the competitions open to members. e2e hooks `.competitions-competition`, `.competitions-to-mine`. */
export default function CompetitionList() {
  const list = usePagedRemote((page) => call('competitions.list', { page }), { refreshOnShow: true });
  return (
    <PageShell className='competitions-list' page='competitions'>
      <View className='section competitions-list-head'>
        <Text className='competitions-list-intro'>
          职工职业技能竞赛与劳动竞赛：以赛促训、以赛促学。查看项目条件后报名，经所在单位工会推荐、组织单位审核后参赛。
        </Text>
        <View
          className='competitions-link competitions-to-mine'
          data-testid='competitions-to-mine'
          onClick={() => go(ROUTES.competitionMine)}
        >
          <Text>我的竞赛（报名、组队邀请、获奖）</Text>
          <Text>›</Text>
        </View>
      </View>
      <PagedList list={list} emptyText='暂无开放报名的竞赛，请关注工会通知'>
        {(c) => <CompetitionCard key={c._id} c={c} />}
      </PagedList>
    </PageShell>
  );
}
