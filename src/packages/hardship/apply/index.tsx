import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { HARDSHIP_CAUSE_LABELS, incomePerHead, type HardshipCause } from '@rules/hardship';
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
import { Choices, labelled } from '../components/Choices';
import { EMPTY_MEMBER, Household, type MemberDraft } from './Household';
import { Photos, type Photo } from './Photos';
import './index.scss';

const num = (v: string) => (v.trim() === '' ? NaN : Number(v));

/**
 * 申请困难帮扶: the union's standard first, then the household, income, cause, story, proof and the separate
 * consent to sensitive personal information. Test ids: `hardship-standard`, `hardship-income`, `hardship-expenses`,
 * `hardship-cause-<key>`, `hardship-story`, `hardship-ask`, `hardship-photo-add`, `hardship-consent`, `hardship-submit`.
 */
export default function ApplyForHelp() {
  const { session } = useSession();
  const standard = useRemote(() => call('hardship.standard', {}));
  const act = useAction();
  const [rows, setRows] = useState<MemberDraft[]>([{ ...EMPTY_MEMBER, relation: '本人' }]);
  const [income, setIncome] = useState('');
  const [expenses, setExpenses] = useState('0');
  const [causes, setCauses] = useState<HardshipCause[]>([]);
  const [story, setStory] = useState('');
  const [ask, setAsk] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [consent, setConsent] = useState(false);
  // Until edited, the first row shows the member's own name from the session (which may load after the page).
  const memberName = session?.member?.name ?? '';
  const shown = rows.map((r, i) => (i === 0 && !r.name ? { ...r, name: memberName } : r));

  const perHead = rows.length && !Number.isNaN(num(income)) ? incomePerHead(num(income), num(expenses) || 0, rows.length) : null;
  const edit =
    <T,>(key: string, set: (v: T) => void) =>
    (v: T) => {
      set(v);
      act.clearField(key);
    };

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
          income: num(income),
          rigidExpenses: num(expenses),
          causes,
          story: story.trim(),
          helpAsked: ask.trim(),
          evidence: photos.map((p) => p.fileId),
          sensitiveConsent: consent as true,
        });
      },
      {
        failTitle: '申请未能提交',
        success: '已提交',
        fieldKey: (f) =>
          ['household', 'income', 'rigidExpenses', 'causes', 'story', 'helpAsked', 'evidence', 'sensitiveConsent'].includes(f)
            ? f
            : undefined,
        onDone: () => replaceWith(ROUTES.hardshipMine),
      },
    );

  const s = standard.data;
  return (
    <PageShell className='hs-apply' page='hardshipApply'>
      <StateView loading={standard.loading} error={standard.error} errorCode={standard.errorCode} onRetry={standard.reload}>
        {s && (
          <View className='hs-card' data-testid='hardship-standard'>
            <Text className='hs-title'>申请条件</Text>
            <Text className='muted'>{s.explanation}</Text>
          </View>
        )}
        <Household rows={shown} error={act.fieldErrors.household} onChange={edit('household', setRows)} />
        <View className='hs-card'>
          <Field
            label='家庭月总收入（元）'
            name='hs-income'
            testId='hardship-income'
            type='number'
            value={income}
            placeholder='全家每月收入合计'
            error={act.fieldErrors.income}
            onInput={edit('income', setIncome)}
          />
          <Field
            label='每月刚性支出（元）'
            name='hs-expenses'
            testId='hardship-expenses'
            type='number'
            value={expenses}
            placeholder='如长期医疗费用，没有填0'
            error={act.fieldErrors.rigidExpenses}
            onInput={edit('rigidExpenses', setExpenses)}
          />
          {perHead !== null && s && (
            <Text className='muted' data-testid='hardship-per-head'>
              家庭月人均收入约 {perHead} 元{perHead > s.qualifyingLine ? `，高于帮扶标准 ${s.qualifyingLine} 元` : ''}
            </Text>
          )}
          <FieldFrame label='致困原因（可多选）' error={act.fieldErrors.causes}>
            <Choices
              options={labelled(HARDSHIP_CAUSE_LABELS)}
              value={causes}
              multiple
              testId='hardship-cause'
              onChange={edit('causes', setCauses)}
            />
          </FieldFrame>
          <Field
            label='困难情况'
            name='hs-story'
            testId='hardship-story'
            multiline
            value={story}
            placeholder='请说明家庭遇到的困难（至少10个字）'
            error={act.fieldErrors.story}
            onInput={edit('story', setStory)}
          />
          <Field
            label='希望得到的帮助'
            name='hs-ask'
            testId='hardship-ask'
            value={ask}
            placeholder='如：医疗救助、子女助学'
            error={act.fieldErrors.helpAsked}
            onInput={edit('helpAsked', setAsk)}
          />
          <FieldFrame label='证明材料（医疗票据、诊断证明、残疾证等）' error={act.fieldErrors.evidence}>
            <Photos photos={photos} openid={session?.openid ?? ''} max={9} testId='hardship-photo' onChange={setPhotos} />
          </FieldFrame>
        </View>
        <View className='hs-card'>
          <Checkbox checked={consent} testId='hardship-consent' onChange={edit('sensitiveConsent', setConsent)}>
            我同意工会为办理困难帮扶处理我和家庭成员的健康、收入和家庭信息（敏感个人信息），仅本人和审核的工会工作人员可见
          </Checkbox>
          {act.fieldErrors.sensitiveConsent && <Text className='field-error'>{act.fieldErrors.sensitiveConsent}</Text>}
          <Button block testId='hardship-submit' loading={act.busy} loadingText='提交中…' onClick={submit}>
            提交申请
          </Button>
        </View>
      </StateView>
    </PageShell>
  );
}
