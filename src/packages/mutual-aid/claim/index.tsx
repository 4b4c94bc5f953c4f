import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ruleAmountFen, toFen } from '@rules/mutualAid';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Checkbox } from '../../../components/Checkbox';
import { Field, FieldFrame } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { ROUTES, replaceWith } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { PhotoPicker, type Photo } from '../../../components/PhotoPicker';
import './index.scss';
import { newRequestId } from '../../../utils/requestId';

const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
/** One key per opened form: a double tap (or a retry after a lost answer) files the claim once. */

/**
 * 申请医疗互助金 after a hospital stay: the plan's rule first, then the hospital, the dates (inside the covered period),
 * the invoice total and the self-paid part (with the amount the rule gives), photos of the invoices and the discharge
 * summary, and the separate consent to health data. Test ids: `ma-rule`, `ma-hospital`, `ma-admitted`, `ma-discharged`,
 * `ma-invoice`, `ma-self-paid`, `ma-estimate`, `ma-photo-add`, `ma-consent`, `ma-submit`.
 */
export default function FileClaim() {
  const { params } = useRouter();
  const planId = String(params.planId ?? '');
  const { session } = useSession();
  const mine = useRemote(() => call('mutualAid.mine', {}));
  const cover = mine.data?.covers.find((c) => c.plan.planId === planId);
  const act = useAction();
  const [requestId] = useState(newRequestId);
  const [hospital, setHospital] = useState('');
  const [admittedOn, setAdmitted] = useState('');
  const [dischargedOn, setDischarged] = useState('');
  const [invoiceTotal, setInvoice] = useState('');
  const [selfPaid, setSelfPaid] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [consent, setConsent] = useState(false);
  const edit =
    <T,>(key: string, set: (v: T) => void) =>
    (v: T) => {
      set(v);
      act.clearField(key);
    };
  const estimate =
    cover && !Number.isNaN(num(selfPaid))
      ? Math.min(ruleAmountFen(cover.plan, toFen(num(selfPaid))), toFen(cover.remaining)) / 100
      : null;

  const submit = () =>
    act.run(
      async () => {
        await askToSubscribe('mutualAidClaim'); // in the tap: WeChat asks only in answer to one
        return call('mutualAid.claim', {
          planId,
          hospital: hospital.trim(),
          admittedOn: admittedOn.trim(),
          dischargedOn: dischargedOn.trim(),
          invoiceTotal: num(invoiceTotal),
          selfPaid: num(selfPaid),
          evidence: photos.map((p) => p.fileId),
          sensitiveConsent: consent as true,
          requestId,
        });
      },
      {
        failTitle: '申请未能提交',
        success: '已提交',
        fieldKey: (f) =>
          ['hospital', 'admittedOn', 'dischargedOn', 'invoiceTotal', 'selfPaid', 'evidence', 'sensitiveConsent'].includes(f)
            ? f
            : undefined,
        onDone: () => replaceWith(ROUTES.mutualAid),
      },
    );

  return (
    <PageShell className='ma-claim' page='mutualAidClaim'>
      <StateView
        remote={mine}
        empty={!!mine.data && !cover}
        emptyText='您没有参加这项互助保障，不能申请。如有疑问请联系所在单位工会。'
      >
        {cover && (
          <View className='ma-card' data-testid='ma-rule'>
            <Text className='ma-title'>{cover.plan.name}</Text>
            <Text className='muted'>
              保障期 {cover.plan.periodStart} 至 {cover.plan.periodEnd}。{cover.plan.ruleText}。本期剩余额度 {cover.remaining}{' '}
              元。
            </Text>
          </View>
        )}
        <View className='ma-card'>
          <Field
            label='就诊医院'
            name='ma-hospital'
            testId='ma-hospital'
            value={hospital}
            placeholder='如：常州市第一人民医院'
            error={act.fieldErrors.hospital}
            onInput={edit('hospital', setHospital)}
          />
          <Field
            label='入院日期'
            name='ma-admitted'
            testId='ma-admitted'
            value={admittedOn}
            placeholder='YYYY-MM-DD'
            error={act.fieldErrors.admittedOn}
            onInput={edit('admittedOn', setAdmitted)}
          />
          <Field
            label='出院日期'
            name='ma-discharged'
            testId='ma-discharged'
            value={dischargedOn}
            placeholder='YYYY-MM-DD'
            error={act.fieldErrors.dischargedOn}
            onInput={edit('dischargedOn', setDischarged)}
          />
          <Field
            label='发票总金额（元）'
            name='ma-invoice'
            testId='ma-invoice'
            type='number'
            value={invoiceTotal}
            placeholder='住院发票上的医疗费用总额'
            error={act.fieldErrors.invoiceTotal}
            onInput={edit('invoiceTotal', setInvoice)}
          />
          <Field
            label='个人自付金额（元）'
            name='ma-self-paid'
            testId='ma-self-paid'
            type='number'
            value={selfPaid}
            placeholder='医保报销后个人支付的部分'
            error={act.fieldErrors.selfPaid}
            onInput={edit('selfPaid', setSelfPaid)}
          />
          {estimate !== null && (
            <Text className='muted' data-testid='ma-estimate'>
              按方案规则预计可获互助金 {estimate} 元，以工会审核为准
            </Text>
          )}
          <FieldFrame label='发票和出院小结照片' error={act.fieldErrors.evidence}>
            <PhotoPicker
              photos={photos}
              openid={session?.openid ?? ''}
              max={12}
              testId='ma-photo'
              onChange={edit('evidence', setPhotos)}
            />
          </FieldFrame>
        </View>
        <View className='ma-card'>
          <Checkbox checked={consent} testId='ma-consent' onChange={edit('sensitiveConsent', setConsent)}>
            我同意工会为办理医疗互助处理我的就诊和费用信息（敏感个人信息），仅本人和审核的工会工作人员可见
          </Checkbox>
          {act.fieldErrors.sensitiveConsent && <Text className='field-error'>{act.fieldErrors.sensitiveConsent}</Text>}
          <Button block testId='ma-submit' loading={act.busy} loadingText='提交中…' onClick={submit}>
            提交申请
          </Button>
        </View>
      </StateView>
    </PageShell>
  );
}
