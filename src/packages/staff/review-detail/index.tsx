import { useState } from 'react';
import { View, Text, Textarea } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { APPLICATION_STATUS_LABELS, CHANNEL_LABELS, OCCUPATION_LABELS } from '@rules/membership';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { OverdueTag } from '../../../components/OverdueTag';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { askToSubscribe } from '../../../utils/subscribe';
import { detailUrl } from '../reviews/detailUrl';
import '../staff.scss';
import './index.scss';

type Decision = 'approve' | 'approveNext' | 'reject';

const REASON_REQUIRED = '请填写驳回原因，申请人将看到该原因';

/**
 * One application in full (the ID number is shown only here, and the view is audited).
 * A refused decision is explained in one dialog and the application is loaded again (it may have changed).
 * Test ids `staff-review-…`: approve (通过), approve-next (通过并下一条), reject (驳回), reason (`… textarea`),
 * reason-error, approve-dialog / reject-dialog, name, id-full, status.
 */
export default function ReviewDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const queue = { keyword: params.keyword ? decodeURIComponent(params.keyword) : undefined, orgId: params.orgId };
  const detail = useRemote(() => call('membership.get', { applicationId: id }));
  const [asking, setAsking] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const act = useAction();
  const busy = act.busy;

  /** After 通过并下一条: the oldest application still waiting in the same queue, or back to the list. */
  const openNext = async () => {
    const next = await call('membership.list', { status: 'pending', ...queue, page: 1 });
    const following = next.items.find((a) => a._id !== id);
    if (following) void Taro.redirectTo({ url: detailUrl(following._id, queue) });
    else void Taro.showToast({ title: '待审核的申请已全部处理', icon: 'none' });
  };

  const decide = async () => {
    const decision = asking;
    const shown = detail.data;
    if (!decision || !shown) return;
    // An empty reason: the dialog stays open and says why.
    if (decision === 'reject' && !reason.trim()) return act.setFieldErrors({ reason: REASON_REQUIRED });
    // In the tap (WeChat asks only in answer to one): the daily reminder of applications waiting past the deadline.
    await askToSubscribe('staffReview');
    // The version on screen: if the applicant corrected it meanwhile, the server refuses.
    const seen = { applicationId: id, submittedAt: shown.submittedAt };
    const view = await act.run(
      () =>
        decision === 'reject' ? call('membership.reject', { ...seen, reason: reason.trim() }) : call('membership.approve', seen),
      {
        success: decision === 'reject' ? '已驳回' : '已通过',
        failTitle: '操作失败',
        fieldKey: (f) => (f === 'reason' ? 'reason' : undefined),
        onFail: (refusal) => {
          if (refusal.field === 'reason') return; // shown under the reason, the dialog stays open
          setAsking(null);
          detail.reload();
        },
      },
    );
    if (!view) return;
    // The answer is the application as decided: no need to open (and audit) it again.
    detail.setData({ ...shown, ...view });
    setAsking(null);
    if (decision === 'approveNext') await act.run(openNext, { failTitle: '未能打开下一条' });
  };

  const a = detail.data;
  return (
    <PageShell className='staff-review-detail' page='staffReviewDetail'>
      <StateView remote={detail} loading={detail.loading && !a}>
        {a && (
          <View>
            <View className='section'>
              <Row label='姓名' valueClassName='review-name' valueTestId='staff-review-name'>
                {a.name}
              </Row>
              <Row label='身份证号' valueClassName='review-id-full' valueTestId='staff-review-id-full'>
                {a.idNumberFull}
              </Row>
              <Row label='手机号'>{a.mobileMasked}</Row>
              <Row label='入会方式'>{CHANNEL_LABELS[a.channel]}</Row>
              {a.occupation && <Row label='职业'>{OCCUPATION_LABELS[a.occupation]}</Row>}
              <Row label='工作单位'>{a.workUnit}</Row>
              <Row label='所属工会'>{a.orgName}</Row>
              <Row label='提交时间'>
                {formatDateTime(a.submittedAt)}
                <OverdueTag days={a.overdueDays} />
              </Row>
              <Row label='状态' valueClassName={`tag tag-${a.status} review-status`} valueTestId='staff-review-status'>
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
                    testId='staff-review-reject'
                    disabled={busy}
                    onClick={() => {
                      act.setFieldErrors({});
                      setAsking('reject');
                    }}
                  >
                    驳回
                  </Button>
                  <Button
                    className='review-approve'
                    testId='staff-review-approve'
                    disabled={busy}
                    onClick={() => setAsking('approve')}
                  >
                    通过
                  </Button>
                </View>
                <Button
                  block
                  kind='plain'
                  className='review-approve-next'
                  testId='staff-review-approve-next'
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
        testId='staff-review-approve-dialog'
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
        testId='staff-review-reject-dialog'
        onConfirm={() => void decide()}
        onCancel={() => setAsking(null)}
      >
        <Textarea
          className='staff-input staff-reason review-reason'
          data-testid='staff-review-reason'
          value={reason}
          maxlength={200}
          placeholder='请填写驳回原因（申请人可见）'
          onInput={(e) => {
            setReason(e.detail.value);
            act.clearField('reason');
          }}
        />
        {act.fieldErrors.reason && (
          <Text className='dialog-error review-reason-error' data-testid='staff-review-reason-error'>
            {act.fieldErrors.reason}
          </Text>
        )}
      </ConfirmDialog>
    </PageShell>
  );
}
