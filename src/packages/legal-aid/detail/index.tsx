import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import {
  BOOKING_STATUS_LABELS,
  CANCEL_BEFORE_HOURS,
  CONSULT_TYPE_LABELS,
  MEMBER_KIND_LABELS,
  REFERRAL_LABELS,
  WAY_LABELS,
  periodLabel,
} from '@rules/legalAid';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EvidenceList } from '../components/EvidenceList';
import { dayText, slotText, STATUS_TAG } from '../format';
import { dial } from '../phone';
import { withQuery } from '../query';
import { Rating } from './Rating';
import './index.scss';

/**
 * The member's booking: status, time and place, the case and files, what to bring, cancel / 改约 within the
 * window, the outcome and the rating (`Rating`). Test ids `legal-aid-status`, `legal-aid-cancel`,
 * `legal-aid-reschedule`, `legal-aid-outcome`, `legal-aid-detail`, `legal-aid-cancel-dialog`.
 */
export default function BookingDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const detail = useRemote(() => call('legalAid.get', { bookingId: id }), { refreshOnShow: true });
  const [cancelling, setCancelling] = useState(false);
  const act = useAction();

  const cancel = async () => {
    await act.run(() => call('legalAid.cancel', { bookingId: id }), { success: '已取消', failTitle: '取消未成功' });
    setCancelling(false);
    detail.reload();
  };

  const b = detail.data;
  return (
    <PageShell className='la-detail' page='legalAidDetail' testId='legal-aid-detail'>
      <StateView remote={detail} loading={detail.loading && !b}>
        {b && (
          <View>
            <View className='section'>
              <View className='la-item-head'>
                <Text className='section-title' style={{ marginBottom: 0 }}>
                  {b.stationName}
                </Text>
                <Text className={`tag ${STATUS_TAG[b.status] ?? 'tag-none'} la-status`} data-testid='legal-aid-status'>
                  {BOOKING_STATUS_LABELS[b.status]}
                </Text>
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
              <View className='section la-outcome' data-testid='legal-aid-outcome'>
                <Text className='section-title'>处理结果</Text>
                <Text className='la-line'>{b.outcome.summary}</Text>
                <Text className='la-note'>
                  {REFERRAL_LABELS[b.outcome.referral]} · {formatDateTime(b.outcome.at)}
                </Text>
              </View>
            )}
            {b.status === 'completed' && <Rating booking={b} onRated={detail.reload} />}
            <View className='section'>
              <Text className='section-title'>您填写的情况</Text>
              <Text className='la-line la-case-text'>{b.caseText}</Text>
              <Text className='la-label'>证据材料</Text>
              <EvidenceList files={b.evidence} />
              <Text className='la-note'>仅您和该法律援助站的工作人员可以查看。</Text>
            </View>
            {(b.status === 'confirmed' || b.status === 'arrived') && b.way !== 'callback' && (
              <View className='section' data-testid='legal-aid-detail-checklist'>
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
                    <Button
                      kind='quiet'
                      className='la-cancel'
                      testId='legal-aid-cancel'
                      disabled={act.busy}
                      onClick={() => setCancelling(true)}
                    >
                      取消预约
                    </Button>
                    <Button
                      kind='plain'
                      className='la-reschedule'
                      testId='legal-aid-reschedule'
                      disabled={act.busy}
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
        busy={act.busy}
        className='la-cancel-dialog'
        testId='legal-aid-cancel-dialog'
        onConfirm={() => void cancel()}
        onCancel={() => setCancelling(false)}
      >
        确定取消 {b ? slotText(b) : ''} 的预约？取消后名额将释放给其他职工。
      </ConfirmDialog>
    </PageShell>
  );
}
