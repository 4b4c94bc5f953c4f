/**
 * Legal-aid demo data: four stations around Changzhou (fictional details, real districts), a weekly duty
 * roster each turned into slots for the next weeks from the seeding moment `kit.now` (so it is always current),
 * two duty lawyers with the `lawyer` role, and two bookings of the demo member 陈晓燕: an upcoming one and a
 * completed one waiting for her rating. Every person is fictional.
 */
import type { AreaDemo, DemoKit } from '../../demoKit';
import { encryptPii, opaqueId } from '../../lib/pii';
import { addDays, chinaInstant, weekdayOf } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { fixtureKeys } from '../../../../../scripts/fixtures';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import { newSlotRecord, planSlots, slotIdOf } from './planSlots';
import type { RosterPattern, StationRecord } from './records';

type Station = Pick<StationRecord, '_id' | 'name' | 'address' | 'location' | 'hours' | 'services' | 'phone' | 'orgId' | 'sort'>;

const STATIONS: Station[] = [
  {
    _id: 'st-cz-city',
    name: '常州市职工法律援助站',
    address: '常州市钟楼区延陵西路 市职工服务中心一楼',
    location: { latitude: 31.7787, longitude: 119.9466 },
    hours: '周一至周五 9:00–11:30、14:00–17:00',
    services: ['consult', 'mediation', 'aid_application'],
    phone: '0519-8860 1235',
    orgId: 'org-cz',
    sort: 1,
  },
  {
    _id: 'st-cz-wujin',
    name: '武进区职工法律援助站',
    address: '常州市武进区湖塘镇人民中路 区职工服务中心二楼',
    location: { latitude: 31.7048, longitude: 119.9428 },
    hours: '周一至周五 9:00–17:00，周二、周四晚 18:30–20:30',
    services: ['consult', 'aid_application'],
    phone: '0519-8631 2351',
    orgId: 'org-cz-wujin',
    sort: 2,
  },
  {
    _id: 'st-cz-xinbei',
    name: '新北区劳动争议多元化解中心',
    address: '常州市新北区太湖东路 区职工服务中心三楼',
    location: { latitude: 31.8107, longitude: 119.9737 },
    hours: '周二、周四上午，周三下午',
    services: ['consult', 'mediation', 'aid_application'],
    phone: '0519-8512 3510',
    orgId: 'org-cz-xinbei',
    sort: 3,
  },
  {
    _id: 'st-cz-jintan',
    name: '金坛区职工法律援助工作站',
    address: '常州市金坛区东门大街 区总工会一楼',
    location: { latitude: 31.7233, longitude: 119.5976 },
    hours: '周三上午，周五下午',
    services: ['consult'],
    phone: '0519-8218 2351',
    orgId: 'org-cz-jintan',
    sort: 4,
  },
];

const p = (weekday: number, period: string, start: string, end: string, lawyers: string[], capacity: number): RosterPattern => ({
  weekday,
  period,
  start,
  end,
  lawyers,
  capacity,
});

const ROSTERS: Record<string, RosterPattern[]> = {
  'st-cz-city': [1, 2, 3, 4, 5].flatMap((d) => [
    p(d, 'am', '09:00', '11:30', ['钱文博律师', '调解员 蒋国平'], 8),
    p(d, 'pm', '14:00', '17:00', ['孙雅琴律师'], 6),
  ]),
  'st-cz-wujin': [
    ...[1, 2, 3, 4, 5].map((d) => p(d, 'am', '09:00', '11:30', ['顾明远律师'], 6)),
    ...[1, 3, 5].map((d) => p(d, 'pm', '14:00', '17:00', ['沈佳怡律师'], 6)),
    ...[2, 4].map((d) => p(d, 'eve', '18:30', '20:30', ['顾明远律师', '沈佳怡律师'], 4)),
  ],
  'st-cz-xinbei': [
    p(2, 'am', '09:00', '11:30', ['周婉清律师', '调解员 陆建华'], 6),
    p(4, 'am', '09:00', '11:30', ['周婉清律师', '调解员 陆建华'], 6),
    p(3, 'pm', '14:00', '17:00', ['许志远律师'], 6),
  ],
  'st-cz-jintan': [p(3, 'am', '09:00', '11:30', ['王立群律师'], 4), p(5, 'pm', '14:00', '17:00', ['王立群律师'], 4)],
};

/** Duty lawyers with the `lawyer` role (openids listed in config/demo-identities.json). */
export const DEMO_LAWYERS = [
  { openid: 'demo-lawyer-wujin', stationId: 'st-cz-wujin' },
  { openid: 'demo-lawyer-xinbei', stationId: 'st-cz-xinbei' },
];

const MEMBER = { openid: 'demo-member-01', name: '陈晓燕' };

