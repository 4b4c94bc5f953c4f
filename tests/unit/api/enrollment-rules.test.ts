/**
 * The enrollment engine's pure parts: eligibility rules and their explanations, area hooks (疗休养's
 * audience groups and its own rule kind), quota groups, priority rank, the lottery order, the cancellation
 * policy and form answers.
 */
import { createHmac } from 'node:crypto';
import * as eligibility from '../../../cloudfunctions/api/src/modules/enrollment/eligibility';
import { drawKey, drawOrder } from '../../../cloudfunctions/api/src/modules/enrollment/drawOrder';
import { checkAnswers } from '../../../cloudfunctions/api/src/modules/enrollment/formAnswers';
import { checkCancel } from '../../../cloudfunctions/api/src/modules/enrollment/policy';
import type { EligibilityRule, FormField } from '../../../cloudfunctions/api/src/modules/enrollment/records';
import type { MemberFacts } from '../../../cloudfunctions/api/src/modules/enrollment/areaHooks';
import { recuperationEngine } from '../../../cloudfunctions/api/src/modules/recuperation/groups';
import { type AppError } from '../../../cloudfunctions/api/src/errors';
import { engineHouse, inHouse } from '../../support/house';

// The engine's steps as the function runs them: within a house that declares 疗休养's hooks.
const house = engineHouse({ recuperation: recuperationEngine });
const evaluateRules = inHouse(house, eligibility.evaluateRules);
const parseRule = inHouse(house, eligibility.parseRule);
const priorityRank = inHouse(house, eligibility.priorityRank);
const seatGroupsFor = inHouse(house, eligibility.seatGroupsFor);

const START = new Date('2027-05-10T00:00:00.000Z'); // 2027-05-10 08:00 in China
const facts = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  openid: 'o1',
  status: 'active',
  name: '陈晓燕',
  cardNo: 'CZ2024000001',
  birthYear: 1992,
  gender: 'F',
  orgId: 'org-cz-wujin-g1',
  orgName: '常州湖塘精密机械有限公司工会',
  orgPath: ['org-cz', 'org-cz-wujin', 'org-cz-wujin-g1'],
  memberSince: new Date('2024-03-15T02:00:00Z'),
  tags: ['frontline'],
  attended: {},
  ...over,
});
const check = (rule: EligibilityRule, over: Partial<MemberFacts> = {}) =>
  evaluateRules({ area: 'recuperation', startAt: START, rules: [rule] }, facts(over))[0];

