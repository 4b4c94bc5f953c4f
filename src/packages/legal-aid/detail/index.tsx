import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  BOOKING_STATUS_LABELS,
  CANCEL_BEFORE_HOURS,
  CONSULT_TYPE_LABELS,
  MEMBER_KIND_LABELS,
  REFERRAL_LABELS,
  WAY_LABELS,
  periodLabel,
} from '@rules/legalAid';
import { call, errorMessage } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EvidenceList } from '../components/EvidenceList';
import { Stars } from '../components/Stars';
import { dayText, slotText, STATUS_TAG } from '../format';
import { dial } from '../phone';
import { withQuery } from '../query';
import './index.scss';

/**
 * The member's booking: status, time and place, the case and files, what to bring, cancel / 改约 within the
 * window, the outcome and the rating. e2e hooks `.la-status`, `.la-cancel`, `.la-reschedule`, `.la-outcome`,
 * `.la-star-<n>`, `.la-rate-comment`, `.la-rate-submit`, `.la-rating`.
 */
export default function BookingDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const detail = useRemote(() => call('legalAid.get', { bookingId: id }), { refreshOnShow: true });
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');

  const cancel = async () => {
    setBusy(true);
    try {
      await call('legalAid.cancel', { bookingId: id });
      setCancelling(false);
      void Taro.showToast({ title: '已取消', icon: 'success' });
    } catch (e) {
      setCancelling(false);
      void Taro.showModal({ title: '取消未成功', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
      detail.reload();
    }
  };

  const rate = async () => {
    if (!stars) {
      void Taro.showToast({ title: '请先选择星级', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      await call('legalAid.rate', { bookingId: id, stars, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      void Taro.showToast({ title: '感谢您的评价', icon: 'success' });
      detail.reload();
    } catch (e) {
      void Taro.showModal({ title: '评价未成功', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  const b = detail.data;
  return (
    <PageShell className='la-detail' page='legalAidDetail'>
      <StateView loading={detail.loading && !b} error={detail.error} errorCode={detail.errorCode} onRetry={detail.reload}>
        {b && (
          <View>
            <View className='section'>
              <View className='la-item-head'>
                <Text className='section-title' style={{ marginBottom: 0 }}>
                  {b.stationName}
                </Text>
                <Text className={`tag ${STATUS_TAG[b.status] ?? 'tag-none'} la-status`}>{BOOKING_STATUS_LABELS[b.status]}</Text>
              </View>
              <Row label='日期'>{dayText(b.date)}</Row>
              <Row label='时段'>{`${periodLabel(b.period)} ${b.start}–${b.end}`}</Row>
              <Row label='咨询类型'>{CONSULT_TYPE_LABELS[b.type]}</Row>
              <Row label='咨询方式'>{WAY_LABELS[b.way]}</Row>
              <Row label='预约人'>{`${b.name}（${MEMBER_KIND_LABELS[b.memberKind]}）`}</Row>
              {b.mobileMasked && <Row label='联系电话'>{b.mobileMasked}</Row>}
              <Row label='地址'>{b.station.address}</Row>
              {b.cancelReason && <Row label='取消原因'>{b.cancelReason}</Row>}
              <View className='la-btn-row' style={{ marginTop: '16px' }}>
                <Button kind='quiet' small onClick={() => dial(b.station.phone)}>
                  致电法律援助站
                </Button>
              </View>
            </View>
            {b.outcome && (
              <View className='section la-outcome'>
                <Text className='section-title'>处理结果</Text>
                <Text className='la-line'>{b.outcome.summary}</Text>
                <Text className='la-note'>
                  {REFERRAL_LABELS[b.outcome.referral]} · {formatDateTime(b.outcome.at)}
                </Text>
              </View>
            )}
            {b.status === 'completed' && (
              <View className='section'>
                <Text className='section-title'>服务评价</Text>
                {b.rating ? (
                  <View className='la-rating'>
                    <Stars value={b.rating.stars} />
                    {b.rating.comment && <Text className='la-line'>{b.rating.comment}</Text>}
                  </View>
                ) : (
                  <View>
                    <Stars value={stars} onChange={setStars} />
                    <Textarea
                      className='la-textarea la-rate-comment'
                      style={{ minHeight: '140px', marginTop: '16px' }}
                      value={comment}
                      maxlength={200}
                      placeholder='说说您的感受（选填）'
                      onInput={(e) => setComment(e.detail.value)}
                    />
                    <Button className='la-rate-submit' loading={busy} onClick={() => void rate()}>
                      提交评价
                    </Button>
                  </View>
                )}
              </View>
            )}
            <View className='section'>
              <Text className='section-title'>您填写的情况</Text>
              <Text className='la-line la-case-text'>{b.caseText}</Text>
              <Text className='la-label'>证据材料</Text>
              <EvidenceList files={b.evidence} />
              <Text className='la-note'>仅您和该法律援助站的工作人员可以查看。</Text>
            </View>
            {(b.status === 'confirmed' || b.status === 'arrived') && (
              <View className='section'>
                <Text className='section-title'>请准备以下材料</Text>
                {b.checklist.map((item) => (
                  <Text key={item} className='la-check-item'>
                    {item}
                  </Text>
                ))}
              </View>
            )}
            {b.status === 'confirmed' && (
              <View style={{ margin: '0 24px' }}>
                {b.canCancel ? (
                  <View className='la-btn-row'>
                    <Button kind='quiet' className='la-cancel' disabled={busy} onClick={() => setCancelling(true)}>
                      取消预约
                    </Button>
                    <Button
                      kind='plain'
                      className='la-reschedule'
                      disabled={busy}
                      onClick={() => go(withQuery(ROUTES.legalAidBook, { stationId: b.stationId, reschedule: b._id }))}
                    >
                      改约
                    </Button>
                  </View>
                ) : (
                  <Text className='la-note'>距开始已不足{CANCEL_BEFORE_HOURS}小时，如不能按时参加，请致电法律援助站。</Text>
                )}
              </View>
            )}
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={cancelling}
        title='取消预约'
        confirmText='取消预约'
        cancelText='再想想'
        busy={busy}
        className='la-cancel-dialog'
        onConfirm={() => void cancel()}
        onCancel={() => setCancelling(false)}
      >
        确定取消 {b ? slotText(b) : ''} 的预约？取消后名额将释放给其他职工。
      </ConfirmDialog>
    </PageShell>
  );
}
