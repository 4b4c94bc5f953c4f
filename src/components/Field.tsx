import type { ReactNode } from 'react';
import { View, Text, Input, Textarea } from '@tarojs/components';
import './Field.scss';

interface FieldFrameProps {
  label: string;
  error?: string;
  /** A note under the control (format hints, why a value is asked for). */
  note?: ReactNode;
  className?: string;
  /** `data-testid` of the field; its error is `field-error` inside it. */
  testId?: string;
  children: ReactNode;
}

/** Label above, control below, then the note or the error: labels never run into what is typed. */
export function FieldFrame({ label, error, note, className, testId, children }: FieldFrameProps) {
  return (
    <View className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`} data-testid={testId}>
      <Text className='field-label'>{label}</Text>
      {children}
      {error ? (
        <Text className='field-error' data-testid='field-error'>
          {error}
        </Text>
      ) : (
        note && <Text className='field-note'>{note}</Text>
      )}
    </View>
  );
}

export interface FieldProps {
  label: string;
  /** Class of the input. */
  name: string;
  /** `data-testid` of the input (on H5 the host element: tests fill `[data-testid="…"] input`). */
  testId?: string;
  value: string;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard';
  maxlength?: number;
  error?: string;
  note?: ReactNode;
  /** A multi-line text (Textarea) instead of one line. */
  multiline?: boolean;
  onInput: (value: string) => void;
}

export function Field({
  label,
  name,
  testId,
  value,
  placeholder,
  type = 'text',
  maxlength,
  error,
  note,
  multiline,
  onInput,
}: FieldProps) {
  return (
    <FieldFrame label={label} error={error} note={note} testId={testId && `${testId}-field`}>
      {multiline ? (
        <Textarea
          className={`field-control field-textarea ${name}`}
          data-testid={testId}
          value={value}
          maxlength={maxlength ?? 500}
          placeholder={placeholder}
          onInput={(e) => onInput(e.detail.value)}
        />
      ) : (
        <Input
          className={`field-control field-input ${name}`}
          data-testid={testId}
          value={value}
          type={type}
          maxlength={maxlength ?? 140}
          placeholder={placeholder}
          onInput={(e) => onInput(e.detail.value)}
        />
      )}
    </FieldFrame>
  );
}

export interface PickerFieldProps {
  label: string;
  /** Class of the tappable box. */
  name: string;
  /** `data-testid` of the tappable box. */
  testId?: string;
  value: string;
  placeholder: string;
  error?: string;
  note?: ReactNode;
  onOpen: () => void;
}

/** A field whose value is chosen elsewhere (the organisation picker, a date). */
export function PickerField({ label, name, testId, value, placeholder, error, note, onOpen }: PickerFieldProps) {
  return (
    <FieldFrame label={label} error={error} note={note} testId={testId && `${testId}-field`}>
      <View className={`field-control field-picker ${name}`} data-testid={testId} onClick={onOpen}>
        <Text className={value ? 'field-picker-value' : 'field-placeholder'}>{value || placeholder}</Text>
        <Text className='field-picker-arrow'>›</Text>
      </View>
    </FieldFrame>
  );
}
