import { Input, Picker, Text, View } from '@tarojs/components';

/** Small inputs of the trip editor: tick chips, one-of chips, a date-and-time pair, a labelled line. */
export type Moment = { date: string; time: string };

export function Chips<T extends string>({
  options,
  value,
  onChange,
}: {
  options: ReadonlyArray<{ key: T; label: string }>;
  value: T[];
  onChange: (v: T[]) => void;
}) {
  return (
    <View className='rec-chips'>
      {options.map((o) => {
        const on = value.includes(o.key);
        return (
          <View
            key={o.key}
            className={`rec-chip rec-chip-${o.key} ${on ? 'rec-chip-on' : ''}`}
            onClick={() => onChange(on ? value.filter((v) => v !== o.key) : [...value, o.key])}
          >
            {o.label}
          </View>
        );
      })}
    </View>
  );
}

export function One<T extends string>({
  options,
  value,
  onChange,
}: {
  options: ReadonlyArray<{ key: T; label: string }>;
  value: T;
  onChange: (v: T) => void;
}) {
  return <Chips options={options} value={[value]} onChange={(v) => onChange((v.find((x) => x !== value) ?? value) as T)} />;
}

export function When({ label, value, onChange }: { label: string; value: Moment; onChange: (v: Moment) => void }) {
  return (
    <View className='rec-field'>
      <Text className='rec-field-label'>{label}</Text>
      <View className='rec-when'>
        <Picker mode='date' value={value.date} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
          <View className='rec-input'>{value.date}</View>
        </Picker>
        <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
          <View className='rec-input'>{value.time}</View>
        </Picker>
      </View>
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
}: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'number';
  error?: string;
}) {
  return (
    <View className={`rec-field rec-edit-${name}`}>
      <Text className='rec-field-label'>{label}</Text>
      <Input className='rec-input' type={type} value={value} onInput={(e) => onChange(e.detail.value)} />
      {error && <Text className='rec-field-error'>{error}</Text>}
    </View>
  );
}
