import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { withQuery } from '../query';
import { BookFromThread } from './BookFromThread';
import { RateAnswer } from './RateAnswer';
import './index.scss';

/**
 * One question and its thread, for the member, the station's duty lawyer or the reviewing union: the case, the
 * promise (or how late it is), the messages and a reply box; the member withdraws (before any answer, confirmed),
 * rates and turns the thread into a booking. Test ids: `legal-qa-status`, `legal-qa-message`, `legal-qa-reply`,
 * `legal-qa-send`, `legal-qa-withdraw`, `legal-qa-withdraw-dialog`, `legal-qa-to-booking`, `legal-qa-booked`.
 */
export default function Thread() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const thread = useRemote(() => call('legalQa.get', { questionId: id }), { refreshOnShow: true });
  const act = useAction();
  const [reply, setReply] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  const [booking, setBooking] = useState(false);
  const t = thread.data;
  const writable = t && (t.status === 'waiting' || t.status === 'answered') && t.viewer !== 'staff';

  const send = () =>
    act.run(
      async () => {
        if (t?.viewer === 'lawyer') {
          await askToSubscribe('legalQaAnswer'); // reminders of the next questions due
          return call('legalQa.answer', { questionId: id, text: reply.trim() });
        }
        return call('legalQa.followUp', { questionId: id, text: reply.trim() });
      },
      {
        failTitle: '未能发送',
        success: '已发送',
        fieldKey: (f) => (f === 'text' ? 'text' : undefined),
        onDone: () => {
          setReply('');
          thread.reload();
        },
        onFail: () => thread.reload(),
      },
    );
  const withdraw = async () => {
    await act.run(() => call('legalQa.withdraw', { questionId: id }), { success: '已撤回', failTitle: '未能撤回' });
    setWithdrawing(false);
    thread.reload();
  };

  return (
    <PageShell className='lq-thread' page='legalQaThread'>
      <StateView remote={thread} loading={thread.loading && !t}>
        {t && (
          <View>
            <View className='lq-card'>
              <Text className='lq-title'>
                {t.typeText} ·{' '}
                <Text className={`tag tag-${t.status}`} data-testid='legal-qa-status'>
                  {t.statusText}
                </Text>
              </Text>
              <Row label='援助站'>{t.stationName}</Row>
              {t.viewer !== 'member' && (
                <Row label='咨询人'>{`${t.askerName ?? ''}${t.anonymous ? '（要求对用人单位匿名）' : ''}`}</Row>
              )}
              <Row label='用人单位'>{t.employer}</Row>
              <Row label='提交时间'>{formatDateTime(t.askedAt)}</Row>
              {t.status === 'waiting' && (
                <Text className={t.overdueHours ? 'lq-overdue' : 'lq-promise'}>
                  {t.overdueHours
                    ? `已超过承诺答复时间 ${t.overdueHours} 小时`
                    : `${t.promiseText}（${formatDateTime(t.dueAt)} 前）`}
                </Text>
              )}
              <Text className='lq-title' style={{ marginTop: '16px' }}>
                事情经过
              </Text>
              <Text className='muted'>{t.story}</Text>
              {t.evidenceUrls.length > 0 && (
                <View className='lq-photos'>
                  {t.evidenceUrls.map((u) => (
                    <Image key={u} className='lq-photo' src={u} mode='aspectFill' data-testid='legal-qa-evidence' />
                  ))}
                </View>
              )}
            </View>
            <View className='lq-card'>
              <Text className='lq-title'>答复与追问</Text>
              {t.messages.length === 0 && <Text className='muted'>值班律师尚未答复。</Text>}
              {t.messages.map((m) => (
                <View key={m.messageId} className={`lq-msg lq-msg-${m.from}`} data-testid='legal-qa-message'>
                  <Text className='lq-msg-meta'>
                    {m.fromText} · {formatDateTime(m.at)}
                  </Text>
                  <Text>{m.text}</Text>
                </View>
              ))}
              {writable && (
                <View>
                  <Field
                    label={t.viewer === 'lawyer' ? '答复' : '追问'}
                    name='lq-reply'
                    testId='legal-qa-reply'
                    multiline
                    value={reply}
                    placeholder={t.viewer === 'lawyer' ? '请给出明确的处理建议' : '补充情况或继续提问'}
                    {...act.field('text', setReply)}
                  />
                  <Button block testId='legal-qa-send' loading={act.busy} loadingText='发送中…' onClick={send}>
                    发送
                  </Button>
                </View>
              )}
            </View>
            {t.viewer === 'member' && t.bookingId && (
              <View className='lq-card'>
                <Text className='lq-title'>已转为到站咨询</Text>
                <Button
                  block
                  kind='plain'
                  testId='legal-qa-booked'
                  onClick={() => go(withQuery(ROUTES.legalAidDetail, { id: t.bookingId ?? '' }))}
                >
                  查看预约
                </Button>
              </View>
            )}
            {t.viewer === 'member' && t.canBook && !booking && (
              <View className='lq-card'>
                <Button block kind='plain' testId='legal-qa-to-booking' onClick={() => setBooking(true)}>
                  转为到站咨询
                </Button>
              </View>
            )}
            {t.viewer === 'member' && t.canBook && booking && (
              <BookFromThread questionId={id} stationId={t.stationId} onBooked={() => thread.reload()} />
            )}
            {t.viewer === 'member' && (t.canRate || t.rating) && <RateAnswer thread={t} onRated={thread.reload} />}
            {t.viewer === 'member' && t.canWithdraw && (
              <View style={{ margin: '0 24px' }}>
                <Button block kind='quiet' testId='legal-qa-withdraw' disabled={act.busy} onClick={() => setWithdrawing(true)}>
                  撤回咨询
                </Button>
              </View>
            )}
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={withdrawing}
        title='撤回咨询'
        confirmText='撤回'
        cancelText='再想想'
        busy={act.busy}
        testId='legal-qa-withdraw-dialog'
        onConfirm={() => void withdraw()}
        onCancel={() => setWithdrawing(false)}
      >
        撤回后律师将不再答复这条咨询，确定撤回？
      </ConfirmDialog>
    </PageShell>
  );
}
