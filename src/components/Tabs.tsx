import { View } from '@tarojs/components';

export interface TabsProps<K extends string> {
  tabs: { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
  /**
   * Class prefix of the area that styles the strip: `competitions` gives `.competitions-tabs`, `.competitions-tab`, `.competitions-tab-<key>`,
   * `.competitions-tab-active`. Without one: `.tabs`, `.tab-item`, `.tab-item-<key>`, `.tab-item-active` (工作台).
   * e2e tests select on these classes.
   */
  prefix?: string;
}

/** A plain tab strip, unstyled here: each area's stylesheet styles its own prefix. */
export function Tabs<K extends string>({ tabs, value, onChange, prefix }: TabsProps<K>) {
  const strip = prefix ? `${prefix}-tabs` : 'tabs';
  const tab = prefix ? `${prefix}-tab` : 'tab-item';
  return (
    <View className={strip}>
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`${tab} ${tab}-${t.key} ${t.key === value ? `${tab}-active` : ''}`}
          onClick={() => onChange(t.key)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}
