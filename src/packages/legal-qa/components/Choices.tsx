import { View } from '@tarojs/components';

export interface ChoicesProps<K extends string> {
  options: ReadonlyArray<{ key: K; label: string }>;
  /** The chosen keys (one for a single choice). */
  value: readonly K[];
  onChange: (value: K[]) => void;
  multiple?: boolean;
  /** `data-testid` prefix: each choice gets `${testId}-${key}`. */
  testId: string;
}

/** A row of choices, each a tap target of at least 44px; several may be on when `multiple`. */
export function Choices<K extends string>({ options, value, onChange, multiple, testId }: ChoicesProps<K>) {
  const toggle = (key: K) => {
    if (!multiple) return onChange([key]);
    onChange(value.includes(key) ? value.filter((k) => k !== key) : [...value, key]);
  };
  return (
    <View className='lq-choices'>
      {options.map((o) => (
        <View
          key={o.key}
          className={`lq-choice ${value.includes(o.key) ? 'lq-choice-on' : ''}`}
          data-testid={`${testId}-${o.key}`}
          onClick={() => toggle(o.key)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}

export function labelled<K extends string>(labels: Record<K, string>): Array<{ key: K; label: string }> {
  return (Object.keys(labels) as K[]).map((key) => ({ key, label: labels[key] }));
}
