/**
 * 技能竞赛 demo data: 常州市第十六届职工职业技能竞赛 (demoPlan.ts) with its events written as the function
 * stores them — seats and unit quotas consistent with the registrations, registrations in every stage
 * (待单位推荐, 单位已推荐 waiting for review, approved, waitlisted, declined by the unit), a team with a member
 * and an invitation to 陈晓燕, a ranking in 公示 with a tie and an objection, a final one whose awards are
 * on the winners' profiles — and a unit's union staffer who confirms its members. Every person is fictional.
 */
import { createHash } from 'node:crypto';
import type { AreaDemo, DemoKit } from '../../demoKit';
import { chinaYear } from '../../lib/time';
import { makeIdNumber } from '../../rules/idNumber';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { initialCapacity } from '../../shared/capacity';
import { ENROLLMENT_COLLECTIONS as E, unitGroupOf, type ActivityRecord, type EnrollmentRecord } from '../enrollment/engine';
import { COMPETITION_COLLECTIONS as C } from './collections';
import { CHEN, COMPETITION_ID, ENTRANTS, EVENTS, UNIT_STAFF, type DemoEvent } from './demoPlan';
import { registerCompetition } from './hooks';
import type { EntryRecord, EventFields, ResultsRecord } from './records';
import { computeRows } from './scores';

const DAY = 86400_000;
const TITLE = (year: number) => `常州市第十六届职工职业技能竞赛（${year}年）`;
const hex = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

interface Person {
  openid: string;
  name: string;
  cardNo: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
}

async function seedEvent(kit: DemoKit, ev: DemoEvent, people: Map<string, Person>, title: string): Promise<void> {
  const at = (days: number, hour = 9) =>
    new Date(Math.floor((kit.now.getTime() + days * DAY) / DAY) * DAY + (hour - 8) * 3600_000);
  const org = kit.orgs.get('org-cz')!;
  const fields: EventFields = { ...ev.fields, competitionId: COMPETITION_ID, competitionTitle: title };
  const activity: ActivityRecord = {
    _id: ev.id,
    area: 'competition',
    title: ev.title,
    description: ev.description,
    images: [],
    place: ev.place,
    startAt: at(ev.day, 8),
    endAt: at(ev.day, 17),
    signupStart: at(ev.window[0], 9),
    signupEnd: at(ev.window[1], 17),
    capacity: ev.capacity,
    quotas: [],
    mode: 'fcfs',
    allowNomination: false,
    review: true,
    waitlist: true,
    claimHours: 24,
    fee: '免费（食宿由承办单位统一安排）',
    formFields: [],
    rules: [
      { kind: 'activeMember' },
      { kind: 'orgScope', orgId: org._id, orgName: org.name },
      { kind: 'ageRange', min: 18, max: 55 },
    ],
    priorityGroups: [],
    cancelPolicy: { kind: 'untilSignupEnd' },
    publicityDays: 5,
    unitCap: ev.unitCap,
    unitConfirm: true,
    ...initialCapacity(ev.capacity),
    status: ev.status,
    orgId: org._id,
    orgName: org.name,
    orgPath: org.path,
    competition: fields,
    ...(ev.day < 0 ? { noShowsMarkedAt: at(ev.day, 18) } : {}),
    createdBy: 'seed',
    createdAt: at(ev.window[0] - 10),
    updatedAt: at(ev.window[0] - 10),
  };
  const approved: EnrollmentRecord[] = [];
  const members: EntryRecord[] = [];
  for (const [i, r] of ev.registrations.entries()) {
    const p = people.get(r.openid)!;
    const unit = unitGroupOf(p);
    activity.groupsLeft![unit] ??= ev.unitCap;
    const holds = ['pending', 'approved', 'offered'].includes(r.status);
    if (holds) {
      activity.seatsLeft -= 1;
      activity.holders![p.openid] = [unit];
      activity.groupsLeft![unit] -= 1;
    }
    const round = at(ev.window[0] + 1).getTime() + i;
    const id = `${ev.id}_${p.openid}`;
    const e: EnrollmentRecord = {
      _id: id,
      activityId: ev.id,
      area: 'competition',
      openid: p.openid,
      name: p.name,
      cardNo: p.cardNo,
      orgId: p.orgId,
      orgName: p.orgName,
      orgPath: p.orgPath,
      status: r.status,
      source: 'self',
      groups: holds ? [unit] : [],
      rank: 0,
      ticket: hex(id),
      answers: {},
      extra: {
        declaration: { tradeYears: r.years, certLevel: r.cert },
        ...(r.team ? { team: { name: r.team.name, size: 1 + r.team.members.length, round } } : {}),
      },
      ...(r.unitStatus ? { unitStatus: r.unitStatus } : {}),
      ...(r.unitStatus && r.unitStatus !== 'waiting'
        ? { unitDecidedAt: at(ev.window[0] + 2), unitDecidedBy: UNIT_STAFF.openid }
        : {}),
      ...(r.rejectReason ? { rejectReason: r.rejectReason } : {}),
      ...(r.status === 'waitlisted'
        ? { waitRank: at(ev.window[0] + 1 + i).getTime(), waitlistedAt: at(ev.window[0] + 1 + i) }
        : {}),
      // Contests already held: entrants were checked in on the day; the absent one is a no-show.
      ...(ev.day < 0 && r.status === 'approved' ? (r.score === null ? { noShow: true } : { checkedInAt: at(ev.day, 8) }) : {}),
      createdAt: at(ev.window[0] + 1, 9 + i),
      updatedAt: at(ev.window[0] + 2, 9 + i),
    };
    const { _id, ...doc } = e;
    await kit.put(E.enrollments, _id, doc);
    if (r.status === 'approved') approved.push(e);
    if (r.team) {
      const entry = (openid: string, role: 'captain' | 'member'): Omit<EntryRecord, '_id'> => {
        const m = people.get(openid)!;
        return {
          eventId: ev.id,
          openid,
          name: m.name,
          orgId: m.orgId,
          orgName: m.orgName,
          teamId: id,
          role,
          ...(role === 'member' ? { round, declaration: { tradeYears: 5, certLevel: 'senior' } } : {}),
          status: 'active',
          joinedAt: e.createdAt,
          updatedAt: e.createdAt,
        };
      };
      await kit.put(C.entries, `${ev.id}_${p.openid}`, entry(p.openid, 'captain'));
      for (const m of r.team.members) {
        const row = entry(m, 'member');
        members.push({ _id: `${ev.id}_${m}`, ...row } as EntryRecord);
        await kit.put(C.entries, `${ev.id}_${m}`, row);
        await kit.put(C.invites, `${id}_${m}`, invite(ev, e, people.get(m)!, 'accepted', round));
      }
    }
    if (r.score !== undefined) {
      const [theory, practical] = r.score ?? [null, null];
      await kit.put(C.scores, id, {
        eventId: ev.id,
        theory,
        practical,
        absent: r.score === null,
        totalMilli: null,
        enteredBy: 'demo-staff-city',
        enteredAt: at(ev.day + 2),
        revisions: [],
      });
    }
  }
  for (const [captain, invitee] of ev.invitations ?? []) {
    const teamId = `${ev.id}_${captain}`;
    const team = ev.registrations.find((r) => r.openid === captain)!;
    const round = at(ev.window[0] + 1).getTime() + ev.registrations.indexOf(team);
    const captainRecord = {
      _id: teamId,
      name: people.get(captain)!.name,
      extra: { team: { name: team.team!.name } },
    } as unknown as EnrollmentRecord;
    await kit.put(C.invites, `${teamId}_${invitee}`, invite(ev, captainRecord, people.get(invitee)!, 'invited', round));
  }
  if (ev.results) await seedResults(kit, ev, activity, approved, members, at);
  const { _id, ...doc } = activity;
  await kit.put(E.activities, _id, doc);
}

