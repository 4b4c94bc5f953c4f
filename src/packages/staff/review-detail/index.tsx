import { useState } from 'react';
import { View, Text, Textarea } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { APPLICATION_STATUS_LABELS, CHANNEL_LABELS, OCCUPATION_LABELS } from '@rules/membership';
import { call, errorMessage } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { detailUrl } from '../reviews/detailUrl';
import '../staff.scss';
import './index.scss';

type Decision = 'approve' | 'approveNext' | 'reject';

const REASON_REQUIRED = '请填写驳回原因，申请人将看到该原因';

/**
 * One application in full (the ID number is shown only here, and the view is audited).
 * e2e hooks: `.review-approve` (通过), `.review-approve-next` (通过并下一条), `.review-reject` (驳回),
 * `.review-reason textarea`, `.review-reason-error`, dialogs `.review-approve-dialog` / `.review-reject-dialog`
 * with `.dialog-ok` / `.dialog-cancel`, `.review-status`.
 */
export default function ReviewDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const queue = { keyword: params.keyword ? decodeURIComponent(params.keyword) : undefined, orgId: params.orgId };
  const detail = useRemote(() => call('membership.get', { applicationId: id }));
  const [asking, setAsking] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  /** After 通过并下一条: the oldest application still waiting in the same queue, or back to the list. */
  const openNext = async () => {
    const next = await call('membership.list', { status: 'pending', ...queue, page: 1 });
    const following = next.items.find((a) => a._id !== id);
    if (following) void Taro.redirectTo({ url: detailUrl(following._id, queue) });
    else void Taro.showToast({ title: '待审核的申请已全部处理', icon: 'none' });
  };

  const decide = async () => {
    if (!asking || !detail.data) return;
    if (asking === 'reject' && !reason.trim()) {
      // The dialog stays open and says why.
      setReasonError(REASON_REQUIRED);
      return;
    }
    setBusy(true);
    // The version on screen: if the applicant corrected it meanwhile, the server refuses.
    const seen = { applicationId: id, submittedAt: detail.data.submittedAt };
    try {
      const view =
        asking === 'reject'
          ? await call('membership.reject', { ...seen, reason: reason.trim() })
          : await call('membership.approve', seen);
      // The answer is the application as decided: no need to open (and audit) it again.
      detail.setData({ ...detail.data, ...view });
      setAsking(null);
      void Taro.showToast({ title: asking === 'reject' ? '已驳回' : '已通过', icon: 'success' });
      if (asking === 'approveNext') await openNext();
    } catch (e) {
      setAsking(null);
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const a = detail.data;
  return (
    <PageShell className='staff-review-detail' page='staffReviewDetail'>
      <StateView loading={detail.loading && !a} error={detail.error} errorCode={detail.errorCode} onRetry={detail.reload}>
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
              <Row label='入会方式'>{CHANNEL_LABELS[a.channel]}</Row>
              {a.occupation && <Row label='职业'>{OCCUPATION_LABELS[a.occupation]}</Row>}
              <Row label='工作单位'>{a.workUnit}</Row>
              <Row label='所属工会'>{a.orgName}</Row>
              <Row label='提交时间'>{formatDateTime(a.submittedAt)}</Row>
              <Row label='状态' valueClassName={`tag tag-${a.status} review-status`}>
                {APPLICATION_STATUS_LABELS[a.status]}
              </Row>
              {a.rejectReason && <Row label='驳回原因'>{a.rejectReason}</Row>}
            </View>
            {a.status === 'pending' ? (
              <View className='section review-actions'>
                <View className='btn-row'>
                  <Button
                    kind='plain'
                    className='review-reject'
                    disabled={busy}
                    onClick={() => {
                      setReasonError(null);
                      setAsking('reject');
                    }}
                  >
                    驳回
                  </Button>
                  <Button className='review-approve' disabled={busy} onClick={() => setAsking('approve')}>
                    通过
                  </Button>
                </View>
                <Button
                  block
                  kind='plain'
                  className='review-approve-next'
                  disabled={busy}
                  onClick={() => setAsking('approveNext')}
                >
                  通过并下一条
                </Button>
              </View>
            ) : (
              <View className='section'>
                <Button block kind='quiet' className='review-next' onClick={() => void openNext()}>
                  下一条待审核
                </Button>
              </View>
            )}
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={asking === 'approve' || asking === 'approveNext'}
        title='确认通过'
        confirmText={asking === 'approveNext' ? '通过并下一条' : '通过'}
        busy={busy}
        className='review-approve-dialog'
        onConfirm={() => void decide()}
        onCancel={() => setAsking(null)}
      >
        确认通过「{a?.name}」的入会申请？通过后将为其发放电子工会卡。
      </ConfirmDialog>
      <ConfirmDialog
        visible={asking === 'reject'}
        title='驳回申请'
        confirmText='驳回'
        busy={busy}
        className='review-reject-dialog'
        onConfirm={() => void decide()}
        onCancel={() => setAsking(null)}
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
        {reasonError && <Text className='dialog-error review-reason-error'>{reasonError}</Text>}
      </ConfirmDialog>
      <ConfirmDialog
        visible={!!failure}
        title='操作失败'
        hideCancel
        confirmText='知道了'
        className='review-failure'
        onConfirm={() => {
          setFailure(null);
          detail.reload();
        }}
      >
        {failure}
      </ConfirmDialog>
    </PageShell>
  );
}
