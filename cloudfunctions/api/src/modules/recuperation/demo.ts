/**
 * 疗休养 demo data: a year's plan of trips of the Changzhou-area unions (劳模疗休养, 一线职工疗休养,
 * 长三角职工疗休养 at 溧阳天目湖, 金坛茅山, 苏州, 杭州, 黄山), dated around the moment of seeding so that
 * windows are open, with fictional members (tags such as 劳模 and 一线职工, last year's attendance) and
 * enrollments consistent with each trip's seats. Every person here is fictional.
 */
import type { AreaDemo, DemoKit } from '../../demoKit';
import { chinaYear } from '../../lib/time';
import { makeIdNumber } from '../../rules/idNumber';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { initialCapacity } from '../../shared/capacity';
import { DEMO_PEOPLE } from '../membership/demo';
import { ENROLLMENT_COLLECTIONS as C, seatGroupsFor, type ActivityRecord, type MemberFacts } from '../enrollment/engine';
import { FORM, ITINERARY, MEMBERS, TRIPS, type DemoMember, type TripSpec } from './demoPlan';
import { registerRecuperation } from './groups';
import type { RecuperationFields } from './records';

const DAY = 86400_000;

function factsOf(m: DemoMember, orgPath: string[], orgName: string): MemberFacts {
  return {
    openid: m.openid,
    status: 'active',
    name: m.name,
    cardNo: m.cardNo,
    orgId: m.orgId,
    orgName,
    orgPath,
    memberSince: new Date('2020-01-01'),
    tags: m.tags,
    attended: {},
  };
}

async function seedTrip(kit: DemoKit, t: TripSpec, people: Map<string, MemberFacts>): Promise<void> {
  const at = (days: number, hour = 9) =>
    new Date(Math.floor((kit.now.getTime() + days * DAY) / DAY) * DAY + (hour - 8) * 3600_000);
  const org = kit.orgs.get(t.orgId)!;
  const startAt = at(t.start, 8);
  const quotas = t.quotas ?? [];
  const capacity = initialCapacity(t.capacity, Object.fromEntries(quotas.map((q) => [q.group, q.seats])));
  const fields: RecuperationFields = {
    base: t.base,
    itinerary: ITINERARY(t.base).slice(0, t.days),
    targetGroups: t.targetGroups,
    everyYears: t.everyYears,
    companions: t.companions ?? { allowed: false, max: 0 },
  };
  const activity: ActivityRecord = {
    _id: t.id,
    area: 'recuperation',
    title: t.title(chinaYear(startAt)),
    description: t.description,
    images: [],
    place: t.place,
    startAt,
    endAt: at(t.start + t.days - 1, 17),
    signupStart: at(t.window[0], 9),
    signupEnd: at(t.window[1], 17),
    capacity: t.capacity,
    quotas,
    mode: t.mode,
    allowNomination: t.mode === 'nomination',
    review: t.review,
    waitlist: t.mode !== 'nomination',
    claimHours: 24,
    fee: t.fee,
    formFields: t.mode === 'nomination' ? [] : FORM,
    rules: [
      { kind: 'activeMember' },
      { kind: 'orgScope', orgId: org._id, orgName: org.name },
      { kind: 'notWithinYears', area: 'recuperation', years: t.everyYears },
      { kind: 'targetGroups', groups: t.targetGroups },
    ],
    priorityGroups: t.priorityGroups ?? [],
    cancelPolicy: { kind: 'untilHoursBefore', hours: 72 },
    publicityDays: t.publicityDays ?? 5,
    ...capacity,
    status: t.status,
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    recuperation: fields,
    ...(t.publicityDays ? { publicity: { publishedAt: at(-3), publishedBy: 'seed', until: at(t.publicityDays - 3, 17) } } : {}),
    createdBy: 'seed',
    createdAt: at(t.window[0] - 7),
    updatedAt: at(t.window[0] - 7),
  };
  for (const [i, [openid, status]] of (t.enrolled ?? []).entries()) {
    const facts = people.get(openid)!;
    const groups = seatGroupsFor(activity, facts);
    const holds = status === 'approved' || status === 'pending';
    if (holds) {
      activity.seatsLeft -= 1;
      activity.holders![openid] = groups;
      for (const g of groups) activity.groupsLeft![g] -= 1;
    }
    const past = t.start < 0;
    await kit.put(C.enrollments, `${t.id}_${openid}`, {
      activityId: t.id,
      area: 'recuperation',
      openid,
      name: facts.name,
      cardNo: facts.cardNo,
      orgId: facts.orgId,
      orgName: facts.orgName,
      orgPath: facts.orgPath,
      status,
      source: t.mode === 'nomination' ? 'nomination' : 'self',
      groups: holds ? groups : [],
      rank: 0,
      ticket: (0x5eed00000000 + i * 7919 + t.id.length * 104729).toString(16).slice(-12),
      answers: t.mode === 'nomination' ? {} : { emergency: '家属 139****0000', health: '良好，能适应行程' },
      createdAt: at(t.window[0] + 1 + i),
      updatedAt: at(t.window[0] + 2 + i),
      ...(past ? { checkedInAt: startAt } : {}),
    });
  }
  const { _id, ...doc } = activity;
  await kit.put(C.activities, _id, doc);
}

export const demo: AreaDemo = {
  order: 60,
  async seed(kit) {
    registerRecuperation();
    const people = new Map<string, MemberFacts>();
    const thisYear = chinaYear(kit.now);
    for (const m of MEMBERS) {
      const org = kit.orgs.get(m.orgId)!;
      const attended = m.attendedYearsAgo ? { recuperation: thisYear - m.attendedYearsAgo } : {};
      await kit.addMember({
        openid: m.openid,
        name: m.name,
        idNumber: makeIdNumber('320400', m.birth, m.seq),
        mobile: `1391234${m.cardNo.slice(-4)}`,
        workUnit: org.name.replace(/工会.*$/, ''),
        orgId: m.orgId,
        cardNo: m.cardNo,
        memberSince: new Date('2020-05-01T09:00:00+08:00'),
        facts: { tags: m.tags, attended },
      });
      people.set(m.openid, { ...factsOf(m, org.path, org.name), attended });
    }
    // 陈晓燕 (the demo member) works on a production line: tagged 一线职工 by her union.
    const chen = DEMO_PEOPLE.member;
    const chenOrg = kit.orgs.get(chen.orgId)!;
    await kit.addMember({ ...chen, facts: { tags: ['frontline'] } });
    people.set(chen.openid, {
      ...factsOf({ ...chen, birth: '', seq: '', tags: ['frontline'] }, chenOrg.path, chenOrg.name),
      cardNo: chen.cardNo,
    });
    for (const t of TRIPS) await seedTrip(kit, t, people);
    await kit.put(CORE_COLLECTIONS.timeline, 'seed-member-01-huangshan', {
      openid: chen.openid,
      area: 'recuperation',
      refId: `rec-demo-huangshan_${chen.openid}`,
      title: TRIPS[4].title(chinaYear(new Date(kit.now.getTime() + 10 * DAY))),
      status: 'approved',
      statusText: '报名成功',
      note: '报名审核通过',
      at: new Date(kit.now.getTime() - 20 * DAY),
    });
  },
};
