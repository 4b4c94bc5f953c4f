/**
 * Legal-aid stations made in the app (issue 19): union staff create and edit the stations their union subtree
 * runs; a station outside it, or a move out of it, is refused and stores nothing. The new station is listed,
 * and can be the scope of a duty lawyer's role. A form sent twice (double tap, retry) with its requestId creates one
 * station, whichever database request of the first call the second one runs at.
 */
import type { ApiContract } from '../../cloudfunctions/api/src/contract';
import { callApi } from '../support/api';
import { clearPauses, eachPausePoint } from '../support/interleave';
import { givenStaff, useCloud } from '../support/scenario';

type StationInput = ApiContract['legalAid.saveStation']['input'];

const env = useCloud();
const WUJIN_STAFF = 'demo-staff-wujin'; // staff of org-cz-wujin
const CITY_STAFF = 'demo-staff-city'; // staff of org-cz (everything)

const station = (overrides: Partial<StationInput> | Record<string, unknown> = {}): StationInput => ({
  name: '湖塘镇职工法律援助工作点',
  address: '常州市武进区湖塘镇某路88号 镇总工会一楼',
  location: { latitude: 31.7102, longitude: 119.9511 },
  hours: '周一、周三 9:00–11:30',
  services: ['consult', 'mediation'],
  phone: '0519-8631 0001',
  orgId: 'org-cz-wujin-g2',
  ...(overrides as Partial<StationInput>),
});

const WATCHED = ['legal_stations', 'audit'];

describe('legal-aid stations edited in the app', () => {
  let created = '';

  it('staff create a station of a union in their subtree; it is stored with the union path, listed and audited', async () => {
    const view = await env.ok(WUJIN_STAFF, 'legalAid.saveStation', station());
    created = view._id;
    expect(view).toMatchObject({ name: '湖塘镇职工法律援助工作点', orgPath: ['org-cz', 'org-cz-wujin', 'org-cz-wujin-g2'] });
    expect(await env.store.byId('legal_stations', created)).toMatchObject({
      name: '湖塘镇职工法律援助工作点',
      location: { latitude: 31.7102, longitude: 119.9511 },
      services: ['consult', 'mediation'],
      phone: '0519-8631 0001',
      orgId: 'org-cz-wujin-g2',
      orgPath: ['org-cz', 'org-cz-wujin', 'org-cz-wujin-g2'],
      createdBy: WUJIN_STAFF,
    });
    const listed = await env.ok('demo-member-01', 'legalAid.stations', {});
    expect(listed.items.map((s) => s._id)).toContain(created);
    expect(await env.store.count('audit', { action: 'legalAid.saveStation', target: created })).toBe(1);
  });

  it('staff edit it: hours, services, phone and a move within their subtree', async () => {
    const view = await env.ok(
      WUJIN_STAFF,
      'legalAid.saveStation',
      station({
        stationId: created,
        hours: '周一至周五 9:00–17:00',
        services: ['consult', 'aid_application'],
        orgId: 'org-cz-wujin',
      }),
    );
    expect(view).toMatchObject({ _id: created, hours: '周一至周五 9:00–17:00', orgPath: ['org-cz', 'org-cz-wujin'] });
    expect(await env.store.byId('legal_stations', created)).toMatchObject({
      hours: '周一至周五 9:00–17:00',
      services: ['consult', 'aid_application'],
      orgId: 'org-cz-wujin',
      updatedBy: WUJIN_STAFF,
    });
    expect(await env.store.count('legal_stations', { name: '湖塘镇职工法律援助工作点' })).toBe(1);
  });

  it('refuses out-of-scope creates, edits and moves, members and lawyers; nothing stored', async () => {
    const lawyer = await givenStaff(env, { role: 'lawyer', scopeId: 'st-cz-wujin' });
    const before = await env.store.snapshot(WATCHED);
    // A union outside the caller's subtree.
    const other = await env.call(WUJIN_STAFF, 'legalAid.saveStation', station({ orgId: 'org-cz-tianning' }));
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('管辖') } });
    // Another union's station (run by the city union), even naming the caller's own union.
    const foreign = await env.call(
      WUJIN_STAFF,
      'legalAid.saveStation',
      station({ stationId: 'st-cz-city', orgId: 'org-cz-wujin' }),
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Their own station moved out of their subtree.
    const away = await env.call(WUJIN_STAFF, 'legalAid.saveStation', station({ stationId: created, orgId: 'org-cz-xinbei' }));
    expect(away).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Members and a station's own lawyer are not union staff.
    expect(await env.call('demo-member-01', 'legalAid.saveStation', station())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await env.call(lawyer, 'legalAid.saveStation', station({ stationId: 'st-cz-wujin', orgId: 'org-cz-wujin' })),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // An unknown union, a missing station, bad input.
    expect(await env.call(CITY_STAFF, 'legalAid.saveStation', station({ orgId: 'org-nowhere' }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'orgId' } },
    });
    expect(await env.call(CITY_STAFF, 'legalAid.saveStation', station({ stationId: 'st-nowhere' }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await env.call(CITY_STAFF, 'legalAid.saveStation', station({ services: [] }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'services' } },
    });
    expect(
      await env.call(CITY_STAFF, 'legalAid.saveStation', station({ location: { latitude: 120, longitude: 0 } })),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'location' } },
    });
    expect(await env.store.snapshot(WATCHED)).toEqual(before);
  });

  it('city staff (above) edit it, and the new station can be a duty lawyer scope', async () => {
    await env.ok(
      CITY_STAFF,
      'legalAid.saveStation',
      station({ stationId: created, orgId: 'org-cz-wujin', phone: '0519-8631 0002' }),
    );
    expect(await env.store.byId('legal_stations', created)).toMatchObject({ phone: '0519-8631 0002', updatedBy: CITY_STAFF });
    const grant = await env.ok('demo-admin', 'roles.grant', { openid: 'lawyer-new-station', role: 'lawyer', scopeId: created });
    expect(grant).toMatchObject({ role: 'lawyer', scopeId: created });
  });
});

