import { Text, View } from '@tarojs/components';
import { editorInputs } from '../../../../components/enrollment/editor/editorInputs';
import { CERT_OPTIONS } from '../../format';
import type { EventForm } from './form';
import { YES_NO, type EventSectionProps } from './EventSeatsSection';

const { Line, One } = editorInputs('competitions');
const PRIZES = ['一等奖', '二等奖', '三等奖'] as const;

/** 报名条件 (years in the trade, certificate, ages) and 成绩与奖项 (weights, prizes, the honour title). */
export function EventRulesSections({ form, set, errors }: EventSectionProps) {
  return (
    <>
      <View className='section'>
        <Text className='section-title'>报名条件</Text>
        <Line
          label='从事本工种满（年）'
          name='years'
          type='number'
          value={form.minTradeYears}
          onChange={(v) => set('minTradeYears', v)}
          error={errors.minTradeYears}
        />
        <View className='activity-field'>
          <Text className='activity-field-label'>职业技能等级（及以上）</Text>
          <One name='cert' options={CERT_OPTIONS} value={form.minCertLevel} onChange={(v) => set('minCertLevel', v)} />
        </View>
        <View className='activity-field'>
          <Text className='activity-field-label'>须上传证书照片</Text>
          <One name='photo' options={YES_NO} value={form.certPhotoRequired} onChange={(v) => set('certPhotoRequired', v)} />
        </View>
        <View className='activity-pair'>
          <Line label='最小年龄' name='age-min' type='number' value={form.ageMin} onChange={(v) => set('ageMin', v)} />
          <Line label='最大年龄' name='age-max' type='number' value={form.ageMax} onChange={(v) => set('ageMax', v)} />
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>成绩与奖项</Text>
        <Line
          label='理论权重（%，实操为其余）'
          name='theory'
          type='number'
          value={form.theory}
          onChange={(v) => set('theory', v)}
          error={errors.theory}
        />
        <View className='activity-pair'>
          {PRIZES.map((name, i) => (
            <Line
              key={name}
              label={`${name}名额`}
              name={`prize-${i}`}
              type='number'
              value={form.prizes[i]}
              onChange={(v) => set('prizes', form.prizes.map((p, j) => (j === i ? v : p)) as EventForm['prizes'])}
            />
          ))}
        </View>
        {errors.prizes && (
          <Text className='activity-field-error' data-testid='competitions-edit-prizes-error'>
            {errors.prizes}
          </Text>
        )}
        <Line label='称号（可留空）' name='honour' value={form.honourName} onChange={(v) => set('honourName', v)} />
        <View className='activity-pair'>
          <Line label='授予前几名' name='honour-top' type='number' value={form.honourTop} onChange={(v) => set('honourTop', v)} />
          <Line
            label='且总成绩不低于'
            name='honour-min'
            type='number'
            value={form.honourMin}
            onChange={(v) => set('honourMin', v)}
          />
        </View>
      </View>
    </>
  );
}
