/**
 * An area the union switched off (settings.get → areas) disappears from the app: its 首页 and 服务 tiles, its
 * 工作台 tiles and its pages (navigation to them is refused). Without settings every area shows.
 */
import {
  buildRoutes,
  isPathOn,
  MAX_TEMPLATES_PER_REQUEST,
  pathsOff,
  SUBSCRIBE_TEMPLATE_IDS,
  subscribeRequests,
  subscribeTemplates,
  tiles,
  workbenchTiles,
} from '../../../src/features';
import { SWITCHABLE_AREAS } from '../../../cloudfunctions/api/src/rules/areas';
import { workbenchFor } from '../../../src/utils/workbench';
import type { Session } from '../../../src/api/types';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { getStorageSync: () => '', setStorageSync: () => undefined } }));

const ALL_ON = Object.fromEntries(SWITCHABLE_AREAS.map((a) => [a, true]));
const routes = buildRoutes();
const keys = (list: Array<{ key: string }>) => list.map((t) => t.key);

describe('area switches in the app', () => {
  it('shows every area without settings and with all switched on', () => {
    expect(keys(tiles('services', ALL_ON))).toEqual(keys(tiles('services')));
    expect(keys(tiles('services'))).toEqual(expect.arrayContaining(['legal', 'social', 'trip', 'contest']));
    expect(keys(workbenchTiles(null))).toEqual(keys(workbenchTiles(ALL_ON)));
    expect(pathsOff(ALL_ON)).toEqual([]);
    expect(isPathOn(routes.matchmaking, undefined)).toBe(true);
  });

  it('drops a switched-off area’s tiles, 工作台 tiles and pages, and nothing else', () => {
    const areas = { ...ALL_ON, matchmaking: false, legalAid: false };
    const home = keys(tiles('home', areas));
    const services = keys(tiles('services', areas));
    expect(home).not.toContain('social');
    expect(home).not.toContain('legal');
    expect(services).not.toContain('social');
    expect(services).toEqual(keys(tiles('services')).filter((k) => !['social', 'legal'].includes(k)));
    const workbench = keys(workbenchTiles(areas));
    for (const gone of ['socialEvents', 'socialConfirm', 'legalDesk', 'legalRoster']) expect(workbench).not.toContain(gone);
    expect(workbench).toEqual(expect.arrayContaining(['reviews', 'trips', 'settings']));

    expect(isPathOn(routes.matchmaking, areas)).toBe(false);
    expect(isPathOn(`${routes.matchmakingDetail}?id=E1`, areas)).toBe(false);
    expect(isPathOn(routes.legalAidBook, areas)).toBe(false);
    expect(isPathOn(routes.recuperation, areas)).toBe(true);
    expect(isPathOn(routes.home, areas)).toBe(true);
    expect(pathsOff(areas)).toContain(routes.legalAidDesk);
  });

  it('leaves the 工作台 of an administrator without the switched-off area; the settings tile is admin-only', () => {
    const admin = { openid: 'a', roles: [], isAdmin: true, member: null, application: null, consents: [] } as unknown as Session;
    const staff = { ...admin, isAdmin: false, roles: [{ role: 'staff', scopeId: 'org-cz' }] } as unknown as Session;
    expect(keys(workbenchFor(admin, { ...ALL_ON, competitions: false }))).not.toContain('contests');
    expect(keys(workbenchFor(admin, ALL_ON))).toContain('settings');
    expect(keys(workbenchFor(staff, ALL_ON))).not.toContain('settings');
  });

  it('asks WeChat with the union’s template ids from settings; placeholders only where settings name none', () => {
    const ids = { membership_status: 'tmpl-union-membership', legal_aid_status: 'tmpl-union-legal' };
    const requests = subscribeRequests(ids);
    expect(requests.membershipApply).toEqual([{ key: 'membership_status', id: 'tmpl-union-membership' }]);
    expect(requests.legalAidBook).toEqual([
      { key: 'legal_aid_status', id: 'tmpl-union-legal' },
      { key: 'legal_aid_reminder', id: SUBSCRIBE_TEMPLATE_IDS.legal_aid_reminder },
    ]);
    expect(requests.me[0]).toEqual({ key: 'membership_status', id: 'tmpl-union-membership' });
    for (const list of Object.values(requests)) expect(list.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_REQUEST);
    expect(subscribeTemplates(ids).find((t) => t.key === 'membership_status')?.id).toBe('tmpl-union-membership');
    expect(subscribeRequests(null).membershipApply[0].id).toBe(SUBSCRIBE_TEMPLATE_IDS.membership_status);
  });
});
