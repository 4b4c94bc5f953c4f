import { Text, View } from '@tarojs/components';
import { HARDSHIP_CAUSE_LABELS, incomePerHead, type HardshipCause } from '@rules/hardship';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Checkbox } from '../../../components/Checkbox';
import { Field, FieldFrame } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { Row } from '../../../components/Row';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRemote } from '../../../hooks/useRemote';
import { useSession } from '../../../stores/session';
import { ROUTES, replaceWith } from '../../../utils/nav';
import { askToSubscribe } from '../../../utils/subscribe';
import { Choices, labelled } from '../../../components/Choices';
import { useForm } from '../components/useForm';
import { EMPTY_MEMBER, Household, type MemberDraft } from './Household';
import { PhotoPicker, type Photo } from '../../../components/PhotoPicker';
import './index.scss';

const num = (v: string) => (v.trim() === '' ? NaN : Number(v));

/**
 * 申请困难帮扶: the union's standard first, then the household, income, cause, story, proof and the separate
 * consent to sensitive personal information. Test ids: `hardship-standard`, `hardship-income`, `hardship-expenses`,
 * `hardship-cause-<key>`, `hardship-story`, `hardship-ask`, `hardship-photo-add`, `hardship-consent`, `hardship-submit`,
 * `hardship-applicant`. The values live in `useForm` under the action's field names: an error goes when its field
 * is edited.
 */
export default function ApplyForHelp() {
  const { session } = useSession();
  const standard = useRemote(() => call('hardship.standard', {}));
  const act = useAction();
  const form = useForm(
    {
      household: [{ ...EMPTY_MEMBER, relation: '本人' }] as MemberDraft[],
      income: '',
      rigidExpenses: '0',
      causes: [] as HardshipCause[],
      story: '',
      helpAsked: '',
      evidence: [] as Photo[],
      sensitiveConsent: false,
    },
    act,
  );
  const v = form.values;
  // Until edited, the first row shows the member's own name from the session (which may load after the page).
  const memberName = session?.member?.name ?? '';
  const shown = v.household.map((r, i) => (i === 0 && !r.name ? { ...r, name: memberName } : r));
  const perHead =
    shown.length && !Number.isNaN(num(v.income)) ? incomePerHead(num(v.income), num(v.rigidExpenses) || 0, shown.length) : null;

  const submit = () =>
    act.run(
      async () => {
        await askToSubscribe('hardshipApply'); // in the tap: WeChat asks only in answer to one
        return call('hardship.apply', {
          household: shown.map((r) => ({
            relation: r.relation.trim(),
            name: r.name.trim(),
            age: num(r.age),
            income: num(r.income),
            ...(r.situation.trim() ? { situation: r.situation.trim() } : {}),
          })),
          income: num(v.income),
          rigidExpenses: num(v.rigidExpenses),
          causes: v.causes,
          story: v.story.trim(),
          helpAsked: v.helpAsked.trim(),
          evidence: v.evidence.map((p) => p.fileId),
          sensitiveConsent: v.sensitiveConsent as true,
        });
      },
      {
        failTitle: '申请未能提交',
        success: '已提交',
        // The form's keys are the action's field names: a refusal naming one is shown under it.
        fieldKey: (f) => (f in v ? f : undefined),
        onDone: () => replaceWith(ROUTES.hardshipMine),
      },
    );

  const s = standard.data;
  return (
    <PageShell className='hs-apply' page='hardshipApply'>
      <StateView remote={standard}>
        {s && (
          <View className='hs-card' data-testid='hardship-standard'>
            <Text className='hs-title'>申请条件</Text>
            <Text className='muted'>{s.explanation}</Text>
          </View>
        )}
        {session?.member && (
          <View className='hs-card' data-testid='hardship-applicant'>
            <Row label='申请人'>{session.member.name}</Row>
            <Row label='所在工会'>{session.member.orgName}（提交后由该工会入户调查）</Row>
          </View>
        )}
        <Household rows={shown} error={form.bind('household').error} onChange={form.bind('household').onInput} />
        <View className='hs-card'>
          <Field
            label='家庭月总收入（元）'
            name='hs-income'
            testId='hardship-income'
            type='number'
            placeholder='全家每月收入合计'
            {...form.bind('income')}
          />
          <Field
            label='每月刚性支出（元）'
            name='hs-expenses'
            testId='hardship-expenses'
            type='number'
            placeholder='如长期医疗费用，没有填0'
            {...form.bind('rigidExpenses')}
          />
          {perHead !== null && s && (
            <Text className='muted' data-testid='hardship-per-head'>
              家庭月人均收入约 {perHead} 元{perHead > s.qualifyingLine ? `，高于帮扶标准 ${s.qualifyingLine} 元` : ''}
            </Text>
          )}
          <FieldFrame label='致困原因（请选择，可多选）' error={form.bind('causes').error}>
            <Choices
              options={labelled(HARDSHIP_CAUSE_LABELS)}
              value={v.causes}
              multiple
              testId='hardship-cause'
              onChange={form.bind('causes').onInput}
            />
          </FieldFrame>
          <Field
            label='困难情况'
            name='hs-story'
            testId='hardship-story'
            multiline
            placeholder='请说明家庭遇到的困难（至少10个字）'
            {...form.bind('story')}
          />
          <Field
            label='希望得到的帮助'
            name='hs-ask'
            testId='hardship-ask'
            placeholder='如：医疗救助、子女助学'
            {...form.bind('helpAsked')}
          />
          <FieldFrame label='证明材料（医疗票据、诊断证明、残疾证等）' error={form.bind('evidence').error}>
            <PhotoPicker
              photos={v.evidence}
              openid={session?.openid ?? ''}
              max={9}
              testId='hardship-photo'
              onChange={form.bind('evidence').onInput}
            />
          </FieldFrame>
        </View>
        <View className='hs-card'>
          <Checkbox checked={v.sensitiveConsent} testId='hardship-consent' onChange={form.bind('sensitiveConsent').onInput}>
            我同意工会为办理困难帮扶处理我和家庭成员的健康、收入和家庭信息（敏感个人信息），仅本人和审核的工会工作人员可见
          </Checkbox>
          {form.bind('sensitiveConsent').error && <Text className='field-error'>{form.bind('sensitiveConsent').error}</Text>}
          <Button block testId='hardship-submit' loading={act.busy} loadingText='提交中…' onClick={submit}>
            提交申请
          </Button>
        </View>
      </StateView>
    </PageShell>
  );
}
