import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

export interface ButtonProps {
  children: ReactNode;
  onClick?: () => void;
  /** primary = filled; plain = outlined; quiet = grey outline (cancel, secondary). */
  kind?: 'primary' | 'plain' | 'quiet';
  small?: boolean;
  disabled?: boolean;
  /** Shows 处理中… and ignores taps while an action runs (no double submits). */
  loading?: boolean;
  className?: string;
}

/** The subpackage's button (same props as the app-wide one being introduced; swapped for it on merge). */
export function Button({ children, onClick, kind = 'primary', small, disabled, loading, className }: ButtonProps) {
  const classes = [
    'btn',
    kind !== 'primary' && `btn-${kind}`,
    small && 'btn-small',
    (disabled || loading) && 'btn-disabled',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <View className={classes} onClick={disabled || loading ? undefined : onClick}>
      {loading ? '处理中…' : children}
    </View>
  );
}
