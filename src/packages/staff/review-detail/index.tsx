import { useState } from 'react';
import { View, Text, Textarea } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call, errorMessage } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { CHANNEL_TEXT, formatDateTime, OCCUPATION_OPTIONS, STATUS_TEXT } from '../../../utils/format';
import { ConfirmDialog } from '../components/ConfirmDialog';
import '../staff.scss';
import { Row } from '../../../components/Row';

type Pending = 'approve' | 'reject' | null;

/**
 * e2e hooks: `.review-approve` (通过), `.review-reject` (驳回), `.review-reason` (textarea in the
 * reject dialog), dialog buttons `.nut-dialog-footer-ok` / `.nut-dialog-footer-cancel`, `.review-status`.
 */
export default function ReviewDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const detail = useRemote(() => call('membership.get', { applicationId: id }));
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async () => {
    if (pending === 'reject' && !reason.trim()) {
      setReasonError('请填写驳回原因，申请人将看到该原因');
      return;
    }
    const what = pending;
    setPending(null);
    setBusy(true);
    try {
      // The version on screen: if the applicant corrected it meanwhile, the server refuses and we reload.
      const seen = { applicationId: id, submittedAt: detail.data?.submittedAt };
      if (what === 'approve') await call('membership.approve', seen);
      else await call('membership.reject', { ...seen, reason: reason.trim() });
      void Taro.showToast({ title: what === 'approve' ? '已通过' : '已驳回', icon: 'success' });
      detail.reload();
    } catch (e) {
      void Taro.showModal({ title: '操作失败', content: errorMessage(e), showCancel: false });
      detail.reload();
    } finally {
      setBusy(false);
    }
  };

  const a = detail.data;
  return (
    <PageShell className='staff-review-detail'>
      <StateView loading={detail.loading && !a} error={detail.error} onRetry={detail.reload}>
        {a && (
          <View>
            <View className='section'>
              <Row label='姓名' valueClassName='review-name'>
                {a.name}
              </Row>
              <Row label='身份证号' valueClassName='review-id-full'>
                {a.idNumberFull}
              </Row>
              <Row label='手机号'>{a.mobileMasked}</Row>
              <Row label='入会方式'>{CHANNEL_TEXT[a.channel]}</Row>
              {a.occupation && (
                <View className='row'>
                  <Text className='row-label'>职业</Text>
                  <Text className='row-value'>
                    {OCCUPATION_OPTIONS.find((o) => o.value === a.occupation)?.label ?? a.occupation}
                  </Text>
                </View>
              )}
              <Row label='工作单位'>{a.workUnit}</Row>
              <Row label='所属工会'>{a.orgName}</Row>
              <Row label='提交时间'>{formatDateTime(a.submittedAt)}</Row>
              <Row label='状态' valueClassName={`tag tag-${a.status} review-status`}>
                {STATUS_TEXT[a.status]}
              </Row>
              {a.rejectReason && <Row label='驳回原因'>{a.rejectReason}</Row>}
            </View>
            {a.status === 'pending' && (
              <View className='section staff-actions'>
                <View
                  className={`btn btn-plain review-reject ${busy ? 'btn-disabled' : ''}`}
                  onClick={() => !busy && (setReasonError(null), setPending('reject'))}
                >
                  驳回
                </View>
                <View
                  className={`btn review-approve ${busy ? 'btn-disabled' : ''}`}
                  onClick={() => !busy && setPending('approve')}
                >
                  通过
                </View>
              </View>
            )}
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={pending === 'approve'}
        title='确认通过'
        confirmText='通过'
        className='review-approve-dialog'
        onConfirm={() => void act()}
        onCancel={() => setPending(null)}
      >
        确认通过「{a?.name}」的入会申请？通过后将为其发放电子工会卡。
      </ConfirmDialog>
      <ConfirmDialog
        visible={pending === 'reject'}
        title='驳回申请'
        confirmText='驳回'
        className='review-reject-dialog'
        onConfirm={() => void act()}
        onCancel={() => setPending(null)}
      >
        <Textarea
          className='staff-input staff-reason review-reason'
          value={reason}
          maxlength={200}
          placeholder='请填写驳回原因（申请人可见）'
          onInput={(e) => {
            setReason(e.detail.value);
            setReasonError(null);
          }}
        />
        {reasonError && <Text className='field-error review-reason-error'>{reasonError}</Text>}
      </ConfirmDialog>
    </PageShell>
  );
}
