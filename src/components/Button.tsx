import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './Button.scss';

export interface ButtonProps {
  children: ReactNode;
  onClick?: () => void;
  /** primary = filled brand colour; plain = outlined; quiet = grey outline (cancel, secondary). */
  kind?: 'primary' | 'plain' | 'quiet';
  small?: boolean;
  /** Full width (e.g. under a form, in an empty state). */
  block?: boolean;
  disabled?: boolean;
  /** Shows `loadingText` and ignores taps while an action runs. */
  loading?: boolean;
  loadingText?: string;
  /** Extra classes (e2e hooks such as `apply-submit`). */
  className?: string;
  /** `data-testid`, for tests that find the button by intent. */
  testId?: string;
}

/** The app's one button. */
export function Button({
  children,
  onClick,
  kind = 'primary',
  small,
  block,
  disabled,
  loading,
  loadingText = '处理中…',
  className,
  testId,
}: ButtonProps) {
  const classes = [
    'btn',
    kind !== 'primary' && `btn-${kind}`,
    small && 'btn-small',
    block && 'btn-block',
    (disabled || loading) && 'btn-disabled',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <View className={classes} data-testid={testId} onClick={disabled || loading ? undefined : onClick}>
      {loading ? loadingText : children}
    </View>
  );
}
