/**
 * The kinds of union (rules/orgKinds.ts): which kind may sit under which, who runs the district programmes, the
 * words of the import's 类型 column, and the kinds the 组织管理 editor offers under a parent.
 */
import { kindOf } from '../../../cloudfunctions/api/src/modules/org/kinds';
import {
  ORG_KIND_LABELS,
  ORG_KINDS,
  parentKindProblem,
  runsDistrictProgrammes,
} from '../../../cloudfunctions/api/src/rules/orgKinds';
import { kindsUnder } from '../../../src/packages/orgs/manage/kinds';
import type { Org } from '../../../src/api/types';

describe('which kind may sit under which', () => {
  it('puts a 街道/乡镇工会 under a 区/县总工会 or the city only', () => {
    expect(parentKindProblem('street', 'district')).toBeNull();
    expect(parentKindProblem('street', 'city')).toBeNull();
    for (const parent of ['street', 'industry', 'grassroots'] as const)
      expect(parentKindProblem('street', parent)).toBe(
        `街道/乡镇工会的上级应为区/县总工会或市总工会，不能设在${ORG_KIND_LABELS[parent]}之下`,
      );
  });

  it('puts a 基层工会 under any union', () => {
    for (const parent of ORG_KINDS) expect(parentKindProblem('grassroots', parent)).toBeNull();
  });
});

it('lets the city, a 区/县 and an industry union run district programmes, not a 街道/乡镇 or 基层工会', () => {
  expect(ORG_KINDS.filter(runsDistrictProgrammes)).toEqual(['city', 'district', 'industry']);
});

it('reads the 类型 column: 街道/乡镇 words, 区/县 words (the old 区县/街道工会 label included) and spaces', () => {
  for (const w of ['街道/乡镇工会', '街道工会', '乡镇工会', '街道/乡镇', '街道', '乡镇', ' 街道 工会 '])
    expect(kindOf(w)).toBe('street');
  for (const w of ['区/县总工会', '区县总工会', '区总工会', '县总工会', '区县', '区县/街道工会'])
    expect(kindOf(w)).toBe('district');
  expect(kindOf('居委会')).toBeNull();
  // Every label reads back as its kind, so an exported file imports again.
  for (const k of ORG_KINDS) expect(kindOf(ORG_KIND_LABELS[k])).toBe(k);
});

it('offers in the editor only the kinds a new union may have under the chosen parent', () => {
  const parent = (kind: Org['kind']): Org => ({
    _id: 'p',
    name: 'p',
    parentId: null,
    kind,
    acceptsNewEmployment: false,
    path: ['p'],
  });
  expect(kindsUnder(parent('district')).map(([k]) => k)).toEqual(['grassroots', 'street', 'district', 'industry', 'city']);
  expect(kindsUnder(parent('grassroots')).map(([k]) => k)).toEqual(['grassroots', 'district', 'industry', 'city']);
  expect(kindsUnder(parent('street'))).toContainEqual(['grassroots', '基层工会']);
  expect(kindsUnder(null).map(([, label]) => label)).toEqual([
    '基层工会',
    '街道/乡镇工会',
    '区/县总工会',
    '行业工会联合会',
    '市总工会',
  ]);
});
