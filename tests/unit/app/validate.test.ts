import { isValidIdNumber, isValidMobile, validateApply, type ApplyFields } from '../../../src/utils/validate';

// Build a checksum-valid GB 11643 number from its first 17 digits.
function withCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = first17.split('').reduce((s, d, i) => s + Number(d) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('isValidIdNumber', () => {
  const valid = withCheckDigit('32040219900307123');

  it('accepts a number with a correct check digit', () => {
    expect(isValidIdNumber(valid)).toBe(true);
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(isValidIdNumber(wrong)).toBe(false);
  });

  it('rejects an impossible birth date even with a matching check digit', () => {
    expect(isValidIdNumber(withCheckDigit('32040219900230123'))).toBe(false);
  });

  it('rejects wrong lengths and characters', () => {
    expect(isValidIdNumber('3204021990030712')).toBe(false);
    expect(isValidIdNumber('32040219900307123A')).toBe(false);
  });
});

describe('isValidMobile', () => {
  it('accepts 1[3-9] followed by 9 digits only', () => {
    expect(isValidMobile('13912345678')).toBe(true);
    expect(isValidMobile('12912345678')).toBe(false);
    expect(isValidMobile('1391234567')).toBe(false);
  });
});

describe('validateApply', () => {
  const ok: ApplyFields = {
    name: '陈晓燕',
    idNumber: '11010519491231002X',
    mobile: '13912345678',
    workUnit: '常州某机械有限公司',
    orgId: 'org-x',
    channel: 'employer',
    occupation: '',
  };

  it('passes a complete employer application', () => {
    expect(validateApply(ok)).toEqual({});
  });

  it('reports each problem in Chinese', () => {
    const errors = validateApply({ ...ok, name: '', mobile: '123', orgId: '' });
    expect(errors.name).toBe('请填写姓名');
    expect(errors.mobile).toBe('请填写11位有效手机号');
    expect(errors.orgId).toBe('请选择所属工会');
    expect(errors.idNumber).toBeUndefined();
  });

  it('requires an occupation for 新就业形态 applicants', () => {
    expect(validateApply({ ...ok, channel: 'new_employment' }).occupation).toBe('请选择职业');
    expect(validateApply({ ...ok, channel: 'new_employment', occupation: 'courier' }).occupation).toBeUndefined();
  });
});
