import type { ReactNode } from 'react';
import { View, Text, Input } from '@tarojs/components';

export interface FieldProps {
  label: string;
  /** Class of the field: e2e tests fill `.<name> input`. */
  name: string;
  value: string;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard';
  maxlength?: number;
  error?: string;
  onInput: (value: string) => void;
  extra?: ReactNode;
}

export function Field({ label, name, value, placeholder, type = 'text', maxlength, error, onInput, extra }: FieldProps) {
  return (
    <View className={`field ${error ? 'field-invalid' : ''}`}>
      <View className='field-row'>
        <Text className='field-label'>{label}</Text>
        <Input
          className={`field-input ${name}`}
          value={value}
          type={type}
          maxlength={maxlength ?? 140}
          placeholder={placeholder}
          onInput={(e) => onInput(e.detail.value)}
        />
        {extra}
      </View>
      {error && <Text className='field-error'>{error}</Text>}
    </View>
  );
}
