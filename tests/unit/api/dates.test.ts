/** The date rules written once for the server and the app's pickers (rules/dates.ts), and the time rules of
 * 技能竞赛 scoring and the legal-aid desk. */
import { scoringNotYet } from '../../../cloudfunctions/api/src/rules/competitions';
import {
  activityDateProblem,
  activityDays,
  instantWithinYears,
  offerPeriodProblem,
  plusYears,
} from '../../../cloudfunctions/api/src/rules/dates';
import { deskNotYet } from '../../../cloudfunctions/api/src/rules/legalAid';

// 2026-12-06 10:00 in China.
const NOW = new Date('2026-12-06T02:00:00Z');

it('counts days in China time: yesterday to two years ahead', () => {
  expect(activityDays(NOW)).toEqual({ start: '2026-12-05', end: '2028-12-06' });
  // 23:30 UTC on the 5th is already the 6th in China.
  expect(activityDays(new Date('2026-12-05T23:30:00Z'))).toEqual({ start: '2026-12-05', end: '2028-12-06' });
  expect(plusYears('2028-02-29', 1)).toBe('2029-02-28');
});

it('names the field and the limit', () => {
  expect(activityDateProblem('2026-12-05T00:30:00+08:00', '报名开始时间', NOW)).toBeNull();
  expect(activityDateProblem('2026-12-04T23:59:00+08:00', '报名开始时间', NOW)).toBe('「报名开始时间」不能早于2026-12-05');
  expect(activityDateProblem('2028-12-06T20:00:00+08:00', '开始时间', NOW)).toBeNull();
  expect(activityDateProblem('2028-12-07T08:00:00+08:00', '开始时间', NOW)).toMatch(/^「开始时间」不能晚于2028-12-06/);
  expect(activityDateProblem('1970-01-01T08:00:00+08:00', '开始时间', NOW)).toBe('「开始时间」应在2000年至2100年之间');
  expect(instantWithinYears('9999-12-31T00:00:00+08:00')).toBe(false);
  expect(instantWithinYears('not a date')).toBe(true); // the format check reports it
});

it('lets an offer run three years at most', () => {
  expect(offerPeriodProblem('2026-12-06', '2029-12-06', NOW)).toBeNull();
  expect(offerPeriodProblem('2026-12-06', '2029-12-07', NOW)).toMatchObject({ field: 'validTo' });
  expect(offerPeriodProblem('1999-12-31', '2027-01-01', NOW)).toMatchObject({ field: 'validFrom' });
  expect(offerPeriodProblem('2026-01-01', '2099-12-31', NOW)?.message).toBe('「有效期」最长3年，结束日期不能晚于2029-01-01');
});

it('scores wait for the contest: its start come and sign-up closed', () => {
  const event = { startAt: '2026-12-09T01:00:00Z', signupEnd: '2026-12-08T09:00:00Z', status: 'open' };
  expect(scoringNotYet(event, NOW)).toBe('比赛尚未举行，12月9日 09:00后方可录入成绩');
  expect(scoringNotYet(event, NOW, '公示成绩')).toBe('比赛尚未举行，12月9日 09:00后方可公示成绩');
  const day = new Date('2026-12-09T01:00:00Z');
  expect(scoringNotYet(event, day)).toBeNull();
  expect(scoringNotYet({ ...event, signupEnd: '2026-12-10T00:00:00Z' }, day)).toBe('报名尚未截止，请先截止报名再录入成绩');
  expect(scoringNotYet({ ...event, signupEnd: '2026-12-10T00:00:00Z', status: 'closed' }, day)).toBeNull();
});

it('the desk opens at the slot start', () => {
  expect(deskNotYet('2026-12-06T06:00:00Z', NOW)).toBe('12月6日 14:00时段开始后方可登记到场、未到或办结');
  expect(deskNotYet('2026-12-06T02:00:00Z', NOW)).toBeNull();
});
