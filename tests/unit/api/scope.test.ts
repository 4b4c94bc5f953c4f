import type { ActionContext } from '../../../cloudfunctions/api/src/action';
import { buildHouse } from '../../../cloudfunctions/api/src/house';
import { isJoinable } from '../../../cloudfunctions/api/src/modules/membership/checkJoinableOrg';
import { coversOrg, orgScopes } from '../../../cloudfunctions/api/src/shared/scope';
import type { OrgRecord } from '../../../cloudfunctions/api/src/shared/records';

function ctx(scopes: string[], isAdmin = false): ActionContext {
  return {
    openid: 'u',
    isAdmin,
    now: new Date(),
    house: buildHouse([]),
    grants: scopes.map((s) => ({
      _id: `u:staff:${s}`,
      openid: 'u',
      role: 'staff' as const,
      scopeId: s,
      grantedAt: null,
      grantedBy: null,
    })),
  };
}

describe('staff scope = org subtree', () => {
  const path = ['org-cz', 'org-cz-wujin', 'org-cz-wujin-g1'];
  it('covers an org through itself or any ancestor', () => {
    expect(coversOrg(ctx(['org-cz-wujin']), path)).toBe(true);
    expect(coversOrg(ctx(['org-cz']), path)).toBe(true);
    expect(coversOrg(ctx(['org-cz-wujin-g1']), path)).toBe(true);
  });
  it('does not cover siblings or descendants', () => {
    expect(coversOrg(ctx(['org-cz-tianning']), path)).toBe(false);
    expect(coversOrg(ctx(['org-cz-wujin-g1']), ['org-cz', 'org-cz-wujin'])).toBe(false);
    expect(coversOrg(ctx([]), path)).toBe(false);
  });
  it('gives admins everything', () => {
    expect(orgScopes(ctx([], true))).toBeNull();
    expect(coversOrg(ctx([], true), path)).toBe(true);
  });
});

describe('where a worker may join', () => {
  const org = (kind: OrgRecord['kind'], acceptsNewEmployment: boolean): OrgRecord => ({
    _id: 'o',
    name: 'o',
    parentId: null,
    kind,
    acceptsNewEmployment,
    path: ['o'],
  });
  it('employer channel: grassroots only', () => {
    expect(isJoinable(org('grassroots', false), 'employer')).toBe(true);
    expect(isJoinable(org('district', true), 'employer')).toBe(false);
  });
  it('employer channel: also a 街道/乡镇工会 (the route for a unit with no union), never a 区/县 or the city', () => {
    expect(isJoinable(org('street', false), 'employer')).toBe(true);
    expect(isJoinable(org('street', false), 'new_employment')).toBe(true);
    expect(isJoinable(org('district', false), 'employer')).toBe(false);
    expect(isJoinable(org('city', true), 'employer')).toBe(false);
    expect(isJoinable(org('industry', true), 'employer')).toBe(false);
  });
  it('new employment: grassroots or an org accepting new forms of employment', () => {
    expect(isJoinable(org('industry', true), 'new_employment')).toBe(true);
    expect(isJoinable(org('industry', false), 'new_employment')).toBe(false);
    expect(isJoinable(org('grassroots', false), 'new_employment')).toBe(true);
  });
});
