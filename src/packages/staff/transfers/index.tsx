import { useState } from 'react';
import { View, Text, Textarea } from '@tarojs/components';
import { APPLICATION_STATUS_LABELS } from '@rules/membership';
import { call } from '../../../api/client';
import type { ApplicationStatus, TransferView } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { LoadMore } from '../../../components/LoadMore';
import { OverdueTag } from '../../../components/OverdueTag';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDateTime } from '../../../utils/format';
import { STATUS_TABS, Tabs } from '../components/Tabs';
import '../staff.scss';

const REASON_REQUIRED = '请填写驳回原因，申请人将看到该原因';

/**
 * 转会审核. Test ids: `staff-transfer-item`, `staff-transfer-approve`, `staff-transfer-reject`, dialog
 * `staff-transfer-dialog` with `staff-transfer-reason` (`… textarea`) and `staff-transfer-reason-error`.
 */
export default function TransferReviews() {
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  const list = usePagedRemote((page) => call('transfer.list', { status, page }), { refreshOnShow: true, deps: [status] });
  const [target, setTarget] = useState<{ t: TransferView; action: 'approve' | 'reject' } | null>(null);
  const [reason, setReason] = useState('');
  const act = useAction();
  const busy = act.busy;

  const open = (t: TransferView, action: 'approve' | 'reject') => {
    setReason('');
    act.setFieldErrors({});
    setTarget({ t, action });
  };

  const decide = () => {
    if (!target) return;
    const { t, action } = target;
    // An empty reason: the dialog stays open and says why.
    if (action === 'reject' && !reason.trim()) return act.setFieldErrors({ reason: REASON_REQUIRED });
    void act.run(
      () =>
        action === 'approve'
          ? call('transfer.approve', { transferId: t._id })
          : call('transfer.reject', { transferId: t._id, reason: reason.trim() }),
      {
        success: action === 'approve' ? '已通过' : '已驳回',
        failTitle: '操作失败',
        fieldKey: (f) => (f === 'reason' && action === 'reject' ? 'reason' : undefined),
        onDone: () => {
          setTarget(null);
          list.reload();
        },
        onFail: (refusal) => {
          if (!(refusal.field === 'reason' && action === 'reject')) setTarget(null);
        },
      },
    );
  };

  return (
    <PageShell className='staff-transfers' page='staffTransfers'>
      <Tabs tabs={STATUS_TABS} value={status} onChange={setStatus} />
      <StateView
        remote={list}
        empty={!!list.data && list.data.items.length === 0}
        emptyText={status === 'pending' ? '暂无待审核的转会申请' : '暂无记录'}
      >
        {list.data?.items.map((t) => (
          <View key={t._id} className='staff-item transfer-item' data-testid='staff-transfer-item'>
            <View className='staff-item-head'>
              <Text className='staff-item-name'>{t.name}</Text>
              <View>
                <Text className={`tag tag-${t.status}`}>{APPLICATION_STATUS_LABELS[t.status]}</Text>
                <OverdueTag days={t.overdueDays} />
              </View>
            </View>
            <Text className='staff-item-line'>
              {t.fromOrgName} → {t.toOrgName}
            </Text>
            <Text className='staff-item-line'>原因：{t.reason}</Text>
            {t.rejectReason && <Text className='staff-item-line'>驳回原因：{t.rejectReason}</Text>}
            <Text className='staff-item-line'>提交于 {formatDateTime(t.requestedAt)}</Text>
            {t.status === 'pending' && (
              <View className='staff-item-actions'>
                <Button
                  small
                  kind='plain'
                  className='transfer-reject'
                  testId='staff-transfer-reject'
                  disabled={busy}
                  onClick={() => open(t, 'reject')}
                >
                  驳回
                </Button>
                <Button
                  small
                  className='transfer-approve'
                  testId='staff-transfer-approve'
                  disabled={busy}
                  onClick={() => open(t, 'approve')}
                >
                  通过
                </Button>
              </View>
            )}
          </View>
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
      <ConfirmDialog
        visible={!!target}
        title={target?.action === 'approve' ? '确认通过转会' : '驳回转会申请'}
        confirmText={target?.action === 'approve' ? '通过' : '驳回'}
        busy={busy}
        className='transfer-dialog'
        testId='staff-transfer-dialog'
        onConfirm={decide}
        onCancel={() => setTarget(null)}
      >
        {target?.action === 'reject' ? (
          <View>
            <Textarea
              className='staff-input staff-reason transfer-reason-input'
              data-testid='staff-transfer-reason'
              value={reason}
              maxlength={200}
              placeholder='请填写驳回原因（申请人可见）'
              onInput={(e) => {
                setReason(e.detail.value);
                act.clearField('reason');
              }}
            />
            {act.fieldErrors.reason && (
              <Text className='dialog-error transfer-reason-error' data-testid='staff-transfer-reason-error'>
                {act.fieldErrors.reason}
              </Text>
            )}
          </View>
        ) : (
          <Text>
            确认同意「{target?.t.name}」从「{target?.t.fromOrgName}」转入「{target?.t.toOrgName}」？
          </Text>
        )}
      </ConfirmDialog>
    </PageShell>
  );
}
