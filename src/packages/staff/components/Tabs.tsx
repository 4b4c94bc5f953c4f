import { View } from '@tarojs/components';
import './Tabs.scss';

export interface TabsProps<K extends string> {
  tabs: { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
}

/** Plain tab strip; e2e hooks `.tab-item` (text = label) and `.tab-item-active`. */
export function Tabs<K extends string>({ tabs, value, onChange }: TabsProps<K>) {
  return (
    <View className='tabs'>
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`tab-item tab-item-${t.key} ${t.key === value ? 'tab-item-active' : ''}`}
          onClick={() => onChange(t.key)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}
