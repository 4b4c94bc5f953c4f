import { View } from '@tarojs/components';

/** A row of single choices, each a tap target of at least 44px. Each choice's test id is `${testId}-${key}`. */
export function Choices<K extends string>(props: {
  options: ReadonlyArray<{ key: K; label: string }>;
  value: K | null;
  onChange: (value: K) => void;
  testId: string;
}) {
  const { options, value, onChange, testId } = props;
  return (
    <View className='sa-choices'>
      {options.map((o) => (
        <View
          key={o.key}
          className={`sa-choice ${value === o.key ? 'sa-choice-on' : ''}`}
          data-testid={`${testId}-${o.key}`}
          onClick={() => onChange(o.key)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
