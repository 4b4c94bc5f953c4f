import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { PagedList } from '../../../components/PagedList';
import { PageShell } from '../../../components/PageShell';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../utils/nav';
import { EnrollmentCard } from '../components/EnrollmentCard';
import { dateRange } from '../format';
import '../recuperation.scss';

/** 我的报名 (疗休养): every enrollment with where it stands and what can be done. e2e hook `.rec-my-item`. */
export default function MyEnrollments() {
  const list = usePagedRemote((page) => call('enrollment.mine', { area: 'recuperation', page }), { refreshOnShow: true });
  return (
    <PageShell className='rec-mine-page' page='recuperationMine'>
      <PagedList
        list={list}
        emptyText='您还没有报名疗休养活动'
        emptyAction={<Button onClick={() => go(ROUTES.recuperation)}>去看看疗休养活动</Button>}
      >
        {(e) => (
          <View key={e._id} className='rec-my-item'>
            <View className='rec-card rec-my-trip' onClick={() => go(`${ROUTES.recuperationDetail}?id=${e.activityId}`)}>
              <Text className='rec-card-title'>{e.activity.title}</Text>
              <Text className='rec-card-line'>{dateRange(e.activity.startAt, e.activity.endAt)}</Text>
              <Text className='rec-card-line muted'>{e.activity.orgName}</Text>
            </View>
            <EnrollmentCard enrollment={e} onChanged={list.reload} />
          </View>
        )}
      </PagedList>
    </PageShell>
  );
}