describe('eligibility rules', () => {
  it('not within N years: explains with the year of the last trip', () => {
    const rule = { kind: 'notWithinYears', area: 'recuperation', years: 3 } as const;
    expect(check(rule, { attended: { recuperation: 2025 } })).toEqual({
      rule: 'notWithinYears',
      ok: false,
      message: '您已于2025年参加过疗休养，每3年可参加一次',
    });
    expect(check(rule, { attended: { recuperation: 2024 } })).toMatchObject({
      ok: true,
      message: '您上次参加疗休养是2024年，符合每3年可参加一次的规定',
    });
    expect(check(rule)).toMatchObject({ ok: true, message: '您近3年未参加过疗休养' });
  });

  it('age range counts the age in the activity’s year', () => {
    const rule = { kind: 'ageRange', min: 18, max: 35 } as const;
    expect(check(rule)).toMatchObject({ ok: true, message: '年龄要求18至35周岁（按活动当年计，您35周岁）' });
    expect(check(rule, { birthYear: 1990 })).toMatchObject({
      ok: false,
      message: '本活动要求年龄18至35周岁，您2027年为37周岁，不符合要求',
    });
    expect(check(rule, { birthYear: undefined })).toMatchObject({ ok: false });
  });

  it('active member, organisation in scope, gender', () => {
    expect(check({ kind: 'activeMember' }, { status: 'suspended' })).toMatchObject({
      ok: false,
      message: '您的会籍当前不可用，请联系所在工会',
    });
    expect(check({ kind: 'orgScope', orgId: 'org-cz-wujin', orgName: '武进区总工会' })).toMatchObject({ ok: true });
    expect(check({ kind: 'orgScope', orgId: 'org-cz-xinbei', orgName: '新北区总工会' })).toEqual({
      rule: 'orgScope',
      ok: false,
      message: '本活动仅面向新北区总工会所属会员，您所在的常州湖塘精密机械有限公司工会不在范围内',
    });
    expect(check({ kind: 'gender', gender: 'F' })).toMatchObject({ ok: true });
    expect(check({ kind: 'gender', gender: 'M' })).toMatchObject({ ok: false, message: '本活动限男职工参加' });
  });

  it('target groups through 疗休养’s audience: tags, and never having been', () => {
    const rule = { kind: 'targetGroups', groups: ['model', 'never'] };
    expect(check(rule, { tags: ['advanced'], attended: { recuperation: 2020 } })).toMatchObject({
      ok: true,
      message: '本期面向：劳模和先进工作者、从未参加过疗休养的职工；您属于劳模和先进工作者',
    });
    expect(check(rule, { tags: [] })).toMatchObject({ ok: true });
    expect(check(rule, { tags: ['frontline'], attended: { recuperation: 2020 } })).toMatchObject({
      ok: false,
      message: '本期面向：劳模和先进工作者、从未参加过疗休养的职工。您不在以上人群中，如信息有误请联系所在工会更新',
    });
  });

  it('an area’s own rule kind (入会满N年), and a kind nobody registered fails safe', () => {
    expect(check({ kind: 'recuperation.memberYears', years: 3 })).toMatchObject({
      ok: true,
      message: '入会满3年（您于2024年入会）',
    });
    expect(check({ kind: 'recuperation.memberYears', years: 5 })).toMatchObject({ ok: false });
    expect(check({ kind: 'matchmaking.single' })).toMatchObject({
      ok: false,
      message: '本活动有暂不支持的报名条件，请联系组织工会',
    });
  });

  it('checks rule parameters when staff save', () => {
    expect(parseRule({ kind: 'ageRange', min: 40, max: 30 })).toEqual({ ok: false, message: '最小年龄不能大于最大年龄' });
    expect(parseRule({ kind: 'ageRange' })).toMatchObject({ ok: false });
    expect(parseRule({ kind: 'nope' })).toEqual({ ok: false, message: '不支持的报名条件' });
    expect(parseRule({ kind: 'notWithinYears', area: 'recuperation', years: 3, extra: 1 })).toMatchObject({ ok: false });
    expect(parseRule({ kind: 'targetGroups', groups: ['frontline'] })).toEqual({
      ok: true,
      rule: { kind: 'targetGroups', groups: ['frontline'] },
    });
  });
});

describe('quota groups and priority', () => {
  const activity = {
    area: 'recuperation' as const,
    startAt: START,
    priorityGroups: ['never', 'hazardous', 'frontline'],
    quotas: [
      { group: 'org:org-cz-wujin', label: '武进', seats: 5 },
      { group: 'org:org-cz-wujin-g1', label: '湖塘', seats: 2 },
      { group: 'gender:F', label: '女职工', seats: 3 },
      { group: 'cat:hazardous', label: '苦脏累险', seats: 2 },
    ],
  };
  it('takes the most specific union, the gender and the first matching category', () => {
    expect(seatGroupsFor(activity, facts({ tags: ['hazardous'], attended: { recuperation: 2020 } }))).toEqual([
      'org:org-cz-wujin-g1',
      'gender:F',
      'cat:hazardous',
    ]);
    expect(seatGroupsFor(activity, facts({ gender: 'M', orgPath: ['org-cz', 'org-cz-wujin', 'org-cz-wujin-g2'] }))).toEqual([
      'org:org-cz-wujin',
    ]);
    expect(seatGroupsFor(activity, facts({ orgPath: ['org-cz', 'org-cz-xinbei'] }))).toEqual(['gender:F']);
  });
  it('ranks by the first priority group the member belongs to', () => {
    expect(priorityRank(activity, facts())).toBe(0); // never been
    expect(priorityRank(activity, facts({ tags: ['hazardous', 'frontline'], attended: { recuperation: 2020 } }))).toBe(1);
    expect(priorityRank(activity, facts({ tags: ['frontline'], attended: { recuperation: 2020 } }))).toBe(2);
    expect(priorityRank(activity, facts({ tags: [], attended: { recuperation: 2020 } }))).toBe(3);
  });
});

