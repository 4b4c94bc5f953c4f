import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ELIGIBILITY_RULE_LABELS, type EligibilityRule } from '@rules/studentAid';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field, FieldFrame } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import { orgScopesOf, useSession } from '../../../stores/session';
import { todayIso } from '../../../utils/format';
import { Choices } from '../../../components/Choices';

const RULES = (Object.keys(ELIGIBILITY_RULE_LABELS) as EligibilityRule[]).map((key) => ({
  key,
  label: key === 'file' ? '仅建档困难职工家庭' : '建档家庭或收入低于帮扶标准',
}));

/**
 * 设置金秋助学活动 for staff of a district or city union (their first union scope): the school year, dates, amounts
 * by level and who may apply. Saving again before the 公示 changes the same window. Test ids `student-aid-window-*`.
 */
export function WindowForm({ onDone }: { onDone: () => void }) {
  const { session } = useSession();
  const act = useAction();
  const [open, setOpen] = useState(false);
  const year = todayIso().slice(0, 4);
  const [schoolYear, setSchoolYear] = useState(year);
  const [opensOn, setOpensOn] = useState(todayIso());
  const [closesOn, setClosesOn] = useState(`${year}-09-30`);
  const [university, setUniversity] = useState('3000');
  const [college, setCollege] = useState('2000');
  const [highSchool, setHighSchool] = useState('1000');
  const [rule, setRule] = useState<EligibilityRule>('fileOrIncome');
  const orgId = orgScopesOf(session)?.[0] ?? '';
  if (!open)
    return (
      <View className='sa-card'>
        <Button kind='plain' testId='student-aid-window-open' onClick={() => setOpen(true)}>
          设置本学年金秋助学活动
        </Button>
      </View>
    );
  const field = (key: string, set: (v: string) => void) => (v: string) => {
    set(v);
    act.clearField(key);
  };
  const save = () =>
    act.run(
      () =>
        call('studentAid.saveWindow', {
          orgId,
          schoolYear: Number(schoolYear),
          opensOn,
          closesOn,
          amounts: { university: Number(university), college: Number(college), highSchool: Number(highSchool) },
          rule,
          note: '',
        }),
      {
        success: '已保存',
        failTitle: '未能保存活动',
        onDone: () => {
          setOpen(false);
          onDone();
        },
      },
    );
  return (
    <View className='sa-card'>
      <Text className='sa-title'>设置金秋助学活动</Text>
      {!orgId && <Text className='muted'>管理员请以区（县）或市总工会干部身份设置。</Text>}
      <Field
        label='学年'
        name='sa-w-year'
        testId='student-aid-window-year'
        type='number'
        value={schoolYear}
        error={act.fieldErrors.schoolYear}
        onInput={field('schoolYear', setSchoolYear)}
      />
      <Field
        label='开始日期'
        name='sa-w-opens'
        testId='student-aid-window-opens'
        value={opensOn}
        placeholder='YYYY-MM-DD'
        error={act.fieldErrors.opensOn}
        onInput={field('opensOn', setOpensOn)}
      />
      <Field
        label='截止日期'
        name='sa-w-closes'
        testId='student-aid-window-closes'
        value={closesOn}
        placeholder='YYYY-MM-DD'
        error={act.fieldErrors.closesOn}
        onInput={field('closesOn', setClosesOn)}
      />
      <Field
        label='本科资助（元）'
        name='sa-w-u'
        testId='student-aid-window-university'
        type='number'
        value={university}
        error={act.fieldErrors.university}
        onInput={field('university', setUniversity)}
      />
      <Field
        label='大专（高职）资助（元）'
        name='sa-w-c'
        testId='student-aid-window-college'
        type='number'
        value={college}
        error={act.fieldErrors.college}
        onInput={field('college', setCollege)}
      />
      <Field
        label='高中（中职）资助（元）'
        name='sa-w-h'
        testId='student-aid-window-high-school'
        type='number'
        value={highSchool}
        error={act.fieldErrors.highSchool}
        onInput={field('highSchool', setHighSchool)}
      />
      <FieldFrame label='申请条件' error={act.fieldErrors.rule}>
        <Choices options={RULES} value={rule} testId='student-aid-window-rule' onChange={setRule} />
      </FieldFrame>
      <Button block testId='student-aid-window-save' loading={act.busy} loadingText='保存中…' onClick={save}>
        保存活动
      </Button>
    </View>
  );
}
