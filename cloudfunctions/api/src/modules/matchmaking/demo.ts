/**
 * 单身联谊 demo data: fictional single members of Changzhou-area unions with profiles shown in different ways (one
 * paused, one waiting for their union's confirmation, one confirmed), events dated around the moment of seeding —
 * 常州市青年职工交友联谊会 (open), a 七夕 evening at 红梅公园 (sign-up later), a ride around 西太湖 (open) — and
 * last week's event whose picks are still open: 陈晓燕 (the demo member) took part; someone there picked her (she
 * does not know), and two others already matched. Every person here is fictional.
 */
import type { AreaDemo, DemoKit } from '../../demoKit';
import { encryptPii } from '../../lib/pii';
import { chinaYear } from '../../lib/time';
import { makeIdNumber } from '../../rules/idNumber';
import { DEFAULT_VISIBILITY } from '../../rules/matchmaking';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { initialCapacity } from '../../shared/capacity';
import { DEMO_PEOPLE } from '../membership/demo';
import { ENROLLMENT_COLLECTIONS as EC, type ActivityRecord } from '../enrollment/engine';
import { fixtureKeys } from '../../../../../scripts/fixtures';
import { MATCHMAKING_COLLECTIONS as C } from './collections';
import { CHEN_PROFILE, EVENTS, QIXI, SINGLES, type DemoEvent, type DemoSingle } from './demoPlan';
import { pairOf, participantIdOf, pickIdOf, reportIdOf } from './ids';
import type { MatchmakingFields, ProfileRecord } from './records';
import { registerMatchmaking } from './register';

const DAY = 86400_000;

interface Person {
  openid: string;
  name: string;
  cardNo: string;
  gender: 'M' | 'F';
  orgId: string;
}

function isMan(s: DemoSingle): boolean {
  return Number(s.seq[2]) % 2 === 1;
}

async function seedProfile(
  kit: DemoKit,
  p: Person & { birthYear: number },
  fields: Omit<DemoSingle, 'openid' | 'name' | 'orgId' | 'birth' | 'seq' | 'cardNo'>,
  since: Date,
): Promise<void> {
  const org = kit.orgs.get(p.orgId)!;
  const single: ProfileRecord['single'] =
    fields.single === 'confirmed'
      ? {
          status: 'confirmed',
          declaredAt: since,
          requestedAt: since,
          decidedAt: since,
          decidedBy: 'seed',
          decidedOrgName: org.name,
        }
      : fields.single === 'requested'
        ? { status: 'requested', declaredAt: since, requestedAt: new Date(kit.now.getTime() - DAY) }
        : { status: 'declared', declaredAt: since };
  const record: Omit<ProfileRecord, '_id'> = {
    openid: p.openid,
    nickname: fields.nickname,
    gender: p.gender,
    birthYear: p.birthYear,
    height: fields.height,
    education: fields.education,
    city: fields.city,
    occupation: fields.occupation,
    intro: fields.intro,
    photos: [],
    contactKind: fields.contact.kind,
    contactSealed: encryptPii(fields.contact.value, fixtureKeys().encKey),
    visibility: { ...DEFAULT_VISIBILITY, ...fields.visibility },
    paused: Boolean(fields.paused),
    ...(fields.paused ? { pausedAt: since } : {}),
    single,
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    createdAt: since,
    updatedAt: since,
  };
  await kit.put(C.profiles, p.openid, record);
}

async function seedEvent(kit: DemoKit, e: DemoEvent, people: Map<string, Person>): Promise<void> {
  const key = fixtureKeys().hashKey;
  // `hour` o'clock China time, `days` after the China date of seeding.
  const at = (days: number, hour: number) =>
    new Date(Math.floor((kit.now.getTime() + 8 * 3600_000) / DAY) * DAY + days * DAY + (hour - 8) * 3600_000);
  const org = kit.orgs.get(e.orgId)!;
  const startAt = at(e.day, e.hours[0]);
  const endAt = at(e.day, e.hours[1]);
  const past = e.day < 0;
  const fields: MatchmakingFields = {
    pickLimit: e.pickLimit,
    pickDays: 3,
    pickCloseAt: new Date(endAt.getTime() + 3 * DAY),
    requireConfirmedSingle: e.requireConfirmedSingle,
    ...(e.age ? { ageMin: e.age[0], ageMax: e.age[1] } : {}),
  };
  const quotas = [
    { group: 'gender:M', label: '男职工', seats: e.seats.M },
    { group: 'gender:F', label: '女职工', seats: e.seats.F },
  ];
  const activity: ActivityRecord = {
    _id: e.id,
    area: 'matchmaking',
    title: e.title(chinaYear(startAt)),
    description: e.description,
    images: [],
    place: e.place,
    startAt,
    endAt,
    signupStart: at(e.window[0], 9),
    signupEnd: at(e.window[1], 17),
    capacity: e.capacity,
    quotas,
    mode: 'fcfs',
    allowNomination: false,
    review: e.review,
    waitlist: true,
    claimHours: 24,
    fee: e.fee,
    formFields: [],
    rules: [
      { kind: 'activeMember' },
      { kind: 'orgScope', orgId: org._id, orgName: org.name },
      ...(e.age ? [{ kind: 'ageRange', min: e.age[0], max: e.age[1] }] : []),
      { kind: 'matchmaking.genderKnown' },
    ],
    priorityGroups: [],
    cancelPolicy: { kind: 'untilHoursBefore', hours: 24 },
    publicityDays: 5,
    ...initialCapacity(e.capacity, { 'gender:M': e.seats.M, 'gender:F': e.seats.F }),
    status: past ? 'closed' : 'open',
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    matchmaking: fields,
    createdBy: 'seed',
    createdAt: at(e.window[0] - 5, 10),
    updatedAt: at(e.window[0] - 5, 10),
  };
  for (const [i, [openid, status]] of e.enrolled.entries()) {
    const p = people.get(openid)!;
    const m = kit.orgs.get(p.orgId)!;
    const group = `gender:${p.gender}`;
    activity.seatsLeft -= 1;
    activity.holders![openid] = [group];
    activity.groupsLeft![group] -= 1;
    await kit.put(EC.enrollments, `${e.id}_${openid}`, {
      activityId: e.id,
      area: 'matchmaking',
      openid,
      name: p.name,
      cardNo: p.cardNo,
      orgId: m._id,
      orgName: m.name,
      orgPath: m.path,
      status,
      source: 'self',
      groups: [group],
      rank: 0,
      ticket: (0x3a7c00000000 + i * 7919 + e.id.length * 104729).toString(16).slice(-12),
      answers: {},
      extra: { participantId: participantIdOf(e.id, openid, key), followUp: i % 3 !== 2 },
      createdAt: at(e.window[0] + 1, 10 + i),
      updatedAt: at(e.window[0] + 1, 10 + i),
      ...(past ? { checkedInAt: new Date(startAt.getTime() - 20 * 60_000 + i * 60_000), checkedInBy: 'demo-staff-city' } : {}),
    });
  }
  const { _id, ...doc } = activity;
  await kit.put(EC.activities, _id, doc);
}

