import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field, FieldFrame } from '../../../components/Field';
import { Choices } from '../../../components/Choices';

type Adopted = 'yes' | 'no' | undefined;

/**
 * 办结 a report: the note the member sees and, for a suggestion, whether it was 采纳. Test ids
 * `voice-adopted-<yes|no>`, `voice-close-note`, `voice-close-confirm`.
 */
export function CloseDialog({
  visible,
  suggestion,
  busy,
  onConfirm,
  onCancel,
}: {
  visible: boolean;
  suggestion: boolean;
  busy: boolean;
  onConfirm: (closeNote: string, adopted: Adopted) => void;
  onCancel: () => void;
}) {
  const [closeNote, setCloseNote] = useState('');
  const [adopted, setAdopted] = useState<Adopted>();
  return (
    <ConfirmDialog
      visible={visible}
      title='办结'
      confirmText='确认办结'
      busy={busy}
      testId='voice-close-confirm'
      onConfirm={() => onConfirm(closeNote, adopted)}
      onCancel={onCancel}
    >
      {suggestion && (
        <FieldFrame label='是否采纳'>
          <Choices
            options={[
              { key: 'yes', label: '已采纳' },
              { key: 'no', label: '未采纳' },
            ]}
            value={adopted}
            testId='voice-adopted'
            onChange={setAdopted}
          />
        </FieldFrame>
      )}
      <Field
        label='办结说明（职工会看到）'
        name='vc-close-note'
        testId='voice-close-note'
        value={closeNote}
        onInput={setCloseNote}
      />
    </ConfirmDialog>
  );
}
