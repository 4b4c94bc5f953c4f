import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { dial } from '../../legal-aid/phone';
import { Hotlines } from '../components/Hotlines';
import { dayText, STATUS_TAG } from '../format';
import '../counselling.scss';

/**
 * The member's session: time, room, pseudonym, masked contact; cancel (confirmed) until the room's window; the
 * consent to notes, which the member may give or withdraw (withdrawing deletes a note). Test ids
 * `counselling-detail`, `counselling-status`, `counselling-cancel`, `counselling-cancel-dialog`, `counselling-consent`.
 */
export default function SessionDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const detail = useRemote(() => call('counselling.get', { bookingId: id }), { refreshOnShow: true });
  const act = useAction();
  const [cancelling, setCancelling] = useState(false);
  const s = detail.data;
  const cancel = async () => {
    await act.run(() => call('counselling.cancel', { bookingId: id }), { success: '已取消', failTitle: '取消未成功' });
    setCancelling(false);
    detail.reload();
  };
  const consent = (value: boolean) =>
    void act.run(() => call('counselling.consent', { bookingId: id, consent: value }), {
      success: value ? '已同意保留记录' : '已撤回，记录已删除',
      onDone: () => detail.reload(),
    });
  return (
    <PageShell className='cs-detail' page='counsellingDetail' testId='counselling-detail'>
      <Hotlines />
      <StateView remote={detail} loading={detail.loading && !s}>
        {s && (
          <View className='cs-card'>
            <Text className='cs-title'>
              {s.roomName}{' '}
              <Text className={`tag ${STATUS_TAG[s.status] ?? ''}`} data-testid='counselling-status'>
                {s.statusText}
              </Text>
            </Text>
            <Row label='时间'>{`${dayText(s.date)} ${s.start}–${s.end}`}</Row>
            {s.roomAddress && <Row label='地址'>{s.roomAddress}</Row>}
            <Row label='化名'>{s.pseudonym}</Row>
            <Row label='联系电话'>{s.contactMasked}</Row>
            <Row label='咨询记录'>{s.noteConsent ? '同意保留' : '不保留'}</Row>
            {s.cancelReason && <Row label='取消原因'>{`${s.cancelledBy === 'room' ? '咨询室取消：' : ''}${s.cancelReason}`}</Row>}
            {s.status === 'confirmed' && (
              <Text className='muted'>
                {s.canCancel ? `${formatDateTime(s.cancelDeadline)}前可在线取消。` : '已过在线取消时间，如不能前来请致电咨询室。'}
              </Text>
            )}
            <View className='cs-row-btns'>
              {s.canCancel && (
                <Button small kind='plain' testId='counselling-cancel' onClick={() => setCancelling(true)}>
                  取消预约
                </Button>
              )}
              {s.status === 'confirmed' && (
                <Button small kind='quiet' testId='counselling-consent' onClick={() => consent(!s.noteConsent)}>
                  {s.noteConsent ? '撤回保留记录的同意' : '同意保留咨询记录'}
                </Button>
              )}
              {s.roomPhone && (
                <Button small kind='quiet' onClick={() => dial(s.roomPhone)}>
                  致电咨询室
                </Button>
              )}
            </View>
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={cancelling}
        title='取消这次心理咨询？'
        testId='counselling-cancel-dialog'
        busy={act.busy}
        onConfirm={() => void cancel()}
        onCancel={() => setCancelling(false)}
      >
        <Text>取消后该时段将开放给其他会员，您可以重新预约。</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
