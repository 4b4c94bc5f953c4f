import { useState } from 'react';
import { Text, Textarea } from '@tarojs/components';
import { useAction } from '../../hooks/useAction';
import { ConfirmDialog } from '../ConfirmDialog';

/** The entry a member objects to: its public ticket and how the dialog names it. */
export interface ObjectionTarget {
  ticket: string;
  label?: string;
}

export interface ObjectionDialogProps {
  /** The entry objected to; null: the dialog is hidden. */
  target: ObjectionTarget | null;
  /** Who checks the objection, in the hints: 工会, 组织单位. */
  checkedBy: string;
  /** The dialog's title (提出异议 by default). */
  title?: string;
  /** Files the objection with the area's action (enrollment.object, competitions.objectResult). */
  file: (ticket: string, reason: string) => Promise<unknown>;
  onClose: () => void;
  /** Prefix of the test ids (`${testIdPrefix}-object-reason`, `${testIdPrefix}-object-error`). */
  testIdPrefix: string;
  /** Prefix of the area's style classes (rec, competitions). */
  classPrefix: string;
}

/**
 * Filing an objection to one entry of a 公示 (any area's): the reason (at least 5 characters), submitted once
 * however often tapped; a refused reason is said under it, any other refusal in a dialog, and the dialog stays;
 * success closes it.
 */
export function ObjectionDialog({ target, checkedBy, title, file, onClose, testIdPrefix, classPrefix }: ObjectionDialogProps) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const reasonError = action.fieldErrors.reason;

  const submit = () => {
    if (!target) return;
    if (reason.trim().length < 5) return action.setFieldErrors({ reason: `请写明异议理由（至少5个字），${checkedBy}将核实处理` });
    void action.run(() => file(target.ticket, reason.trim()), {
      success: '异议已提交',
      // the dialog shows one field: any refusal is said under it, and the dialog stays
      fieldKey: () => 'reason',
      onDone: () => {
        setReason('');
        onClose();
      },
    });
  };

  return (
    <ConfirmDialog
      visible={!!target}
      title={title ?? '提出异议'}
      confirmText='提交'
      busy={action.busy}
      className={`${classPrefix}-object-dialog`}
      testId='publicity-object-dialog'
      onConfirm={submit}
      onCancel={() => {
        action.clearField('reason');
        onClose();
      }}
    >
      <Textarea
        className={`${classPrefix}-input ${classPrefix}-textarea ${classPrefix}-object-reason`}
        data-testid={`${testIdPrefix}-object-reason`}
        value={reason}
        maxlength={300}
        placeholder={`请写明异议理由，${checkedBy}将核实处理（提出人不会公开）`}
        onInput={(e) => {
          setReason(e.detail.value);
          action.clearField('reason');
        }}
      />
      {reasonError && (
        <Text className={`${classPrefix}-field-error`} data-testid={`${testIdPrefix}-object-error`}>
          {reasonError}
        </Text>
      )}
    </ConfirmDialog>
  );
}
