import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface RowProps {
  label: string;
  children: ReactNode;
  /** Extra classes on the value (e.g. a status tag, or a hook for end-to-end tests). */
  valueClassName?: string;
  /** `data-testid` of the value. */
  valueTestId?: string;
}

/** One label–value line of a details section (styles: `.row`, `.row-kv` in PageShell.scss). */
export function Row({ label, children, valueClassName, valueTestId }: RowProps) {
  return (
    <View className='row row-kv'>
      <Text className='row-label'>{label}</Text>
      <Text className={valueClassName ? `row-value ${valueClassName}` : 'row-value'} data-testid={valueTestId}>
        {children}
      </Text>
    </View>
  );
}

interface LinkRowProps {
  label: ReactNode;
  /** Shown on the right before the arrow (e.g. a count, the hotline number). */
  value?: ReactNode;
  className?: string;
  testId?: string;
  onClick: () => void;
}

/** A tappable line that opens something (我的 links). */
export function LinkRow({ label, value, className, testId, onClick }: LinkRowProps) {
  return (
    <View className={`row row-link ${className ?? ''}`} data-testid={testId} onClick={onClick}>
      <Text>{label}</Text>
      <Text className='row-arrow'>{value !== undefined && <Text className='row-link-value'>{value} </Text>}›</Text>
    </View>
  );
}
