import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './Checkbox.scss';

export interface CheckboxProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Text (and links) beside the box; tapping a link must stop propagation itself. */
  children?: ReactNode;
  className?: string;
}

/** A tick box with its label; `.checkbox-checked` when ticked (e2e hook). */
export function Checkbox({ checked, onChange, children, className }: CheckboxProps) {
  return (
    <View className={`checkbox ${checked ? 'checkbox-checked' : ''} ${className ?? ''}`} onClick={() => onChange(!checked)}>
      <View className='checkbox-box'>{checked ? '✓' : ''}</View>
      {children !== undefined && <View className='checkbox-label'>{children}</View>}
    </View>
  );
}
