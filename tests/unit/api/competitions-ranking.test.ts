/**
 * 技能竞赛's pure parts: exact weighted totals, standard competition ranking (1, 2, 2, 4), prizes across a
 * tie at a boundary, honours, score validation, the declaration check, the team-size approval hook, and the
 * engine's per-unit quota groups.
 */
import * as eligibility from '../../../cloudfunctions/api/src/modules/enrollment/eligibility';
import { defaultUnitGroups } from '../../../cloudfunctions/api/src/modules/enrollment/unitCap';
import type { MemberFacts } from '../../../cloudfunctions/api/src/modules/enrollment/areaHooks';
import type { ActivityRecord, EnrollmentRecord } from '../../../cloudfunctions/api/src/modules/enrollment/records';
import {
  honoursFor,
  isValidScore,
  pointsOf,
  prizeFor,
  rankEntries,
  weightedMilli,
} from '../../../cloudfunctions/api/src/modules/competitions/ranking';
import { checkDeclaration } from '../../../cloudfunctions/api/src/modules/competitions/declaration';
import { competitionEngine, teamApproval } from '../../../cloudfunctions/api/src/modules/competitions/hooks';
import type { EventFields } from '../../../cloudfunctions/api/src/modules/competitions/records';
import type { AppError } from '../../../cloudfunctions/api/src/errors';
import { engineHouse, inHouse } from '../../support/house';

const seatGroupsFor = inHouse(engineHouse({ competition: competitionEngine }), eligibility.seatGroupsFor);

const W = { theory: 30, practical: 70 };
const s = (theory: number | null, practical: number | null, absent = false) => ({ theory, practical, absent });

describe('weighted totals', () => {
  it('are exact: equal totals are equal whatever the parts', () => {
    expect(weightedMilli(s(80, 90), W)).toBe(87_000);
    expect(weightedMilli(s(87, 87), W)).toBe(87_000);
    // Floating point would split a tie: 60/60.3 and 60.7/60 are both 60.21, but not as doubles.
    expect(0.3 * 60 + 0.7 * 60.3).not.toBe(0.3 * 60.7 + 0.7 * 60);
    expect(weightedMilli(s(60, 60.3), W)).toBe(weightedMilli(s(60.7, 60), W));
    expect(pointsOf(weightedMilli(s(88.5, 91.3), W)!)).toBe(90.46);
  });
  it('are missing when absent or a part is not scored', () => {
    expect(weightedMilli(s(null, null, true), W)).toBeNull();
    expect(weightedMilli(s(90, null), W)).toBeNull();
  });
  it('accept 0–100 with at most one decimal', () => {
    expect([0, 100, 87.5, 59.9].every(isValidScore)).toBe(true);
    expect([100.1, -0.5, 87.55, Number.NaN].some(isValidScore)).toBe(false);
  });
});

describe('standard competition ranking', () => {
  it('gives equal totals one rank and skips the next (1, 2, 2, 4); unranked last', () => {
    const ranked = rankEntries([
      { key: 'd', ticket: '04', milli: 77_000 },
      { key: 'c', ticket: '03', milli: 87_000 },
      { key: 'x', ticket: '05', milli: null },
      { key: 'a', ticket: '01', milli: 93_500 },
      { key: 'b', ticket: '02', milli: 87_000 },
    ]);
    expect(ranked).toEqual([
      { key: 'a', rank: 1 },
      { key: 'b', rank: 2 },
      { key: 'c', rank: 2 },
      { key: 'd', rank: 4 },
      { key: 'x', rank: null },
    ]);
  });
  it('handles a tie at the top and three-way ties', () => {
    const ranks = rankEntries(['a', 'b', 'c', 'd', 'e'].map((k, i) => ({ key: k, ticket: k, milli: [90, 90, 80, 80, 80][i] })));
    expect(ranks.map((r) => r.rank)).toEqual([1, 1, 3, 3, 3]);
  });
});

describe('prizes and honours', () => {
  const prizes = [
    { name: '一等奖', count: 1 },
    { name: '二等奖', count: 2 },
    { name: '三等奖', count: 3 },
  ];
  it('are bands of ranks; a tie across a boundary all get the higher prize', () => {
    expect([1, 2, 3, 4, 6, 7, null].map((r) => prizeFor(r, prizes))).toEqual([
      '一等奖',
      '二等奖',
      '二等奖',
      '三等奖',
      '三等奖',
      undefined,
      undefined,
    ]);
    // Ranks 1, 1: both 一等奖 though the band has one place; the next rank is 3 (二等奖).
    expect([1, 1, 3].map((r) => prizeFor(r, prizes))).toEqual(['一等奖', '一等奖', '二等奖']);
  });
  it('honours need both the rank and the minimum total', () => {
    const h = [{ name: '常州市技术能手', topRanks: 3, minTotal: 60 }];
    expect(honoursFor(2, 75_000, h)).toEqual(['常州市技术能手']);
    expect(honoursFor(2, 59_900, h)).toEqual([]);
    expect(honoursFor(4, 90_000, h)).toEqual([]);
  });
});

