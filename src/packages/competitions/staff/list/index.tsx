import { Text, View } from '@tarojs/components';
import { call } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { PagedList } from '../../../../components/PagedList';
import { PageShell } from '../../../../components/PageShell';
import { usePagedRemote } from '../../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../../utils/nav';
import '../../competitions.scss';

/**
 * 技能竞赛管理: the competitions of the staffer's unions (each opens its events: registrations, scores), a new
 * one, and the 单位推荐 queue. e2e hooks `.competitions-staff-competition`, `.competitions-new-competition`, `.competitions-to-unit`.
 */
export default function StaffCompetitions() {
  const list = usePagedRemote((page) => call('competitions.manage', { page }), { refreshOnShow: true });
  return (
    <PageShell className='competitions-staff-list' page='competitionStaff'>
      <View className='section'>
        <Button block className='competitions-new-competition' onClick={() => go(ROUTES.competitionEdit)}>
          新建竞赛
        </Button>
        <View className='competitions-link competitions-to-unit' onClick={() => go(ROUTES.competitionUnit)}>
          <Text>单位推荐（确认本单位职工的报名）</Text>
          <Text>›</Text>
        </View>
      </View>
      <PagedList list={list} emptyText='您所在工会暂无竞赛，可点击上方按钮新建'>
        {(c) => (
          <View
            key={c._id}
            className='competitions-card competitions-staff-competition'
            data-testid='competitions-staff-competition'
            onClick={() => go(`${ROUTES.competitionDetail}?id=${c._id}`)}
          >
            <Text className='competitions-card-title'>{c.title}</Text>
            <Text className='competitions-card-line'>
              {c.orgName} · {c.year}年 · {c.kindLabel}
            </Text>
            <View className='competitions-card-tags'>
              <Text className='tag tag-info'>项目 {c.eventCount}</Text>
              <Text className={`tag ${c.openCount ? 'tag-approved' : 'tag-muted'}`}>报名中 {c.openCount}</Text>
            </View>
          </View>
        )}
      </PagedList>
    </PageShell>
  );
}
