import { View } from '@tarojs/components';

export interface ChoicesProps<K extends string> {
  options: ReadonlyArray<{ key: K; label: string }>;
  value: K | undefined;
  onChange: (value: K) => void;
  /** `data-testid` prefix: each choice gets `${testId}-${key}`. */
  testId: string;
}

/** A row of single choices, each a tap target of at least 44px. */
export function Choices<K extends string>({ options, value, onChange, testId }: ChoicesProps<K>) {
  return (
    <View className='vc-choices'>
      {options.map((o) => (
        <View
          key={o.key}
          className={`vc-choice ${value === o.key ? 'vc-choice-on' : ''}`}
          data-testid={`${testId}-${o.key}`}
          onClick={() => onChange(o.key)}
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
