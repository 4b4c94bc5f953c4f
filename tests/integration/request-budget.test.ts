/**
 * The budget of database requests per action (issue 20): each action below, called through the real `api`
 * function on the local cloud, must make at most its budget of database requests, as the local cloud counts
 * them (header x-local-cloud-db-requests). Every figure is taken on a warm instance: the action is called
 * once first (as another person, or on another record), then measured. A table of the figures is printed.
 */
import { apiBundleExists, applyInput } from '../support/api';
import { callApiCounted } from '../support/requests';
import { givenApplicant, givenMember, useCloud } from '../support/scenario';
import { MAX_OPEN_BOOKINGS } from '../../cloudfunctions/api/src/rules/legalAid';
import { bookingIdOf, bookInput, futureSlot, LA, personKey } from '../support/legalAid';
import { CITY_STAFF } from '../support/competitions';
import { openTrip, putMembers } from '../support/trips';
import type { ModuleDef } from '../../cloudfunctions/api/src/action';
import { MODULES } from '../../cloudfunctions/api/src/actions';

const env = useCloud();

/**
 * 消息与待办's item sources, every area's (docs/inbox.md): inbox.count asks each once, so a member with nothing
 * costs one request per source; a second request for the engine's activities and one for seen marks come on top.
 * Six sources when this budget was set (6 / 8); an area that adds a source adds one request.
 */
const INBOX_SOURCES = (MODULES as readonly ModuleDef[]).reduce((n, m) => n + Object.keys(m.inbox?.sources ?? {}).length, 0);

/** action → most database requests one call may make. */
const BUDGET = {
  'session.get': 2,
  'card.token': 1,
  'membership.apply': 6,
  'membership.approveMany (50)': 150,
  'recuperation.signUp': 4,
  'legalAid.book': 6,
  'inbox.count': INBOX_SOURCES + 2,
} as const;
type Measured = keyof typeof BUDGET;

const figures = new Map<Measured, number>();

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
});

afterAll(() => {
  const rows = Object.entries(BUDGET).map(([action, budget]) => ({
    action,
    requests: figures.get(action as Measured) ?? '—',
    budget,
  }));
  console.log(`database requests per call (warm instance)\n${formatTable(rows)}`);
});

function formatTable(rows: Array<{ action: string; requests: number | string; budget: number }>): string {
  const width = Math.max(...rows.map((r) => r.action.length));
  return rows.map((r) => `${r.action.padEnd(width)}  ${String(r.requests).padStart(4)}  (≤ ${r.budget})`).join('\n');
}

/** Calls the action, expects success, records and returns its database requests. */
async function measure<T>(label: Measured, call: () => ReturnType<typeof callApiCounted>, check?: (data: T) => void) {
  const { envelope, dbRequests } = await call();
  if (!envelope.ok) throw new Error(`${label} failed: ${envelope.error.code} ${envelope.error.message}`);
  check?.(envelope.data as T);
  figures.set(label, dbRequests);
  return dbRequests;
}

const counted = (openid: string, action: Parameters<typeof callApiCounted>[2], input: unknown) => () =>
  callApiCounted(env.cloud.baseUrl, openid, action, input);

