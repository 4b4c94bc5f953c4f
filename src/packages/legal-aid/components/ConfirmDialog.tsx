import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from './Button';

export interface ConfirmDialogProps {
  visible: boolean;
  title: string;
  children?: ReactNode;
  confirmText?: string;
  cancelText?: string;
  /** While the confirmed action runs: 处理中…, taps ignored. */
  busy?: boolean;
  /** e2e hooks: the buttons are `.dialog-ok` and `.dialog-cancel`. */
  className?: string;
  /** The dialog stays open until the page hides it, so a failed check can say why. */
  onConfirm: () => void;
  onCancel: () => void;
}

/** Confirmation before anything that changes a booking or a roster. */
export function ConfirmDialog({
  visible,
  title,
  children,
  confirmText = '确定',
  cancelText = '取消',
  busy,
  className,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  if (!visible) return null;
  return (
    <View className='la-mask' catchMove>
      <View className={`la-dialog ${className ?? ''}`}>
        <Text className='la-dialog-title'>{title}</Text>
        {children !== undefined && <View className='la-dialog-body'>{children}</View>}
        <View className='la-btn-row'>
          <Button kind='quiet' className='dialog-cancel' disabled={busy} onClick={onCancel}>
            {cancelText}
          </Button>
          <Button className='dialog-ok' loading={busy} onClick={onConfirm}>
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}