function invite(ev: DemoEvent, team: EnrollmentRecord, p: Person, status: 'invited' | 'accepted', round: number) {
  const t = (team.extra as { team: { name: string } }).team;
  return {
    eventId: ev.id,
    teamId: team._id,
    round,
    teamName: t.name,
    eventTitle: ev.title,
    captainOpenid: team._id.slice(ev.id.length + 1),
    captainName: team.name,
    openid: p.openid,
    name: p.name,
    orgName: p.orgName,
    status,
    createdAt: new Date(round),
    updatedAt: new Date(round),
  };
}

async function seedResults(
  kit: DemoKit,
  ev: DemoEvent,
  activity: ActivityRecord,
  approved: EnrollmentRecord[],
  members: EntryRecord[],
  at: (days: number, hour?: number) => Date,
): Promise<void> {
  const scores = new Map(
    ev.registrations.map((r) => [
      `${ev.id}_${r.openid}`,
      { theory: r.score?.[0] ?? null, practical: r.score?.[1] ?? null, absent: r.score === null },
    ]),
  );
  const rows = computeRows(activity, approved, members, (id) => scores.get(id) ?? null);
  const final = ev.results === 'final';
  const results: Omit<ResultsRecord, '_id'> = {
    eventId: ev.id,
    competitionId: COMPETITION_ID,
    title: ev.title,
    status: final ? 'final' : 'publicity',
    publishedAt: at(ev.day + 5),
    publishedBy: 'demo-staff-city',
    until: final ? at(ev.day + 10, 17) : at(3, 17),
    ...(final ? { finalizedAt: at(ev.day + 11), awardedAt: at(ev.day + 11) } : {}),
    version: 1,
    rows,
    corrections: [],
  };
  await kit.put(C.results, ev.id, results);
  if (final) {
    for (const row of rows.filter((x) => x.prize || x.honours.length)) {
      for (const openid of row.openids) {
        await kit.put(C.awards, `${ev.id}_${openid}`, {
          openid,
          eventId: ev.id,
          competitionId: COMPETITION_ID,
          competitionTitle: activity.competition ? (activity.competition as EventFields).competitionTitle : '',
          trade: ev.fields.trade,
          level: ev.fields.level,
          year: chinaYear(at(ev.day)),
          rank: row.rank,
          total: row.total,
          ...(row.prize ? { prize: row.prize } : {}),
          honours: row.honours,
          awardedAt: at(ev.day + 11),
        });
      }
    }
  } else {
    // An objection to one of the tied entries, waiting for the organiser (the objector is not shown to staff).
    const tied = rows.find((x) => x.rank === 2)!;
    await kit.put(C.objections, `${ev.id}_${tied.ticket}_Odemo${hex('demo-cmp-11')}`, {
      eventId: ev.id,
      ticket: tied.ticket,
      enrollmentId: tied.enrollmentId,
      openid: 'demo-cmp-11',
      reason: '实操评分表中故障排除一项的用时记录有误，请核实',
      status: 'open',
      createdAt: at(-1),
    });
  }
}

