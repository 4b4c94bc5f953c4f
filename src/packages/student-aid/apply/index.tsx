import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS, type SchoolLevel } from '@rules/studentAid';
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
import { Choices } from '../../../components/Choices';
import { ProofPhoto, type Proof } from '../components/ProofPhoto';
import { AidRule } from './AidRule';
import { HouseholdFields } from './HouseholdFields';
import './index.scss';

const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
const LEVELS = SCHOOL_LEVELS.map((key) => ({ key, label: SCHOOL_LEVEL_LABELS[key] }));
const FIELDS = [
  'childName',
  'childIdNumber',
  'level',
  'school',
  'major',
  'tuition',
  'admissionLetter',
  'receipt',
  'household',
  'sensitiveConsent',
];

/**
 * 申请金秋助学: the window's rule (AidRule), the child (name, ID number, school, level, tuition), the admission letter
 * and the tuition receipt (private photos), the family's income when it has no 困难职工档案 (HouseholdFields), and the
 * separate consent. Test ids: `student-aid-child-name`, `student-aid-child-id`, `student-aid-level-<key>`,
 * `student-aid-school`, `student-aid-major`, `student-aid-tuition`, `student-aid-letter-add`, `student-aid-receipt-add`,
 * `student-aid-consent`, `student-aid-submit`.
 */
export default function ApplyForStudentAid() {
  const { params } = useRouter();
  const windowId = String(params.windowId ?? '');
  const { session } = useSession();
  const mine = useRemote(() => call('studentAid.mine', {}));
  const act = useAction();
  const [childName, setChildName] = useState('');
  const [childId, setChildId] = useState('');
  const [level, setLevel] = useState<SchoolLevel | null>(null);
  const [school, setSchool] = useState('');
  const [major, setMajor] = useState('');
  const [tuition, setTuition] = useState('');
  const [letter, setLetter] = useState<Proof | null>(null);
  const [receipt, setReceipt] = useState<Proof | null>(null);
  const [size, setSize] = useState('');
  const [income, setIncome] = useState('');
  const [expenses, setExpenses] = useState('0');
  const [consent, setConsent] = useState(false);
  const w = mine.data?.windows.find((x) => x.windowId === windowId);
  const onFile = !!mine.data?.hardshipFile;
  const edit =
    <T,>(key: string, set: (v: T) => void) =>
    (v: T) => {
      set(v);
      act.clearField(key);
    };

  const submit = () => {
    const missing: Record<string, string> = {};
    if (!level) missing.level = '请选择录取学段';
    if (!letter) missing.admissionLetter = '请上传录取通知书照片';
    if (!receipt) missing.receipt = '请上传学费缴费凭证';
    if (Object.keys(missing).length) return act.setFieldErrors(missing);
    return act.run(
      async () => {
        await askToSubscribe('studentAidApply'); // in the tap: WeChat asks only in answer to one
        return call('studentAid.apply', {
          windowId,
          childName: childName.trim(),
          childIdNumber: childId.trim().toUpperCase(),
          level: level as SchoolLevel,
          school: school.trim(),
          major: major.trim(),
          tuition: num(tuition),
          admissionLetter: letter?.fileId ?? '',
          receipt: receipt?.fileId ?? '',
          ...(onFile ? {} : { household: { householdSize: num(size), income: num(income), rigidExpenses: num(expenses) } }),
          sensitiveConsent: consent as true,
        });
      },
      {
        failTitle: '申请未能提交',
        success: '已提交',
        fieldKey: (f) =>
          FIELDS.includes(f) ? f : ['householdSize', 'income', 'rigidExpenses'].includes(f) ? 'household' : undefined,
        onDone: () => replaceWith(ROUTES.studentAidMine),
      },
    );
  };

  const openid = session?.openid ?? '';
  return (
    <PageShell className='sa-apply' page='studentAidApply'>
      <StateView remote={mine}>
        {mine.data && !w && (
          <View className='sa-card'>
            <Text className='muted'>该金秋助学活动不存在或不在您所在工会的范围内。</Text>
          </View>
        )}
        {w && <AidRule w={w} hardshipFile={mine.data?.hardshipFile ?? null} />}
        {w && (
          <View className='sa-card'>
            <Field
              label='学生姓名'
              name='sa-child-name'
              testId='student-aid-child-name'
              value={childName}
              error={act.fieldErrors.childName}
              onInput={edit('childName', setChildName)}
            />
            <Field
              label='学生身份证号'
              name='sa-child-id'
              testId='student-aid-child-id'
              type='idcard'
              value={childId}
              note='仅用于核对每名学生每学年只资助一次，公示时不显示'
              error={act.fieldErrors.childIdNumber}
              onInput={edit('childIdNumber', setChildId)}
            />
            <FieldFrame label='录取学段' error={act.fieldErrors.level}>
              <Choices options={LEVELS} value={level} testId='student-aid-level' onChange={edit('level', setLevel)} />
            </FieldFrame>
            <Field
              label='录取学校'
              name='sa-school'
              testId='student-aid-school'
              value={school}
              placeholder='与录取通知书一致'
              error={act.fieldErrors.school}
              onInput={edit('school', setSchool)}
            />
            <Field
              label='专业（高中可不填）'
              name='sa-major'
              testId='student-aid-major'
              value={major}
              error={act.fieldErrors.major}
              onInput={edit('major', setMajor)}
            />
            <Field
              label='第一学年学费（元）'
              name='sa-tuition'
              testId='student-aid-tuition'
              type='number'
              value={tuition}
              error={act.fieldErrors.tuition}
              onInput={edit('tuition', setTuition)}
            />
            <FieldFrame label='录取通知书照片' error={act.fieldErrors.admissionLetter}>
              <ProofPhoto
                value={letter}
                openid={openid}
                testId='student-aid-letter'
                onChange={edit('admissionLetter', setLetter)}
              />
            </FieldFrame>
            <FieldFrame label='学费缴费凭证（发票或缴费通知）' error={act.fieldErrors.receipt}>
              <ProofPhoto value={receipt} openid={openid} testId='student-aid-receipt' onChange={edit('receipt', setReceipt)} />
            </FieldFrame>
          </View>
        )}
        {w && !onFile && (
          <HouseholdFields
            values={{ size, income, expenses }}
            incomeLine={mine.data?.incomeLine}
            error={act.fieldErrors.household}
            onSize={edit('household', setSize)}
            onIncome={edit('household', setIncome)}
            onExpenses={edit('household', setExpenses)}
          />
        )}
        {w && (
          <View className='sa-card'>
            <Checkbox checked={consent} testId='student-aid-consent' onChange={edit('sensitiveConsent', setConsent)}>
              我同意工会为办理金秋助学处理子女的身份证号、录取和学费信息及家庭收入（敏感个人信息），仅本人和审核的工会工作人员可见
            </Checkbox>
            {act.fieldErrors.sensitiveConsent && <Text className='field-error'>{act.fieldErrors.sensitiveConsent}</Text>}
            <Button block testId='student-aid-submit' loading={act.busy} loadingText='提交中…' onClick={submit}>
              提交申请
            </Button>
          </View>
        )}
      </StateView>
    </PageShell>
  );
}
