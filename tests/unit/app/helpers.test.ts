import { uploadName } from '../../../src/api/upload';
import type { Session } from '../../../src/api/types';
import { detailUrl } from '../../../src/packages/staff/reviews/detailUrl';
import { orgScopesOf } from '../../../src/stores/session';
import { workbenchTiles } from '../../../src/features';
import { workbenchFor } from '../../../src/utils/workbench';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {}, useDidShow: () => undefined, useDidHide: () => undefined }));

const grant = (role: string, scopeId: string | null) => ({
  _id: `o:${role}:${scopeId ?? '*'}`,
  openid: 'o',
  role,
  scopeId,
  grantedAt: null,
  grantedBy: null,
});
const session = (roles: unknown[], isAdmin = false) =>
  ({ openid: 'o', roles, isAdmin, member: null, application: null, consents: [] }) as unknown as Session;

describe('uploadName', () => {
  it('is a safe storage name that keeps the image type', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(uploadName('wxfile://tmp_abc.PNG', now)).toMatch(/^[a-z0-9]+-[a-z0-9]+\.png$/);
    expect(uploadName('http://tmp/photo.jpeg?x=1', now)).toMatch(/\.jpg$/);
    // H5 gives blob: URLs without an extension.
    expect(uploadName('blob:http://127.0.0.1/4f1c-11', now)).toMatch(/^[A-Za-z0-9._-]+\.jpg$/);
  });
});

describe('detailUrl', () => {
  it('carries the queue filter so 通过并下一条 follows it', () => {
    expect(detailUrl('app-1')).toBe('/packages/staff/review-detail/index?id=app-1');
    expect(detailUrl('app 2', { keyword: '陈', orgId: 'org-cz' })).toBe(
      `/packages/staff/review-detail/index?id=app%202&keyword=${encodeURIComponent('陈')}&orgId=org-cz`,
    );
  });
});

describe('orgScopesOf and workbenchFor', () => {
  it('gives a staffer their unions and the staff tiles; an administrator every union and every tile', () => {
    const staff = session([grant('staff', 'org-cz-wujin')]);
    expect(orgScopesOf(staff)).toEqual(['org-cz-wujin']);
    const staffKeys = workbenchFor(staff).map((t) => t.key);
    expect(staffKeys.slice(0, 3)).toEqual(['notices', 'reviews', 'transfers']);
    expect(staffKeys).toEqual(expect.arrayContaining(['places', 'legalRoster', 'trips', 'contests', 'contestUnit']));
    for (const adminOnly of ['roles', 'audit', 'counter', 'legalDesk']) expect(staffKeys).not.toContain(adminOnly);
    const admin = session([], true);
    expect(orgScopesOf(admin)).toBeNull();
    expect(workbenchFor(admin).map((t) => t.key)).toEqual(workbenchTiles().map((t) => t.key));
    const lawyer = session([grant('lawyer', 'st-cz-wujin')]);
    // A duty lawyer also answers the station's questions asked online (线上法律咨询).
    expect(workbenchFor(lawyer).map((t) => t.key)).toEqual(['legalDesk', 'legalRoster', 'legalQaDesk']);
  });

  it('gives a member no 工作台, and merchant staff their 核销台', () => {
    expect(workbenchFor(session([]))).toEqual([]);
    expect(workbenchFor(session([grant('merchant', 'merchant-01')])).map((t) => t.key)).toEqual(['counter']);
  });
});
