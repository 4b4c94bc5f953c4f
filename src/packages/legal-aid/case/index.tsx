import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import {
  BOOKING_STATUS_LABELS,
  CONSULT_TYPE_LABELS,
  MEMBER_KIND_LABELS,
  REFERRAL_LABELS,
  WAY_LABELS,
  deskNotYet,
  periodLabel,
} from '@rules/legalAid';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { Button } from '../../../components/Button';
import { EvidenceList } from '../components/EvidenceList';
import { Stars } from '../components/Stars';
import { dayText, STATUS_TAG } from '../format';
import { dial } from '../phone';
import { DeskDialog } from './DeskDialog';
import { OutcomeForm } from './OutcomeForm';
import { useCaseDesk } from './useCaseDesk';
import './index.scss';

/**
 * One case for the station's duty lawyer (opening it is written to the audit log): the case and files, the
 * call-back number, 已到场 / 未到场, and the outcome — a summary the member reads, confidential notes, a referral.
 * Before the slot starts none of these is offered (the time from which they are is shown): the station may only
 * cancel the booking, with a reason the member is told.
 * The desk's steps: `useCaseDesk`. Test ids `legal-aid-case-text`, `legal-aid-case-status`, `legal-aid-evidence-view`,
 * `legal-aid-arrived`, `legal-aid-no-show`, `legal-aid-outcome-…`, `legal-aid-referral-<key>`, `legal-aid-complete`,
 * `legal-aid-case-dialog`, `legal-aid-desk-not-yet`, `legal-aid-station-cancel`, `legal-aid-cancel-reason`.
 */
export default function CaseView() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const detail = useRemote(() => call('legalAid.case', { bookingId: id }));
  const desk = useCaseDesk(id, detail.reload);

  const c = detail.data;
  const open = c?.status === 'confirmed' || c?.status === 'arrived';
  // Arrived, no-show and the outcome only from the slot's start (the server refuses them before it too).
  const notYet = c ? deskNotYet(c.startsAt, new Date()) : null;
  return (
    <PageShell className='la-case' page='legalAidCase'>
      <StateView remote={detail} loading={detail.loading && !c}>
        {c && (
          <View>
            <View className='section'>
              <View className='la-item-head'>
                <Text className='section-title' style={{ marginBottom: 0 }}>
                  {c.name}（{MEMBER_KIND_LABELS[c.memberKind]}）
                </Text>
                <Text className={`tag ${STATUS_TAG[c.status] ?? 'tag-none'} la-case-status`} data-testid='legal-aid-case-status'>
                  {BOOKING_STATUS_LABELS[c.status]}
                </Text>
              </View>
              <Row label='日期'>{dayText(c.date)}</Row>
              <Row label='时段'>{`${periodLabel(c.period)} ${c.start}–${c.end}`}</Row>
              <Row label='咨询类型'>{CONSULT_TYPE_LABELS[c.type]}</Row>
              <Row label='咨询方式'>{WAY_LABELS[c.way]}</Row>
              {c.mobile && <Row label='联系电话'>{c.mobile}</Row>}
              {c.mobile && (
                <Button kind='plain' small className='la-callback' onClick={() => dial(c.mobile)}>
                  {c.way === 'callback' ? '电话回拨' : '拨打电话'}
                </Button>
              )}
            </View>
            <View className='section'>
              <Text className='section-title'>当事人陈述</Text>
              <Text className='la-line la-case-text' data-testid='legal-aid-case-text'>
                {c.caseText}
              </Text>
              <Text className='la-label'>证据材料（链接几分钟内有效）</Text>
              <EvidenceList files={c.evidence} />
            </View>
            {c.outcome && (
              <View className='section la-outcome'>
                <Text className='section-title'>处理结果</Text>
                <Text className='la-line'>{c.outcome.summary}</Text>
                {c.outcome.notes && <Text className='la-line'>内部备注：{c.outcome.notes}</Text>}
                <Text className='la-note'>
                  {REFERRAL_LABELS[c.outcome.referral]} · {formatDateTime(c.outcome.at)}
                </Text>
              </View>
            )}
            {c.rating && (
              <View className='section'>
                <Text className='section-title'>当事人评价</Text>
                <Stars value={c.rating.stars} />
                {c.rating.comment && <Text className='la-line'>{c.rating.comment}</Text>}
              </View>
            )}
            {open && notYet && (
              <View className='section'>
                <Text className='la-note la-not-yet' data-testid='legal-aid-desk-not-yet'>
                  {notYet}。如需取消本次预约，请填写原因，当事人会收到通知。
                </Text>
                <Button
                  kind='quiet'
                  className='la-station-cancel'
                  testId='legal-aid-station-cancel'
                  disabled={desk.act.busy}
                  onClick={() => desk.ask('cancel')}
                >
                  取消本次预约
                </Button>
              </View>
            )}
            {open && !notYet && <OutcomeForm desk={desk} confirmed={c.status === 'confirmed'} />}
          </View>
        )}
      </StateView>
      <DeskDialog desk={desk} name={c?.name ?? ''} />
    </PageShell>
  );
}
