/**
 * Resident ID number checks (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence,
 * 1 check character (0-9 or X) computed with ISO 7064 MOD 11-2.
 */
import { inChina } from './time';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Province-level codes in use (the first two digits of the region code). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export const MIN_AGE = 16;
export const MAX_AGE = 100;

export type IdNumberProblem = 'format' | 'region' | 'birthDate' | 'age' | 'checksum';

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位，前17位为数字，最后一位为数字或X',
  region: '身份证号的地区码不正确',
  birthDate: '身份证号中的出生日期无效',
  age: `入会年龄须在${MIN_AGE}至${MAX_AGE}周岁之间`,
  checksum: '身份证号校验位不正确，请核对后重新输入',
};

/** The check character for the first 17 digits. */
export function computeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Age on today's date in China (UTC+8), whatever the runtime's time zone. */
function ageOn(birth: { y: number; m: number; d: number }, now: Date): number {
  const cn = inChina(now);
  const [year, month, day] = [cn.getUTCFullYear(), cn.getUTCMonth() + 1, cn.getUTCDate()];
  let age = year - birth.y;
  const beforeBirthday = month < birth.m || (month === birth.m && day < birth.d);
  if (beforeBirthday) age -= 1;
  return age;
}

/** Returns the first problem found, or null when the number is valid. `now` decides the age. */
export function checkIdNumber(raw: string, now: Date = new Date()): IdNumberProblem | null {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!PROVINCES.has(id.slice(0, 2)) || id.slice(2, 6) === '0000') return 'region';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return 'birthDate';
  }
  const age = ageOn({ y, m, d }, now);
  if (age < MIN_AGE || age > MAX_AGE) return 'age';
  if (computeCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** Builds a valid (fictional) number, for seeds and tests. */
export function makeIdNumber(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + computeCheckChar(first17);
}

/** Birth year and gender (the 17th digit: odd = male) of a valid number; stored so age and gender rules need no decryption. */
export function personFacts(idNumber: string): { birthYear: number; gender: 'M' | 'F' } {
  const id = normalizeIdNumber(idNumber);
  return { birthYear: Number(id.slice(6, 10)), gender: Number(id[16]) % 2 === 1 ? 'M' : 'F' };
}
