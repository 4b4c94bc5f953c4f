import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { WAGE_ACTION_LABELS, type WageAction } from '@rules/legalQa';
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
import './index.scss';

type Step = 'accept' | WageAction | 'close';
const STEP_LABELS: Record<Step, string> = { accept: '受理', ...WAGE_ACTION_LABELS, close: '办结' };

/**
 * One 欠薪求助: what was reported and every step, for the member; for staff of the union it was routed to, the
 * contact and the next steps (受理 → 协调 / 移送劳动监察 / 仲裁 → 办结, 办结 confirmed). Test ids: `legal-qa-wage-status`,
 * `legal-qa-wage-step`, `legal-qa-wage-note`, `legal-qa-wage-do-<step>`, `legal-qa-wage-close-dialog`.
 */
export default function WageDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const wage = useRemote(() => call('legalQa.wage', { wageId: id }), { refreshOnShow: true });
  const act = useAction();
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState(false);
  const w = wage.data;
  const run = (step: Step) =>
    act.run(() => call('legalQa.handleWage', { wageId: id, step, note: note.trim() }), {
      success: '已记录',
      failTitle: '未能记录',
      fieldKey: (f) => (f === 'note' ? 'note' : undefined),
      onDone: () => {
        setNote('');
        setClosing(false);
        wage.reload();
      },
      onFail: () => setClosing(false),
    });
  return (
    <PageShell className='lq-wage' page='legalQaWage'>
      <StateView remote={wage} loading={wage.loading && !w}>
        {w && (
          <View>
            <View className='lq-card'>
              <Text className='lq-title'>
                欠薪求助 ·{' '}
                <Text className={`tag tag-${w.status}`} data-testid='legal-qa-wage-status'>
                  {w.statusText}
                </Text>
              </Text>
              <Row label='用人单位'>{w.employer}</Row>
              <Row label='所在辖区'>{w.district}</Row>
              <Row label='受理工会'>{w.orgName}</Row>
              <Row label='拖欠'>{`${w.monthsOwed}个月 · ${w.amount}元`}</Row>
              <Row label='涉及工友'>{`${w.coworkers}人`}</Row>
              {w.name && <Row label='求助人'>{w.name}</Row>}
              {w.mobile && <Row label='联系电话'>{w.mobile}</Row>}
            </View>
            <View className='lq-card'>
              <Text className='lq-title'>处理进度</Text>
              {w.steps.map((s) => (
                <Text key={s.at + s.kind} className='lq-step' data-testid='legal-qa-wage-step'>
                  {formatDateTime(s.at)} {s.kindText}
                  {s.note ? `：${s.note}` : ''}
                </Text>
              ))}
            </View>
            {w.nextSteps.length > 0 && (
              <View className='lq-card'>
                <Field
                  label='处理说明'
                  name='lq-w-note'
                  testId='legal-qa-wage-note'
                  multiline
                  value={note}
                  placeholder='做了什么、结果如何（会展示给求助职工）'
                  {...act.field('note', setNote)}
                />
                {w.nextSteps.map((s) => (
                  <View key={s} style={{ marginTop: '12px' }}>
                    <Button
                      block
                      kind={s === 'close' ? 'quiet' : 'plain'}
                      testId={`legal-qa-wage-do-${s}`}
                      loading={act.busy}
                      onClick={() => (s === 'close' ? setClosing(true) : void run(s))}
                    >
                      {STEP_LABELS[s]}
                    </Button>
                  </View>
                ))}
              </View>
            )}
          </View>
        )}
      </StateView>
      <ConfirmDialog
        visible={closing}
        title='办结欠薪求助'
        confirmText='办结'
        cancelText='再想想'
        busy={act.busy}
        testId='legal-qa-wage-close-dialog'
        onConfirm={() => void run('close')}
        onCancel={() => setClosing(false)}
      >
        办结后不能再记录处理情况，职工会看到您填写的处理说明。确定办结？
      </ConfirmDialog>
    </PageShell>
  );
}