/** Last week's picks: someone picked 陈晓燕 (one-sided: she is not told), and 俊杰 and 佳怡老师 matched. */
async function seedPicks(kit: DemoKit, activityId: string, title: string): Promise<void> {
  const key = fixtureKeys().hashKey;
  const at = new Date(kit.now.getTime() - 12 * 3600_000);
  const picks: Array<[string, string[]]> = [
    ['demo-mm-m1', [DEMO_PEOPLE.member.openid]],
    ['demo-mm-m2', ['demo-mm-f2']],
    ['demo-mm-f2', ['demo-mm-m2']],
    ['demo-mm-f1', ['demo-mm-m3']],
  ];
  for (const [picker, picked] of picks) {
    await kit.put(C.picks, pickIdOf(activityId, picker), { activityId, openid: picker, picked, updatedAt: at });
    for (const other of picked) {
      const { id, members } = pairOf(activityId, picker, other, key);
      const mutual = picks.some(([p, list]) => p === other && list.includes(picker));
      const picked2: [boolean, boolean] = [
        picks.some(([p, l]) => p === members[0] && l.includes(members[1])),
        picks.some(([p, l]) => p === members[1] && l.includes(members[0])),
      ];
      await kit.put(C.pairs, id, {
        activityId,
        members,
        picked: picked2,
        mutual,
        ...(mutual ? { matchedAt: at } : {}),
        updatedAt: at,
      });
      if (mutual && picker < other) {
        for (const who of members)
          await kit.put(CORE_COLLECTIONS.timeline, `seed-mm-matched-${who}`, {
            openid: who,
            area: 'matchmaking',
            refId: id,
            title,
            status: 'matched',
            statusText: '互选成功',
            note: '您与一位参加者互选成功，可在“我的互选”中查看对方的联系方式',
            at,
          });
      }
    }
  }
  const reportId = reportIdOf(activityId, 'demo-mm-f3', 'demo-mm-m3', key);
  await kit.put(C.reports, reportId, {
    activityId,
    reporter: 'demo-mm-f3',
    reported: 'demo-mm-m3',
    reportedEnrollmentId: `${activityId}_demo-mm-m3`,
    category: 'other',
    detail: '活动中交换联系方式时反复追问住址，让人不太舒服，请工会提醒。',
    status: 'open',
    createdAt: new Date(kit.now.getTime() - 6 * 3600_000),
  });
}

export const demo: AreaDemo = {
  order: 70,
  async seed(kit) {
    registerMatchmaking();
    const people = new Map<string, Person>();
    for (const s of SINGLES) {
      const gender = isMan(s) ? 'M' : 'F';
      await kit.addMember({
        openid: s.openid,
        name: s.name,
        idNumber: makeIdNumber('320400', s.birth, s.seq),
        mobile: `1396123${s.cardNo.slice(-4)}`,
        workUnit: kit.orgs.get(s.orgId)!.name.replace(/工会.*$/, ''),
        orgId: s.orgId,
        cardNo: s.cardNo,
        memberSince: new Date('2021-06-01T09:00:00+08:00'),
      });
      const person = { openid: s.openid, name: s.name, cardNo: s.cardNo, gender, orgId: s.orgId } as const;
      people.set(s.openid, person);
      await seedProfile(kit, { ...person, birthYear: Number(s.birth.slice(0, 4)) }, s, new Date(kit.now.getTime() - 30 * DAY));
    }
    const chen = DEMO_PEOPLE.member;
    const chenPerson: Person = { openid: chen.openid, name: chen.name, cardNo: chen.cardNo, gender: 'F', orgId: chen.orgId };
    people.set(chen.openid, chenPerson);
    await seedProfile(
      kit,
      { ...chenPerson, birthYear: Number(chen.idNumber.slice(6, 10)) },
      CHEN_PROFILE,
      new Date(kit.now.getTime() - 20 * DAY),
    );
    const today = Date.parse(new Date(kit.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10));
    const qixi = QIXI.map((d) => Math.round((Date.parse(d) - today) / DAY)).find((d) => d > 20) ?? 300;
    const events = EVENTS(qixi);
    for (const e of events) await seedEvent(kit, e, people);
    const last = events.find((e) => e.day < 0)!;
    await seedPicks(kit, last.id, last.title(chinaYear(kit.now)));
  },
};
