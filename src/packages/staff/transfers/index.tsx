import { useState } from 'react';
import { View, Text, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../../api/client';
import type { ApplicationStatus, TransferView } from '../../../api/types';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { LoadMore } from '../../../components/LoadMore';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDateTime, STATUS_TEXT } from '../../../utils/format';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { STATUS_TABS, Tabs } from '../components/Tabs';
import '../staff.scss';

/** e2e hooks: `.transfer-item`, `.transfer-approve`, `.transfer-reject`, `.transfer-reason-input`. */
export default function TransferReviews() {
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  const list = usePagedRemote((page) => call('transfer.list', { status, page }), { refreshOnShow: true, deps: [status] });
  const [target, setTarget] = useState<{ t: TransferView; action: 'approve' | 'reject' } | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const act = async () => {
    if (!target) return;
    if (target.action === 'reject' && !reason.trim()) {
      void Taro.showToast({ title: '请填写驳回原因', icon: 'none' });
      return;
    }
    const { t, action } = target;
    setTarget(null);
    setBusy(true);
    try {
      if (action === 'approve') await call('transfer.approve', { transferId: t._id });
      else await call('transfer.reject', { transferId: t._id, reason: reason.trim() });
      setReason('');
      void Taro.showToast({ title: action === 'approve' ? '已通过' : '已驳回', icon: 'success' });
      list.reload();
    } catch (e) {
      void Taro.showModal({ title: '操作失败', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className='staff-transfers'>
      <Tabs tabs={STATUS_TABS} value={status} onChange={setStatus} />
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!!list.data && list.data.items.length === 0}
        emptyText='暂无转会申请'
      >
        {list.data?.items.map((t) => (
          <View key={t._id} className='staff-item transfer-item'>
            <View className='staff-item-head'>
              <Text className='staff-item-name'>{t.name ?? '会员'}</Text>
              <Text className={`tag tag-${t.status}`}>{STATUS_TEXT[t.status]}</Text>
            </View>
            <Text className='staff-item-line'>
              {t.fromOrgName ?? t.fromOrgId} → {t.toOrgName ?? t.toOrgId}
            </Text>
            <Text className='staff-item-line'>原因：{t.reason}</Text>
            {t.rejectReason && <Text className='staff-item-line'>驳回原因：{t.rejectReason}</Text>}
            <Text className='staff-item-line'>提交于 {formatDateTime(t.requestedAt)}</Text>
            {t.status === 'pending' && (
              <View className='staff-actions'>
                <View className='btn btn-plain transfer-reject' onClick={() => !busy && setTarget({ t, action: 'reject' })}>
                  驳回
                </View>
                <View className='btn transfer-approve' onClick={() => !busy && setTarget({ t, action: 'approve' })}>
                  通过
                </View>
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
        onConfirm={() => void act()}
        onCancel={() => setTarget(null)}
      >
        {target?.action === 'reject' ? (
          <Textarea
            className='staff-input staff-reason transfer-reason-input'
            value={reason}
            maxlength={200}
            placeholder='请填写驳回原因（申请人可见）'
            onInput={(e) => setReason(e.detail.value)}
          />
        ) : (
          <Text>确认同意该会员转入「{target?.t.toOrgName ?? target?.t.toOrgId}」？</Text>
        )}
      </ConfirmDialog>
    </PageShell>
  );
}
