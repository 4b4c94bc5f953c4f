import { Input, Text, View } from '@tarojs/components';
import { editorInputs } from '../../../../components/enrollment/editor/editorInputs';
import { PRESET_FIELDS, TARGETS, type TripForm } from './form';
import type { TripSectionProps } from './TripSeatsSection';

const { Chips, Line, One } = editorInputs('recuperation');

/** 报名条件 (who may go, how often, cancelling), 报名表 (the sign-up form's questions) and 行程安排 (the days). */
export function TripRulesSections({ form, set }: TripSectionProps) {
  const setDay = (i: number, change: Partial<TripForm['itinerary'][number]>) =>
    set(
      'itinerary',
      form.itinerary.map((x, j) => (j === i ? { ...x, ...change } : x)),
    );
  return (
    <>
      <View className='section'>
        <Text className='section-title'>报名条件</Text>
        <View className='activity-field'>
          <Text className='activity-field-label'>疗休养对象</Text>
          <Chips name='targets' options={TARGETS} value={form.targetGroups} onChange={(v) => set('targetGroups', v)} />
        </View>
        <Line
          label='每几年可参加一次（0 为不限）'
          name='everyYears'
          type='number'
          value={form.everyYears}
          onChange={(v) => set('everyYears', v)}
        />
        <View className='activity-field'>
          <Text className='activity-field-label'>取消规则</Text>
          <One
            name='cancel'
            options={[
              { key: 'never', label: '报名后不可取消' },
              { key: 'untilSignupEnd', label: '截止前可取消' },
              { key: 'untilHoursBefore', label: '出发前N小时前可取消' },
            ]}
            value={form.cancelKind}
            onChange={(v) => set('cancelKind', v)}
          />
        </View>
        {form.cancelKind === 'untilHoursBefore' && (
          <Line
            label='N（小时）'
            name='cancelHours'
            type='number'
            value={form.cancelHours}
            onChange={(v) => set('cancelHours', v)}
          />
        )}
      </View>
      <View className='section'>
        <Text className='section-title'>报名表</Text>
        <Chips
          name='presets'
          options={PRESET_FIELDS.map((f) => ({ key: f.key, label: f.label }))}
          value={form.presets}
          onChange={(v) => set('presets', v)}
        />
        {form.otherFields.map((f) => (
          <Text key={f.key} className='activity-more'>
            另有：{f.label}
          </Text>
        ))}
      </View>
      <View className='section'>
        <Text className='section-title'>行程安排</Text>
        {form.itinerary.map((d, i) => (
          <View key={i} className='activity-field' data-testid={`recuperation-edit-day-${i + 1}`}>
            <Text className='activity-field-label'>第{i + 1}天</Text>
            <Input
              className='activity-input'
              value={d.title}
              placeholder='行程标题'
              onInput={(e) => setDay(i, { title: e.detail.value })}
            />
            <Input
              className='activity-input'
              value={d.detail}
              placeholder='行程说明（选填）'
              onInput={(e) => setDay(i, { detail: e.detail.value })}
            />
          </View>
        ))}
        <View
          className='activity-link'
          data-testid='recuperation-edit-add-day'
          onClick={() => set('itinerary', [...form.itinerary, { title: '', detail: '' }])}
        >
          <Text>+ 添加一天</Text>
        </View>
      </View>
    </>
  );
}
