import { Input, Picker, Text, View } from '@tarojs/components';
import type { Moment } from './form';

/** A labelled one-line input of the event editor. e2e hook `.mm-edit-<name> input`. */
export function Line(props: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'number';
  error?: string;
}) {
  return (
    <View className={`mm-field mm-edit-${props.name}`}>
      <Text className='mm-field-label'>{props.label}</Text>
      <Input
        className='mm-input'
        type={props.type ?? 'text'}
        value={props.value}
        onInput={(e) => props.onChange(e.detail.value)}
      />
      {props.error && <Text className='mm-field-error'>{props.error}</Text>}
    </View>
  );
}

/** A date and a time. */
export function When({ label, value, onChange }: { label: string; value: Moment; onChange: (v: Moment) => void }) {
  return (
    <View className='mm-field'>
      <Text className='mm-field-label'>{label}</Text>
      <View className='mm-when'>
        <Picker mode='date' value={value.date} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
          <View className='mm-input'>{value.date}</View>
        </Picker>
        <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
          <View className='mm-input'>{value.time}</View>
        </Picker>
      </View>
    </View>
  );
}
