import { View } from '@tarojs/components';
import { FieldFrame } from '../../../components/Field';

export type Audience = 'all' | 'staff' | 'subtree';

const OPTIONS: Array<{ key: Audience; label: string }> = [
  { key: 'all', label: '全体会员' },
  { key: 'subtree', label: '本单位及下级会员' },
  { key: 'staff', label: '仅工会干部' },
];

/** 阅读范围: every member (首页), the publishing union's own subtree, or its staff only (a circular to 各基层工会). */
export function AudienceField({ value, onChange }: { value: Audience; onChange: (value: Audience) => void }) {
  return (
    <FieldFrame
      label='阅读范围'
      note={value === 'staff' ? '只有发布单位及其下级工会的干部能看到，不会出现在会员首页' : undefined}
    >
      <View className='chips'>
        {OPTIONS.map((o) => (
          <View
            key={o.key}
            className={`chip ${value === o.key ? 'chip-active' : ''}`}
            data-testid={`notices-audience-${o.key}`}
            onClick={() => onChange(o.key)}
          >
            {o.label}
          </View>
        ))}
      </View>
    </FieldFrame>
  );
}
