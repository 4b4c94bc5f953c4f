import type { FormField } from './types';

/** A text question asking how to reach someone (紧急联系人及电话, 联系电话, 手机): its answer needs a number. */
const CONTACT_LABEL = /电话|手机|联系方式/;
/** A mobile (11 digits) or a landline with its area code, once spaces and dashes between digits are gone. */
const PHONE = /(^|\D)(1\d{10}|0\d{9,11})(?!\d)/;

function isEmpty(v: unknown): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** True when the text holds a phone number (138 1234 5678 and 0519-8888 1234 count). */
export function hasPhoneNumber(text: string): boolean {
  return PHONE.test(text.replace(/(\d)[\s-]+(?=\d)/g, '$1'));
}

/**
 * An activity's own questions checked on the phone before sending, by field key (the server checks them again):
 * a required one left empty (请填写 / 请选择 / 请上传, as the control asks), a contact question without a number.
 */
export function answerErrors(fields: readonly FormField[], answers: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = answers[f.key];
    if (isEmpty(v)) {
      if (f.required) {
        const verb = f.type === 'text' ? '请填写' : f.type === 'image' ? '请上传' : '请选择';
        errors[f.key] = `${verb}「${f.label}」`;
      }
    } else if (f.type === 'text' && CONTACT_LABEL.test(f.label) && !hasPhoneNumber(String(v))) {
      errors[f.key] = `请在「${f.label}」中填写手机号或固定电话`;
    }
  }
  return errors;
}
