import { View } from '@tarojs/components';
import type { ApplicationStatus } from '../../../api/types';
import './Tabs.scss';

/** The review tabs shared by membership and transfer reviews. */
export const STATUS_TABS: { key: ApplicationStatus; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'approved', label: '已通过' },
  { key: 'rejected', label: '未通过' },
];

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
