import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { call } from '../../../api/client';
import type { ApproveManyResult } from '../../../api/types';
import { BatchBar } from '../../../components/BatchBar';
import { Button } from '../../../components/Button';
import { Checkbox } from '../../../components/Checkbox';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAction } from '../../../hooks/useAction';

/** Applications ticked for batch approval: id → the submittedAt the reviewer saw in the list. */
export type Selection = Record<string, string>;

export const BATCH_LIMIT = 50;

interface BatchApproveProps {
  selection: Selection;
  /** Every application shown that can be ticked (for 全选). */
  selectable: Selection;
  onSelect: (selection: Selection) => void;
  /** After the batch ran: the list reloads. */
  onDone: () => void;
}

/**
 * The bar docked at the bottom of the pending list's screen (`BatchBar`): 全选, how many are ticked, 批量通过 — ONE confirmation for the whole
 * batch, then a summary of what was approved and what failed (and why).
 * Test ids: `staff-batch-bar`, `staff-batch-all` (its box `…-box`), `staff-batch-count`, `staff-batch-approve`, dialogs
 * `staff-batch-confirm` and `staff-batch-result`.
 */
export function BatchApprove({ selection, selectable, onSelect, onDone }: BatchApproveProps) {
  const [confirming, setConfirming] = useState(false);
  const act = useAction();
  const [result, setResult] = useState<ApproveManyResult | null>(null);
  const count = Object.keys(selection).length;
  const allIds = Object.keys(selectable);
  const allTicked = allIds.length > 0 && allIds.every((id) => id in selection);

  const approve = async () => {
    const items = Object.entries(selection).map(([applicationId, submittedAt]) => ({ applicationId, submittedAt }));
    await act.run(() => call('membership.approveMany', { items }), {
      failTitle: '操作失败',
      onDone: (r) => {
        setResult(r);
        onSelect({});
        onDone();
      },
    });
    setConfirming(false);
  };

  // The dialogs outlive the bar: after a batch the list reloads (and may be empty) while the summary shows.
  return (
    <>
      {allIds.length > 0 && (
        <BatchBar className='staff-batch-bar' testId='staff-batch-bar'>
          <Checkbox
            className='batch-all'
            testId='staff-batch-all'
            checked={allTicked}
            onChange={(on) => onSelect(on ? Object.fromEntries(Object.entries(selectable).slice(0, BATCH_LIMIT)) : {})}
          >
            全选
          </Checkbox>
          <Text className='batch-count' data-testid='staff-batch-count'>
            已选 {count} 条
          </Text>
          <Button
            small
            className='batch-approve'
            testId='staff-batch-approve'
            disabled={count === 0}
            onClick={() => setConfirming(true)}
          >
            批量通过
          </Button>
        </BatchBar>
      )}
      <ConfirmDialog
        visible={confirming}
        title='批量通过'
        confirmText={`通过 ${count} 条`}
        busy={act.busy}
        className='batch-confirm'
        testId='staff-batch-confirm'
        onConfirm={() => void approve()}
        onCancel={() => setConfirming(false)}
      >
        确认通过已选的 {count} 条入会申请？通过后将为申请人发放电子工会卡。
      </ConfirmDialog>
      <ConfirmDialog
        visible={!!result}
        title='批量审核结果'
        hideCancel
        confirmText='知道了'
        className='batch-result'
        testId='staff-batch-result'
        onConfirm={() => setResult(null)}
      >
        <Text className='batch-result-approved'>已通过 {result?.approved.length ?? 0} 条。</Text>
        {!!result?.failed.length && (
          <View className='batch-result-failed'>
            <Text>以下 {result.failed.length} 条未能通过：</Text>
            {result.failed.map((f) => (
              <Text key={f.applicationId} className='batch-result-line'>
                {f.name}：{f.message}
              </Text>
            ))}
          </View>
        )}
      </ConfirmDialog>
    </>
  );
}
