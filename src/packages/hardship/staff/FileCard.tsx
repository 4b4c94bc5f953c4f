import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { HARDSHIP_LEVEL_LABELS, HELP_KIND_LABELS, type HardshipLevel, type HelpKind } from '@rules/hardship';
import { call } from '../../../api/client';
import type { OutputOf } from '../../../api/types';
import { Button } from '../../../components/Button';
import { Field, FieldFrame } from '../../../components/Field';
import { Row } from '../../../components/Row';
import { useAction } from '../../../hooks/useAction';
import { formatDate, todayIso } from '../../../utils/format';
import { Choices, labelled } from '../../../components/Choices';
import { newRequestId } from '../../../utils/requestId';

type FileView = OutputOf<'hardship.files'>['items'][number];

/**
 * One 困难职工档案 for staff: record help (money, goods, a visit) or the yearly re-check (renew or 解困脱困).
 * Test ids: `hardship-file-card`, `hardship-help-open`, `hardship-help-kind-<kind>`, `hardship-help-amount`,
 * `hardship-help-save`, `hardship-renew`, `hardship-close-open`, `hardship-close-note`, `hardship-close-save`.
 */
export function FileCard({ file, onChanged }: { file: FileView; onChanged: () => void }) {
  const act = useAction();
  const [form, setForm] = useState<'help' | 'close' | null>(null);
  const [kind, setKind] = useState<HelpKind>('money');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  // One id per opened form: a double tap on 保存 records the help once.
  const [requestId, setRequestId] = useState(newRequestId);
  const open = (f: 'help' | 'close') => {
    setForm(f);
    setNote('');
    setAmount('');
    setRequestId(newRequestId());
  };
  const done = () => {
    setForm(null);
    onChanged();
  };
  const saveHelp = () =>
    act.run(
      () =>
        call('hardship.recordHelp', {
          fileId: file.fileId,
          kind,
          amount: Number(amount || 0),
          date: todayIso(),
          note: note.trim(),
          requestId,
        }),
      { success: '已登记', failTitle: '未能登记', onDone: done },
    );
  const recheck = (stillQualifies: boolean) =>
    act.run(
      () =>
        call('hardship.recheck', { fileId: file.fileId, stillQualifies, level: file.level as HardshipLevel, note: note.trim() }),
      { success: stillQualifies ? '已续期一年' : '已办结', failTitle: '未能办理', onDone: done },
    );

  return (
    <View className='hs-card' data-testid='hardship-file-card'>
      <Text className='hs-title'>
        {file.name} · {file.levelText} · <Text className={`tag tag-${file.status}`}>{file.statusText}</Text>
      </Text>
      <Row label='所在工会'>{file.orgName}</Row>
      <Row label='下次复核'>{formatDate(file.recheckDue)}</Row>
      {file.status === 'active' && <Row label='公示'>{file.publicityId ? '已公示' : '未公示（公示结束后才能登记资金救助）'}</Row>}
      <Row label='已帮扶'>
        {file.helpCount} 次，资金 {file.helpTotal} 元
      </Row>
      {form === 'help' && (
        <View>
          <Choices options={labelled(HELP_KIND_LABELS)} value={kind} testId='hardship-help-kind' onChange={setKind} />
          <Field
            label='金额（元）'
            name='hs-help-amount'
            testId='hardship-help-amount'
            type='number'
            value={amount}
            placeholder='走访慰问可填0'
            error={act.fieldErrors.amount}
            onInput={setAmount}
          />
          <Field
            label='说明'
            name='hs-help-note'
            testId='hardship-help-note'
            value={note}
            placeholder='如：元旦春节送温暖'
            onInput={setNote}
          />
          <Button block testId='hardship-help-save' loading={act.busy} onClick={saveHelp}>
            保存帮扶记录
          </Button>
        </View>
      )}
      {form === 'close' && (
        <View>
          <FieldFrame label='困难类别'>
            <Text>{HARDSHIP_LEVEL_LABELS[file.level]}</Text>
          </FieldFrame>
          <Field
            label='解困脱困情况'
            name='hs-close-note'
            testId='hardship-close-note'
            value={note}
            placeholder='如：子女就业，家庭收入提高'
            error={act.fieldErrors.note}
            onInput={setNote}
          />
          <Button block testId='hardship-close-save' loading={act.busy} onClick={() => recheck(false)}>
            确认解困脱困
          </Button>
        </View>
      )}
      {!form && file.status !== 'closed' && (
        <View className='hs-actions'>
          {file.status === 'active' && (
            <Button kind='plain' testId='hardship-help-open' onClick={() => open('help')}>
              登记帮扶
            </Button>
          )}
          <Button kind='plain' testId='hardship-renew' loading={act.busy} onClick={() => recheck(true)}>
            复核通过（续期一年）
          </Button>
          <Button kind='quiet' testId='hardship-close-open' onClick={() => open('close')}>
            解困脱困
          </Button>
        </View>
      )}
    </View>
  );
}
