import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from './Button';
import './ConfirmDialog.scss';

export interface ConfirmDialogProps {
  visible: boolean;
  title: string;
  children?: ReactNode;
  confirmText?: string;
  cancelText?: string;
  /** An alert: one button that only closes. */
  hideCancel?: boolean;
  /** While the confirmed action runs: the confirm button shows 处理中… and ignores taps. */
  busy?: boolean;
  /** Class on the dialog. */
  className?: string;
  /** `data-testid` of the dialog; its buttons are `dialog-ok` and `dialog-cancel` inside it. */
  testId?: string;
  /**
   * Called on 确定. The dialog stays open until the parent hides it (`visible`), so a check that fails
   * (e.g. an empty reason) can say why while the dialog stays on screen.
   */
  onConfirm: () => void;
  onCancel?: () => void;
}

/** The app's one dialog: confirmations before changing someone's record, and alerts. */
export function ConfirmDialog({
  visible,
  title,
  children,
  confirmText = '确定',
  cancelText = '取消',
  hideCancel,
  busy,
  className,
  testId,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  if (!visible) return null;
  return (
    <View className='dialog-mask' catchMove>
      <View className={`dialog ${className ?? ''}`} data-testid={testId}>
        <Text className='dialog-title'>{title}</Text>
        {children !== undefined && <View className='dialog-body'>{children}</View>}
        <View className='btn-row dialog-footer'>
          {!hideCancel && (
            <Button kind='quiet' className='dialog-cancel' testId='dialog-cancel' disabled={busy} onClick={onCancel}>
              {cancelText}
            </Button>
          )}
          <Button className='dialog-ok' testId='dialog-ok' loading={busy} onClick={onConfirm}>
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}
