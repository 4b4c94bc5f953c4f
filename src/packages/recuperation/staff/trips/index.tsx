import { Text, View } from '@tarojs/components';
import { call } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { StaffActivityList } from '../../../../components/enrollment/StaffActivityList';
import { ROUTES, go } from '../../../../utils/nav';
import { dateRange, MODE_TEXT, PHASE_TEXT } from '../../format';
import '../../recuperation.scss';

/** 疗休养管理: the trips of the staffer's unions. Test ids `recuperation-staff-trip`, `recuperation-new-trip`. */
export default function StaffTrips() {
  return (
    <StaffActivityList
      p='rec'
      className='rec-staff-trips'
      page='recuperationStaff'
      load={(page, status) => call('recuperation.manage', { page, ...(status ? { status } : {}) })}
      top={
        <Button block className='rec-new-trip' testId='recuperation-new-trip' onClick={() => go(ROUTES.recuperationEdit)}>
          新建疗休养活动
        </Button>
      }
      emptyText='暂无疗休养活动，可点击上方按钮新建'
    >
      {(t) => (
        <View
          key={t._id}
          className='rec-card rec-staff-trip'
          data-testid='recuperation-staff-trip'
          onClick={() => go(`${ROUTES.recuperationRoster}?id=${t._id}`)}
        >
          <Text className='rec-card-title'>{t.title}</Text>
          <Text className='rec-card-line'>
            {dateRange(t.startAt, t.endAt)} · {t.orgName}
          </Text>
          <View className='rec-card-tags'>
            <Text className={`tag ${t.phase === 'open' ? 'tag-approved' : 'tag-muted'}`}>{PHASE_TEXT[t.phase]}</Text>
            <Text className='tag tag-info'>{MODE_TEXT[t.mode]}</Text>
            <Text className='tag tag-muted'>
              名额 {t.capacity} · 剩余 {t.seatsLeft}
            </Text>
          </View>
        </View>
      )}
    </StaffActivityList>
  );
}