export const demo: AreaDemo = {
  order: 70,
  async seed(kit) {
    registerCompetition();
    const people = new Map<string, Person>();
    for (const m of ENTRANTS) {
      const org = kit.orgs.get(m.orgId)!;
      await kit.addMember({
        openid: m.openid,
        name: m.name,
        idNumber: makeIdNumber('320400', m.birth, m.seq),
        mobile: `1381234${m.cardNo.slice(-4)}`,
        workUnit: org.name.replace(/工会.*$/, ''),
        orgId: m.orgId,
        cardNo: m.cardNo,
        memberSince: new Date('2021-04-01T09:00:00+08:00'),
      });
      people.set(m.openid, { ...m, orgName: org.name, orgPath: org.path });
    }
    const chenOrg = kit.orgs.get('org-cz-wujin-g1')!;
    people.set(CHEN, {
      openid: CHEN,
      name: '陈晓燕',
      cardNo: 'CZ2024000001',
      orgId: chenOrg._id,
      orgName: chenOrg.name,
      orgPath: chenOrg.path,
    });
    const seededAt = new Date('2024-03-01T09:00:00+08:00');
    await kit.put(CORE_COLLECTIONS.roles, `${UNIT_STAFF.openid}:staff:${UNIT_STAFF.orgId}`, {
      openid: UNIT_STAFF.openid,
      role: 'staff',
      scopeId: UNIT_STAFF.orgId,
      grantedAt: seededAt,
      grantedBy: 'seed',
    });
    await kit.put(CORE_COLLECTIONS.accounts, UNIT_STAFF.openid, {
      openid: UNIT_STAFF.openid,
      createdAt: seededAt,
      displayName: UNIT_STAFF.name,
    });
    const year = chinaYear(kit.now);
    const title = TITLE(year);
    for (const ev of EVENTS) await seedEvent(kit, ev, people, title);
    await kit.put(C.competitions, COMPETITION_ID, {
      title,
      kind: 'skills',
      year,
      description:
        '为深入实施职工技能提升行动，市总工会会同市人社局举办第十六届职工职业技能竞赛，设市一级竞赛项目和市二级竞赛项目，按工种分设个人赛和团体赛。' +
        '职工经所在单位工会推荐报名，获奖选手按规定授予“常州市技术能手”等称号。',
      orgId: 'org-cz',
      orgName: '常州市总工会',
      orgPath: ['org-cz'],
      eventIds: EVENTS.map((e) => e.id),
      publishedAt: new Date(kit.now.getTime() - 70 * DAY),
      createdBy: 'seed',
      createdAt: new Date(kit.now.getTime() - 80 * DAY),
      updatedAt: new Date(kit.now.getTime() - 80 * DAY),
    });
    const note = (refId: string, status: string, statusText: string, text: string, days: number, eventTitle: string) =>
      kit.put(CORE_COLLECTIONS.timeline, `seed-cmp-${refId}-${status}`, {
        openid: CHEN,
        area: 'competition',
        refId,
        title: eventTitle,
        status,
        statusText,
        note: text,
        at: new Date(kit.now.getTime() + days * DAY),
      });
    await note('cmp-demo-fitter_demo-member-01', 'results_final', '成绩确定', '最终成绩：第2名 · 二等奖', -29, '钳工（市二级）');
    await note(
      'cmp-demo-cnc_demo-member-01',
      'pending',
      '待审核',
      '名额已为您保留，等待所在单位工会确认（单位推荐）',
      -5,
      '数控车工（市一级）',
    );
    await note(
      'cmp-demo-cnc_demo-member-01',
      'unit_confirmed',
      '单位已推荐',
      '所在单位工会已确认推荐，等待组织单位审核',
      -4,
      '数控车工（市一级）',
    );
    await note(
      'cmp-demo-electrician_demo-cmp-02_demo-member-01',
      'invited',
      '组队邀请',
      '钱海涛邀请您加入「湖塘精机电工队」，请在报名截止前确认',
      -2,
      '电工（市一级·团体赛）',
    );
  },
};
