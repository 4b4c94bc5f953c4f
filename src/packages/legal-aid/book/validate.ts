/** Checks of the booking form on the phone (the server checks again and its messages are shown as they come). */
import { CASE_TEXT_MAX, CASE_TEXT_MIN } from '@rules/legalAid';
import { MOBILE_PATTERN, checkPersonName } from '@rules/person';

export interface BookFields {
  type: string;
  way: string;
  slotId: string;
  caseText: string;
  contactName: string;
  contactMobile: string;
}

export type BookErrors = Partial<Record<keyof BookFields | 'evidence', string>>;

export function validateBooking(f: BookFields, isMember: boolean): BookErrors {
  const errors: BookErrors = {};
  if (!f.type) errors.type = '请选择咨询类型';
  if (!f.slotId) errors.slotId = '请选择日期和时段';
  const text = f.caseText.trim();
  if (text.length < CASE_TEXT_MIN) errors.caseText = `请简要描述您的情况（至少${CASE_TEXT_MIN}个字）`;
  if (text.length > CASE_TEXT_MAX) errors.caseText = `不超过${CASE_TEXT_MAX}个字`;
  if (!isMember) {
    const problem = checkPersonName(f.contactName);
    if (problem) errors.contactName = problem;
  }
  if (!isMember || f.way === 'callback' || f.contactMobile) {
    if (!MOBILE_PATTERN.test(f.contactMobile.trim())) errors.contactMobile = '请填写11位手机号，律师将通过它联系您';
  }
  return errors;
}
