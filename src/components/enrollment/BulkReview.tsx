import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../api/client';
import { Button } from '../Button';
import { ConfirmDialog } from '../ConfirmDialog';

export interface BulkReviewProps {
  activityId: string;
  /** The enrollments ticked on the roster; nothing shows while none is. */
  selected: string[];
  /** Class prefix of the area's stylesheet (`mm`, `rec`): e2e hooks `.<p>-approve`, `.<p>-reject`, `.<p>-review-dialog`. */
  p: string;
  /**
   * Where a failed call is told: `dialog` keeps the dialog open with the message in it (the page reloads only
   * after a success); `modal` closes the dialog first, says it in a modal, and the page reloads either way.
   */
  failure: 'dialog' | 'modal';
  /** Reload the page (and clear the selection). */
  onDone: () => void;
}

/** 审核通过 / 未通过 (with a reason the member sees) of the ticked enrollments with `enrollment.review`, confirmed. */
export function BulkReview({ activityId, selected, p, failure, onDone }: BulkReviewProps) {
  const [ask, setAsk] = useState<'approve' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inDialog = failure === 'dialog';

  const review = async () => {
    if (ask === 'reject' && !reason.trim()) return setReasonError('请填写未通过的原因，会员将看到该原因');
    const decision = ask!;
    if (!inDialog) setAsk(null);
    setBusy(true);
    try {
      const r = await call('enrollment.review', {
        activityId,
        enrollmentIds: selected,
        decision,
        ...(decision === 'reject' ? { reason: reason.trim() } : {}),
      });
      setAsk(null);
      setReason('');
      if (r.failed.length)
        void Taro.showModal({
          title: `${r.done.length} 条已处理`,
          content: r.failed.map((f) => `${f.name}：${f.message}`).join('\n'),
          showCancel: false,
        });
      else void Taro.showToast({ title: `已处理 ${r.done.length} 条`, icon: 'success' });
      if (inDialog) onDone();
    } catch (e) {
      if (inDialog) setReasonError(errorMessage(e));
      else void Taro.showModal({ title: '未能处理', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
      if (!inDialog) onDone();
    }
  };
  const error = reasonError && <Text className={`${p}-field-error`}>{reasonError}</Text>;

  return (
    <>
      {selected.length > 0 && (
        <View className={`${p}-bar ${p}-actions`}>
          <Button kind='plain' className={`${p}-reject`} disabled={busy} onClick={() => (setReasonError(null), setAsk('reject'))}>
            未通过（{selected.length}）
          </Button>
          <Button className={`${p}-approve`} loading={busy} onClick={() => (setReasonError(null), setAsk('approve'))}>
            审核通过（{selected.length}）
          </Button>
        </View>
      )}
      <ConfirmDialog
        visible={!!ask}
        title={ask === 'approve' ? `通过所选 ${selected.length} 条报名？` : `所选 ${selected.length} 条不予通过？`}
        className={`${p}-review-dialog`}
        busy={busy}
        onConfirm={() => void review()}
        onCancel={() => setAsk(null)}
      >
        {ask === 'reject' ? (
          <View>
            <Textarea
              className={`${p}-input ${p}-textarea ${p}-reject-reason`}
              value={reason}
              maxlength={200}
              placeholder='未通过的原因（会员将看到）'
              onInput={(ev) => setReason(ev.detail.value)}
            />
            {error}
          </View>
        ) : inDialog ? (
          <View>
            <Text>通过后名额确定，会员将收到通知。</Text>
            {error}
          </View>
        ) : (
          <Text>通过后名额确定，会员将收到通知。</Text>
        )}
      </ConfirmDialog>
    </>
  );
}
