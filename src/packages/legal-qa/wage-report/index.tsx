import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field, FieldFrame } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { ROUTES, replaceWith } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { Choices } from '../../../components/Choices';
import { withQuery } from '../query';
import './index.scss';
import { newRequestId } from '../../../utils/requestId';

const num = (v: string) => (v.trim() === '' ? NaN : Number(v));

/**
 * 欠薪求助, the short path: employer, its district (routes it to that district's union), months owed, amount, how
 * many co-workers, a contact number. Test ids: `legal-qa-wage-employer`, `legal-qa-district-<name>`,
 * `legal-qa-months`, `legal-qa-amount`, `legal-qa-coworkers`, `legal-qa-mobile`, `legal-qa-wage-submit`.
 */
export default function ReportWage() {
  const form = useRemote(() => call('legalQa.form', {}));
  const act = useAction();
  const [requestId] = useState(newRequestId); // one per opened form: a double tap sends the same
  const [employer, setEmployer] = useState('');
  const [district, setDistrict] = useState<string | null>(null);
  const [months, setMonths] = useState('');
  const [amount, setAmount] = useState('');
  const [coworkers, setCoworkers] = useState('0');
  const [mobile, setMobile] = useState('');
  const edit = (key: string, set: (v: string) => void) => (v: string) => {
    set(v);
    act.clearField(key);
  };
  const submit = () =>
    act.run(
      async () => {
        await askToSubscribe('legalQaWageReport');
        return call('legalQa.reportWage', {
          requestId,
          employer: employer.trim(),
          district: district ?? '',
          monthsOwed: num(months),
          amount: num(amount),
          coworkers: num(coworkers),
          contactMobile: mobile.trim(),
        });
      },
      {
        failTitle: '未能提交',
        success: '已提交',
        onDone: (w) => replaceWith(withQuery(ROUTES.legalQaWage, { id: w.wageId })),
      },
    );
  const f = form.data;
  return (
    <PageShell className='lq-wage-report' page='legalQaWageReport'>
      <StateView remote={form}>
        {f && (
          <View className='lq-card'>
            <Text className='muted'>填写后直接转到用人单位所在区的工会处理，处理进度在这里查看。情况紧急可拨打12351。</Text>
            <Field
              label='用人单位名称'
              name='lq-w-employer'
              testId='legal-qa-wage-employer'
              value={employer}
              error={act.fieldErrors.employer}
              onInput={edit('employer', setEmployer)}
            />
            <FieldFrame label='用人单位所在辖区' error={act.fieldErrors.district}>
              <Choices
                options={f.districts.map((d) => ({ key: d, label: d }))}
                value={district}
                testId='legal-qa-district'
                onChange={(v) => {
                  setDistrict(v);
                  act.clearField('district');
                }}
              />
            </FieldFrame>
            <Field
              label='拖欠月数'
              name='lq-w-months'
              testId='legal-qa-months'
              type='number'
              value={months}
              error={act.fieldErrors.monthsOwed}
              onInput={edit('monthsOwed', setMonths)}
            />
            <Field
              label='拖欠金额（元）'
              name='lq-w-amount'
              testId='legal-qa-amount'
              type='number'
              value={amount}
              error={act.fieldErrors.amount}
              onInput={edit('amount', setAmount)}
            />
            <Field
              label='涉及工友人数（不含本人）'
              name='lq-w-coworkers'
              testId='legal-qa-coworkers'
              type='number'
              value={coworkers}
              error={act.fieldErrors.coworkers}
              onInput={edit('coworkers', setCoworkers)}
            />
            <Field
              label='联系电话'
              name='lq-w-mobile'
              testId='legal-qa-mobile'
              value={mobile}
              placeholder='工会工作人员会打这个电话联系您'
              error={act.fieldErrors.contactMobile}
              onInput={edit('contactMobile', setMobile)}
            />
            <Button block testId='legal-qa-wage-submit' loading={act.busy} loadingText='提交中…' onClick={submit}>
              提交欠薪求助
            </Button>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
