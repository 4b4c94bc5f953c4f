/**
 * The privacy matrix of 单身联谊, through the real SDK on the local cloud. One member (the subject) sets every
 * profile field to each visibility level in turn — fellow participants, mutual matches only, nobody — and then
 * pauses; every kind of viewer (the member themself, a mutual match, a fellow participant, the organiser, a
 * person the subject blocked, a person who blocked the subject, a stranger, a sign-up who did not check in, staff
 * of the subject's own union (who confirm single status but do not organise the event), staff of another union)
 * calls EVERY action that can return profile data. The raw responses are searched for each
 * field's unique value: a field appears if and only if the viewer is entitled to it, and the contact only for the
 * member and their mutual match.
 */
import { callApi, callOk, startSeededCloud, type storeReader } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { allAt, checkIn, openEvent, profileInput, startEventNow, uploadAs } from '../support/matchmaking';
import { putMembers } from '../support/trips';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
let activityId: string;
let photoName: string;
const pid: Record<string, string> = {};

const S = 'pv-subject';
const LEVELS = ['participants', 'matches', 'nobody'] as const;
const VIEWERS = {
  self: S,
  match: 'pv-match',
  participant: 'pv-fellow',
  organiser: 'demo-staff-city',
  blocked: 'pv-blocked',
  blocker: 'pv-blocker',
  stranger: 'pv-stranger',
  notCheckedIn: 'pv-absent',
  unitStaff: 'demo-staff-wujin',
  otherStaff: 'pv-staff-tianning',
} as const;
type Viewer = keyof typeof VIEWERS;
/** Unique values of the subject's fields, as they would appear in a response. */
const SENTINEL = {
  birthYear: '"birthYear":1977',
  height: '"height":166',
  education: '"education":"doctor"',
  city: '溧阳市社渚镇',
  occupation: '茶园技术员',
  intro: '天目湖边散步',
  photos: '', // the stored copy's name, known after saving
};
const NICKNAME = '青柠';
const CONTACT = 'sentinel_wx_01';
const SUBJECT = profileInput({
  nickname: NICKNAME,
  height: 166,
  education: 'doctor',
  city: SENTINEL.city,
  occupation: SENTINEL.occupation,
  intro: `周末喜欢在${SENTINEL.intro}。`,
  contact: { kind: 'wechat', value: CONTACT },
});

