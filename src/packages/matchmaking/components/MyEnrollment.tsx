import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAction } from '../../../hooks/useAction';
import { dayTime, isActive, statusTone } from '../format';
import type { EnrollmentView } from '../types';

/**
 * The member's own sign-up: where it stands and what they can do (confirm an offer, withdraw — confirmed first).
 * Test ids `matchmaking-mine-status`, `matchmaking-cancel`, `matchmaking-offer-accept`, `matchmaking-cancel-dialog`.
 */
export function MyEnrollment({ enrollment: e, onChanged }: { enrollment: EnrollmentView; onChanged: () => void }) {
  const [ask, setAsk] = useState(false);
  const act = useAction();
  const run = (what: 'cancel' | 'accept') => {
    setAsk(false);
    return act.run(
      () =>
        what === 'cancel'
          ? call('enrollment.cancel', { enrollmentId: e._id })
          : call('enrollment.respondOffer', { enrollmentId: e._id, accept: true }),
      {
        success: what === 'accept' ? '已确认参加' : '已取消报名',
        failTitle: '未能办理',
        fieldKey: () => undefined,
        onDone: onChanged,
        onFail: onChanged, // it may have changed meanwhile (an offer expired): show where it stands now
      },
    );
  };
  const label = e.status === 'waitlisted' ? '退出候补' : '取消报名';
  return (
    <View className='section mm-mine'>
      <View className='mm-head'>
        <Text className='section-title'>我的报名</Text>
        <Text className={`tag tag-${statusTone(e.status)} mm-mine-status`} data-testid='matchmaking-mine-status'>
          {e.statusText}
        </Text>
      </View>
      {e.status === 'waitlisted' && e.position !== undefined && (
        <Text className='mm-line'>候补第 {e.position} 位，有人取消时将按顺序递补并通知您</Text>
      )}
      {e.status === 'pending' && <Text className='mm-line'>名额已为您保留，等待工会审核</Text>}
      {e.status === 'offered' && e.offerExpiresAt && (
        <Text className='mm-line mm-warn'>有名额空出，请于 {dayTime(e.offerExpiresAt)} 前确认</Text>
      )}
      {e.rejectReason && <Text className='mm-line'>说明：{e.rejectReason}</Text>}
      {e.checkedInAt && <Text className='mm-line'>已于 {dayTime(e.checkedInAt)} 签到</Text>}
      {e.status === 'approved' && !e.checkedInAt && (
        <Text className='mm-line muted'>活动当天请出示电子工会卡，由工作人员扫码签到。</Text>
      )}
      {e.canRespondOffer && (
        <Button
          block
          className='mm-offer-accept'
          testId='matchmaking-offer-accept'
          loading={act.busy}
          onClick={() => void run('accept')}
        >
          确认参加
        </Button>
      )}
      {!e.canRespondOffer && isActive(e.status) && e.cancel.allowed && (
        <Button
          kind='plain'
          block
          className='mm-cancel'
          testId='matchmaking-cancel'
          loading={act.busy}
          onClick={() => setAsk(true)}
        >
          {label}
        </Button>
      )}
      <ConfirmDialog
        visible={ask}
        title={`确定${label}？`}
        confirmText={label}
        className='mm-cancel-dialog'
        testId='matchmaking-cancel-dialog'
        busy={act.busy}
        onConfirm={() => void run('cancel')}
        onCancel={() => setAsk(false)}
      >
        <Text className={e.cancel.late ? 'mm-warn' : ''}>{e.cancel.message}</Text>
      </ConfirmDialog>
    </View>
  );
}
