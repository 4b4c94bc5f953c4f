/** 线上法律咨询's pure rules: the promised first answer, when the lawyers are reminded, lateness, masking. */
import { firstAnswerDue, maskEmployer, overdueHours, reminderAt } from '../../../cloudfunctions/api/src/rules/legalQa';

const H = 3600_000;
const asked = new Date('2026-12-01T01:00:00Z');

it('is due the promised hours after asking', () => {
  expect(firstAnswerDue(asked, 48).getTime() - asked.getTime()).toBe(48 * H);
});

it('reminds a quarter of the promise before it is due, between 1 and 6 hours before', () => {
  const at = (hours: number) => (firstAnswerDue(asked, hours).getTime() - reminderAt(firstAnswerDue(asked, hours), hours).getTime()) / H;
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
