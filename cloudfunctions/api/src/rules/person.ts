/** Rules about people's details that the app checks on the phone and the function checks again (pure). */

/** Chinese characters or letters, with · (e.g. 阿依古丽·买买提) and single inner spaces for Latin names. */
export const NAME_PATTERN = /^[\u3400-\u9fffA-Za-z](?:[\u3400-\u9fffA-Za-z·]| (?=[A-Za-z]))*[\u3400-\u9fffA-Za-z]$/;
export const NAME_MIN = 2;
export const NAME_MAX = 30;
export const NAME_LENGTH_MESSAGE = `姓名应为${NAME_MIN}至${NAME_MAX}个字`;
export const NAME_PATTERN_MESSAGE = '姓名只能包含汉字、字母或间隔号·';

/** The first problem with a name, or null. */
export function checkPersonName(raw: string): string | null {
  const name = raw.trim();
  const length = Array.from(name).length;
  if (length < NAME_MIN || length > NAME_MAX) return NAME_LENGTH_MESSAGE;
  if (!NAME_PATTERN.test(name)) return NAME_PATTERN_MESSAGE;
  return null;
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const MOBILE_MESSAGE = '请输入11位大陆手机号';
