import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { explainRule } from '@rules/mutualAid';
import { runsDistrictProgrammes } from '@rules/orgKinds';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field, FieldFrame } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../../stores/session';
import { goBack } from '../../../utils/nav';
import './index.scss';

const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
const year = new Date().getFullYear();

/**
 * 设立互助保障方案 (staff of a city or district union): the union running it, the period, the contribution per head and
 * the claim rule (起付线, 报销比例, 年度封顶), shown as the member will read it. Test ids: `ma-plan-owner-<id>`,
 * `ma-plan-name`, `ma-plan-start`, `ma-plan-end`, `ma-plan-contribution`, `ma-plan-deductible`, `ma-plan-ratio`,
 * `ma-plan-cap`, `ma-plan-save`.
 */
export default function PlanEditor() {
  const { session } = useSession();
  const tree = useRemote(() => call('org.tree', {}));
  const within = orgScopesOf(session);
  const owners = (tree.data?.orgs ?? []).filter(
    (o) => runsDistrictProgrammes(o.kind) && (within === null || within.some((s) => o.path.includes(s))),
  );
  const act = useAction();
  const [owner, setOwner] = useState('');
  const [name, setName] = useState(`${year + 1}年度职工住院医疗互助保障`);
  const [start, setStart] = useState(`${year + 1}-01-01`);
  const [end, setEnd] = useState(`${year + 1}-12-31`);
  const [contribution, setContribution] = useState('30');
  const [deductible, setDeductible] = useState('800');
  const [ratio, setRatio] = useState('60');
  const [cap, setCap] = useState('20000');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const field = (key: string, set: (v: string) => void) => (v: string) => {
    set(v);
    act.clearField(key);
  };
  const rule = { deductible: num(deductible), ratioPercent: num(ratio), cap: num(cap) };
  const ruleOk = Object.values(rule).every((v) => !Number.isNaN(v));
  const save = () =>
    act.run(
      () =>
        call('mutualAid.savePlan', {
          name: name.trim(),
          ownerOrgId: owner,
          periodStart: start.trim(),
          periodEnd: end.trim(),
          contribution: num(contribution),
          deductible: rule.deductible,
          ratioPercent: rule.ratioPercent,
          cap: rule.cap,
          note: note.trim(),
        }),
      { success: '已设立', failTitle: '未能设立方案', onDone: goBack, onFail: () => setConfirming(false) },
    );
  return (
    <PageShell className='ma-plan' page='mutualAidPlan'>
      <StateView remote={tree}>
        <View className='ma-card'>
          <FieldFrame label='主办工会' error={act.fieldErrors.ownerOrgId}>
            {owners.map((o) => (
              <Button
                key={o._id}
                kind={owner === o._id ? 'primary' : 'plain'}
                testId={`ma-plan-owner-${o._id}`}
                onClick={() => field('ownerOrgId', setOwner)(o._id)}
              >
                {o.name}
              </Button>
            ))}
            {owners.length === 0 && <Text className='muted'>互助保障方案由市或区（县）总工会设立。</Text>}
          </FieldFrame>
          <Field
            label='方案名称'
            name='ma-plan-name'
            testId='ma-plan-name'
            value={name}
            error={act.fieldErrors.name}
            onInput={field('name', setName)}
          />
          <Field
            label='保障期开始'
            name='ma-plan-start'
            testId='ma-plan-start'
            value={start}
            placeholder='YYYY-MM-DD'
            error={act.fieldErrors.periodStart}
            onInput={field('periodStart', setStart)}
          />
          <Field
            label='保障期结束'
            name='ma-plan-end'
            testId='ma-plan-end'
            value={end}
            placeholder='YYYY-MM-DD'
            error={act.fieldErrors.periodEnd}
            onInput={field('periodEnd', setEnd)}
          />
          <Field
            label='每人缴费（元）'
            name='ma-plan-contribution'
            testId='ma-plan-contribution'
            type='number'
            value={contribution}
            error={act.fieldErrors.contribution}
            onInput={field('contribution', setContribution)}
          />
          <Field
            label='起付线（元/次住院）'
            name='ma-plan-deductible'
            testId='ma-plan-deductible'
            type='number'
            value={deductible}
            error={act.fieldErrors.deductible}
            onInput={field('deductible', setDeductible)}
          />
          <Field
            label='报销比例（%）'
            name='ma-plan-ratio'
            testId='ma-plan-ratio'
            type='number'
            value={ratio}
            error={act.fieldErrors.ratioPercent}
            onInput={field('ratioPercent', setRatio)}
          />
          <Field
            label='年度封顶（元/人）'
            name='ma-plan-cap'
            testId='ma-plan-cap'
            type='number'
            value={cap}
            error={act.fieldErrors.cap}
            onInput={field('cap', setCap)}
          />
          <Field
            label='说明'
            name='ma-plan-note'
            testId='ma-plan-note'
            multiline
            value={note}
            placeholder='参保方式、申请期限等'
            error={act.fieldErrors.note}
            onInput={field('note', setNote)}
          />
          {ruleOk && <Text className='muted'>会员将看到：{explainRule(rule)}</Text>}
          <Button
            block
            testId='ma-plan-save'
            onClick={() => (owner ? setConfirming(true) : act.setFieldErrors({ ownerOrgId: '请选择主办工会' }))}
          >
            设立方案
          </Button>
        </View>
      </StateView>
      <ConfirmDialog
        visible={confirming}
        title='确认设立方案'
        busy={act.busy}
        testId='ma-plan-confirm'
        onConfirm={() => void save()}
        onCancel={() => setConfirming(false)}
      >
        方案设立后规则不能修改（已参保会员按此规则理赔），确认设立吗？
      </ConfirmDialog>
    </PageShell>
  );
}
