/**
 * The application form checked on the phone with the same rules the function applies (@rules), so a member
 * hears about a typo before submitting. The server stays authoritative: its messages are shown as they come.
 */
import { checkIdNumber, ID_NUMBER_MESSAGES } from '@rules/idNumber';
import { checkPersonName, MOBILE_MESSAGE, MOBILE_PATTERN } from '@rules/person';
import type { Channel, Occupation } from '../../../api/types';

export interface ApplyFields {
  name: string;
  idNumber: string;
  mobile: string;
  workUnit: string;
  orgId: string;
  channel: Channel;
  occupation: Occupation | '';
  /** The separate, explicit consent to 隐私政策 / 用户协议 (never ticked in advance). */
  consent: boolean;
}

export type ApplyErrors = Partial<Record<keyof ApplyFields, string>>;

export const CONSENT_MESSAGE = '请阅读并勾选同意《隐私政策》和《用户协议》后再提交';

export function validateApply(f: ApplyFields, now: Date = new Date()): ApplyErrors {
  const errors: ApplyErrors = {};
  if (!f.name.trim()) errors.name = '请填写姓名';
  else {
    const problem = checkPersonName(f.name);
    if (problem) errors.name = problem;
  }
  if (!f.idNumber.trim()) errors.idNumber = '请填写身份证号';
  else {
    const problem = checkIdNumber(f.idNumber, now);
    if (problem) errors.idNumber = ID_NUMBER_MESSAGES[problem];
  }
  if (!f.mobile.trim()) errors.mobile = '请填写手机号';
  else if (!MOBILE_PATTERN.test(f.mobile.trim())) errors.mobile = MOBILE_MESSAGE;
  const unit = f.workUnit.trim();
  if (!unit) errors.workUnit = f.channel === 'new_employment' ? '请填写所在平台或工作单位' : '请填写工作单位';
  else if (unit.length < 2) errors.workUnit = '工作单位至少2个字';
  if (!f.orgId) errors.orgId = '请选择所属工会';
  if (f.channel === 'new_employment' && !f.occupation) errors.occupation = '请选择职业';
  if (!f.consent) errors.consent = CONSENT_MESSAGE;
  return errors;
}
