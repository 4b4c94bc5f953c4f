import { useState } from 'react';
import { Text, View } from '@tarojs/components';
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
import { todayIso } from '../../../utils/format';
import { ROUTES, replaceWith } from '../../../utils/nav';
import { ClaimFacts } from './ClaimFacts';
import './index.scss';

type Confirm = 'approve' | 'reject' | 'pay' | 'withdraw' | null;

/**
 * 理赔详情: the member sees their claim (and may withdraw it before the decision); staff of the plan's union see it in
 * full (each view is audited) and approve the amount the plan's rule gives within what is left of the cap, refuse
 * with a reason, or record the payment — each after a confirmation. The claim itself is in ClaimFacts. Test ids:
 * `ma-payable`, `ma-amount`, `ma-note`, `ma-approve`, `ma-reject`, `ma-pay-date`, `ma-pay-ref`, `ma-pay`,
 * `ma-withdraw-confirm`, `ma-confirm` (the dialog).
 */
export default function ClaimReview() {
  const { params } = useRouter();
  const claimId = String(params.id ?? '');
  const claim = useRemote(() => call('mutualAid.get', { claimId }), { deps: [claimId] });
  const d = claim.data;
  const act = useAction();
  // Until staff edit it, the amount is what may be approved now (the rule's amount within the remaining cap).
  const [edited, setAmount] = useState<string | null>(null);
  const amount = edited ?? (d ? String(d.payable) : '');
  const [note, setNote] = useState('');
  const [payDate, setPayDate] = useState(todayIso());
  const [reference, setReference] = useState('');
  const [confirm, setConfirm] = useState<Confirm>(null);
  const done = () => {
    setConfirm(null);
    setAmount(null);
    claim.reload();
  };
  const runConfirmed = () => {
    if (confirm === 'approve')
      return act.run(() => call('mutualAid.approve', { claimId, amount: Number(amount), note: note.trim() }), {
        success: '已核准',
        failTitle: '未能核准',
        onDone: done,
        onFail: () => {
          setConfirm(null);
          setAmount(null);
          claim.reload();
        },
      });
    if (confirm === 'reject')
      return act.run(() => call('mutualAid.reject', { claimId, note: note.trim() }), {
        success: '已办结',
        failTitle: '未能办理',
        onDone: done,
        onFail: () => setConfirm(null),
      });
    if (confirm === 'pay')
      return act.run(() => call('mutualAid.pay', { claimId, date: payDate.trim(), reference: reference.trim() }), {
        success: '已登记支付',
        failTitle: '未能登记支付',
        onDone: done,
        onFail: () => setConfirm(null),
      });
    if (confirm === 'withdraw')
      return act.run(() => call('mutualAid.withdraw', { claimId }), {
        success: '已撤回',
        failTitle: '未能撤回',
        onDone: () => replaceWith(ROUTES.mutualAid),
        onFail: () => setConfirm(null),
      });
  };
  const confirmText: Record<Exclude<Confirm, null>, string> = {
    approve: `确认核准互助金 ${amount} 元吗？核准后会员会收到通知。`,
    reject: '确认不予核准吗？会员会看到您填写的原因。',
    pay: `确认已于 ${payDate} 支付互助金吗？`,
    withdraw: '确认撤回这份理赔申请吗？撤回后可以重新申请。',
  };

  return (
    <PageShell className='ma-review' page='mutualAidReview'>
      <StateView remote={claim}>
        {d && (
          <View>
            <ClaimFacts d={d} />
            {d.mine && d.status === 'submitted' && (
              <View className='ma-card'>
                <Button block kind='plain' testId='ma-withdraw-confirm' onClick={() => setConfirm('withdraw')}>
                  撤回申请
                </Button>
              </View>
            )}
            {!d.mine && d.status === 'submitted' && (
              <View className='ma-card'>
                <Text className='ma-title'>审核</Text>
                <Row label='本期剩余额度'>{d.remaining} 元</Row>
                <Text className='ma-big' data-testid='ma-payable'>
                  可核准 {d.payable} 元
                </Text>
                {d.capped && <Text className='muted'>按规则为 {d.ruleAmount} 元，已按剩余额度封顶。</Text>}
                <Field
                  label='核准金额（元）'
                  name='ma-amount'
                  testId='ma-amount'
                  type='number'
                  value={amount}
                  {...act.field('amount', setAmount)}
                />
                <Field
                  label='审核意见'
                  name='ma-note'
                  testId='ma-note'
                  value={note}
                  placeholder='核减金额或不予核准时请写明原因，会员会看到'
                  {...act.field('note', setNote)}
                />
                <Button block testId='ma-approve' disabled={d.payable <= 0} onClick={() => setConfirm('approve')}>
                  核准互助金
                </Button>
                <Button
                  block
                  kind='plain'
                  testId='ma-reject'
                  onClick={() =>
                    note.trim().length < 2 ? act.setFieldErrors({ note: '请填写不予核准的原因' }) : setConfirm('reject')
                  }
                >
                  不予核准
                </Button>
              </View>
            )}
            {!d.mine && d.status === 'approved' && (
              <View className='ma-card'>
                <Text className='ma-title'>登记支付</Text>
                <Field
                  label='支付日期'
                  name='ma-pay-date'
                  testId='ma-pay-date'
                  value={payDate}
                  placeholder='YYYY-MM-DD'
                  {...act.field('date', setPayDate)}
                />
                <Field
                  label='支付凭证号'
                  name='ma-pay-ref'
                  testId='ma-pay-ref'
                  value={reference}
                  placeholder='银行转账流水号或凭证号'
                  {...act.field('reference', setReference)}
                />
                <Button block testId='ma-pay' onClick={() => setConfirm('pay')}>
                  登记已支付
                </Button>
              </View>
            )}
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={confirm !== null}
        title='请确认'
        busy={act.busy}
        testId='ma-confirm'
        onConfirm={() => void runConfirmed()}
        onCancel={() => setConfirm(null)}
      >
        {confirm ? confirmText[confirm] : ''}
      </ConfirmDialog>
    </PageShell>
  );
}
