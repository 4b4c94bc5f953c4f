import { Input, Picker, Text, View } from '@tarojs/components';
import { HALF_DAY_HOURS, HALF_DAY_LABELS, HALF_DAYS } from '@rules/legalAid';
import { Chips } from './Chips';

export interface Duty {
  period: string;
  start: string;
  end: string;
  /** Names as typed, separated by 、 or commas. */
  lawyers: string;
  capacity: string;
}

export const NEW_DUTY: Duty = { period: 'am', ...HALF_DAY_HOURS.am, lawyers: '', capacity: '6' };

const PERIOD_OPTIONS = HALF_DAYS.map((key) => ({ key, label: HALF_DAY_LABELS[key] }));

export function lawyersOf(text: string): string[] {
  return text
    .split(/[、,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The problem with a duty line, or null. */
export function checkDuty(d: Duty): string | null {
  if (d.start >= d.end) return '结束时间应晚于开始时间';
  const names = lawyersOf(d.lawyers);
  if (!names.length) return '请填写值班律师或调解员';
  if (names.length > 6 || names.some((n) => n.length < 2 || n.length > 20)) return '值班人员最多6位，每位姓名2至20个字';
  const cap = Number(d.capacity);
  if (!Number.isInteger(cap) || cap < 1 || cap > 50) return '可约人数应为1至50';
  return null;
}

/**
 * Half-day, hours, people on duty and seats: the fields of a weekly pattern and of an extra slot. Test ids
 * `legal-aid-duty-lawyers`, `legal-aid-duty-capacity`.
 */
export function DutyFields({ value, onChange }: { value: Duty; onChange: (d: Duty) => void }) {
  return (
    <View>
      <Chips
        name='la-period'
        options={PERIOD_OPTIONS}
        value={value.period as (typeof HALF_DAYS)[number]}
        onChange={(period) => onChange({ ...value, period, ...HALF_DAY_HOURS[period] })}
      />
      <View className='la-btn-row' style={{ marginTop: '16px' }}>
        <Picker mode='time' value={value.start} onChange={(e) => onChange({ ...value, start: e.detail.value })}>
          <View className='la-chip la-start'>开始 {value.start}</View>
        </Picker>
        <Picker mode='time' value={value.end} onChange={(e) => onChange({ ...value, end: e.detail.value })}>
          <View className='la-chip la-end'>结束 {value.end}</View>
        </Picker>
      </View>
      <Text className='la-label'>值班律师/调解员（多位用顿号分隔）</Text>
      <Input
        className='la-input la-lawyers'
        data-testid='legal-aid-duty-lawyers'
        value={value.lawyers}
        maxlength={80}
        placeholder='如：顾明远律师、调解员 蒋国平'
        onInput={(e) => onChange({ ...value, lawyers: e.detail.value })}
      />
      <Text className='la-label'>可约人数</Text>
      <Input
        className='la-input la-capacity'
        data-testid='legal-aid-duty-capacity'
        type='number'
        value={value.capacity}
        maxlength={2}
        onInput={(e) => onChange({ ...value, capacity: e.detail.value })}
      />
    </View>
  );
}
