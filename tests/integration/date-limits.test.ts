/**
 * Dates a union never means are refused by every staff editor, through the real `api` function, with the field
 * named and nothing stored: activities and events (疗休养 trips, 技能竞赛 events, 单身联谊 events) from yesterday to
 * two years ahead; merchant offers valid three years at most; nothing before 2000 or after 2100 anywhere.
 */
import { activityDays, plusDays, plusYears } from '../../cloudfunctions/api/src/rules/dates';
import { chinaDate } from '../../cloudfunctions/api/src/rules/time';
import { CITY_STAFF, eventInput as competitionEventInput, givenCompetition } from '../support/competitions';
import { eventInput as matchmakingEventInput } from '../support/matchmaking';
import { merchantWithOffer } from '../support/merchants';
import { useCloud } from '../support/scenario';
import { setActivityFields, tripInput } from '../support/trips';

const env = useCloud();
const HOUR = 3600_000;
/** Noon (China time) of a China day, as the app's pickers send it. */
const noonOf = (day: string) => `${day}T12:00:00+08:00`;

type Editor = {
  name: string;
  action: 'recuperation.save' | 'competitions.saveEvent' | 'matchmaking.save';
  input: () => Promise<Record<string, unknown>>;
};
const EDITORS: Editor[] = [
  { name: '疗休养', action: 'recuperation.save', input: async () => ({ ...tripInput() }) },
  {
    name: '技能竞赛',
    action: 'competitions.saveEvent',
    input: async () => ({ ...competitionEventInput(await givenCompetition(env.cloud.baseUrl)) }),
  },
  { name: '单身联谊', action: 'matchmaking.save', input: async () => ({ ...matchmakingEventInput() }) },
];

async function activityCount(): Promise<number> {
  return env.store.count('activities', {});
}

describe.each(EDITORS)('$name editor', ({ action, input }) => {
  it('refuses 1970 and 9999, a start more than two years ahead and a sign-up before yesterday; stores nothing', async () => {
    const valid = await input();
    const { start, end } = activityDays(new Date());
    const before = await activityCount();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ startAt: '1970-01-01T09:00:00+08:00' }, 'startAt', /^「开始时间」应在2000年至2100年之间$/],
      [{ endAt: '9999-12-31T09:00:00+08:00' }, 'endAt', /^「结束时间」应在2000年至2100年之间$/],
      [
        { startAt: noonOf(plusDays(end, 1)), endAt: noonOf(plusDays(end, 2)) },
        'startAt',
        new RegExp(`^「开始时间」不能晚于${end}`),
      ],
      [{ signupStart: noonOf(plusDays(start, -1)) }, 'signupStart', new RegExp(`^「报名开始时间」不能早于${start}$`)],
    ];
    for (const [change, field, message] of cases) {
      const r = await env.call(CITY_STAFF, action, { ...valid, ...change });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(await activityCount()).toBe(before);
    // The edges are accepted: sign-up from yesterday, the activity on the last day two years ahead.
    const edge = await env.call(CITY_STAFF, action, {
      ...valid,
      signupStart: noonOf(start),
      startAt: noonOf(plusDays(end, -1)),
      endAt: noonOf(end),
    });
    expect(edge).toMatchObject({ ok: true });
    expect(await activityCount()).toBe(before + 1);
  });
});

it('an edit keeps a start that has passed (the activity is under way), but a changed date must be in the window', async () => {
  const saved = await env.ok(CITY_STAFF, 'recuperation.save', tripInput());
  const past = { signupStart: new Date(Date.now() - 10 * 24 * HOUR), signupEnd: new Date(Date.now() - 5 * 24 * HOUR) };
  await setActivityFields(env.store, saved._id, past);
  const input = {
    ...tripInput(),
    activityId: saved._id,
    signupStart: past.signupStart.toISOString(),
    signupEnd: past.signupEnd.toISOString(),
  };
  expect(await env.call(CITY_STAFF, 'recuperation.save', { ...input, title: '一线职工疗休养·金坛茅山（改）' })).toMatchObject({
    ok: true,
  });
  const moved = await env.call(CITY_STAFF, 'recuperation.save', {
    ...input,
    signupStart: new Date(Date.now() - 11 * 24 * HOUR).toISOString(),
  });
  expect(moved).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'signupStart' } } });
  expect(await env.store.byId(`activities`, saved._id)).toMatchObject({ title: '一线职工疗休养·金坛茅山（改）' });
});

describe('merchant offers', () => {
  it('are valid three years at most; 1970 and 9999 are refused; nothing is stored', async () => {
    const today = chinaDate(new Date());
    const { placeId } = await merchantWithOffer(env.cloud.baseUrl, { placeName: '日期测试小店', lat: 31.7, lng: 119.9 });
    const offersBefore = (await env.store.byId<{ offers: unknown[] }>('places', placeId))!.offers;
    const base = {
      placeId,
      offerTitle: '会员凭卡8折',
      terms: '每人每日限1次',
      period: 'day' as const,
      perPeriod: 1,
    };
    const cases: Array<[{ validFrom: string; validTo: string }, string, RegExp]> = [
      [{ validFrom: '1970-01-01', validTo: today }, 'validFrom', /应在2000年至2100年之间/],
      [{ validFrom: today, validTo: '9999-12-31' }, 'validTo', /应在2000年至2100年之间/],
      [{ validFrom: today, validTo: plusDays(plusYears(today, 3), 1) }, 'validTo', /^「有效期」最长3年，结束日期不能晚于/],
    ];
    for (const [dates, field, message] of cases) {
      const r = await env.call('demo-admin', 'merchants.saveOffer', { ...base, ...dates });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect((await env.store.byId<{ offers: unknown[] }>('places', placeId))!.offers).toEqual(offersBefore);
    const three = await env.ok('demo-admin', 'merchants.saveOffer', { ...base, validFrom: today, validTo: plusYears(today, 3) });
    expect(three.offers).toHaveLength(offersBefore.length + 1);
  });
});

it('a notice dated 1970 or 9999 is refused, naming the field', async () => {
  for (const date of ['1970-01-01', '9999-12-31']) {
    const r = await env.call('demo-admin', 'notices.save', {
      title: '关于开展职工疗休养的通知',
      body: '各基层工会：现将有关事项通知如下。',
      orgId: 'org-cz',
      date,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'date' } } });
    if (!r.ok) expect(r.error.message).toContain('2000年至2100年');
  }
});
