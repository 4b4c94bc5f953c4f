import { useState } from 'react';
import { View } from '@tarojs/components';
import { HARDSHIP_LEVEL_LABELS, type HardshipLevel } from '@rules/hardship';
import { call } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Field, FieldFrame } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import { useSession } from '../../../stores/session';
import { todayIso } from '../../../utils/format';
import { PhotoPicker, type Photo } from '../../../components/PhotoPicker';
import { Choices, labelled } from '../../../components/Choices';

const CIVIL = { low_income: '低收入家庭', subsistence: '低保家庭', none: '民政未认定', unknown: '结果未返回' } as const;
type Civil = keyof typeof CIVIL;

/** 入户调查: date, who went, what they found, photos. Test ids `hardship-visit-*`. */
export function VisitForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { session } = useSession();
  const act = useAction();
  const [date, setDate] = useState(todayIso());
  const [visitors, setVisitors] = useState('');
  const [findings, setFindings] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const save = () =>
    act.run(
      () =>
        call('hardship.visit', {
          caseId,
          date,
          visitors: visitors.trim(),
          findings: findings.trim(),
          photos: photos.map((p) => p.fileId),
        }),
      {
        success: '已登记',
        failTitle: '未能登记入户调查',
        onDone,
      },
    );
  return (
    <View className='hs-card'>
      <Field
        label='走访日期'
        name='hs-visit-date'
        testId='hardship-visit-date'
        value={date}
        placeholder='YYYY-MM-DD'
        {...act.field('date', setDate)}
      />
      <Field
        label='走访人员'
        name='hs-visit-visitors'
        testId='hardship-visit-visitors'
        value={visitors}
        placeholder='如：张敏、刘强'
        {...act.field('visitors', setVisitors)}
      />
      <Field
        label='调查情况'
        name='hs-visit-findings'
        testId='hardship-visit-findings'
        multiline
        value={findings}
        placeholder='家庭成员、收入、住房、致困原因核实情况（至少10个字）'
        {...act.field('findings', setFindings)}
      />
      <FieldFrame label='走访照片' error={act.fieldErrors.photos}>
        <PhotoPicker photos={photos} openid={session?.openid ?? ''} max={9} testId='hardship-visit-photo' onChange={setPhotos} />
      </FieldFrame>
      <Button block testId='hardship-visit-save' loading={act.busy} onClick={save}>
        登记入户调查
      </Button>
    </View>
  );
}

/** 认定 by the district union: level, 民政 check, opinion; approve or not. Test ids `hardship-decide-*`. */
export function DecideForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const act = useAction();
  const [level, setLevel] = useState<HardshipLevel | ''>('');
  const [civil, setCivil] = useState<Civil | ''>('');
  const [note, setNote] = useState('');
  const decide = (approve: boolean) =>
    act.run(
      () =>
        call('hardship.decide', {
          caseId,
          approve,
          ...(approve && level ? { level } : {}),
          civilCheck: civil as Civil,
          note: note.trim(),
        }),
      { success: approve ? '已认定并建档' : '已办结', failTitle: '未能认定', onDone },
    );
  return (
    <View className='hs-card'>
      <FieldFrame label='困难类别' error={act.fieldErrors.level}>
        <Choices
          options={labelled(HARDSHIP_LEVEL_LABELS)}
          value={level}
          testId='hardship-decide-level'
          onChange={(k) => {
            setLevel(k);
            act.clearField('level');
          }}
        />
      </FieldFrame>
      <FieldFrame label='民政核对结果' error={act.fieldErrors.civilCheck}>
        <Choices
          options={labelled(CIVIL)}
          value={civil}
          testId='hardship-decide-civil'
          onChange={(k) => {
            setCivil(k);
            act.clearField('civilCheck');
          }}
        />
      </FieldFrame>
      <Field
        label='认定意见'
        name='hs-decide-note'
        testId='hardship-decide-note'
        value={note}
        placeholder='不予认定时请写明原因，会员会看到'
        {...act.field('note', setNote)}
      />
      <Button block testId='hardship-decide-approve' loading={act.busy} onClick={() => decide(true)}>
        认定为困难职工并建档
      </Button>
      <Button block kind='plain' testId='hardship-decide-reject' loading={act.busy} onClick={() => decide(false)}>
        不予认定
      </Button>
    </View>
  );
}
