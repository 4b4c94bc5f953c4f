import { answerErrors, hasPhoneNumber } from '../../../src/components/enrollment/answerErrors';
import type { FormField } from '../../../src/components/enrollment/types';

const FIELDS: FormField[] = [
  { key: 'emergency', label: '紧急联系人及电话', type: 'text', required: true, maxLength: 40 },
  { key: 'diet', label: '饮食禁忌', type: 'choice', required: false, options: ['无', '清真'] },
  { key: 'health', label: '身体状况', type: 'choice', required: true, options: ['良好', '有慢性病'] },
  { key: 'arrive', label: '到达日期', type: 'date', required: true },
  { key: 'photo', label: '证书照片', type: 'image', required: true },
];

describe('answerErrors (an activity’s own questions, checked on the phone)', () => {
  it('asks for what is missing in the words of its control: 请填写 / 请选择 / 请上传', () => {
    expect(answerErrors(FIELDS, {})).toEqual({
      emergency: '请填写「紧急联系人及电话」',
      health: '请选择「身体状况」',
      arrive: '请选择「到达日期」',
      photo: '请上传「证书照片」',
    });
  });

  it('wants a phone number in a contact question', () => {
    const answers = { health: '良好', arrive: '2027-05-01', photo: 'cloud://x/a.png' };
    expect(answerErrors(FIELDS, { ...answers, emergency: '张伟' })).toEqual({
      emergency: '请在「紧急联系人及电话」中填写手机号或固定电话',
    });
    expect(answerErrors(FIELDS, { ...answers, emergency: '张伟 138 1234 5678' })).toEqual({});
    expect(answerErrors(FIELDS, { ...answers, emergency: '张伟 0519-8888 1234' })).toEqual({});
  });

  it('finds mobiles and landlines, not other numbers', () => {
    expect(hasPhoneNumber('13812345678')).toBe(true);
    expect(hasPhoneNumber('妻子 051988881234')).toBe(true);
    expect(hasPhoneNumber('1381234567')).toBe(false);
    expect(hasPhoneNumber('138123456789')).toBe(false);
    expect(hasPhoneNumber('张伟')).toBe(false);
  });
});
