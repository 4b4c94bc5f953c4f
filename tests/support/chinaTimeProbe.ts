/**
 * Run by tests/unit/app/china-time.test.ts in a Node process of its own, with `TZ` set to the phone's time zone
 * (the zone of a jest worker cannot be changed once it runs): prints what the activity editors send for a date
 * entered as 2026-05-01 09:00, and what the screens show for 2026-05-01T01:00Z, as JSON.
 */
import { isoOf, momentIn, momentOf } from '../../src/components/enrollment/chinaTime';
import { emptyForm as emptyTrip, toSaveInput as tripInput } from '../../src/packages/recuperation/staff/edit/form';
import { emptyForm as emptyMeet, toSaveInput as meetInput } from '../../src/packages/matchmaking/staff/edit/form';
import { emptyForm as emptyContest, toInput as contestInput } from '../../src/packages/competitions/staff/event-edit/form';
import { dateRange, dayTime as tripDayTime } from '../../src/packages/recuperation/format';
import { when } from '../../src/packages/matchmaking/format';
import { day, dayTime as contestDayTime } from '../../src/packages/competitions/format';
import { todayIso } from '../../src/utils/format';

const entered = { date: '2026-05-01', time: '09:00' };
const sent = (iso: string | undefined) => (iso ? new Date(iso).toISOString() : 'not sent');

const trip = tripInput({
  ...emptyTrip('org-a'),
  title: '一线职工疗休养·茅山',
  base: '茅山基地',
  place: '金坛区茅山',
  description: '四日疗休养，含健康体检。',
  startAt: entered,
});
const meet = meetInput({
  ...emptyMeet('org-a'),
  title: '青春有约·联谊会',
  place: '市工人文化宫',
  description: '面向单身职工的交友活动。',
  signupStart: entered,
});
const contest = contestInput({ ...emptyContest(), signupEnd: entered }, 'cmp-1');

const result = {
  offsetMinutes: new Date('2026-05-01T01:00:00Z').getTimezoneOffset(),
  sent: {
    isoOf: sent(isoOf(entered)),
    recuperation: sent('input' in trip ? trip.input.startAt : undefined),
    matchmaking: sent('input' in meet ? meet.input.signupStart : undefined),
    competitions: sent(contest.signupEnd),
  },
  editorShows: [momentOf('2026-05-01T01:00:00Z'), momentOf('2026-04-30T16:30:00Z')],
  screensShow: [
    tripDayTime('2026-05-01T01:00:00Z'),
    contestDayTime('2026-05-01T01:00:00Z'),
    day('2026-04-30T16:30:00Z'),
    dateRange('2026-04-30T16:30:00Z', '2026-05-04T09:00:00Z'),
    when('2026-05-01T06:00:00Z', '2026-05-01T09:00:00Z'),
  ],
  newFormDays: [momentIn(1, '09:00', new Date('2026-04-30T15:30:00Z')), momentIn(1, '09:00', new Date('2026-04-30T16:30:00Z'))],
  todays: [todayIso(new Date('2026-04-30T15:30:00Z')), todayIso(new Date('2026-04-30T16:30:00Z'))],
};
process.stdout.write(JSON.stringify(result));
