/**
 * Client-side checks that mirror the server's, so a member hears about a typo before submitting.
 * The server stays authoritative: its messages are shown as they come.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 citizen ID number: 18 characters, valid birth date, valid check digit. */
export function isValidIdNumber(raw: string): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17];
}

export function isValidMobile(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(raw.trim());
}

export interface ApplyFields {
  name: string;
  idNumber: string;
  mobile: string;
  workUnit: string;
  orgId: string;
  channel: 'employer' | 'new_employment';
  occupation: string;
}

export type ApplyErrors = Partial<Record<keyof ApplyFields, string>>;

export function validateApply(f: ApplyFields): ApplyErrors {
  const errors: ApplyErrors = {};
  const name = f.name.trim();
  if (!name) errors.name = '请填写姓名';
  else if (name.length < 2 || name.length > 30) errors.name = '姓名应为2至30个字';
  if (!f.idNumber.trim()) errors.idNumber = '请填写身份证号';
  else if (!isValidIdNumber(f.idNumber)) errors.idNumber = '身份证号格式或校验位不正确，请核对';
  if (!f.mobile.trim()) errors.mobile = '请填写手机号';
  else if (!isValidMobile(f.mobile)) errors.mobile = '请填写11位有效手机号';
  if (!f.workUnit.trim()) errors.workUnit = f.channel === 'new_employment' ? '请填写所在平台或工作单位' : '请填写工作单位';
  if (!f.orgId) errors.orgId = '请选择所属工会';
  if (f.channel === 'new_employment' && !f.occupation) errors.occupation = '请选择职业';
  return errors;
}
