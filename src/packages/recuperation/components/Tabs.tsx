import { View } from '@tarojs/components';

export interface TabsProps<K extends string> {
  tabs: { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
}

/** A plain tab strip; e2e hooks `.rec-tab` (text = label) and `.rec-tab-active`. */
export function Tabs<K extends string>({ tabs, value, onChange }: TabsProps<K>) {
  return (
    <View className='rec-tabs'>
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`rec-tab rec-tab-${t.key} ${t.key === value ? 'rec-tab-active' : ''}`}
          onClick={() => onChange(t.key)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}
