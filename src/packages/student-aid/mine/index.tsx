import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS } from '@rules/studentAid';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import './index.scss';

/**
 * 金秋助学 for the member: this school year's window (dates, amounts by level, who may apply) and the way to apply,
 * then each application with every step (审核, 审定, 公示, 发放), and the published grant list. Test ids:
 * `student-aid-window`, `student-aid-apply`, `student-aid-grants-link`, `student-aid-application`,
 * `student-aid-status`, `student-aid-basis`, `student-aid-step`, `student-aid-withdraw`.
 */
export default function MyStudentAid() {
  const mine = useRemote(() => call('studentAid.mine', {}), { refreshOnShow: true });
  const act = useAction();
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const data = mine.data;
  const empty = !!data && data.windows.length === 0 && data.applications.length === 0;
  const withdraw = () =>
    act.run(() => call('studentAid.withdraw', { applicationId: withdrawing ?? '' }), {
      success: '已撤回',
      failTitle: '未能撤回',
      onDone: () => {
        setWithdrawing(null);
        mine.reload();
      },
      onFail: () => setWithdrawing(null),
    });
  return (
    <PageShell className='sa-mine' page='studentAidMine'>
      <StateView
        remote={mine}
        empty={empty}
        emptyText='所在工会本学年还没有开展金秋助学。活动开始后，困难职工家庭可以在这里为考上大学、大专或高中的子女申请助学金。'
      >
        {data?.windows.map((w) => (
          <View key={w.windowId} className='sa-card' data-testid='student-aid-window'>
            <Text className='sa-title'>
              {w.title} · {w.orgName}
            </Text>
            <Row label='申请时间'>
              {w.opensOn} 至 {w.closesOn}
            </Row>
            {SCHOOL_LEVELS.map((l) => (
              <Row key={l} label={`${SCHOOL_LEVEL_LABELS[l]}资助`}>
                {w.amounts[l]} 元
              </Row>
            ))}
            <Text className='muted'>申请条件：{w.ruleText}</Text>
            {!data.hardshipFile && w.rule === 'fileOrIncome' && (
              <Text className='muted'>（家庭月人均收入标准：{data.incomeLine} 元）</Text>
            )}
            {w.note && <Text className='muted'>{w.note}</Text>}
            {w.open && (
              <Button
                block
                testId='student-aid-apply'
                onClick={() => go(`${ROUTES.studentAidApply}?windowId=${encodeURIComponent(w.windowId)}`)}
              >
                为子女申请助学金
              </Button>
            )}
            {w.publicity && (
              <Button
                kind='plain'
                testId='student-aid-grants-link'
                onClick={() => go(`${ROUTES.studentAidGrants}?windowId=${encodeURIComponent(w.windowId)}`)}
              >
                查看资助名单公示
              </Button>
            )}
          </View>
        ))}
        {data?.applications.map((a) => (
          <View key={a.applicationId} className='sa-card' data-testid='student-aid-application'>
            <Text className='sa-title'>
              {a.schoolYear}年 · {a.childName} · <Text data-testid='student-aid-status'>{a.statusText}</Text>
            </Text>
            <Row label='录取学校'>
              {a.school}（{a.levelText}）
            </Row>
            <Row label='申请依据' valueTestId='student-aid-basis'>
              {a.basisText}
            </Row>
            {a.amount !== undefined && <Row label='资助金额'>{a.amount} 元</Row>}
            {a.payment && (
              <Row label='发放' valueTestId='student-aid-paid'>
                {a.payment.date} 已发放 {a.payment.amount} 元
              </Row>
            )}
            {a.steps.map((s) => (
              <Text key={s.at + s.text} className='sa-step' data-testid='student-aid-step'>
                {formatDateTime(s.at)} {s.text}
              </Text>
            ))}
            {(a.status === 'submitted' || a.status === 'checked') && (
              <Button kind='plain' testId='student-aid-withdraw' onClick={() => setWithdrawing(a.applicationId)}>
                撤回申请
              </Button>
            )}
          </View>
        ))}
      </StateView>
      <ConfirmDialog
        visible={!!withdrawing}
        title='撤回助学申请'
        testId='student-aid-withdraw-dialog'
        busy={act.busy}
        onConfirm={withdraw}
        onCancel={() => setWithdrawing(null)}
      >
        撤回后该学生本学年的申请名额会释放，如仍需资助可在申请时间内重新提交。
      </ConfirmDialog>
    </PageShell>
  );
}
