import { makeIdNumber } from '@rules/idNumber';
import { CONSENT_MESSAGE, validateApply, type ApplyFields } from '../../../src/packages/membership/apply/validateApply';
import { validateNotice } from '../../../src/packages/notices/edit/validateNotice';

const NOW = new Date('2026-06-01T00:00:00+08:00');

describe('validateApply (the rules the function applies, checked on the phone)', () => {
  const ok: ApplyFields = {
    name: '陈晓燕',
    idNumber: makeIdNumber('320412', '19920815', '246'),
    mobile: '13912345678',
    workUnit: '常州某机械有限公司',
    orgId: 'org-x',
    channel: 'employer',
    occupation: '',
    consent: true,
  };

  it('passes a complete employer application with consent', () => {
    expect(validateApply(ok, NOW)).toEqual({});
  });

  it('reports each problem in Chinese', () => {
    const errors = validateApply({ ...ok, name: '', mobile: '123', orgId: '' }, NOW);
    expect(errors.name).toBe('请填写姓名');
    expect(errors.mobile).toBe('请输入11位大陆手机号');
    expect(errors.orgId).toBe('请选择所属工会');
    expect(errors.idNumber).toBeUndefined();
  });

  it('checks the name as the server does (checkPersonName)', () => {
    expect(validateApply({ ...ok, name: '陈' }, NOW).name).toBe('姓名应为2至30个字');
    expect(validateApply({ ...ok, name: '陈晓燕1' }, NOW).name).toBe('姓名只能包含汉字、字母或间隔号·');
    expect(validateApply({ ...ok, name: '阿依古丽·买买提' }, NOW).name).toBeUndefined();
  });

  it('checks the ID number with the shared GB 11643 rule (checksum, birth date, age)', () => {
    const wrongCheck = ok.idNumber.slice(0, 17) + (ok.idNumber[17] === '0' ? '1' : '0');
    expect(validateApply({ ...ok, idNumber: wrongCheck }, NOW).idNumber).toBe('身份证号校验位不正确，请核对后重新输入');
    expect(validateApply({ ...ok, idNumber: makeIdNumber('320412', '20150101', '123') }, NOW).idNumber).toContain('入会年龄');
    expect(validateApply({ ...ok, idNumber: '3204121992081' }, NOW).idNumber).toContain('18位');
  });

  it('requires an occupation for 新就业形态 applicants', () => {
    expect(validateApply({ ...ok, channel: 'new_employment' }, NOW).occupation).toBe('请选择职业');
    expect(validateApply({ ...ok, channel: 'new_employment', occupation: 'courier' }, NOW).occupation).toBeUndefined();
  });

  it('requires the separate consent to the privacy policy', () => {
    expect(validateApply({ ...ok, consent: false }, NOW)).toEqual({ consent: CONSENT_MESSAGE });
  });
});

describe('validateNotice', () => {
  const ok = { title: '职工疗休养报名通知', date: '2026-05-01', body: '今年疗休养报名即将开始，请会员留意。', orgId: 'org-cz' };
  it('passes a complete notice', () => {
    expect(validateNotice(ok)).toEqual({});
  });
  it('applies the limits of notices.save', () => {
    expect(validateNotice({ ...ok, title: '通知' }).title).toBe('标题应为4至40个字');
    expect(validateNotice({ ...ok, body: '太短' }).body).toBe('正文至少10个字');
    expect(validateNotice({ ...ok, date: '' }).date).toBe('请选择发布日期');
    expect(validateNotice({ ...ok, orgId: '' }).orgId).toBe('请选择发布单位');
  });
});
