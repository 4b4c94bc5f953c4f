/**
 * Issue 21, 单身联谊 picks, through the real SDK on the local cloud: the picks list holds only the people the
 * event's rule lets the member pick (异性之间 by default: a woman sees the men, not the other women), a pick of
 * someone outside the rule is refused with a clear message and nothing written, the rule is the organiser's choice
 * (validated), and a profile's photo reaches only those its owner allows — as a short-lived link that serves the
 * picture: the owner, a fellow participant where the owner chose 同场参加者; not a participant outside the rule, not
 * another member, not a merchant's clerk.
 */
import { callApi, callOk, startSeededCloud, type storeReader } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { eventInput, eventWithParticipants, profileInput, uploadAs } from '../support/matchmaking';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
let activityId: string;
let pid: Record<string, string>;
/** Each person's stored photo (its random file name) and the bytes uploaded. */
const photo: Record<string, { name: string; bytes: Buffer }> = {};

const A = 'pr-anna'; // F, photo shown to fellow participants
const B = 'pr-bo'; // M, photo shown to fellow participants
const C = 'pr-cai'; // F
const D = 'pr-dong'; // M, photo for matches only
const CLERK = 'demo-merchant-01';
const STRANGER = 'demo-member-01';
const json = (x: unknown) => JSON.stringify(x);

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
  const people = [
    { openid: A, gender: 'F' as const, name: '林安娜', nickname: '安娜', photos: 'participants' as const },
    { openid: B, gender: 'M' as const, name: '赵博文', nickname: '博文', photos: 'participants' as const },
    { openid: C, gender: 'F' as const, name: '蔡晴', nickname: '晴天', photos: 'participants' as const },
    { openid: D, gender: 'M' as const, name: '董明', nickname: '明明', photos: 'matches' as const },
  ];
  const uploads: Record<string, string> = {};
  for (const p of people) {
    // A distinct file per person (a PNG header plus their id), so a link shows whose photo it is.
    const bytes = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(p.openid)]);
    photo[p.openid] = { name: '', bytes };
    uploads[p.openid] = await uploadAs(cloud.baseUrl, p.openid, 'me.png', bytes);
  }
  ({ activityId, pid } = await eventWithParticipants(
    cloud.baseUrl,
    store,
    people.map((p) => ({
      openid: p.openid,
      gender: p.gender,
      name: p.name,
      profile: profileInput({
        nickname: p.nickname,
        photos: [uploads[p.openid]],
        visibility: { ...profileInput().visibility, photos: p.photos },
      }),
    })),
  ));
  for (const p of people) {
    const stored = await store.byId<{ photos: string[] }>('matchmaking_profiles', p.openid);
    photo[p.openid].name = stored!.photos[0].split('/').pop()!.split('.')[0];
  }
}, 240_000);
afterAll(() => cloud?.stop());

