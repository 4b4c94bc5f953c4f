/**
 * Form answers are checked on the server against the activity's own field definitions: a zod schema is
 * built from them (unknown keys refused, required fields, choice options, dates, lengths), and image
 * answers must be the member's own uploads (checkOwnUpload).
 */
import { z } from 'zod';
import { fail } from '../../errors';
import { LAST_DAY } from '../../rules/dates';
import { checkOwnUpload, fileIdPattern } from '../../shared/files';
import type { Answer, FormField } from './records';

function fieldSchema(field: FormField): z.ZodType {
  const name = `「${field.label}」`;
  switch (field.type) {
    case 'text':
      return z
        .string({ error: `${name}请填写文字` })
        .trim()
        .min(field.required ? 1 : 0, `${name}不能为空`)
        .max(field.maxLength ?? 200, `${name}不超过${field.maxLength ?? 200}个字`);
    case 'date':
      // A member's own dates (出生日期, 入职日期) may be long before 2000; only typos such as 9999 are refused.
      return z.iso.date({ error: `${name}请选择日期` }).refine((d) => d >= '1900-01-01' && d <= LAST_DAY, `${name}日期不正确`);
    case 'image':
      return z.string({ error: `${name}请上传图片` }).regex(fileIdPattern, `${name}图片无效，请重新上传`);
    case 'choice': {
      const option = z.string().refine((v) => (field.options ?? []).includes(v), `${name}请从给出的选项中选择`);
      return field.multiple
        ? z
            .array(option, { error: `${name}请选择` })
            .min(field.required ? 1 : 0, `${name}请至少选择一项`)
            .max(field.options?.length ?? 0)
        : option;
    }
  }
}

/** The schema of all answers of a form. */
export function answersSchema(fields: readonly FormField[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) shape[f.key] = f.required ? fieldSchema(f) : fieldSchema(f).optional();
  return z.strictObject(shape);
}

/** Validated answers (trimmed), or INVALID_INPUT naming the field as `answers.<key>`; images must be the caller's. */
export function checkAnswers(
  fields: readonly FormField[],
  answers: Record<string, Answer> | undefined,
  openid: string,
): Record<string, Answer> {
  const given = answers ?? {};
  const result = answersSchema(fields).safeParse(given);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
    const field = fields.find((f) => f.key === key);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `表单中没有「${key}」这一项，请刷新后重新填写`;
    else if (!/[\u4e00-\u9fff]/.test(message) || (issue.code === 'invalid_type' && given[key] === undefined))
      message = `「${field?.label ?? key}」${given[key] === undefined ? '不能为空' : '格式不正确'}`;
    throw fail('INVALID_INPUT', message, { field: `answers.${key}` });
  }
  const clean = result.data as Record<string, Answer>;
  for (const f of fields) {
    const value = clean[f.key];
    if (f.type === 'image' && typeof value === 'string') checkOwnUpload(value, openid, `answers.${f.key}`);
    if (value === undefined || value === '') delete clean[f.key];
  }
  return clean;
}