const FIELDS: EventFields = {
  competitionId: 'C1',
  competitionTitle: '常州市职工职业技能竞赛',
  trade: '焊工',
  level: 'city1',
  format: 'team',
  teamSize: { min: 2, max: 3 },
  minTradeYears: 3,
  minCertLevel: 'senior',
  certPhotoRequired: true,
  weights: W,
  prizes: [],
  honours: [],
};

describe('declarations', () => {
  const code = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return `${(e as AppError).code} ${(e as AppError).message}`;
    }
  };
  const photo = 'cloud://env.bucket/uploads/o1/cert.jpg';
  it('are checked against the event in words', () => {
    expect(code(() => checkDeclaration(FIELDS, { tradeYears: 5, certLevel: 'technician', certPhoto: photo }, 'o1'))).toBe('ok');
    expect(code(() => checkDeclaration(FIELDS, { tradeYears: 2, certLevel: 'senior', certPhoto: photo }, 'o1'))).toBe(
      'NOT_ELIGIBLE 本项目要求从事焊工工作满3年，您填写的是2年',
    );
    expect(code(() => checkDeclaration(FIELDS, { tradeYears: 5, certLevel: 'junior', certPhoto: photo }, 'o1'))).toBe(
      'NOT_ELIGIBLE 本项目要求高级工及以上职业技能等级，您填写的是初级工',
    );
    expect(code(() => checkDeclaration(FIELDS, { tradeYears: 5, certLevel: 'senior' }, 'o1'))).toBe(
      'INVALID_INPUT 请上传职业技能等级证书照片',
    );
    expect(code(() => checkDeclaration(FIELDS, { tradeYears: 5, certLevel: 'senior', certPhoto: photo }, 'o2'))).toBe(
      'INVALID_INPUT 文件无效，请重新上传',
    );
  });
});

describe('the team-size check at approval', () => {
  const activity = { competition: FIELDS } as unknown as ActivityRecord;
  const team = (size: number) => ({ extra: { team: { name: '一队', size, round: 1 } } }) as unknown as EnrollmentRecord;
  it('refuses outside the range, and guards the approval with the size it saw', () => {
    expect(teamApproval(team(1), activity)).toEqual({ refuse: '队伍现有1人，本项目每队2至3人，人数不符不能审核通过' });
    expect(teamApproval(team(2), activity)).toEqual({ where: { 'extra.team.size': 2 } });
    expect(teamApproval(team(4), activity).refuse).toContain('4人');
    expect(teamApproval(team(1), { competition: { ...FIELDS, format: 'individual' } } as unknown as ActivityRecord)).toEqual({});
  });
});

describe('per-unit quota groups (engine)', () => {
  const facts = {
    openid: 'o1',
    orgId: 'org-cz-wujin-g1',
    orgPath: ['org-cz', 'org-cz-wujin', 'org-cz-wujin-g1'],
    tags: [],
    attended: {},
  } as unknown as MemberFacts;
  const activity = (over: Record<string, unknown>) =>
    ({ area: 'competition', startAt: new Date(), quotas: [], ...over }) as Parameters<typeof seatGroupsFor>[0];
  it('adds the member’s own union beside a listed quota above it; none without a cap', () => {
    expect(seatGroupsFor(activity({}), facts)).toEqual([]);
    expect(seatGroupsFor(activity({ unitCap: 5 }), facts)).toEqual(['org:org-cz-wujin-g1']);
    const district = { group: 'org:org-cz-wujin', label: '武进区', seats: 10 };
    expect(seatGroupsFor(activity({ unitCap: 5, quotas: [district] }), facts)).toEqual([
      'org:org-cz-wujin',
      'org:org-cz-wujin-g1',
    ]);
    const unit = { group: 'org:org-cz-wujin-g1', label: '湖塘', seats: 8 };
    expect(seatGroupsFor(activity({ unitCap: 5, quotas: [unit] }), facts)).toEqual(['org:org-cz-wujin-g1']);
  });
  it('treats only unlisted units as default quotas', () => {
    const a = { unitCap: 5, quotas: [{ group: 'org:org-cz-wujin', label: '', seats: 10 }] };
    expect(defaultUnitGroups(a, ['org:org-cz-wujin', 'org:org-cz-wujin-g1', 'gender:F'])).toEqual(['org:org-cz-wujin-g1']);
    expect(defaultUnitGroups({ unitCap: 0, quotas: [] }, ['org:x'])).toEqual([]);
  });
});
