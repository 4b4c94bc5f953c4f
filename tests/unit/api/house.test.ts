/**
 * Declared, not registered (issue 18): what the areas contribute (field labels, timeline kinds, 工作台 counts,
 * role scopes, the engine's rule kinds, audiences and tags) is declared on their module definitions and reaches
 * the code through one read-only house built from the module list. Behaviour does not depend on which files
 * were imported, or in which order, and a call sees the house it was given, never another's.
 */
import { z } from 'zod';
import { defineAction, type ModuleDef } from '../../../cloudfunctions/api/src/action';
import type * as Actions from '../../../cloudfunctions/api/src/actions';
import type * as HouseModule from '../../../cloudfunctions/api/src/house';
import type * as Eligibility from '../../../cloudfunctions/api/src/modules/enrollment/eligibility';
import type * as NotifySchemas from '../../../cloudfunctions/api/src/modules/notify/schemas';
import type { MemberFacts } from '../../../cloudfunctions/api/src/modules/enrollment/areaHooks';
import type { EligibilityRule } from '../../../cloudfunctions/api/src/modules/enrollment/records';
import type * as Recuperation from '../../../cloudfunctions/api/src/modules/recuperation';
import type * as Router from '../../../cloudfunctions/api/src/router';
import type * as ValidateInput from '../../../cloudfunctions/api/src/lib/validateInput';

const API = '../../../cloudfunctions/api/src';

const START = new Date('2027-05-10T00:00:00.000Z');
const FACTS: MemberFacts = {
  openid: 'o1',
  status: 'active',
  name: '陈晓燕',
  cardNo: 'CZ2024000001',
  birthYear: 1992,
  orgId: 'org-cz-wujin-g1',
  orgName: '常州湖塘精密机械有限公司工会',
  orgPath: ['org-cz', 'org-cz-wujin', 'org-cz-wujin-g1'],
  memberSince: new Date('2024-03-15T02:00:00Z'),
  tags: ['frontline'],
  attended: {},
};
const RULES: EligibilityRule[] = [
  { kind: 'activeMember' },
  { kind: 'recuperation.memberYears', years: 5 },
  { kind: 'matchmaking.genderKnown' },
  { kind: 'targetGroups', groups: ['frontline', 'model'] },
  { kind: 'notWithinYears', area: 'recuperation', years: 3 },
] as EligibilityRule[];

/** Everything the house answers about the real modules, as plain data (functions named by their keys). */
function describeHouse(house: HouseModule.House, eligibility: typeof Eligibility) {
  const actions = house.modules.flatMap((m) => Object.keys(m.actions)).sort();
  const labels = Object.fromEntries(
    house.modules.flatMap((m) =>
      Object.keys(m.actions).flatMap((action) =>
        Object.keys(m.fieldLabels ?? {}).map((field) => [`${action}:${field}`, house.ownFieldLabel(field, action)]),
      ),
    ),
  );
  return {
    actions,
    labels,
    timeline: house.timelineKinds,
    workbench: Object.keys(house.workbenchCounters).sort(),
    audit: house.auditLabels,
    scopes: ['staff', 'merchant', 'lawyer', 'admin'].map((role) => house.scopeKind(role)),
    ruleKinds: [...house.engine.ruleKinds.keys()].sort(),
    areas: Object.fromEntries([...house.engine.areas].map(([area, hooks]) => [area, hooks.label])),
    tags: house.engine.memberTags,
    rules: ['recuperation', 'matchmaking', 'competition'].map((area) =>
      (require(`${API}/house`) as typeof HouseModule).withHouse(house, () =>
        eligibility.evaluateRules({ area: area as 'recuperation', startAt: START, rules: RULES }, FACTS),
      ),
    ),
  };
}

/** Loads the function's files in a fresh module registry, starting with `first`, and describes its house. */
function loadedStartingWith(first: string[], reorder: (list: readonly ModuleDef[]) => readonly ModuleDef[]) {
  let described: ReturnType<typeof describeHouse> | undefined;
  jest.isolateModules(() => {
    for (const file of first) require(`${API}/${file}`);
    const { MODULES } = require(`${API}/actions`) as typeof Actions;
    const { buildHouse } = require(`${API}/house`) as typeof HouseModule;
    described = describeHouse(buildHouse(reorder(MODULES)), require(`${API}/modules/enrollment/eligibility`));
  });
  return described!;
}

