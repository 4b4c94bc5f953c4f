import { Text, View } from '@tarojs/components';
import { Field } from '../../../components/Field';

type Household = { size: string; income: string; expenses: string };

/**
 * The family's income, asked only when the family has no 困难职工档案. Test ids: `student-aid-household-size`,
 * `student-aid-household-income`, `student-aid-household-expenses`.
 */
export function HouseholdFields({
  values,
  incomeLine,
  error,
  onSize,
  onIncome,
  onExpenses,
}: {
  values: Household;
  incomeLine: number | undefined;
  error: string | undefined;
  onSize: (v: string) => void;
  onIncome: (v: string) => void;
  onExpenses: (v: string) => void;
}) {
  return (
    <View className='sa-card'>
      <Text className='sa-title'>家庭收入</Text>
      <Text className='muted'>家庭月人均收入（扣除医疗等刚性支出）不高于 {incomeLine} 元的会员家庭可以申请。</Text>
      <Field
        label='家庭人口'
        name='sa-size'
        testId='student-aid-household-size'
        type='number'
        value={values.size}
        error={error}
        onInput={onSize}
      />
      <Field
        label='家庭月总收入（元）'
        name='sa-income'
        testId='student-aid-household-income'
        type='number'
        value={values.income}
        onInput={onIncome}
      />
      <Field
        label='每月刚性支出（元）'
        name='sa-expenses'
        testId='student-aid-household-expenses'
        type='number'
        value={values.expenses}
        placeholder='如长期医疗费用，没有填0'
        onInput={onExpenses}
      />
    </View>
  );
}
