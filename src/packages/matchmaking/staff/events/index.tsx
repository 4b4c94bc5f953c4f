import { Text, View } from '@tarojs/components';
import { call } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { StaffActivityList } from '../../../../components/enrollment/StaffActivityList';
import { ROUTES, go } from '../../../../utils/nav';
import { PHASE_TEXT, seatsText, when } from '../../format';
import '../../matchmaking.scss';

/** 联谊活动管理: the events of the staffer's unions. Test ids `matchmaking-staff-event`, `matchmaking-new-event`, `matchmaking-to-confirmations`. */
export default function StaffEvents() {
  return (
    <StaffActivityList
      p='mm'
      className='mm-staff-events'
      page='matchmakingStaff'
      load={(page, status) => call('matchmaking.manage', { page, ...(status ? { status } : {}) })}
      top={
        <>
          <Button block className='mm-new-event' testId='matchmaking-new-event' onClick={() => go(ROUTES.matchmakingEdit)}>
            新建联谊活动
          </Button>
          <View
            className='mm-link mm-to-confirmations'
            data-testid='matchmaking-to-confirmations'
            onClick={() => go(ROUTES.matchmakingConfirmations)}
          >
            <Text>单身状态确认</Text>
            <Text>›</Text>
          </View>
        </>
      }
      emptyText='暂无联谊活动，可点击上方按钮新建'
    >
      {(e) => (
        <View
          key={e._id}
          className='mm-card mm-staff-event'
          data-testid='matchmaking-staff-event'
          onClick={() => go(`${ROUTES.matchmakingRoster}?id=${e._id}`)}
        >
          <Text className='mm-card-title'>{e.title}</Text>
          <Text className='mm-card-line'>
            {when(e.startAt, e.endAt)} · {e.orgName}
          </Text>
          <View className='mm-tags'>
            <Text className={`tag ${e.phase === 'open' ? 'tag-approved' : 'tag-muted'}`}>{PHASE_TEXT[e.phase]}</Text>
            <Text className='tag tag-info'>{seatsText(e)}</Text>
          </View>
        </View>
      )}
    </StaffActivityList>
  );
}
