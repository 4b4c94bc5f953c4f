import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { BatchBar } from '../BatchBar';
import { Button } from '../Button';
import { ConfirmDialog } from '../ConfirmDialog';
import { areaOf } from './area';

export interface BulkReviewProps {
  activityId: string;
  /** The enrollments ticked on the roster; nothing shows while none is. */
  selected: string[];
  /**
   * Class prefix of the area's stylesheet (`mm`, `rec`). Test ids `<area>-batch-bar` (docked at the bottom), `<area>-approve`, `<area>-reject`,
   * `<area>-review-confirm` (the dialog's words), `<area>-reject-reason`, `<area>-review-error`.
   */
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
  const action = useAction();
  const busy = action.busy;
  const area = areaOf(p);
  const inDialog = failure === 'dialog';
  const reasonError = action.fieldErrors.reason;
  const open = (decision: 'approve' | 'reject') => {
    action.clearField('reason');
    setAsk(decision);
  };

  const review = () => {
    if (ask === 'reject' && !reason.trim()) return action.setFieldErrors({ reason: '请填写未通过的原因，会员将看到该原因' });
    const decision = ask!;
    if (!inDialog) setAsk(null);
    void action.run(
      () =>
        call('enrollment.review', {
          activityId,
          enrollmentIds: selected,
          decision,
          ...(decision === 'reject' ? { reason: reason.trim() } : {}),
        }),
      {
        failTitle: '未能处理',
        // in the dialog, any refusal is said under the reason, and the dialog stays
        fieldKey: inDialog ? () => 'reason' : () => undefined,
        onDone: (r) => {
          setAsk(null);
          setReason('');
          if (r.failed.length)
            void Taro.showModal({
              title: `${r.done.length} 条已处理`,
              content: r.failed.map((f) => `${f.name}：${f.message}`).join('\n'),
              showCancel: false,
            });
          else void Taro.showToast({ title: `已处理 ${r.done.length} 条`, icon: 'success' });
          onDone();
        },
        onFail: () => !inDialog && onDone(),
      },
    );
  };
  const error = reasonError && (
    <Text className={`${p}-field-error`} data-testid={`${area}-review-error`}>
      {reasonError}
    </Text>
  );

  return (
    <>
      {selected.length > 0 && (
        <BatchBar className={`${p}-actions`} testId={`${area}-batch-bar`}>
          <Button kind='plain' className={`${p}-reject`} testId={`${area}-reject`} disabled={busy} onClick={() => open('reject')}>
            未通过（{selected.length}）
          </Button>
          <Button className={`${p}-approve`} testId={`${area}-approve`} loading={busy} onClick={() => open('approve')}>
            审核通过（{selected.length}）
          </Button>
        </BatchBar>
      )}
      <ConfirmDialog
        visible={!!ask}
        title={ask === 'approve' ? `通过所选 ${selected.length} 条报名？` : `所选 ${selected.length} 条不予通过？`}
        className={`${p}-review-dialog`}
        busy={busy}
        onConfirm={review}
        onCancel={() => setAsk(null)}
      >
        {ask === 'reject' ? (
          <View data-testid={`${area}-review-confirm`}>
            <Textarea
              className={`${p}-input ${p}-textarea ${p}-reject-reason`}
              data-testid={`${area}-reject-reason`}
              value={reason}
              maxlength={200}
              placeholder='未通过的原因（会员将看到）'
              onInput={(ev) => {
                setReason(ev.detail.value);
                action.clearField('reason');
              }}
            />
            {error}
          </View>
        ) : (
          <View data-testid={`${area}-review-confirm`}>
            <Text>通过后名额确定，会员将收到通知。</Text>
            {inDialog && error}
          </View>
        )}
      </ConfirmDialog>
    </>
  );
}
