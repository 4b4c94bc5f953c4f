import { templateLabel, toForm, toSaveInput } from '../../../src/packages/settings/form';
import { DEMO_SETTINGS as DEMO } from '../../../cloudfunctions/api/fixtures/settings/demo';

/** The demo union's settings as settings.get answers them. */
const DEMO_SETTINGS = { ...DEMO, version: 1, updatedAt: null };

describe('系统设置 form: districts and their centres', () => {
  it('shows each district with its centre and gives them back as settings.save takes them', () => {
    const form = toForm(DEMO_SETTINGS);
    expect(form.districts.split('\n')[3]).toBe('武进区 31.705 119.945');
    const { input, errors } = toSaveInput(form, 4);
    expect(errors).toEqual({});
    expect(input?.union.districts).toEqual(DEMO_SETTINGS.union.districts);
    expect(input?.union.districtCenters).toEqual(DEMO_SETTINGS.union.districtCenters);
  });

  it('takes a district without a centre, and names the line whose centre is malformed', () => {
    const form = { ...toForm(DEMO_SETTINGS), districts: '龙城区\n东湖区 31.7 abc' };
    expect(toSaveInput(form, 1)).toEqual({
      errors: { districts: '「东湖区」的中心应写作：名称 纬度 经度，如 武进区 31.705 119.945' },
    });
    const ok = toSaveInput({ ...form, districts: '龙城区、东湖区 31.7 119.9' }, 1);
    expect(ok.input?.union).toMatchObject({
      districts: ['龙城区', '东湖区'],
      districtCenters: { 东湖区: { latitude: 31.7, longitude: 119.9 } },
    });
  });
});

describe('系统设置 form: deadlines and subscribe-message templates', () => {
  it('shows the stored deadlines and template ids, every template the app asks for, and gives them back', () => {
    const form = toForm(DEMO_SETTINGS);
    expect(form.deadlines).toEqual({ reviewDays: '7', firstAnswerHours: '48', offerClaimHours: '24', setupCodeHours: '72' });
    expect(form.templateIds.membership_status).toBe('membership_status');
    // A template the demo names no id for is offered empty.
    expect(form.templateIds.review_overdue).toBe('');
    expect(templateLabel('membership_status')).toBe('入会申请');
    expect(templateLabel('legal_aid_reminder')).toBe('法律援助预约提醒');
    expect(templateLabel('review_overdue')).toBe('超期待办提醒');

    const edited = {
      ...form,
      deadlines: { ...form.deadlines, reviewDays: ' 10 ' },
      templateIds: { ...form.templateIds, review_overdue: ' tmpl-overdue-9 ', legal_qa_reminder: '' },
    };
    const { input, errors } = toSaveInput(edited, 2);
    expect(errors).toEqual({});
    expect(input?.deadlines).toEqual({ reviewDays: 10, firstAnswerHours: 48, offerClaimHours: 24, setupCodeHours: 72 });
    expect(input?.subscribeTemplateIds).toEqual({
      ...DEMO_SETTINGS.subscribeTemplateIds,
      review_overdue: 'tmpl-overdue-9',
      legal_qa_reminder: undefined,
    });
    expect(input?.subscribeTemplateIds).not.toHaveProperty('legal_qa_reminder');
  });

  it('names a deadline out of range or not a whole number, and a template id with spaces; nothing to save', () => {
    const form = toForm(DEMO_SETTINGS);
    const bad = {
      ...form,
      deadlines: { ...form.deadlines, reviewDays: '0', firstAnswerHours: '1.5' },
      templateIds: { ...form.templateIds, membership_status: 'abc def' },
    };
    expect(toSaveInput(bad, 1)).toEqual({
      errors: {
        reviewDays: '「审核期限」应为1–60天的整数',
        firstAnswerHours: '「线上法律咨询首次答复时限」应为1–168小时的整数',
        'template-membership_status': '模板ID为小程序后台“订阅消息”中的模板ID，不含空格',
      },
    });
  });
});
