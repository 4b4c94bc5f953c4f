/** The profile form's checks on the phone (the server checks everything again), and its translation to the input. */
import { checkContact, HEIGHT_MAX, HEIGHT_MIN } from '@rules/matchmaking';
import type { ProfileDraft } from '../store';
import type { ProfileInput } from '../types';

export function toProfileInput(d: ProfileDraft): { input?: ProfileInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const height = Number(d.height);
  if (!d.nickname.trim()) errors.nickname = '请填写昵称（建议不用真实姓名）';
  if (!Number.isInteger(height) || height < HEIGHT_MIN || height > HEIGHT_MAX)
    errors.height = `身高请填写${HEIGHT_MIN}至${HEIGHT_MAX}厘米`;
  if (!d.city.trim()) errors.city = '请填写所在城市';
  if (!d.occupation.trim()) errors.occupation = '请填写职业';
  const contact = checkContact(d.contactKind, d.contactValue);
  if (contact) errors['contact.value'] = contact;
  if (!d.singleDeclared) errors.singleDeclared = '请确认您目前为单身';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      nickname: d.nickname.trim(),
      height,
      education: d.education,
      city: d.city.trim(),
      occupation: d.occupation.trim(),
      intro: d.intro.trim(),
      photos: d.photos.map((p) => p.id),
      contact: { kind: d.contactKind, value: d.contactValue.trim() },
      visibility: d.visibility,
      singleDeclared: true,
    },
  };
}
