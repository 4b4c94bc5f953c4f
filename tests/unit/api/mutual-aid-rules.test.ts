/** The pure rules of 医疗互助保障: the amount for one stay, the cap, the stay inside the period. */
import {
  addDays,
  assessClaim,
  explainRule,
  ruleAmountFen,
  staysOverlap,
  stayProblem,
  toFen,
} from '../../../cloudfunctions/api/src/rules/mutualAid';

const RULE = { deductible: 800, ratioPercent: 60, cap: 20000 };

describe('ruleAmountFen', () => {
  it('pays the ratio of the self-paid part above the deductible, rounded down to the fen', () => {
    expect(ruleAmountFen(RULE, toFen(12560.8))).toBe(705648);
    expect(ruleAmountFen({ ...RULE, ratioPercent: 33 }, toFen(801.01))).toBe(33); // 101 fen × 33 % = 33.33
  });
  it('pays nothing at or below the deductible', () => {
    expect(ruleAmountFen(RULE, toFen(800))).toBe(0);
    expect(ruleAmountFen(RULE, 0)).toBe(0);
  });
});

describe('assessClaim', () => {
  it('never gives more than what is left of the cap', () => {
    expect(assessClaim(RULE, toFen(30000), 0)).toEqual({
      ruleFen: 1_752_000,
      remainingFen: 2_000_000,
      payableFen: 1_752_000,
      capped: false,
    });
    expect(assessClaim(RULE, toFen(30000), 1_000_000)).toEqual({
      ruleFen: 1_752_000,
      remainingFen: 1_000_000,
      payableFen: 1_000_000,
      capped: true,
    });
    expect(assessClaim(RULE, toFen(30000), 2_000_000).payableFen).toBe(0);
    // Approved beyond the cap (a plan's cap lowered later): nothing left, never negative.
    expect(assessClaim(RULE, toFen(30000), 2_500_000)).toMatchObject({ remainingFen: 0, payableFen: 0 });
  });
  it('explains the rule with its figures', () => {
    expect(explainRule(RULE)).toBe('每次住院个人自付部分超过起付线 800 元的，按 60% 给予互助金，每人每期累计最高 20000 元');
  });
});

describe('stayProblem', () => {
  const period = { start: '2026-01-01', end: '2026-12-31' };
  it('accepts a finished stay inside the period', () => {
    expect(stayProblem(period, { admittedOn: '2026-03-02', dischargedOn: '2026-03-09' }, '2026-12-06')).toBeNull();
    expect(stayProblem(period, { admittedOn: '2026-12-20', dischargedOn: '2026-12-31' }, '2027-03-31')).toBeNull();
  });
  it('names the field of each problem', () => {
    const at = (a: string, d: string, today = '2026-12-06') =>
      stayProblem(period, { admittedOn: a, dischargedOn: d }, today)?.field;
    expect(at('2026-03-09', '2026-03-02')).toBe('dischargedOn');
    expect(at('2026-12-01', '2026-12-07')).toBe('dischargedOn');
    expect(at('2025-12-28', '2026-01-05')).toBe('admittedOn');
    expect(at('2026-12-28', '2027-01-03', '2027-01-10')).toBe('dischargedOn');
    // 90 days after the period a stay can no longer be claimed.
    expect(at('2026-12-20', '2026-12-31', '2027-04-01')).toBe('dischargedOn');
  });
});

it('sees two stays sharing a day as overlapping', () => {
  expect(staysOverlap({ from: '2026-03-02', to: '2026-03-09' }, { from: '2026-03-09', to: '2026-03-12' })).toBe(true);
  expect(staysOverlap({ from: '2026-03-02', to: '2026-03-09' }, { from: '2026-03-10', to: '2026-03-12' })).toBe(false);
  expect(addDays('2026-12-31', 90)).toBe('2027-03-31');
});
