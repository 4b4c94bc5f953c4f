import { Text, View } from '@tarojs/components';
import { PICK_RULES, type PickRule } from '@rules/matchmaking';
import { editorInputs } from '../../../../components/enrollment/editor/editorInputs';
import type { EventForm } from './form';

const { Line, One } = editorInputs('matchmaking');
const YES_NO = [
  { key: 'yes', label: '是' },
  { key: 'no', label: '否' },
] as const;
const RULES = (Object.entries(PICK_RULES) as Array<[PickRule, string]>).map(([key, label]) => ({ key, label }));

/** 名额与条件 (places by gender, ages, single status confirmed, review, waitlist, cancelling) and 活动后互选. */
export function EventSections({
  form,
  set,
  errors,
}: {
  form: EventForm;
  set: <K extends keyof EventForm>(key: K, value: EventForm[K]) => void;
  errors: Record<string, string>;
}) {
  const yesNo = (key: 'review' | 'waitlist' | 'requireConfirmedSingle', label: string) => (
    <View className='activity-field'>
      <Text className='activity-field-label'>{label}</Text>
      <One name={key} options={YES_NO} value={form[key] ? 'yes' : 'no'} onChange={(v) => set(key, v === 'yes')} />
    </View>
  );
  const number = (key: 'capacity' | 'seatsF' | 'seatsM' | 'ageMin' | 'ageMax' | 'pickLimit' | 'pickDays', label: string) => (
    <Line label={label} name={key} type='number' value={form[key]} error={errors[key]} onChange={(v) => set(key, v)} />
  );
  return (
    <>
      <View className='section'>
        <Text className='section-title'>名额与条件</Text>
        {number('capacity', '总名额')}
        {number('seatsF', '女职工名额（留空不限）')}
        {number('seatsM', '男职工名额（留空不限）')}
        {number('ageMin', '最小年龄')}
        {number('ageMax', '最大年龄')}
        {yesNo('requireConfirmedSingle', '需所在单位工会确认单身')}
        {yesNo('review', '报名需审核')}
        {yesNo('waitlist', '名额满后可候补')}
        <View className='activity-field'>
          <Text className='activity-field-label'>取消规则</Text>
          <One
            name='cancel'
            options={[
              { key: 'untilSignupEnd', label: '报名截止前可取消' },
              { key: 'untilHoursBefore', label: '开始前24小时前可取消' },
            ]}
            value={form.cancelKind}
            onChange={(v) => set('cancelKind', v)}
          />
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>活动后互选</Text>
        {number('pickLimit', '每人最多可选（1–5位）')}
        {number('pickDays', '活动结束后开放天数（1–14天）')}
        <View className='activity-field'>
          <Text className='activity-field-label'>可以选谁</Text>
          <One name='pickRule' options={RULES} value={form.pickRule} onChange={(v) => set('pickRule', v)} />
          <Text className='activity-field-note'>参加者只能看到并选择规则内的人；异性之间互选时，同性参加者互不可见。</Text>
        </View>
      </View>
    </>
  );
}
