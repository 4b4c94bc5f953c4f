import { checkIdNumber, computeCheckChar, makeIdNumber } from '../../../cloudfunctions/api/src/rules/idNumber';

const NOW = new Date('2025-06-01T00:00:00+08:00');

describe('GB 11643 ID number check', () => {
  it('accepts a well-formed number with the right check character', () => {
    expect(checkIdNumber('11010519491231002X', NOW)).toBeNull(); // the standard's own example
    expect(checkIdNumber(makeIdNumber('320402', '19900307', '123'), NOW)).toBeNull();
  });

  it('accepts a lowercase x as the check character', () => {
    expect(checkIdNumber('11010519491231002x', NOW)).toBeNull();
  });

  it('computes the check character (ISO 7064 MOD 11-2)', () => {
    expect(computeCheckChar('11010519491231002')).toBe('X');
  });

  it('rejects a wrong check character', () => {
    const good = makeIdNumber('320402', '19900307', '123');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdNumber(bad, NOW)).toBe('checksum');
  });

  it('rejects bad format', () => {
    expect(checkIdNumber('32040219900307123', NOW)).toBe('format');
    expect(checkIdNumber('3204021990030712AB', NOW)).toBe('format');
    expect(checkIdNumber('', NOW)).toBe('format');
  });

  it('rejects an unknown region code', () => {
    expect(checkIdNumber(makeIdNumber('990402', '19900307', '123'), NOW)).toBe('region');
    expect(checkIdNumber(makeIdNumber('320000', '19900307', '123'), NOW)).toBe('region');
  });

  it('rejects impossible birth dates', () => {
    expect(checkIdNumber(makeIdNumber('320402', '19900230', '123'), NOW)).toBe('birthDate');
    expect(checkIdNumber(makeIdNumber('320402', '19901301', '123'), NOW)).toBe('birthDate');
    expect(checkIdNumber(makeIdNumber('320402', '18991231', '123'), NOW)).toBe('birthDate');
  });

  it('accepts a leap day', () => {
    expect(checkIdNumber(makeIdNumber('320402', '19960229', '123'), NOW)).toBeNull();
  });

  it('requires age 16 to 100 on the day', () => {
    expect(checkIdNumber(makeIdNumber('320402', '20090601', '123'), NOW)).toBeNull(); // 16 today
    expect(checkIdNumber(makeIdNumber('320402', '20090602', '123'), NOW)).toBe('age'); // 16 tomorrow
    expect(checkIdNumber(makeIdNumber('320402', '19240601', '123'), NOW)).toBe('age'); // 101
    expect(checkIdNumber(makeIdNumber('320402', '19250602', '123'), NOW)).toBeNull(); // 99
  });
});
