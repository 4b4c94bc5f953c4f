/** 线上法律咨询's pure rules: the promised first answer, when the lawyers are reminded, lateness, masking. */
import {
  firstAnswerDue,
  maskEmployer,
  overdueHours,
  reminderAt,
  unionOfDistrict,
  type DistrictCandidate,
} from '../../../cloudfunctions/api/src/rules/legalQa';

const H = 3600_000;
const asked = new Date('2026-12-01T01:00:00Z');

it('is due the promised hours after asking', () => {
  expect(firstAnswerDue(asked, 48).getTime() - asked.getTime()).toBe(48 * H);
});

it('reminds a quarter of the promise before it is due, between 1 and 6 hours before', () => {
  const at = (hours: number) =>
    (firstAnswerDue(asked, hours).getTime() - reminderAt(firstAnswerDue(asked, hours), hours).getTime()) / H;
  expect(at(48)).toBe(6);
  expect(at(12)).toBe(3);
  expect(at(2)).toBe(1);
  expect(at(1)).toBe(1);
});

it('counts whole hours late only while unanswered', () => {
  const due = firstAnswerDue(asked, 24);
  expect(overdueHours(due, null, new Date(due.getTime() - 1))).toBe(0);
  expect(overdueHours(due, null, new Date(due.getTime() + 10 * 60_000))).toBe(1);
  expect(overdueHours(due, null, new Date(due.getTime() + 5.5 * H))).toBe(5);
  expect(overdueHours(due, new Date(due.getTime() + H), new Date(due.getTime() + 5 * H))).toBe(0);
});

it('hides most of an employer’s name', () => {
  expect(maskEmployer('常州恒达建材有限公司')).toBe('常州******');
  expect(maskEmployer('华联')).toBe('华*');
  expect(maskEmployer(' 常州某厂 ')).toBe('常州**');
});

describe('the union a 欠薪 report goes to', () => {
  const org = (_id: string, name: string, over: Partial<DistrictCandidate> = {}): DistrictCandidate => ({
    _id,
    name,
    kind: 'district',
    parentId: 'root',
    ...over,
  });
  const root = org('root', '某市总工会', { kind: 'city', parentId: null });

  it('is the open 区/县总工会 whose name starts with the district', () => {
    const orgs = [root, org('a', '武进区总工会'), org('b', '新北区总工会')];
    expect(unionOfDistrict(orgs, '新北区')?._id).toBe('b');
  });

  it('else one whose name holds the district (a union named after its city first), else the root', () => {
    const orgs = [root, org('a', '常州市武进区总工会'), org('b', '常州市新北区总工会')];
    expect(unionOfDistrict(orgs, '武进区')?._id).toBe('a');
    expect(unionOfDistrict(orgs, '金坛区')?._id).toBe('root');
  });

  it('prefers a name that starts with the district, and never a closed union', () => {
    const orgs = [
      root,
      org('a', '常州市武进区总工会'),
      org('b', '武进区总工会', { status: 'closed' }),
      org('c', '武进区总工会（新）'),
    ];
    expect(unionOfDistrict(orgs, '武进区')?._id).toBe('c');
    expect(unionOfDistrict([root, org('b', '武进区总工会', { status: 'closed' })], '武进区')?._id).toBe('root');
  });
});
