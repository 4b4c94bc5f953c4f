import { Text, Textarea, View } from '@tarojs/components';
import { REFERRAL_LABELS, REFERRALS } from '@rules/legalAid';
import { Button } from '../../../components/Button';
import { Chips } from '../components/Chips';
import type { CaseDesk } from './useCaseDesk';

const REFERRAL_OPTIONS = REFERRALS.map((key) => ({ key, label: REFERRAL_LABELS[key] }));

/** 已到场 / 未到场 (while only confirmed), then the outcome: summary for the member, internal notes, referral. */
export function OutcomeForm({ desk, confirmed }: { desk: CaseDesk; confirmed: boolean }) {
  const { act } = desk;
  const errors = act.fieldErrors;
  return (
    <View className='section'>
      {confirmed && (
        <View className='la-btn-row'>
          <Button
            kind='plain'
            className='la-arrived'
            testId='legal-aid-arrived'
            disabled={act.busy}
            onClick={() => desk.ask('arrived')}
          >
            已到场
          </Button>
          <Button
            kind='quiet'
            className='la-no-show'
            testId='legal-aid-no-show'
            disabled={act.busy}
            onClick={() => desk.ask('no_show')}
          >
            未到场
          </Button>
        </View>
      )}
      <Text className='section-title' style={{ marginTop: '28px' }}>
        登记处理结果
      </Text>
      <Textarea
        className='la-textarea la-outcome-summary'
        data-testid='legal-aid-outcome-summary'
        value={desk.summary}
        maxlength={300}
        placeholder='给当事人的答复（当事人可见）'
        onInput={(e) => desk.setSummary(e.detail.value)}
      />
      {errors.summary && <Text className='la-error'>{errors.summary}</Text>}
      <Textarea
        className='la-textarea la-outcome-notes'
        data-testid='legal-aid-outcome-notes'
        style={{ marginTop: '16px', minHeight: '160px' }}
        value={desk.notes}
        maxlength={2000}
        placeholder='内部备注（仅本站工作人员可见，选填）'
        onInput={(e) => desk.setNotes(e.detail.value)}
      />
      {errors.notes && <Text className='la-error'>{errors.notes}</Text>}
      <Text className='la-label'>后续处理</Text>
      <Chips
        name='la-referral'
        testId='legal-aid-referral'
        options={REFERRAL_OPTIONS}
        value={desk.referral}
        onChange={desk.setReferral}
      />
      {errors.referral && <Text className='la-error'>{errors.referral}</Text>}
      <Button className='la-complete' testId='legal-aid-complete' loading={act.busy} onClick={() => desk.ask('complete')}>
        完成咨询
      </Button>
    </View>
  );
}
