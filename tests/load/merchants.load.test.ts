/**
 * Redemption limits under load, through the `api` function on the local cloud (bounded: at most 100 calls at
 * once, against 127.0.0.1 only). Asserts on what ended up stored, not only on the answers.
 */
import { callApi, callOk, type storeReader, startSeededCloud } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { DEMO_CARD, freshCode, merchantWithOffer } from '../support/merchants';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
  // Start the function's instances (the local cloud runs up to 8) before the storms, one more per round, so that
  // no two cold starts compete on a loaded machine and cold starts are not what the storms measure.
  for (let n = 1; n <= 8; n += 1) {
    await Promise.all(Array.from({ length: n }, () => callApi(cloud.baseUrl, 'warm-up', 'card.benefits', {})));
  }
}, 120_000);
afterAll(() => cloud?.stop());

async function tickets(staff: string, n: number, placeId?: string): Promise<string[]> {
  const out: string[] = [];
  // Checked in batches of 20: the checks are not what is under test.
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, () =>
        callOk(cloud.baseUrl, staff, 'merchants.check', { code: freshCode(), ...(placeId ? { placeId } : {}) }),
      ),
    );
    out.push(...batch.map((c) => c.ticket));
  }
  return out;
}

function outcome(r: Awaited<ReturnType<typeof callApi>>): string {
  return r.ok ? 'ok' : (r.error as { code: string }).code;
}

function tally(list: string[]): Record<string, number> {
  return list.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x]: (acc[x] ?? 0) + 1 }), {});
}

it('100 concurrent redemptions of a once-a-day offer by one member: exactly one succeeds', async () => {
  const all = await tickets('demo-merchant-01', 100);
  const results = await Promise.all(
    all.map((ticket) => callApi(cloud.baseUrl, 'demo-merchant-01', 'merchants.redeem', { ticket, offerId: 'merchant-01-o1' })),
  );
  expect(tally(results.map(outcome))).toEqual({ ok: 1, LIMIT_REACHED: 99 });
  const today = await callOk(cloud.baseUrl, 'demo-merchant-01', 'merchants.today', {});
  expect(today.total).toBe(1);
  expect(await store.count('redemptions', { offerId: 'merchant-01-o1', cardNo: DEMO_CARD, day: today.day })).toBe(1);
});

it('the same ticket confirmed 50 times at once writes one redemption', async () => {
  const [ticket] = await tickets('demo-merchant-01', 1);
  const results = await Promise.all(
    Array.from({ length: 50 }, () =>
      callApi(cloud.baseUrl, 'demo-merchant-01', 'merchants.redeem', { ticket, offerId: 'merchant-01-o2' }),
    ),
  );
  const fresh = results.filter((r) => r.ok && !r.data.repeated);
  expect(fresh).toHaveLength(1);
  // The others answer with the same redemption (a repeat) or that it is under way; none is a second one.
  for (const r of results) {
    if (r.ok) expect(r.data.redemption._id).toBe(fresh[0].ok && fresh[0].data.redemption._id);
    else expect(r.error.code).toBe('CONFLICT');
  }
  expect(await store.count('redemptions', { offerId: 'merchant-01-o2' })).toBe(1);
  const quota = await store.byId<{ seatsLeft: number; holders: Record<string, unknown> }>('offer_quotas', 'merchant-01-o2');
  expect(quota!.seatsLeft).toBe(199);
  expect(Object.keys(quota!.holders)).toHaveLength(1);
});

it('an offer with 10 in total, 60 confirmations at once: exactly 10 are written, the quota ends at 0', async () => {
  const m = await merchantWithOffer(
    cloud.baseUrl,
    { placeName: '限量压力测试店', lat: 31.5, lng: 119.5 },
    { period: 'none', totalLimit: 10 },
  );
  await callOk(cloud.baseUrl, 'demo-admin', 'roles.grant', { openid: 'load-staff', role: 'merchant', scopeId: m.placeId });
  const all = await tickets('load-staff', 60);
  const results = await Promise.all(
    all.map((ticket) => callApi(cloud.baseUrl, 'load-staff', 'merchants.redeem', { ticket, offerId: m.offerId })),
  );
  expect(tally(results.map(outcome))).toEqual({ ok: 10, OFFER_SOLD_OUT: 50 });
  expect(await store.count('redemptions', { offerId: m.offerId })).toBe(10);
  const quota = await store.byId<{ seatsLeft: number; holders: Record<string, unknown> }>('offer_quotas', m.offerId);
  expect(quota!.seatsLeft).toBe(0);
  expect(Object.keys(quota!.holders)).toHaveLength(10);
});

it('a weekly limit of 2 and a total of 30, 40 confirmations at once: exactly 2 are written, 2 seats used', async () => {
  const m = await merchantWithOffer(
    cloud.baseUrl,
    { placeName: '周限压力测试店', lat: 31.5, lng: 119.5 },
    { period: 'week', perPeriod: 2, totalLimit: 30 },
  );
  await callOk(cloud.baseUrl, 'demo-admin', 'roles.grant', { openid: 'load-staff-2', role: 'merchant', scopeId: m.placeId });
  const all = await tickets('load-staff-2', 40);
  const results = await Promise.all(
    all.map((ticket) => callApi(cloud.baseUrl, 'load-staff-2', 'merchants.redeem', { ticket, offerId: m.offerId })),
  );
  expect(tally(results.map(outcome))).toEqual({ ok: 2, LIMIT_REACHED: 38 });
  expect(await store.count('redemptions', { offerId: m.offerId })).toBe(2);
  // Seats claimed by refused confirmations were given back.
  expect(await store.byId('offer_quotas', m.offerId)).toMatchObject({ seatsLeft: 28 });
});
