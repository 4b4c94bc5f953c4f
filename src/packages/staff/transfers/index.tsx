import { useState } from 'react';
import { View, Text, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APPLICATION_STATUS_LABELS } from '@rules/membership';
import { call, errorMessage } from '../../../api/client';
import type { ApplicationStatus, TransferView } from '../../../api/types';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDateTime } from '../../../utils/format';
import { STATUS_TABS, Tabs } from '../components/Tabs';
import '../staff.scss';

const REASON_REQUIRED = '请填写驳回原因，申请人将看到该原因';

/** 转会审核. e2e hooks: `.transfer-item`, `.transfer-approve`, `.transfer-reject`, `.transfer-reason-input textarea`. */
export default function TransferReviews() {
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  const list = usePagedRemote((page) => call('transfer.list', { status, page }), { refreshOnShow: true, deps: [status] });
  const [target, setTarget] = useState<{ t: TransferView; action: 'approve' | 'reject' } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const open = (t: TransferView, action: 'approve' | 'reject') => {
    setReason('');
    setReasonError(null);
    setTarget({ t, action });
  };

  const decide = async () => {
    if (!target) return;
    const { t, action } = target;
    if (action === 'reject' && !reason.trim()) {
      setReasonError(REASON_REQUIRED);
      return;
    }
    setBusy(true);
    try {
      if (action === 'approve') await call('transfer.approve', { transferId: t._id });
      else await call('transfer.reject', { transferId: t._id, reason: reason.trim() });
      setTarget(null);
      void Taro.showToast({ title: action === 'approve' ? '已通过' : '已驳回', icon: 'success' });
      list.reload();
    } catch (e) {
      setTarget(null);
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className='staff-transfers' page='staffTransfers'>
      <Tabs tabs={STATUS_TABS} value={status} onChange={setStatus} />
      <StateView
        loading={list.loading}
        error={list.error}
        errorCode={list.errorCode}
        onRetry={list.reload}
        empty={!!list.data && list.data.items.length === 0}
        emptyText={status === 'pending' ? '暂无待审核的转会申请' : '暂无记录'}
      >
        {list.data?.items.map((t) => (
          <View key={t._id} className='staff-item transfer-item'>
            <View className='staff-item-head'>
              <Text className='staff-item-name'>{t.name}</Text>
              <Text className={`tag tag-${t.status}`}>{APPLICATION_STATUS_LABELS[t.status]}</Text>
            </View>
            <Text className='staff-item-line'>
              {t.fromOrgName} → {t.toOrgName}
            </Text>
            <Text className='staff-item-line'>原因：{t.reason}</Text>
            {t.rejectReason && <Text className='staff-item-line'>驳回原因：{t.rejectReason}</Text>}
            <Text className='staff-item-line'>提交于 {formatDateTime(t.requestedAt)}</Text>
            {t.status === 'pending' && (
              <View className='staff-item-actions'>
                <Button small kind='plain' className='transfer-reject' disabled={busy} onClick={() => open(t, 'reject')}>
                  驳回
                </Button>
                <Button small className='transfer-approve' disabled={busy} onClick={() => open(t, 'approve')}>
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
        onConfirm={() => void decide()}
        onCancel={() => setTarget(null)}
      >
        {target?.action === 'reject' ? (
          <View>
            <Textarea
              className='staff-input staff-reason transfer-reason-input'
              value={reason}
              maxlength={200}
              placeholder='请填写驳回原因（申请人可见）'
              onInput={(e) => {
                setReason(e.detail.value);
                setReasonError(null);
              }}
            />
            {reasonError && <Text className='dialog-error transfer-reason-error'>{reasonError}</Text>}
          </View>
        ) : (
          <Text>
            确认同意「{target?.t.name}」从「{target?.t.fromOrgName}」转入「{target?.t.toOrgName}」？
          </Text>
        )}
      </ConfirmDialog>
      <ConfirmDialog visible={!!failure} title='操作失败' hideCancel confirmText='知道了' onConfirm={() => setFailure(null)}>
        {failure}
      </ConfirmDialog>
    </PageShell>
  );
}
