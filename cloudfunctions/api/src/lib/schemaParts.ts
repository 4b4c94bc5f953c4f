/** Reusable zod pieces: every action input is a strict object of these, with length limits. */
import { z } from 'zod';
import { instantWithinYears, withinYears, YEARS_MESSAGE } from '../rules/dates';
import { checkPersonName, MOBILE_MESSAGE, MOBILE_PATTERN } from '../rules/person';

/** An id of letters, digits, `_`, `-`, `:`, at most `max` long. */
const idField = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_:-]+$/, '编号格式不正确');
/** Record ids we generate or seed. */
export const recordId = idField(64);
/**
 * Ids joined from parts, such as a 医疗互助 claim's `<planId>_<openid>_<requestId>`: with a WeChat openid (28
 * characters) and the app's request id they are longer than a generated record id (parts of up to 40 + 64 + 40).
 */
export const compositeId = idField(150);

/** True when no two items of `list` share `key` (the item itself by default): for a list field's `.refine`. */
export function allDistinct<T>(list: readonly T[], key: (item: T) => unknown = (item) => item): boolean {
  return new Set(list.map(key)).size === list.length;
}
export const openidField = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'openid格式不正确');
export const pageField = z.number().int().min(1).max(1000).optional();
export const emptyInput = z.strictObject({});
/** A search word typed by staff: short, trimmed, no operators (the query escapes it). */
export const keywordField = z.string().trim().max(30, '搜索词不超过30个字').optional();

export const personName = z.string().superRefine((value, ctx) => {
  const problem = checkPersonName(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * A China day YYYY-MM-DD that a union can mean (2000–2100, rules/dates.ts); the message is prefixed with the
 * field's label by validateInput. Windows relative to today are checked by the save steps (they know `now`).
 */
export const dayField = (error = '日期格式应为YYYY-MM-DD') => z.iso.date({ error }).refine(withinYears, YEARS_MESSAGE);
/** A date and time with its offset (+08:00), on a day from 2000 to 2100. */
export const dateTimeField = (error = '请填写有效的日期时间') =>
  z.iso.datetime({ offset: true, error }).refine(instantWithinYears, YEARS_MESSAGE);

export const mobileField = z.string().regex(MOBILE_PATTERN, MOBILE_MESSAGE);

/** Field names every area shares; an area adds its own in its module (ModuleDef.fieldLabels). */
export const COMMON_FIELD_LABELS: Record<string, string> = {
  page: '页码',
  status: '状态',
  reason: '原因',
  keyword: '搜索词',
  orgId: '所属工会',
  openid: '用户标识',
  name: '姓名',
  mobile: '手机号',
};

/** Escapes a keyword for a database regular expression (a literal match, never a pattern). */
export function literalPattern(keyword: string): string {
  return keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An amount in 元 with at most two decimals (whole fen). 18650.4 × 100 is 1865040.0000000002 in floating point:
 * compared with a tolerance far below a fen.
 */
export function wholeFen(yuan: number): boolean {
  return Math.abs(Math.round(yuan * 100) - yuan * 100) < 1e-6;
}