/** Which levels each viewer is entitled to see (the matrix's expectation, written out independently of the code). */
const ENTITLED: Record<Viewer, readonly string[]> = {
  self: LEVELS,
  match: ['participants', 'matches'],
  participant: ['participants'],
  organiser: ['participants'],
  blocked: [],
  blocker: [],
  stranger: [],
  notCheckedIn: [],
  unitStaff: [],
  otherStaff: [],
};
const SEES_PROFILE: Viewer[] = ['self', 'match', 'participant', 'organiser'];
const SEES_CONTACT: Viewer[] = ['self', 'match'];

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
  const others = ['pv-match', 'pv-match-1', 'pv-match-2', 'pv-match-3', 'pv-fellow', 'pv-blocked', 'pv-blocker', 'pv-absent'];
  await putMembers(store.db, [
    { openid: S, gender: 'F', birthYear: 1977, name: '沈青' },
    ...others.map((openid) => ({ openid, gender: 'M' as const })),
    { openid: 'pv-stranger', gender: 'M' },
  ]);
  await store.db
    .collection('roles')
    .doc('pv-staff-tianning:staff:org-cz-tianning')
    .set({
      data: { openid: 'pv-staff-tianning', role: 'staff', scopeId: 'org-cz-tianning', grantedAt: new Date(), grantedBy: 'test' },
    });
  const photo = await uploadAs(cloud.baseUrl, S, 'me.png');
  const saved = await callOk(cloud.baseUrl, S, 'matchmaking.saveProfile', { ...SUBJECT, photos: [photo] });
  photoName = saved.photoIds[0].split('/').pop()!.split('.')[0];
  SENTINEL.photos = photoName;
  for (const openid of [...others, 'pv-stranger'])
    await callOk(cloud.baseUrl, openid, 'matchmaking.saveProfile', profileInput({ nickname: `会员${openid.slice(3)}` }));
  activityId = await openEvent(cloud.baseUrl, { capacity: 20, seats: { M: 10, F: 10 }, pickLimit: 5 });
  for (const openid of [S, ...others]) await callOk(cloud.baseUrl, openid, 'matchmaking.signUp', { activityId, followUp: true });
  await startEventNow(store, activityId);
  await checkIn(cloud.baseUrl, activityId, [S, ...others.filter((o) => o !== 'pv-absent')]);
  const rows = await store.all<{ openid: string; extra: { participantId: string } }>('enrollments', { activityId });
  for (const r of rows) pid[r.openid] = r.extra.participantId;
  // The standing relations: a mutual match, a block each way, and a report about the subject (for the organiser's list).
  await callOk(cloud.baseUrl, S, 'matchmaking.pick', { activityId, participantIds: [pid['pv-match']] });
  const m = await callOk(cloud.baseUrl, 'pv-match', 'matchmaking.pick', { activityId, participantIds: [pid[S]] });
  expect(m.matched).toHaveLength(1);
  await callOk(cloud.baseUrl, S, 'matchmaking.block', { activityId, participantId: pid['pv-blocked'] });
  await callOk(cloud.baseUrl, 'pv-blocker', 'matchmaking.block', { activityId, participantId: pid[S] });
  await callOk(cloud.baseUrl, 'pv-fellow', 'matchmaking.report', {
    activityId,
    participantId: pid[S],
    category: 'other',
    detail: '测试用的举报说明文字',
    alsoBlock: false,
  });
  // The subject asks their union to confirm (so the confirmation queue has them).
  await callOk(cloud.baseUrl, S, 'matchmaking.requestConfirmation', {});
}, 240_000);
afterAll(() => cloud?.stop());

/** Every action that can return profile data (and a few that must not), as `viewer`; the raw envelopes. */
async function everything(viewer: Viewer, round: number, paused = false): Promise<string> {
  const as = VIEWERS[viewer];
  const enrollmentId = `${activityId}_${S}`;
  const calls: Array<Promise<unknown>> = [
    callApi(cloud.baseUrl, as, 'matchmaking.myProfile', {}),
    callApi(cloud.baseUrl, as, 'matchmaking.participants', { activityId }),
    callApi(cloud.baseUrl, as, 'matchmaking.participant', { activityId, participantId: pid[S] }),
    callApi(cloud.baseUrl, as, 'matchmaking.matches', {}),
    callApi(cloud.baseUrl, as, 'matchmaking.get', { activityId }),
    callApi(cloud.baseUrl, as, 'matchmaking.list', {}),
    callApi(cloud.baseUrl, as, 'matchmaking.eventProfiles', { activityId }),
    callApi(cloud.baseUrl, as, 'matchmaking.reports', { activityId }),
    callApi(cloud.baseUrl, as, 'matchmaking.confirmations', {}),
    callApi(cloud.baseUrl, as, 'enrollment.roster', { activityId }),
    callApi(cloud.baseUrl, as, 'enrollment.get', { enrollmentId }),
    callApi(cloud.baseUrl, as, 'enrollment.mine', {}),
    callApi(cloud.baseUrl, as, 'timeline.list', {}),
    callApi(cloud.baseUrl, as, 'enrollment.publicity', { activityId }),
    callApi(cloud.baseUrl, as, 'enrollment.candidates', { activityId, keyword: '沈' }),
  ];
  const answers = await Promise.all(calls);
  // Picks answer with the profile of a match they complete: the match viewer of this round completes one.
  if (viewer === 'match' && !paused) {
    const fresh = `pv-match-${round}`;
    await callOk(cloud.baseUrl, S, 'matchmaking.pick', {
      activityId,
      participantIds: ['pv-match', ...[1, 2, 3].filter((k) => k <= round).map((k) => `pv-match-${k}`)].map((o) => pid[o]),
    });
    const completed = await callApi(cloud.baseUrl, fresh, 'matchmaking.pick', { activityId, participantIds: [pid[S]] });
    expect(completed).toMatchObject({ ok: true });
    answers.push(completed);
  } else {
    answers.push(await callApi(cloud.baseUrl, as, 'matchmaking.pick', { activityId, participantIds: [pid[S]] }));
  }
  return JSON.stringify(answers);
}

