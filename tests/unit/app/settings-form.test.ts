import {
  formatTemplateFields,
  parseTemplateFields,
  templateLabel,
  toForm,
  toSaveInput,
} from '../../../src/packages/settings/form';
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

describe('系统设置 form: each template’s field mapping', () => {
  const HINT = 'title（事项）、status（状态）、time（时间）、note（备注）';
  const FORMAT = `格式应为 字段名=内容，用逗号分隔，如 thing7=title, phrase3=status, date2=time；内容为 ${HINT}`;

  it('writes a mapping as text and reads it back; commas of either width, 、, semicolons and lines separate pairs', () => {
    expect(formatTemplateFields({ thing7: 'title', phrase3: 'status', date2: 'time' })).toBe(
      'thing7=title, phrase3=status, date2=time',
    );
    expect(formatTemplateFields(undefined)).toBe('');
    expect(parseTemplateFields('thing7=title, phrase3=status, date2=time')).toEqual({
      fields: { thing7: 'title', phrase3: 'status', date2: 'time' },
    });
    expect(parseTemplateFields(' thing1 = title，phrase2＝状态、time3=时间;\ncharacter_string4=note ')).toEqual({
      fields: { thing1: 'title', phrase2: 'status', time3: 'time', character_string4: 'note' },
    });
    expect(parseTemplateFields('  ')).toEqual({ fields: {} });
  });

  it('names what is wrong with a pair: no =, an unknown part, a field name WeChat does not use, a field twice', () => {
    expect(parseTemplateFields('thing7 title')).toEqual({ error: `「thing7 title」${FORMAT}` });
    expect(parseTemplateFields('thing7=title, phrase3=result')).toEqual({ error: `「phrase3=result」的内容应为 ${HINT}` });
    expect(parseTemplateFields('事项=title')).toEqual({
      error: '「事项」不是模板字段名：应为小程序后台模板详情中的字段名，如 thing7、phrase3、date2',
    });
    expect(parseTemplateFields('thing7=title, thing7=note')).toEqual({ error: '字段「thing7」写了两次' });
  });

  it('shows the stored mapping beside each template and saves every mapping edited; a bad one saves nothing', () => {
    const form = toForm(DEMO_SETTINGS);
    expect(form.templateFields).toEqual({ membership_status: 'thing1=title, phrase2=status, time3=time, thing4=note' });
    const edited = {
      ...form,
      templateFields: { membership_status: 'thing7=title, phrase3=status, date2=time', review_overdue: 'thing2=title' },
    };
    const { input, errors } = toSaveInput(edited, 3);
    expect(errors).toEqual({});
    expect(input?.subscribeTemplateFields).toEqual({
      membership_status: { thing7: 'title', phrase3: 'status', date2: 'time' },
      review_overdue: { thing2: 'title' },
    });
    // Cleared: left out, so the template gets the default fields.
    expect(toSaveInput({ ...form, templateFields: { membership_status: '' } }, 3).input?.subscribeTemplateFields).toEqual({});

    const bad = { ...form, templateFields: { membership_status: 'thing7=title, phrase3' } };
    expect(toSaveInput(bad, 3)).toEqual({ errors: { 'template-fields-membership_status': `「phrase3」${FORMAT}` } });
  });
});
