import type { ReactNode } from 'react';
import { View, Text, Input, Textarea } from '@tarojs/components';
import './Field.scss';

interface FieldFrameProps {
  label: string;
  error?: string;
  /** A note under the control (format hints, why a value is asked for). */
  note?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** Label above, control below, then the note or the error: labels never run into what is typed. */
export function FieldFrame({ label, error, note, className, children }: FieldFrameProps) {
  return (
    <View className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <Text className='field-label'>{label}</Text>
      {children}
      {error ? <Text className='field-error'>{error}</Text> : note && <Text className='field-note'>{note}</Text>}
    </View>
  );
}

export interface FieldProps {
  label: string;
  /** Class of the input: e2e tests fill `.<name> input`. */
  name: string;
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
    <FieldFrame label={label} error={error} note={note}>
      {multiline ? (
        <Textarea
          className={`field-control field-textarea ${name}`}
          value={value}
          maxlength={maxlength ?? 500}
          placeholder={placeholder}
          onInput={(e) => onInput(e.detail.value)}
        />
      ) : (
        <Input
          className={`field-control field-input ${name}`}
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
  /** Class of the tappable box (e2e hook). */
  name: string;
  value: string;
  placeholder: string;
  error?: string;
  note?: ReactNode;
  onOpen: () => void;
}

/** A field whose value is chosen elsewhere (the organisation picker, a date). */
export function PickerField({ label, name, value, placeholder, error, note, onOpen }: PickerFieldProps) {
  return (
    <FieldFrame label={label} error={error} note={note}>
      <View className={`field-control field-picker ${name}`} onClick={onOpen}>
        <Text className={value ? 'field-picker-value' : 'field-placeholder'}>{value || placeholder}</Text>
        <Text className='field-picker-arrow'>›</Text>
      </View>
    </FieldFrame>
  );
}