async function seedBookings(kit: DemoKit, wujin: StationRecord): Promise<void> {
  const { hashKey, encKey } = fixtureKeys();
  const holderKey = opaqueId('P', MEMBER.openid, hashKey);
  const seal = (text: string) => encryptPii(text, encKey);
  const base = {
    openid: MEMBER.openid,
    holderKey,
    stationId: wujin._id,
    stationName: wujin.name,
    memberKind: 'member',
    name: MEMBER.name,
  };

  // Upcoming: the first weekday morning at least three days ahead (holds a seat and an allowance seat).
  let date = addDays(chinaDate(kit.now), 3);
  while (weekdayOf(date) > 5) date = addDays(date, 1);
  const upcoming = { ...base, slotId: slotIdOf(wujin._id, date, 'am'), attempt: 'demo00000001', allowanceKey: 'demo00000001' };
  const slot = newSlotRecord(
    wujin,
    { _id: upcoming.slotId, date, period: 'am', start: '09:00', end: '11:30', lawyers: ['顾明远律师'], capacity: 6 },
    'roster',
    kit.now,
  );
  await kit.put(C.slots, upcoming.slotId, { ...slot, seatsLeft: 5, holders: { [`${holderKey}:${upcoming.attempt}`]: [] } });
  await kit.put(C.allowances, holderKey, {
    seatsLeft: 1,
    holders: { [upcoming.allowanceKey]: [] },
    groupsLeft: {},
    createdAt: kit.now,
  });
  await kit.put(C.bookings, `${upcoming.slotId}_${holderKey}`, {
    ...upcoming,
    date,
    period: 'am',
    start: '09:00',
    end: '11:30',
    startsAt: chinaInstant(date, '09:00'),
    status: 'confirmed',
    armedAt: kit.now,
    confirmedAt: kit.now,
    type: 'wages',
    way: 'in_person',
    caseSealed: seal(
      '我在湖塘一家机械厂做装配工，单位已经拖欠我三个月工资，共约一万八千元，多次找车间主任都说再等等。想咨询怎么维权。',
    ),
    evidence: [],
  });

  // Completed last week, with an outcome she can read and rate.
  let past = addDays(chinaDate(kit.now), -5);
  while (![1, 3, 5].includes(weekdayOf(past))) past = addDays(past, -1); // an afternoon the roster has
  const pastSlotId = slotIdOf(wujin._id, past, 'pm');
  const pastSlot = newSlotRecord(
    wujin,
    { _id: pastSlotId, date: past, period: 'pm', start: '14:00', end: '17:00', lawyers: ['沈佳怡律师'], capacity: 6 },
    'roster',
    kit.now,
  );
  await kit.put(C.slots, pastSlotId, pastSlot);
  const at = chinaInstant(past, '15:00');
  await kit.put(C.bookings, `${pastSlotId}_${holderKey}`, {
    ...base,
    slotId: pastSlotId,
    attempt: 'demo00000002',
    allowanceKey: 'demo00000002',
    date: past,
    period: 'pm',
    start: '14:00',
    end: '17:00',
    startsAt: chinaInstant(past, '14:00'),
    status: 'completed',
    armedAt: at,
    confirmedAt: at,
    closedAt: at,
    released: true,
    type: 'contract',
    way: 'callback',
    mobileSealed: seal('13915006688'),
    mobileMasked: '139****6688',
    caseSealed: seal('单位要求我签一份新的劳动合同，把岗位从技术员改成普工，工资也降了，不签就让我走。'),
    evidence: [],
    outcome: {
      summarySealed: seal('已电话解答：单位单方调岗降薪须协商一致，可不签新合同；如被解除可申请劳动仲裁，已告知所需材料。'),
      notesSealed: seal('当事人在职约6年，建议保留考勤与工资流水。'),
      referral: 'none',
      by: 'demo-lawyer-wujin',
      at,
    },
  });
}

export const demo: AreaDemo = {
  order: 40,
  async seed(kit) {
    const stations = new Map<string, StationRecord>();
    for (const { _id, ...s } of STATIONS) {
      const station: StationRecord = { _id, ...s, orgPath: kit.orgs.get(s.orgId)!.path };
      stations.set(_id, station);
      await kit.put(C.stations, _id, { ...s, orgPath: station.orgPath });
    }
    const today = chinaDate(kit.now);
    for (const [stationId, patterns] of Object.entries(ROSTERS)) {
      const station = stations.get(stationId)!;
      await kit.put(C.rosters, stationId, {
        stationId,
        patterns,
        exceptions: [],
        updatedAt: kit.now,
        updatedBy: 'seed',
        syncedOn: today,
      });
      for (const plan of planSlots(stationId, patterns, [], kit.now)) {
        await kit.put(C.slots, plan._id, newSlotRecord(station, plan, 'roster', kit.now));
      }
    }
    for (const l of DEMO_LAWYERS) {
      await kit.put(CORE_COLLECTIONS.roles, `${l.openid}:lawyer:${l.stationId}`, {
        openid: l.openid,
        role: 'lawyer',
        scopeId: l.stationId,
        grantedAt: kit.now,
        grantedBy: 'seed',
      });
    }
    await seedBookings(kit, stations.get('st-cz-wujin')!);
  },
};