function expectSeen(text: string, viewer: Viewer, level: string, paused: boolean): void {
  const fieldsShown = !paused || viewer === 'self' ? ENTITLED[viewer].includes(level) : false;
  for (const [field, value] of Object.entries(SENTINEL)) {
    const found = text.includes(value);
    if (found !== fieldsShown)
      throw new Error(`${viewer} at ${level}${paused ? ' (paused)' : ''}: ${field} ${found ? 'leaked' : 'missing'}`);
  }
  const profileShown = SEES_PROFILE.includes(viewer) && (!paused || viewer === 'self');
  if (text.includes(NICKNAME) !== profileShown) throw new Error(`${viewer}: nickname ${profileShown ? 'missing' : 'leaked'}`);
  const contactShown = SEES_CONTACT.includes(viewer) && (!paused || viewer === 'self');
  if (text.includes(CONTACT) !== contactShown) throw new Error(`${viewer}: contact ${contactShown ? 'missing' : 'leaked'}`);
  // Never the subject's openid (but to the organiser's and their own union's staff, who act on their records),
  // and never the path of their own upload.
  if (!['self', 'organiser', 'unitStaff'].includes(viewer)) expect(text).not.toContain(S);
  expect(text).not.toContain('uploads/pv-subject');
}

describe.each(LEVELS.map((level, i) => [level, i + 1] as const))('every field visible to %s', (level, round) => {
  beforeAll(async () => {
    const current = await callOk(cloud.baseUrl, S, 'matchmaking.myProfile', {});
    await callOk(cloud.baseUrl, S, 'matchmaking.saveProfile', {
      ...SUBJECT,
      photos: current!.photoIds,
      visibility: allAt(level),
    });
  });
  it.each(Object.keys(VIEWERS) as Viewer[])('%s sees exactly what they are entitled to', async (viewer) => {
    expectSeen(await everything(viewer, round), viewer, level, false);
  });
});

describe('paused', () => {
  beforeAll(async () => {
    const current = await callOk(cloud.baseUrl, S, 'matchmaking.myProfile', {});
    await callOk(cloud.baseUrl, S, 'matchmaking.saveProfile', {
      ...SUBJECT,
      photos: current!.photoIds,
      visibility: allAt('participants'),
    });
    await callOk(cloud.baseUrl, S, 'matchmaking.setPaused', { paused: true });
  });
  it.each(Object.keys(VIEWERS) as Viewer[])(
    '%s sees nothing of a paused profile (the member still sees theirs)',
    async (viewer) => {
      expectSeen(await everything(viewer, 3, true), viewer, 'participants', true);
    },
  );
  it('shows the profile again once resumed', async () => {
    await callOk(cloud.baseUrl, S, 'matchmaking.setPaused', { paused: false });
    const seen = await callOk(cloud.baseUrl, 'pv-fellow', 'matchmaking.participant', { activityId, participantId: pid[S] });
    expect(seen.profile).toMatchObject({ nickname: NICKNAME, city: SENTINEL.city });
  });
});

it('stores the contact sealed, never readable, and the photo under a name that says nothing', async () => {
  const stored = await store.byId<Record<string, unknown>>('matchmaking_profiles', S);
  expect(JSON.stringify(stored)).not.toContain(CONTACT);
  expect(stored?.contactSealed).toMatch(/^v1\./);
  expect((stored?.photos as string[])[0]).toMatch(/\/matchmaking\/photos\/[0-9a-f]{24}\.png$/);
});