describe('lottery order', () => {
  it('is rank first, then HMAC-SHA256(seed, ticket) in hex, and independent of input order', () => {
    const entries = [
      { ticket: '000000000001', rank: 1 },
      { ticket: '000000000002', rank: 0 },
      { ticket: '000000000003', rank: 0 },
      { ticket: '000000000004', rank: 1 },
    ];
    const seed = 'f'.repeat(64);
    const ordered = drawOrder(seed, entries);
    expect(ordered.slice(0, 2).every((e) => e.rank === 0)).toBe(true);
    const keys = ordered.map((e) => drawKey(seed, e.ticket));
    expect(keys.slice(0, 2)).toEqual([...keys.slice(0, 2)].sort());
    expect(drawOrder(seed, [...entries].reverse())).toEqual(ordered);
    // Known answer: HMAC-SHA256 with key "seed" of "ticket".
    expect(drawKey('seed', 'ticket')).toBe(createHmac('sha256', 'seed').update('ticket').digest('hex'));
  });
});

describe('cancellation policy', () => {
  const at = (h: number) => new Date(START.getTime() + h * 3600_000);
  const activity = (kind: 'never' | 'untilSignupEnd' | 'untilHoursBefore', hours?: number) => ({
    cancelPolicy: { kind, hours },
    signupEnd: at(-240),
    startAt: START,
  });
  const place = { status: 'approved' as const, source: 'self' as const };
  it('never: refused for the member, allowed for staff; waitlist entries and offers may always be withdrawn', () => {
    expect(checkCancel(activity('never'), place, at(-300))).toMatchObject({ allowed: false });
    expect(checkCancel(activity('never'), place, at(-300), true)).toMatchObject({ allowed: true, late: false });
    expect(checkCancel(activity('never'), { status: 'waitlisted', source: 'self' }, at(-1))).toMatchObject({
      allowed: true,
      late: false,
    });
    expect(checkCancel(activity('never'), { status: 'offered', source: 'self' }, at(-1))).toMatchObject({
      allowed: true,
      late: false,
    });
    expect(checkCancel(activity('never'), { status: 'approved', source: 'nomination' }, at(-1))).toMatchObject({
      allowed: true,
      late: true,
    });
  });
  it('until the deadline, or N hours before: late after it; never once started', () => {
    expect(checkCancel(activity('untilSignupEnd'), place, at(-241))).toMatchObject({ allowed: true, late: false });
    expect(checkCancel(activity('untilSignupEnd'), place, at(-239))).toMatchObject({ allowed: true, late: true });
    expect(checkCancel(activity('untilHoursBefore', 48), place, at(-49))).toMatchObject({ late: false });
    expect(checkCancel(activity('untilHoursBefore', 48), place, at(-47))).toMatchObject({ late: true });
    expect(checkCancel(activity('untilHoursBefore', 48), place, at(1))).toMatchObject({
      allowed: false,
      message: '活动已开始，无法取消',
    });
    expect(checkCancel(activity('untilSignupEnd'), { status: 'rejected', source: 'self' }, at(-300))).toMatchObject({
      allowed: false,
    });
  });
});

describe('form answers', () => {
  const fields: FormField[] = [
    { key: 'emergency', label: '紧急联系人', type: 'text', required: true, maxLength: 10 },
    { key: 'diet', label: '饮食', type: 'choice', required: false, options: ['无', '素食'], multiple: true },
    { key: 'date', label: '到达日期', type: 'date', required: false },
    { key: 'photo', label: '照片', type: 'image', required: false },
  ];
  const refused = (answers: Record<string, unknown>) => {
    try {
      checkAnswers(fields, answers as Record<string, string>, 'me');
      return null;
    } catch (e) {
      return { ...(e as AppError).details, message: (e as AppError).message };
    }
  };
  it('accepts and trims valid answers, drops empty optional ones', () => {
    expect(
      checkAnswers(
        fields,
        { emergency: ' 张三 ', diet: ['素食'], date: '2027-05-10', photo: 'cloud://e.x/uploads/me/a.jpg' },
        'me',
      ),
    ).toEqual({
      emergency: '张三',
      diet: ['素食'],
      date: '2027-05-10',
      photo: 'cloud://e.x/uploads/me/a.jpg',
    });
  });
  it('names the field of the first problem', () => {
    expect(refused({})).toEqual({ field: 'answers.emergency', message: '「紧急联系人」不能为空' });
    expect(refused({ emergency: '张三', diet: ['荤'] })).toMatchObject({
      field: 'answers.diet',
      message: '「饮食」请从给出的选项中选择',
    });
    expect(refused({ emergency: '张三', date: '5月10日' })).toMatchObject({ field: 'answers.date' });
    expect(refused({ emergency: '张三', photo: 'cloud://e.x/uploads/other/a.jpg' })).toMatchObject({ field: 'answers.photo' });
    expect(refused({ emergency: '张三', x: '1' })).toMatchObject({ field: 'answers.x' });
  });
});