describe('database requests per call', () => {
  it('session.get (every app launch): a member, a staffer with a scope, a newcomer', async () => {
    await env.ok('demo-member-01', 'session.get', {});
    const member = await measure<{ member: { cardNo: string } | null; application: unknown }>(
      'session.get',
      counted('demo-member-01', 'session.get', {}),
      (s) => {
        expect(s.member).toMatchObject({ cardNo: 'CZ2024000001' });
        expect(s.application).toMatchObject({ status: 'approved' });
      },
    );
    expect(member).toBeLessThanOrEqual(BUDGET['session.get']);
    // Staff launch the app too: their grants and the names of what they act for come within the budget.
    const staff = await callApiCounted(env.cloud.baseUrl, 'demo-staff-wujin', 'session.get', {});
    expect(staff.envelope).toMatchObject({ ok: true, data: { roles: [{ role: 'staff', scopeName: expect.any(String) }] } });
    expect(staff.dbRequests).toBeLessThanOrEqual(BUDGET['session.get']);
    // A first launch creates the account: one write more at most, once.
    const newcomer = await callApiCounted(env.cloud.baseUrl, 'budget-newcomer', 'session.get', {});
    expect(newcomer.envelope).toMatchObject({ ok: true, data: { openid: 'budget-newcomer', member: null, roles: [] } });
    expect(await env.store.count('accounts', { openid: 'budget-newcomer' })).toBe(1);
    figures.set('session.get', Math.max(member, staff.dbRequests));
  });

  it('card.token', async () => {
    await env.ok('demo-member-01', 'card.token', {});
    const n = await measure<{ token: string }>('card.token', counted('demo-member-01', 'card.token', {}), (v) =>
      expect(v.token).toMatch(/\./),
    );
    expect(n).toBeLessThanOrEqual(BUDGET['card.token']);
  });

  it('membership.apply (a first application, after the launch that created the account)', async () => {
    await env.ok('budget-applicant-0', 'membership.apply', applyInput());
    await env.ok('budget-applicant-1', 'session.get', {});
    const n = await measure<{ status: string }>(
      'membership.apply',
      counted('budget-applicant-1', 'membership.apply', applyInput()),
      (v) => expect(v.status).toBe('pending'),
    );
    expect(await env.store.count('applications', { openid: 'budget-applicant-1', status: 'pending' })).toBe(1);
    expect(await env.store.count('id_registry', { openid: 'budget-applicant-1' })).toBe(1);
    expect(n).toBeLessThanOrEqual(BUDGET['membership.apply']);
  });

  it('membership.approveMany: staff approve 50 applications in one call', async () => {
    const warm = await givenApplicant(env, { orgId: 'org-cz-wujin-g2' });
    await env.ok('demo-staff-wujin', 'membership.approveMany', { items: [{ applicationId: warm.applicationId }] });
    const applicants = [];
    for (let i = 0; i < 50; i += 1) applicants.push(await givenApplicant(env, { orgId: 'org-cz-wujin-g1' }));
    const items = applicants.map((a) => ({ applicationId: a.applicationId }));
    const n = await measure<{ approved: string[]; failed: unknown[] }>(
      'membership.approveMany (50)',
      counted('demo-staff-wujin', 'membership.approveMany', { items }),
      (r) => {
        expect(r.failed).toEqual([]);
        expect(r.approved).toHaveLength(50);
      },
    );
    expect(await env.store.count('members', { openid: env.store.db.command.in(applicants.map((a) => a.openid)) })).toBe(50);
    expect(n).toBeLessThanOrEqual(BUDGET['membership.approveMany (50)']);
  });

  it('recuperation.signUp: first come first served, no frequency rule, a seat free', async () => {
    await putMembers(env.store.db, [{ openid: 'budget-trip-0' }, { openid: 'budget-trip-1' }]);
    const tripId = await openTrip(env.cloud.baseUrl, { capacity: 5, everyYears: 0 });
    await env.ok('budget-trip-0', 'recuperation.signUp', { activityId: tripId });
    const n = await measure<{ status: string }>(
      'recuperation.signUp',
      counted('budget-trip-1', 'recuperation.signUp', { activityId: tripId }),
      (v) => expect(v.status).toBe('approved'),
    );
    expect(n).toBeLessThanOrEqual(BUDGET['recuperation.signUp']);
  });

  it('legalAid.book: a member books a seat (a first booking, and one more with the allowance made)', async () => {
    const first = await givenMember(env, { orgId: 'org-cz-wujin-g1' });
    const second = await givenMember(env, { orgId: 'org-cz-wujin-g1' });
    const slotId = await futureSlot(env.cloud, 3, { capacity: 3 });
    const laterSlot = await futureSlot(env.cloud, 4, { capacity: 3 });
    await env.ok(first.openid, 'legalAid.book', bookInput(slotId));
    const firstBooking = await measure<{ status: string }>(
      'legalAid.book',
      counted(second.openid, 'legalAid.book', bookInput(slotId)),
      (v) => expect(v.status).toBe('confirmed'),
    );
    const again = await callApiCounted(env.cloud.baseUrl, second.openid, 'legalAid.book', bookInput(laterSlot));
    expect(again.envelope).toMatchObject({ ok: true, data: { status: 'confirmed' } });
    // What is stored: both bookings confirmed, a seat held in each slot, two allowance seats (of 2) held.
    for (const id of [slotId, laterSlot]) {
      expect(await env.store.byId(LA.bookings, bookingIdOf(id, second.openid))).toMatchObject({ status: 'confirmed' });
    }
    expect(await env.store.byId(LA.slots, slotId)).toMatchObject({ seatsLeft: 1 });
    const allowance = await env.store.byId<{ seatsLeft: number; holders: object }>(LA.allowances, personKey(second.openid));
    expect(allowance?.seatsLeft).toBe(MAX_OPEN_BOOKINGS - 2);
    expect(Object.keys(allowance?.holders ?? {})).toHaveLength(2);
    figures.set('legalAid.book', Math.max(firstBooking, again.dbRequests));
    expect(firstBooking).toBeLessThanOrEqual(BUDGET['legalAid.book']);
    expect(again.dbRequests).toBeLessThanOrEqual(BUDGET['legalAid.book']);
  });

  it('inbox.count (the badge, on every 首页 show): a member with nothing, and one with an offer, a booking and a 公示', async () => {
    await putMembers(env.store.db, [{ openid: 'budget-inbox-0' }, { openid: 'budget-inbox-1' }, { openid: 'budget-inbox-2' }]);
    await env.ok('budget-inbox-0', 'inbox.count', {});
    const empty = await measure<{ count: number }>('inbox.count', counted('budget-inbox-2', 'inbox.count', {}), (v) =>
      expect(v).toEqual({ count: 0, todo: 0 }),
    );
    const tripId = await openTrip(env.cloud.baseUrl, { capacity: 1, claimHours: 24, everyYears: 0 });
    const published = await openTrip(env.cloud.baseUrl, { capacity: 3, everyYears: 0 });
    await env.ok('budget-inbox-0', 'recuperation.signUp', { activityId: tripId });
    await env.ok('budget-inbox-1', 'recuperation.signUp', { activityId: tripId });
    await env.ok('budget-inbox-0', 'enrollment.cancel', { enrollmentId: `${tripId}_budget-inbox-0` });
    await env.ok('budget-inbox-1', 'recuperation.signUp', { activityId: published });
    await env.ok(CITY_STAFF, 'enrollment.publish', { activityId: published, days: 5 });
    await env.ok('budget-inbox-1', 'legalAid.book', bookInput(await futureSlot(env.cloud, 1)));
    const full = await measure<{ count: number }>('inbox.count', counted('budget-inbox-1', 'inbox.count', {}), (v) =>
      expect(v).toEqual({ count: 3, todo: 2 }),
    );
    figures.set('inbox.count', Math.max(empty, full));
    expect(empty).toBeLessThanOrEqual(INBOX_SOURCES);
    expect(full).toBeLessThanOrEqual(BUDGET['inbox.count']);
  });
});