/** Fetches a temp link and returns the bytes it serves. */
async function served(url: string | undefined): Promise<Buffer> {
  expect(url).toMatch(/^https?:\/\//);
  const res = await fetch(url!);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('the pick rule', () => {
  it('is 异性之间 by default: the list holds only the other sex, and says so', async () => {
    const forAnna = await callOk(cloud.baseUrl, A, 'matchmaking.participants', { activityId });
    expect(forAnna.items.map((i) => i.profile.nickname).sort()).toEqual(['明明', '博文'].sort());
    expect(forAnna).toMatchObject({ pickRule: 'opposite', pickRuleText: '异性之间互选' });
    expect(json(forAnna)).not.toContain('晴天');
    const forBo = await callOk(cloud.baseUrl, B, 'matchmaking.participants', { activityId });
    expect(forBo.items.map((i) => i.profile.nickname).sort()).toEqual(['安娜', '晴天'].sort());
    const stored = await store.byId<{ matchmaking: { pickRule: string } }>('activities', activityId);
    expect(stored!.matchmaking.pickRule).toBe('opposite');
  });

  it('refuses a pick outside the rule with a clear message, writing nothing', async () => {
    const r = await callApi(cloud.baseUrl, A, 'matchmaking.pick', { activityId, participantIds: [pid[B], pid[C]] });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'PICK_RULE', message: '本场活动为异性之间互选，只能选择异性参加者，请刷新列表后重新选择' },
    });
    expect(await store.count('matchmaking_picks', { activityId })).toBe(0);
    expect(await store.count('matchmaking_pairs', { activityId })).toBe(0);
    // Nor is the other woman's profile open to her through the detail.
    const detail = await callApi(cloud.baseUrl, A, 'matchmaking.participant', { activityId, participantId: pid[C] });
    expect(detail).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(json(detail)).not.toContain('晴天');
    // Within the rule the same pick goes through.
    const ok = await callOk(cloud.baseUrl, A, 'matchmaking.pick', { activityId, participantIds: [pid[B]] });
    expect(ok.myPicks).toEqual([pid[B]]);
  });

  it('is the organiser’s choice: 不限性别 is stored and shown; anything else is refused with the field named', async () => {
    const any = await callOk(cloud.baseUrl, 'demo-staff-city', 'matchmaking.save', {
      ...eventInput({ title: '常州市职工读书交友会（不限性别）' }),
      pickRule: 'any',
    });
    expect(any).toMatchObject({ pickRule: 'any', pickRuleText: '不限性别' });
    const stored = await store.byId<{ matchmaking: { pickRule: string } }>('activities', any._id);
    expect(stored!.matchmaking.pickRule).toBe('any');
    const bad = await callApi(cloud.baseUrl, 'demo-staff-city', 'matchmaking.save', {
      ...eventInput({ title: '常州市职工交友会（错误规则）' }),
      pickRule: 'same' as 'any',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'pickRule' } } });
    expect(bad.ok ? '' : bad.error.message).toContain('互选范围');
    expect(await store.count('activities', { title: '常州市职工交友会（错误规则）' })).toBe(0);
  });
});

describe('who gets a photo link', () => {
  it('the owner: their own photo, served', async () => {
    const mine = await callOk(cloud.baseUrl, A, 'matchmaking.myProfile', {});
    expect(await served(mine!.photoUrls?.[0])).toEqual(photo[A].bytes);
  });

  it('a fellow participant within the rule, where the owner allows it (list cover and detail)', async () => {
    const list = await callOk(cloud.baseUrl, B, 'matchmaking.participants', { activityId });
    const anna = list.items.find((i) => i.participantId === pid[A])!;
    expect(await served(anna.profile.photoUrls?.[0])).toEqual(photo[A].bytes);
    const detail = await callOk(cloud.baseUrl, B, 'matchmaking.participant', { activityId, participantId: pid[A] });
    expect(await served(detail.profile.photoUrls?.[0])).toEqual(photo[A].bytes);
    // The link names neither the owner nor their uploads folder.
    expect(anna.profile.photoUrls![0]).not.toContain(A);
  });

  it('not where the owner keeps the photo for matches (an initial is shown instead)', async () => {
    const list = await callOk(cloud.baseUrl, A, 'matchmaking.participants', { activityId });
    const dong = list.items.find((i) => i.participantId === pid[D])!;
    expect(dong.profile.photoUrls).toBeUndefined();
    expect(json(list)).not.toContain(photo[D].name);
  });

  it('not a participant outside the rule, not another member, not a clerk', async () => {
    const calls = (as: string) =>
      Promise.all([
        callApi(cloud.baseUrl, as, 'matchmaking.participants', { activityId }),
        callApi(cloud.baseUrl, as, 'matchmaking.participant', { activityId, participantId: pid[A] }),
        callApi(cloud.baseUrl, as, 'matchmaking.matches', {}),
        callApi(cloud.baseUrl, as, 'matchmaking.myProfile', {}),
      ]);
    const sameSex = await calls(C);
    expect(sameSex[1]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(json(sameSex)).not.toContain(photo[A].name);
    for (const outsider of [STRANGER, CLERK]) {
      const seen = await calls(outsider);
      expect(seen[0]).toMatchObject({ ok: false, error: { code: 'NOT_PARTICIPANT' } });
      expect(seen[1]).toMatchObject({ ok: false });
      expect(json(seen)).not.toContain(photo[A].name);
      expect(json(seen)).not.toContain('安娜');
    }
  });
});
