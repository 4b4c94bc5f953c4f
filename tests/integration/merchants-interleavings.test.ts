/**
 * Two confirmations at the counter forced into every order: the first is held before each of its database
 * requests in turn (k = 1, 2, … until it makes fewer), the second runs to its end meanwhile, then the first
 * goes on. Whatever the order: a once-a-day offer is redeemed once, an offer with one seat left is redeemed
 * once, a ticket confirmed twice writes one redemption — and no call answers INTERNAL.
 */
import type { ApiEnvelope } from '../support/api';
import { clearPauses, pauseAt } from '../support/interleave';
import { freshCode, merchantWithOffer } from '../support/merchants';
import { useCloud } from '../support/scenario';

jest.setTimeout(600_000);

const env = useCloud();
afterEach(() => clearPauses(env.cloud.baseUrl));

let serial = 0;

/** A fresh place with one offer, and two staff members of it; tickets for each. */
async function counter(offer: Parameters<typeof merchantWithOffer>[2]) {
  serial += 1;
  const m = await merchantWithOffer(env.cloud.baseUrl, { placeName: `交错测试店${serial}`, lat: 31.3, lng: 119.3 }, offer);
  const staff = [`il-a-${serial}`, `il-b-${serial}`];
  for (const openid of staff) await env.ok('demo-admin', 'roles.grant', { openid, role: 'merchant', scopeId: m.placeId });
  const ticket = async (openid: string) => (await env.ok(openid, 'merchants.check', { code: freshCode() })).ticket;
  return { ...m, staff, ticket };
}

function code(r: ApiEnvelope<unknown>): string {
  return r.ok ? 'ok' : r.error.code;
}

/**
 * For k = 1, 2, …: a fresh counter (setup), the first confirmation held before its k-th database request, the
 * second run to its end, the first released; `check` judges the answers and what is stored. Returns the number
 * of pause points (the first call's database requests).
 */
async function race(
  setup: () => Promise<{ offerId: string; a: { openid: string; ticket: string }; b: { openid: string; ticket: string } }>,
  check: (outcomes: string[], offerId: string) => Promise<void>,
): Promise<number> {
  for (let k = 1; k <= 30; k += 1) {
    const { offerId, a, b } = await setup();
    const pause = await pauseAt(env.cloud.baseUrl, {
      function: 'api',
      openid: a.openid,
      action: 'merchants.redeem',
      atRequest: k,
    });
    const first = env.call(a.openid, 'merchants.redeem', { ticket: a.ticket, offerId });
    const state = await pause.settled();
    if (state.state === 'missed') {
      await first;
      await pause.disarm();
      return k - 1;
    }
    const second = await env.call(b.openid, 'merchants.redeem', { ticket: b.ticket, offerId });
    await pause.release();
    const outcomes = [code(await first), code(second)];
    await pause.disarm();
    if (outcomes.includes('INTERNAL')) throw new Error(`held before request ${k}: ${outcomes.join(', ')}`);
    await check(outcomes, offerId);
  }
  throw new Error('more than 30 pause points');
}

it('a once-a-day offer: two codes of one member, in every order, one redemption', async () => {
  const points = await race(
    async () => {
      const c = await counter({ period: 'day', perPeriod: 1 });
      return {
        offerId: c.offerId,
        a: { openid: c.staff[0], ticket: await c.ticket(c.staff[0]) },
        b: { openid: c.staff[1], ticket: await c.ticket(c.staff[1]) },
      };
    },
    async (outcomes, offerId) => {
      expect(outcomes.sort()).toEqual(['LIMIT_REACHED', 'ok']);
      expect(await env.store.count('redemptions', { offerId })).toBe(1);
    },
  );
  // Held before each of: the grants, the place, the member, the insert, the used code's retirement.
  expect(points).toBe(5);
});

it('an offer with one seat: two codes in every order, one redemption, the seat used once', async () => {
  const points = await race(
    async () => {
      const c = await counter({ period: 'none', totalLimit: 1 });
      return {
        offerId: c.offerId,
        a: { openid: c.staff[0], ticket: await c.ticket(c.staff[0]) },
        b: { openid: c.staff[1], ticket: await c.ticket(c.staff[1]) },
      };
    },
    async (outcomes, offerId) => {
      expect(outcomes.sort()).toEqual(['OFFER_SOLD_OUT', 'ok']);
      expect(await env.store.count('redemptions', { offerId })).toBe(1);
      expect(await env.store.byId('offer_quotas', offerId)).toMatchObject({ seatsLeft: 0 });
    },
  );
  // Held before each of: the grants, the place, the member, the seat claim, the insert, the used code's retirement.
  expect(points).toBe(6);
});

it('one ticket confirmed twice, in every order: one redemption', async () => {
  const points = await race(
    async () => {
      const c = await counter({ period: 'none', totalLimit: 5 });
      const ticket = await c.ticket(c.staff[0]);
      return { offerId: c.offerId, a: { openid: c.staff[0], ticket }, b: { openid: c.staff[0], ticket } };
    },
    async (outcomes, offerId) => {
      expect(outcomes).toContain('ok');
      expect(outcomes.every((o) => o === 'ok' || o === 'CONFLICT')).toBe(true);
      expect(await env.store.count('redemptions', { offerId })).toBe(1);
      expect(await env.store.byId('offer_quotas', offerId)).toMatchObject({ seatsLeft: 4 });
    },
  );
  // Held before each of: the grants, the place, the member, the seat claim, the insert, the used code's retirement.
  expect(points).toBe(6);
});
