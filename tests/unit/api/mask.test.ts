import { maskIdNumber, maskMobile, maskName } from '../../../cloudfunctions/api/src/lib/mask';

describe('masking', () => {
  it('shows only the first and last four digits of an ID number', () => {
    expect(maskIdNumber('320402199003071234')).toBe('3204**********1234');
  });

  it('shows the first three and last four digits of a mobile number', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('masks unexpected lengths completely', () => {
    expect(maskMobile('12345')).toBe('*****');
    expect(maskIdNumber('1234')).toBe('****');
  });

  it('masks names keeping the first (and last) character', () => {
    expect(maskName('陈晓燕')).toBe('陈*燕');
    expect(maskName('王军')).toBe('王*');
    expect(maskName('阿依古丽·买买提')).toBe('阿******提');
  });
});
