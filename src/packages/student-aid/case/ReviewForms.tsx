import { useState } from 'react';
import { View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import { todayIso } from '../../../utils/format';

/** The step that is the caller's: the 基层工会's check or the district's decision (pass / refuse with a reason). */
export function DecisionForm(props: { applicationId: string; step: 'check' | 'decide'; amount: number; onDone: () => void }) {
  const { applicationId, step, amount, onDone } = props;
  const act = useAction();
  const [note, setNote] = useState('');
  const send = (yes: boolean) =>
    act.run(
      () =>
        step === 'check'
          ? call('studentAid.check', { applicationId, pass: yes, note: note.trim() })
          : call('studentAid.decide', { applicationId, approve: yes, note: note.trim() }),
      { success: '已提交', failTitle: '未能提交', onDone },
    );
  return (
    <View className='sa-card'>
      <Field
        label={step === 'check' ? '审核意见（不通过时必填，会员会看到）' : '意见（不予资助时必填，会员会看到）'}
        name='sa-note'
        testId='student-aid-note'
        value={note}
        {...act.field('note', setNote)}
      />
      <View className='sa-actions'>
        <Button
          testId={step === 'check' ? 'student-aid-pass' : 'student-aid-approve'}
          loading={act.busy}
          onClick={() => send(true)}
        >
          {step === 'check' ? '审核通过，报区总工会审定' : `批准资助 ${amount} 元`}
        </Button>
        <Button kind='plain' testId='student-aid-refuse' onClick={() => send(false)}>
          {step === 'check' ? '审核不通过' : '不予资助'}
        </Button>
      </View>
    </View>
  );
}

/** Payment after the 公示: the date and the amount paid (at most the grant). Test ids `student-aid-pay-*`. */
export function PaymentForm(props: { applicationId: string; amount: number; onDone: () => void }) {
  const { applicationId, amount, onDone } = props;
  const act = useAction();
  const [date, setDate] = useState(todayIso());
  const [paid, setPaid] = useState(String(amount));
  const pay = () =>
    act.run(() => call('studentAid.recordPayment', { applicationId, date, amount: Number(paid) }), {
      success: '已登记发放',
      failTitle: '未能登记发放',
      onDone,
    });
  return (
    <View className='sa-card'>
      <Field
        label='发放日期'
        name='sa-pay-date'
        testId='student-aid-pay-date'
        value={date}
        placeholder='YYYY-MM-DD'
        {...act.field('date', setDate)}
      />
      <Field
        label='发放金额（元）'
        name='sa-pay-amount'
        testId='student-aid-pay-amount'
        type='number'
        value={paid}
        {...act.field('amount', setPaid)}
      />
      <Button block testId='student-aid-pay' loading={act.busy} loadingText='登记中…' onClick={pay}>
        登记发放
      </Button>
    </View>
  );
}
