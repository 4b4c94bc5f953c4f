import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { Moment } from './form';

/** Small inputs of the event editor: one-of chips, a date-and-time pair, a labelled line. */
export function One<T extends string | boolean>({
  options,
  value,
  onChange,
  name,
}: {
  options: ReadonlyArray<{ key: T; label: string }>;
  value: T;
  onChange: (v: T) => void;
  name?: string;
}) {
  return (
    <View className={`cmp-chips ${name ? `cmp-edit-${name}` : ''}`}>
      {options.map((o) => (
        <View
          key={String(o.key)}
          className={`cmp-chip cmp-chip-${String(o.key)} ${o.key === value ? 'cmp-chip-on' : ''}`}
          onClick={() => onChange(o.key)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}

export function When({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: Moment;
  error?: string;
  onChange: (v: Moment) => void;
}) {
  return (
    <View className='cmp-field'>
      <Text className='cmp-field-label'>{label}</Text>
      <View className='cmp-when'>
        <Picker mode='date' value={value.date} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
          <View className='cmp-input'>{value.date}</View>
        </Picker>
        <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
          <View className='cmp-input'>{value.time}</View>
        </Picker>
      </View>
      {error && <Text className='cmp-field-error'>{error}</Text>}
    </View>
  );
}

export function Line({
  label,
  name,
  value,
  onChange,
  type = 'text',
  error,
  note,
  placeholder,
  multiline,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'number';
  error?: string;
  note?: string;
  placeholder?: string;
  /** A longer text (Textarea). */
  multiline?: boolean;
}) {
  return (
    <View className={`cmp-field cmp-edit-${name}`}>
      <Text className='cmp-field-label'>{label}</Text>
      {multiline ? (
        <Textarea
          className='cmp-input cmp-textarea'
          value={value}
          maxlength={4000}
          placeholder={placeholder}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className='cmp-input'
          type={type}
          value={value}
          placeholder={placeholder}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {note && !error && <Text className='cmp-field-note'>{note}</Text>}
      {error && <Text className='cmp-field-error'>{error}</Text>}
    </View>
  );
}
