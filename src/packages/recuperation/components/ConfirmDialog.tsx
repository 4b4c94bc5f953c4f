import type { ReactNode } from 'react';
import Dialog from '@nutui/nutui-react-taro/dist/es/packages/dialog';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';

export interface ConfirmDialogProps {
  visible: boolean;
  title: string;
  children?: ReactNode;
  confirmText?: string;
  /** Class on the dialog; its buttons are `.nut-dialog-footer-ok` / `.nut-dialog-footer-cancel`. */
  className?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Confirmation before anything that changes someone's enrollment (cancel, decline, reject, remove…). */
export function ConfirmDialog({
  visible,
  title,
  children,
  confirmText = '确定',
  className,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog
      className={`confirm-dialog ${className ?? ''}`}
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText='取消'
      closeOnOverlayClick={false}
      onConfirm={onConfirm}
      onCancel={onCancel}
      onClose={onCancel}
    >
      {children}
    </Dialog>
  );
}
