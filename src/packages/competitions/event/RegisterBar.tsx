import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { ROUTES, go } from '../../../utils/nav';
import { dayTime, isActive } from '../format';
import type { EventPage } from '../types';

/** The bottom bar: the registration, or why not (in words that say what to do next). */
export function RegisterBar({ page }: { page: EventPage }) {
  const { event, eligibility, mine } = page;
  if (mine && isActive(mine.status)) return null;
  let hint: string | null = null;
  let action: { label: string; url: string } | null = null;
  const team = event.competition.format === 'team';
  if (event.phase === 'upcoming') hint = `报名将于 ${dayTime(event.signupStart)} 开始，请届时再来`;
  else if (event.phase !== 'open') hint = '报名已截止';
  else if (!eligibility.member) {
    hint = '完成实名入会后才能报名';
    action = { label: '去入会', url: ROUTES.apply };
  } else if (!eligibility.eligible) hint = '您暂不符合本项目的报名条件（见上方说明），如信息有误请联系所在工会';
  else if (page.unitLeft === 0) {
    hint = '您所在单位的名额已报满，仍可登记候补';
    action = { label: '登记候补', url: `${ROUTES.competitionRegister}?id=${event._id}` };
  } else
    action = {
      label: event.seatsLeft > 0 ? (team ? '以队长身份报名组队' : '我要报名') : '名额已满，登记候补',
      url: `${ROUTES.competitionRegister}?id=${event._id}`,
    };
  return (
    <View className='competitions-bar'>
      {hint && (
        <Text className='competitions-bar-hint competitions-register-hint' data-testid='competitions-register-hint'>
          {hint}
        </Text>
      )}
      {team && !hint && page.invitations.length > 0 && (
        <Text className='competitions-bar-hint'>已收到组队邀请？请在上方接受，无需自行报名</Text>
      )}
      {action && (
        <Button block className='competitions-register' testId='competitions-register' onClick={() => go(action.url)}>
          {action.label}
        </Button>
      )}
    </View>
  );
}
