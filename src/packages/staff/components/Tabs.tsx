import { View } from '@tarojs/components';
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES } from '@rules/membership';
import type { ApplicationStatus } from '../../../api/types';
import './Tabs.scss';

/** The review tabs shared by membership and transfer reviews (待审核 / 已通过 / 未通过). */
export const STATUS_TABS: { key: ApplicationStatus; label: string }[] = APPLICATION_STATUSES.map((key) => ({
  key,
  label: APPLICATION_STATUS_LABELS[key],
}));

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
