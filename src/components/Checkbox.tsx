import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './Checkbox.scss';

export interface CheckboxProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Text (and links) beside the box; tapping a link must stop propagation itself. */
  children?: ReactNode;
  className?: string;
  /** `data-testid` of the line (with `data-checked`); the box itself is `<testId>-box`. */
  testId?: string;
}

/** A tick box with its label; `data-checked` says whether it is ticked. */
export function Checkbox({ checked, onChange, children, className, testId }: CheckboxProps) {
  return (
    <View
      className={`checkbox ${checked ? 'checkbox-checked' : ''} ${className ?? ''}`}
      data-testid={testId}
      data-checked={checked ? 'true' : 'false'}
      onClick={() => onChange(!checked)}
    >
      <View className='checkbox-box' data-testid={testId && `${testId}-box`}>
        {checked ? '✓' : ''}
      </View>
      {children !== undefined && <View className='checkbox-label'>{children}</View>}
    </View>
  );
}
