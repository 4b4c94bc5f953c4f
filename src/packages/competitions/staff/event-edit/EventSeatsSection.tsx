import { Text, View } from '@tarojs/components';
import { EVENT_FORMATS, EVENT_LEVELS } from '@rules/competitions';
import { optionsOf } from '@rules/options';
import { editorInputs } from '../../../../components/enrollment/editor/editorInputs';
import type { EventForm } from './form';

const { Line, One } = editorInputs('competitions');
const LEVELS = optionsOf(EVENT_LEVELS);
const FORMATS = optionsOf(EVENT_FORMATS);
export const YES_NO = [
  { key: true, label: '是' },
  { key: false, label: '否' },
] as const;

export interface EventSectionProps {
  form: EventForm;
  set: <K extends keyof EventForm>(key: K, value: EventForm[K]) => void;
  errors: Record<string, string>;
  /** Sign-up has opened: the format and 单位推荐 stay. */
  open: boolean;
}

/** 项目与名额: level, individual or team (and the team's size), places, a cap per unit, 单位推荐. */
export function EventSeatsSection({ form, set, errors, open }: EventSectionProps) {
  return (
    <View className='section'>
      <Text className='section-title'>项目与名额</Text>
      <View className='activity-field'>
        <Text className='activity-field-label'>竞赛级别</Text>
        <One name='level' options={LEVELS} value={form.level} onChange={(v) => set('level', v)} />
      </View>
      <View className='activity-field'>
        <Text className='activity-field-label'>比赛形式{open ? '（报名开始后不能更改）' : ''}</Text>
        <One name='format' options={FORMATS} value={form.format} onChange={(v) => !open && set('format', v)} />
      </View>
      {form.format === 'team' && (
        <View className='activity-pair'>
          <Line
            label='每队最少（含队长）'
            name='team-min'
            type='number'
            value={form.teamMin}
            onChange={(v) => set('teamMin', v)}
            error={errors.teamMin}
          />
          <Line label='每队最多' name='team-max' type='number' value={form.teamMax} onChange={(v) => set('teamMax', v)} />
        </View>
      )}
      <View className='activity-pair'>
        <Line
          label={form.format === 'team' ? '名额（队）' : '名额（人）'}
          name='capacity'
          type='number'
          value={form.capacity}
          onChange={(v) => set('capacity', v)}
          error={errors.capacity}
        />
        <Line
          label='每单位最多'
          name='unit-cap'
          type='number'
          value={form.unitCap}
          onChange={(v) => set('unitCap', v)}
          error={errors.unitCap}
          note='留空为不限'
        />
      </View>
      <View className='activity-field'>
        <Text className='activity-field-label'>单位推荐（报名须经所在单位工会确认）</Text>
        <One name='unit-confirm' options={YES_NO} value={form.unitConfirm} onChange={(v) => !open && set('unitConfirm', v)} />
      </View>
    </View>
  );
}
