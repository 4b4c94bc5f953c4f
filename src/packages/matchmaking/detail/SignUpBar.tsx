import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Checkbox } from '../../../components/Checkbox';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAction } from '../../../hooks/useAction';
import { ROUTES, go } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { dayTime, isActive } from '../format';
import type { EventPage } from '../types';

/**
 * What the bottom bar offers: the sign-up (confirmed in a dialog with the follow-up consent), or why not, in words
 * that say what to do next; a refusal is explained in a dialog and the confirmation stays, to try again. Test ids
 * `matchmaking-signup`, `matchmaking-signup-dialog`, `matchmaking-bar-hint`.
 */
export function SignUpBar({ page, onDone }: { page: EventPage; onDone: () => void }) {
  const [ask, setAsk] = useState(false);
  const [followUp, setFollowUp] = useState(true);
  const act = useAction();
  const { event, eligibility, mine, profile } = page;
  if (mine && isActive(mine.status)) return null;

  let hint: string | null = null;
  let action: { label: string; run: () => void } | null = null;
  if (event.phase === 'upcoming') hint = `报名将于 ${dayTime(event.signupStart)} 开始，请届时再来`;
  else if (event.phase !== 'open') hint = '报名已截止';
  else if (!eligibility.member) {
    hint = '完成实名入会后才能报名';
    action = { label: '去入会', run: () => go(ROUTES.apply) };
  } else if (!profile.exists) {
    hint = '报名前请先填写交友资料并声明单身';
    action = { label: '填写交友资料', run: () => go(ROUTES.matchmakingProfile) };
  } else if (!eligibility.eligible) {
    const confirmation = eligibility.checks.find((c) => c.rule === 'matchmaking.confirmed' && !c.ok);
    hint = confirmation ? confirmation.message : '您暂不符合本活动的报名条件（见上方说明），如信息有误请联系所在工会';
    if (confirmation || profile.paused) action = { label: '去交友资料', run: () => go(ROUTES.matchmakingProfile) };
  } else {
    const full = (mine?.status !== 'waitlisted' && event.seatsLeft <= 0) || false;
    action = { label: full ? '名额已满，登记候补' : '我要报名', run: () => setAsk(true) };
  }

  const signUp = () =>
    act.run(
      async () => {
        await askToSubscribe('matchmakingSignUp'); // in the tap: WeChat asks only in answer to one
        return call('matchmaking.signUp', { activityId: event._id, followUp });
      },
      {
        failTitle: '未能报名',
        fieldKey: () => undefined,
        onDone: (r) => {
          setAsk(false);
          void Taro.showToast({
            title:
              r.status === 'waitlisted'
                ? `已登记候补第${r.position ?? ''}位`
                : r.status === 'pending'
                  ? '已报名，待审核'
                  : '报名成功',
            icon: 'success',
          });
          onDone();
        },
      },
    );

  return (
    <View className='mm-bar'>
      {hint && (
        <Text className='mm-bar-hint' data-testid='matchmaking-bar-hint'>
          {hint}
        </Text>
      )}
      {action && (
        <Button block className='mm-signup' testId='matchmaking-signup' onClick={action.run}>
          {action.label}
        </Button>
      )}
      <ConfirmDialog
        visible={ask}
        title='确认报名'
        confirmText='确认报名'
        className='mm-signup-dialog'
        testId='matchmaking-signup-dialog'
        busy={act.busy}
        onConfirm={() => void signUp()}
        onCancel={() => setAsk(false)}
      >
        <View>
          <Text>
            {event.review ? '报名后由组织工会审核。' : ''}活动当天凭电子工会卡签到；签到后才能看到同场参加者的资料并互选。
          </Text>
          <Checkbox className='mm-followup' testId='matchmaking-followup' checked={followUp} onChange={setFollowUp}>
            活动结束后接受工会回访（3天、3周各一次）
          </Checkbox>
        </View>
      </ConfirmDialog>
    </View>
  );
}
