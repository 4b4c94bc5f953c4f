import { View } from '@tarojs/components';

export interface TabsProps<K extends string> {
  tabs: { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
}

/** A plain tab strip; e2e hooks `.cmp-tab-<key>` and `.cmp-tab-active`. */
export function Tabs<K extends string>({ tabs, value, onChange }: TabsProps<K>) {
  return (
    <View className='cmp-tabs'>
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`cmp-tab cmp-tab-${t.key} ${t.key === value ? 'cmp-tab-active' : ''}`}
          onClick={() => onChange(t.key)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}