describe('a new station sent twice with the same requestId', () => {
  afterEach(() => clearPauses(env.cloud.baseUrl));

  it('two calls at once create one station, answered to both, audited once', async () => {
    const input = station({ name: '双击测试法律援助站', requestId: 'form-double-tap-0001' });
    const [a, b] = await Promise.all([
      env.call(WUJIN_STAFF, 'legalAid.saveStation', input),
      env.call(WUJIN_STAFF, 'legalAid.saveStation', input),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });
    const id = (a as { data: { _id: string } }).data._id;
    expect((b as { data: { _id: string } }).data._id).toBe(id);
    expect(await env.store.count('legal_stations', { name: '双击测试法律援助站' })).toBe(1);
    expect(await env.store.count('audit', { action: 'legalAid.saveStation', target: id })).toBe(1);
    // Another staffer's form with the same request id is another station.
    const other = await env.ok(CITY_STAFF, 'legalAid.saveStation', input);
    expect(other._id).not.toBe(id);
    expect(await env.store.count('legal_stations', { name: '双击测试法律援助站' })).toBe(2);
  });

  it('the first call held before each of its database requests while the second runs: still one station', async () => {
    let round = 0;
    const points: number[] = [];
    await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'legalAid.saveStation' }, async (pause) => {
      round += 1;
      const name = `交错测试法律援助站${round}`;
      const input = station({ name, requestId: `form-interleave-${round}-0001` });
      const first = callApi(env.cloud.baseUrl, WUJIN_STAFF, 'legalAid.saveStation', input);
      const state = await pause.settled();
      const second = await callApi(env.cloud.baseUrl, WUJIN_STAFF, 'legalAid.saveStation', input);
      if (state.state === 'paused') await pause.release();
      const answers = [await first, second];
      expect(answers).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
      const ids = answers.map((r) => (r as { data: { _id: string } }).data._id);
      expect(ids[1]).toBe(ids[0]);
      const stored = await env.store.byId('legal_stations', ids[0]);
      expect(stored).toMatchObject({ name, createdBy: WUJIN_STAFF, orgId: 'org-cz-wujin-g2' });
      expect(await env.store.count('legal_stations', { name })).toBe(1);
      expect(await env.store.count('audit', { action: 'legalAid.saveStation', target: ids[0] })).toBe(1);
      points.push(round);
    });
    // The call makes several database requests (the union, the count, the insert, the audit): each was a pause point.
    expect(points.length).toBeGreaterThanOrEqual(4);
  }, 300_000);
});
