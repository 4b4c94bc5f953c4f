/** Pure pieces of the 法律援助 pages: the booking form's checks, storage names of evidence, slot texts. */
import { validateBooking } from '../../../src/packages/legal-aid/book/validate';
import { dayText, slotText } from '../../../src/packages/legal-aid/format';
import { evidenceName } from '../../../src/packages/legal-aid/upload';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const filled = {
  type: 'wages',
  way: 'in_person',
  slotId: 'st-cz-wujin_2026-12-03_am',
  caseText: '单位拖欠两个月工资，想咨询怎么办。',
  contactName: '',
  contactMobile: '',
};

describe('validateBooking', () => {
  it('accepts a member booking in person without contact details', () => {
    expect(validateBooking(filled, true)).toEqual({});
  });
  it('names what is missing', () => {
    expect(validateBooking({ ...filled, type: '', slotId: '', caseText: '欠薪' }, true)).toEqual({
      type: '请选择咨询类型',
      slotId: '请选择日期和时段',
      caseText: '请简要描述您的情况（至少10个字）',
    });
  });
  it('asks a non-member for name and mobile, and anyone wanting a call-back for a mobile', () => {
    expect(Object.keys(validateBooking(filled, false)).sort()).toEqual(['contactMobile', 'contactName']);
    expect(validateBooking({ ...filled, contactName: '赵文涛', contactMobile: '13961234567' }, false)).toEqual({});
    expect(Object.keys(validateBooking({ ...filled, way: 'callback' }, true))).toEqual(['contactMobile']);
    expect(Object.keys(validateBooking({ ...filled, contactMobile: '1234' }, true))).toEqual(['contactMobile']);
  });
});

describe('evidenceName', () => {
  const now = Date.parse('2026-12-01T00:00:00Z');
  it('is an ASCII storage name keeping the type (from the path, or from the blob type on H5)', () => {
    expect(evidenceName('wxfile://tmp_a.PNG', 'image', '', now)).toMatch(/^la-[a-z0-9]+-[a-z0-9]+\.png$/);
    expect(evidenceName('blob:http://127.0.0.1/4f1c', 'image', 'image/png', now)).toMatch(/\.png$/);
    expect(evidenceName('blob:http://127.0.0.1/4f1c', 'image', '', now)).toMatch(/\.jpg$/);
    expect(evidenceName('wxfile://tmp_b.jpeg', 'image', '', now)).toMatch(/\.jpg$/);
    expect(evidenceName('wxfile://contract', 'pdf', '', now)).toMatch(/\.pdf$/);
  });
});

describe('slot texts', () => {
  it('reads as members say dates', () => {
    expect(dayText('2026-12-03')).toBe('12月3日 周四');
    expect(slotText({ date: '2026-12-07', period: 'eve', start: '18:30', end: '20:30' })).toBe('12月7日 周一 晚间 18:30–20:30');
    expect(slotText({ date: '2026-12-07', period: 't0930', start: '09:30', end: '10:30' })).toBe('12月7日 周一 时段 09:30–10:30');
  });
});
