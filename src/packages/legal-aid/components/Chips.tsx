import { View } from '@tarojs/components';

export interface ChipsProps<K extends string> {
  options: ReadonlyArray<{ key: K; label: string; disabled?: boolean }>;
  value: K | '';
  onChange: (key: K) => void;
  /** Class prefix: each chip gets `${name}-${key}`. */
  name: string;
  /** `data-testid` prefix: each chip gets `${testId}-${key}`. */
  testId?: string;
}

/** A row of choices (one selected), each a tap target of at least 44px. */
export function Chips<K extends string>({ options, value, onChange, name, testId }: ChipsProps<K>) {
  return (
    <View className='la-chips'>
      {options.map((o) => (
        <View
          key={o.key}
          className={`la-chip ${name}-${o.key} ${o.key === value ? 'la-chip-on' : ''} ${o.disabled ? 'la-chip-off' : ''}`}
          data-testid={testId && `${testId}-${o.key}`}
          onClick={() => !o.disabled && onChange(o.key)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
