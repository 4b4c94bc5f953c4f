import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  BOOKING_STATUS_LABELS,
  CONSULT_TYPE_LABELS,
  MEMBER_KIND_LABELS,
  REFERRAL_LABELS,
  REFERRALS,
  WAY_LABELS,
  deskNotYet,
  periodLabel,
} from '@rules/legalAid';
import type { InputOf } from '../../../api/types';
import { call, errorMessage } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { Button } from '../../../components/Button';
import { Chips } from '../components/Chips';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EvidenceList } from '../components/EvidenceList';
import { Stars } from '../components/Stars';
import { dayText, STATUS_TAG } from '../format';
import { dial } from '../phone';
import './index.scss';

type Referral = InputOf<'legalAid.complete'>['referral'];
type Pending = 'arrived' | 'no_show' | 'complete' | 'cancel' | null;
const REFERRAL_OPTIONS = REFERRALS.map((key) => ({ key, label: REFERRAL_LABELS[key] }));

/**
 * One case for the station's duty lawyer (opening it is written to the audit log): the case and files, the
 * call-back number, 已到场 / 未到场, and the outcome — a summary the member reads, confidential notes, a referral.
 * Before the slot starts none of these is offered (the time from which they are is shown): the station may only
 * cancel the booking, with a reason the member is told.
 * e2e hooks `.la-case-text`, `.la-arrived`, `.la-no-show`, `.la-outcome-summary`, `.la-outcome-notes`,
 * `.la-referral-<key>`, `.la-complete`, `.dialog-ok`, `.la-case-status`; data-testid `la-desk-not-yet`,
 * `la-station-cancel`, `la-cancel-reason`.
 */
export default function CaseView() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const detail = useRemote(() => call('legalAid.case', { bookingId: id }));
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState('');
  const [notes, setNotes] = useState('');
  const [referral, setReferral] = useState<Referral | ''>('');
  const [formError, setFormError] = useState<string | null>(null);
  const [cancelReason, setCancelReason] = useState('');
  const [cancelError, setCancelError] = useState<string | null>(null);

  const ask = (what: Pending) => {
    if (what === 'complete') {
      if (summary.trim().length < 4) return setFormError('请填写给当事人的处理结果（至少4个字）');
      if (!referral) return setFormError('请选择后续处理方式');
    }
    setFormError(null);
    setPending(what);
  };

  const act = async () => {
    const what = pending;
    setBusy(true);
    try {
      if (what === 'complete') {
        await call('legalAid.complete', {
          bookingId: id,
          summary: summary.trim(),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          referral: referral as Referral,
        });
      } else if (what === 'cancel') {
        if (cancelReason.trim().length < 2) {
          setCancelError('请填写取消原因（当事人会看到）');
          return;
        }
        await call('legalAid.stationCancel', { bookingId: id, reason: cancelReason.trim() });
      } else if (what) {
        await call('legalAid.mark', { bookingId: id, status: what });
      }
      setPending(null);
      void Taro.showToast({ title: what === 'cancel' ? '已取消，已通知当事人' : '已登记', icon: 'success' });
    } catch (e) {
      setPending(null);
      void Taro.showModal({ title: '登记未成功', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
      detail.reload();
    }
  };

  const c = detail.data;
  const open = c?.status === 'confirmed' || c?.status === 'arrived';
  // Arrived, no-show and the outcome only from the slot's start (the server refuses them before it too).
  const notYet = c ? deskNotYet(c.startsAt, new Date()) : null;
  return (
    <PageShell className='la-case' page='legalAidCase'>
      <StateView loading={detail.loading && !c} error={detail.error} errorCode={detail.errorCode} onRetry={detail.reload}>
        {c && (
          <View>
            <View className='section'>
              <View className='la-item-head'>
                <Text className='section-title' style={{ marginBottom: 0 }}>
                  {c.name}（{MEMBER_KIND_LABELS[c.memberKind]}）
                </Text>
                <Text className={`tag ${STATUS_TAG[c.status] ?? 'tag-none'} la-case-status`}>
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
              <Text className='la-line la-case-text'>{c.caseText}</Text>
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
                <Text className='la-note la-not-yet' data-testid='la-desk-not-yet'>
                  {notYet}。如需取消本次预约，请填写原因，当事人会收到通知。
                </Text>
                <Button
                  kind='quiet'
                  className='la-station-cancel'
                  testId='la-station-cancel'
                  disabled={busy}
                  onClick={() => (setCancelError(null), setCancelReason(''), setPending('cancel'))}
                >
                  取消本次预约
                </Button>
              </View>
            )}
            {open && !notYet && (
              <View className='section'>
                {c.status === 'confirmed' && (
                  <View className='la-btn-row'>
                    <Button kind='plain' className='la-arrived' disabled={busy} onClick={() => ask('arrived')}>
                      已到场
                    </Button>
                    <Button kind='quiet' className='la-no-show' disabled={busy} onClick={() => ask('no_show')}>
                      未到场
                    </Button>
                  </View>
                )}
                <Text className='section-title' style={{ marginTop: '28px' }}>
                  登记处理结果
                </Text>
                <Textarea
                  className='la-textarea la-outcome-summary'
                  value={summary}
                  maxlength={300}
                  placeholder='给当事人的答复（当事人可见）'
                  onInput={(e) => setSummary(e.detail.value)}
                />
                <Textarea
                  className='la-textarea la-outcome-notes'
                  style={{ marginTop: '16px', minHeight: '160px' }}
                  value={notes}
                  maxlength={2000}
                  placeholder='内部备注（仅本站工作人员可见，选填）'
                  onInput={(e) => setNotes(e.detail.value)}
                />
                <Text className='la-label'>后续处理</Text>
                <Chips name='la-referral' options={REFERRAL_OPTIONS} value={referral} onChange={setReferral} />
                {formError && <Text className='la-error'>{formError}</Text>}
                <Button className='la-complete' loading={busy} onClick={() => ask('complete')}>
                  完成咨询
                </Button>
              </View>
            )}
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={pending !== null}
        title={
          pending === 'complete'
            ? '完成咨询'
            : pending === 'arrived'
              ? '登记到场'
              : pending === 'cancel'
                ? '取消预约'
                : '登记未到场'
        }
        busy={busy}
        className='la-case-dialog'
        onConfirm={() => void act()}
        onCancel={() => setPending(null)}
      >
        {pending === 'cancel' ? (
          <View>
            <Text>{`取消 ${c?.name ?? ''} 的预约？名额将释放，当事人会收到通知并可重新预约。`}</Text>
            <Input
              className='la-input la-cancel-reason'
              data-testid='la-cancel-reason'
              value={cancelReason}
              maxlength={60}
              placeholder='取消原因，如：值班律师临时外出'
              onInput={(e) => setCancelReason(e.detail.value)}
            />
            {cancelError && <Text className='la-error'>{cancelError}</Text>}
          </View>
        ) : pending === 'complete' ? (
          `确认完成 ${c?.name ?? ''} 的咨询？处理结果将通知当事人，提交后不能修改。`
        ) : pending === 'arrived' ? (
          `确认 ${c?.name ?? ''} 已到场？`
        ) : (
          `确认 ${c?.name ?? ''} 未到场？名额将释放，当事人会收到通知。`
        )}
      </ConfirmDialog>
    </PageShell>
  );
}
