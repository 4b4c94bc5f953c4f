import { useState } from 'react';
import { Image, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { LAST_DAY } from '@rules/dates';
import { useImageUpload } from '../../hooks/useImageUpload';
import { areaOf } from './area';
import type { FormField } from './types';

export interface FormFieldInputProps {
  field: FormField;
  value: string | string[] | undefined;
  error?: string;
  /** Needed to upload image answers into the member's own folder. */
  openid: string;
  onChange: (value: string | string[] | undefined) => void;
  /** Class prefix of the area's stylesheet (`competitions`, `rec`); test ids `<area>-field-<key>`, `…-error`, `…-<option>`. */
  prefix: string;
}

/**
 * Uploaded file id → the picture on this phone, so that a thumbnail (never a file name) still shows when the member
 * comes back to a draft after leaving the page.
 */
const previews = new Map<string, string>();

/** One field of an activity's own form (text, choice, date, image). Test id `<area>-field-<key>` (input inside). */
export function FormFieldInput({ field, value, error, openid, onChange, prefix: p }: FormFieldInputProps) {
  const { uploading, pick } = useImageUpload(openid);
  const [preview, setPreview] = useState<string | null>(typeof value === 'string' ? (previews.get(value) ?? null) : null);
  const text = typeof value === 'string' ? value : '';
  const testId = `${areaOf(p)}-field-${field.key}`;
  const picked = Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];

  const pickImage = () =>
    pick((fileId, path) => {
      previews.set(fileId, path);
      onChange(fileId);
      setPreview(path);
    });

  return (
    <View className={`${p}-field ${p}-field-${field.key}`} data-testid={testId}>
      <Text className={`${p}-field-label ${field.required ? `${p}-field-required` : ''}`}>{field.label}</Text>
      {field.type === 'text' &&
        ((field.maxLength ?? 200) > 60 ? (
          <Textarea
            className={`${p}-input ${p}-textarea`}
            value={text}
            maxlength={field.maxLength ?? 200}
            placeholder={`请填写${field.label}`}
            onInput={(e) => onChange(e.detail.value)}
          />
        ) : (
          <Input
            className={`${p}-input`}
            value={text}
            maxlength={field.maxLength ?? 200}
            placeholder={`请填写${field.label}`}
            onInput={(e) => onChange(e.detail.value)}
          />
        ))}
      {field.type === 'choice' && (
        <View className={`${p}-chips`}>
          {(field.options ?? []).map((o) => {
            const on = picked.includes(o);
            const toggle = () => {
              if (!field.multiple) return onChange(on && !field.required ? undefined : o);
              onChange(on ? picked.filter((p) => p !== o) : [...picked, o]);
            };
            return (
              <View key={o} className={`${p}-chip ${on ? `${p}-chip-on` : ''}`} data-testid={`${testId}-${o}`} onClick={toggle}>
                {o}
              </View>
            );
          })}
        </View>
      )}
      {field.type === 'date' && (
        <Picker mode='date' value={text} start='1900-01-01' end={LAST_DAY} onChange={(e) => onChange(String(e.detail.value))}>
          <View className={`${p}-input`}>{text || <Text className='muted'>请选择日期</Text>}</View>
        </Picker>
      )}
      {field.type === 'image' && (
        <View className={`${p}-image-pick`} data-testid={`${testId}-pick`} onClick={() => void pickImage()}>
          {preview && (
            <Image className={`${p}-image-preview`} src={preview} mode='aspectFill' data-testid={`${testId}-preview`} />
          )}
          <Text className={`${p}-image-hint`}>{uploading ? '上传中…' : text ? '已上传，点击更换' : '点击上传图片'}</Text>
        </View>
      )}
      {error && (
        <Text className={`${p}-field-error`} data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
    </View>
  );
}
