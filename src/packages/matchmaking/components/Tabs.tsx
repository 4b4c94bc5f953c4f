import { View } from '@tarojs/components';

export interface TabsProps<K extends string> {
  tabs: { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
}

/** A plain tab strip; e2e hooks `.mm-tab-<key>` and `.mm-tab-active`. */
export function Tabs<K extends string>({ tabs, value, onChange }: TabsProps<K>) {
  return (
    <View className='mm-tabs'>
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`mm-tab mm-tab-${t.key} ${t.key === value ? 'mm-tab-active' : ''}`}
          onClick={() => onChange(t.key)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}