describe('the house does not depend on import order', () => {
  it('gives the same labels, timeline kinds, counts, scopes and rule results whatever loaded first, in whatever order', () => {
    const plain = loadedStartingWith([], (list) => list);
    // An engine file alone first (the old rule registry was empty until each area's index loaded).
    const engineFirst = loadedStartingWith(['modules/enrollment/eligibility', 'modules/enrollment/signUp'], (list) =>
      [...list].reverse(),
    );
    // One area's handler file alone first, then the modules listed in another order.
    const areaFirst = loadedStartingWith(['modules/recuperation/trips', 'modules/matchmaking/events'], (list) =>
      [...list].sort((a, b) => b.area.localeCompare(a.area)),
    );
    expect(engineFirst).toEqual(plain);
    expect(areaFirst).toEqual(plain);
    // What the areas declare is really there (not three equally empty answers).
    expect(plain.ruleKinds).toEqual(
      expect.arrayContaining(['activeMember', 'matchmaking.genderKnown', 'recuperation.memberYears', 'targetGroups']),
    );
    expect(plain.areas).toEqual({ recuperation: '疗休养', matchmaking: '单身联谊', competition: '技能竞赛' });
    expect(plain.labels['recuperation.save:base']).toBe('疗休养基地');
    expect(plain.timeline.legalAidReminder).toEqual({ label: '法律援助预约提醒', template: 'legal_aid_reminder' });
    expect(plain.scopes).toEqual([undefined, { collection: 'places', label: '商户' }, expect.anything(), undefined]);
    expect(plain.rules[0]).toEqual([
      expect.objectContaining({ rule: 'activeMember', ok: true }),
      { rule: 'recuperation.memberYears', ok: false, message: '本期要求入会满5年，您于2024年入会，暂不符合' },
      { rule: 'matchmaking.genderKnown', ok: false, message: '本活动男女分别设名额，您的会员信息缺少性别，请联系所在工会核实' },
      expect.objectContaining({ rule: 'targetGroups', ok: true, message: expect.stringContaining('您属于一线职工') }),
      { rule: 'notWithinYears', ok: true, message: '您近3年未参加过疗休养' },
    ]);
  });

  it('answers from the modules it was built from: an area left out contributes nothing', () => {
    const { MODULES } = require(`${API}/actions`) as typeof Actions;
    const { buildHouse, withHouse } = require(`${API}/house`) as typeof HouseModule;
    const eligibility = require(`${API}/modules/enrollment/eligibility`) as typeof Eligibility;
    const { recuperationModule } = require(`${API}/modules/recuperation`) as typeof Recuperation;
    const without = buildHouse(MODULES.filter((m) => m !== recuperationModule));
    const rule = { kind: 'recuperation.memberYears', years: 5 } as EligibilityRule;
    const evaluate = (house: HouseModule.House) =>
      withHouse(house, () => eligibility.evaluateRules({ area: 'recuperation', startAt: START, rules: [rule] }, FACTS)[0]);
    expect(evaluate(without)).toEqual({
      rule: 'recuperation.memberYears',
      ok: false,
      message: '本活动有暂不支持的报名条件，请联系组织工会',
    });
    expect(evaluate(buildHouse(MODULES)).message).toBe('本期要求入会满5年，您于2024年入会，暂不符合');
    expect(without.ownFieldLabel('base', 'recuperation.save')).toBeUndefined();
    expect(without.timelineKinds.recuperation).toBeUndefined();
  });

  it('refuses an engine step called outside any house, instead of answering from an empty registry', () => {
    const eligibility = require(`${API}/modules/enrollment/eligibility`) as typeof Eligibility;
    expect(() => eligibility.evaluateRules({ area: 'recuperation', startAt: START, rules: RULES }, FACTS)).toThrow(
      'no house in scope',
    );
  });
});

describe('a call sees the house it was given', () => {
  it('validates with the labels and refinements of that house, even with two calls in flight at once', async () => {
    const { buildHouse } = require(`${API}/house`) as typeof HouseModule;
    const { dispatch } = require(`${API}/router`) as typeof Router;
    const { currentHouse } = require(`${API}/house`) as typeof HouseModule;
    const seen: string[] = [];
    const schema = z.strictObject({ period: z.enum(['am', 'pm']) });
    const slot = defineAction({
      input: schema,
      roles: 'any',
      handler: async (_input, ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        // The house in ctx and the house of the running call are the same one.
        seen.push(`${ctx.house.ownFieldLabel('period', 'desk.slot')}/${currentHouse().timelineKinds.desk?.label}`);
        return ctx.house.timelineKinds.desk?.template;
      },
    });
    const houseOf = (label: string, template: string) =>
      buildHouse([
        { area: 'desk', actions: { 'desk.slot': slot }, fieldLabels: { period: label }, timeline: { desk: { label, template } } },
      ]);
    const a = houseOf('时段', 'desk_a');
    const b = houseOf('班次', 'desk_b');
    const deps = (house: HouseModule.House) => ({
      getOpenid: () => 'u1',
      loadGrants: async () => ({ grants: [], isAdmin: false }),
      house,
    });
    const [ra, rb] = await Promise.all([
      dispatch({ action: 'desk.slot', input: { period: 'am' } }, deps(a)),
      dispatch({ action: 'desk.slot', input: { period: 'pm' } }, deps(b)),
    ]);
    expect(ra).toEqual({ ok: true, data: 'desk_a' });
    expect(rb).toEqual({ ok: true, data: 'desk_b' });
    expect(seen.sort()).toEqual(['时段/时段', '班次/班次']);
    const refused = await dispatch({ action: 'desk.slot', input: { period: 'noon' } }, deps(b));
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'period' } } });
    expect((refused as { error: { message: string } }).error.message).toContain('「班次」');
  });

  it('checks a subscribe template against the timeline kinds of the house validating', () => {
    const { MODULES } = require(`${API}/actions`) as typeof Actions;
    const { buildHouse } = require(`${API}/house`) as typeof HouseModule;
    const { validateInput } = require(`${API}/lib/validateInput`) as typeof ValidateInput;
    const { notifyConsentInput } = require(`${API}/modules/notify/schemas`) as typeof NotifySchemas;
    const full = buildHouse(MODULES);
    const noMatchmaking = buildHouse(MODULES.filter((m) => m.area !== 'matchmaking'));
    const input = { templateKey: 'matchmaking_status', accepted: true };
    expect(validateInput(notifyConsentInput, input, 'notify.consent', full)).toEqual(input);
    expect(() => validateInput(notifyConsentInput, input, 'notify.consent', noMatchmaking)).toThrow('不支持的消息模板');
  });
});
