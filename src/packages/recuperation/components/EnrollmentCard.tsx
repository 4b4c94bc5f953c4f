import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { dayTime, isActive, statusTone } from '../format';
import type { EnrollmentView } from '../types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

type Ask = 'cancel' | 'decline' | null;

function withdrawLabel(e: EnrollmentView): string {
  if (e.status === 'waitlisted') return '退出候补';
  if (e.status === 'applied') return '放弃抽签';
  if (e.source === 'nomination') return '放弃推荐名额';
  return '取消报名';
}

/**
 * The member's own enrollment: where it stands (position, offer deadline, reason) and what they can do —
 * confirm or decline an offer, withdraw (with the policy's words, and a warning when it would count as late).
 * Test ids `recuperation-mine-status`, `…-mine-position`, `…-offer-accept`, `…-offer-decline`, `…-cancel`,
 * `…-cancel-confirm` (the dialog's words).
 */
export function EnrollmentCard({ enrollment: e, onChanged }: { enrollment: EnrollmentView; onChanged: () => void }) {
  const [ask, setAsk] = useState<Ask>(null);
  const action = useAction();
  const busy = action.busy;

  const run = (what: 'accept' | 'decline' | 'cancel') => {
    setAsk(null);
    void action.run(
      () =>
        what === 'cancel'
          ? call('enrollment.cancel', { enrollmentId: e._id })
          : call('enrollment.respondOffer', { enrollmentId: e._id, accept: what === 'accept' }),
      {
        success: what === 'accept' ? '已确认参加' : '已办理',
        failTitle: '未能办理',
        onDone: onChanged,
        onFail: onChanged,
      },
    );
  };

  return (
    <View className='section rec-mine'>
      <View className='rec-mine-head'>
        <Text className='section-title'>我的报名</Text>
        <Text className={`tag tag-${statusTone(e.status)} rec-mine-status`} data-testid='recuperation-mine-status'>
          {e.statusText}
        </Text>
      </View>
      {e.status === 'waitlisted' && e.position !== undefined && (
        <Text className='rec-mine-line rec-mine-position' data-testid='recuperation-mine-position'>
          候补第 {e.position} 位，有人取消时将按顺序递补并通知您
        </Text>
      )}
      {e.status === 'applied' && <Text className='rec-mine-line'>报名截止后公开抽签，抽签号 {e.ticket}</Text>}
      {e.status === 'pending' && <Text className='rec-mine-line'>名额已为您保留，等待工会审核</Text>}
      {e.status === 'offered' && e.offerExpiresAt && (
        <Text className='rec-mine-line rec-mine-offer'>
          有名额空出，请于 {dayTime(e.offerExpiresAt)} 前确认，逾期将顺延给下一位
        </Text>
      )}
      {e.source === 'nomination' && isActive(e.status) && <Text className='rec-mine-line'>由所在工会推荐参加</Text>}
      {e.rejectReason && <Text className='rec-mine-line rec-mine-reason'>原因：{e.rejectReason}</Text>}
      {e.lateCancel && <Text className='rec-mine-line muted'>已记为逾期取消</Text>}
      {e.checkedInAt && <Text className='rec-mine-line'>已于 {dayTime(e.checkedInAt)} 签到</Text>}
      {e.canRespondOffer && (
        <View className='rec-actions'>
          <Button className='rec-offer-accept' testId='recuperation-offer-accept' loading={busy} onClick={() => run('accept')}>
            确认参加
          </Button>
          <Button
            kind='plain'
            className='rec-offer-decline'
            testId='recuperation-offer-decline'
            disabled={busy}
            onClick={() => setAsk('decline')}
          >
            放弃名额
          </Button>
        </View>
      )}
      {!e.canRespondOffer && isActive(e.status) && e.cancel.allowed && (
        <Button
          kind='plain'
          block
          className='rec-cancel'
          testId='recuperation-cancel'
          loading={busy}
          onClick={() => setAsk('cancel')}
        >
          {withdrawLabel(e)}
        </Button>
      )}
      {isActive(e.status) && !e.cancel.allowed && <Text className='muted rec-mine-line'>{e.cancel.message}</Text>}
      <ConfirmDialog
        visible={ask === 'cancel'}
        title={`确定${withdrawLabel(e)}？`}
        confirmText={withdrawLabel(e)}
        className='rec-cancel-dialog'
        busy={busy}
        onConfirm={() => run('cancel')}
        onCancel={() => setAsk(null)}
      >
        <Text className={e.cancel.late ? 'rec-warn' : ''} data-testid='recuperation-cancel-confirm'>
          {e.cancel.message}
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        visible={ask === 'decline'}
        title='确定放弃递补名额？'
        confirmText='放弃'
        busy={busy}
        onConfirm={() => run('decline')}
        onCancel={() => setAsk(null)}
      >
        <Text data-testid='recuperation-decline-confirm'>放弃后名额将顺延给下一位候补，且不能恢复。</Text>
      </ConfirmDialog>
    </View>
  );
}
