/**
 * 核销 through the real SDK on the local cloud: a merchant's staff check a member's code and confirm an offer;
 * limits per member and period, totals per offer, forged / expired / early / replayed codes, tickets bound to
 * the staff member who scanned, merchant scope, and the offline card tokens (card.tokens).
 */
import { signCardToken, signCardTokens } from '../../cloudfunctions/api/src/modules/card/cardToken';
import { callApi, callOk, type storeReader, startSeededCloud } from '../support/api';
import { setClock } from '../support/clock';
import type { LocalCloud } from '../support/localCloud';
import { DEMO_CARD, freshCode, LOCAL_CARD_KEY, merchantWithOffer } from '../support/merchants';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
const STAFF = 'demo-merchant-01';
const MEMBER = 'demo-member-01';

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
});
afterAll(() => cloud?.stop());

async function check(code: string, staff = STAFF, placeId?: string) {
  return callApi(cloud.baseUrl, staff, 'merchants.check', { code, ...(placeId ? { placeId } : {}) });
}

async function ticketFor(code: string, staff = STAFF, placeId?: string): Promise<string> {
  const r = await check(code, staff, placeId);
  if (!r.ok) throw new Error(`check failed: ${r.error.code} ${r.error.message}`);
  return r.data.ticket;
}

it('checks a member code, redeems once, and both sides see the record', async () => {
  const { token } = await callOk(cloud.baseUrl, MEMBER, 'card.token', {});
  const checked = await callOk(cloud.baseUrl, STAFF, 'merchants.check', { code: token });
  expect(checked.member).toEqual({ nameMasked: '陈*燕', orgName: '常州湖塘精密机械有限公司工会', cardNoMasked: 'CZ20****0001' });
  expect(checked.place).toEqual({ _id: 'merchant-01', name: '龙城书局（南大街店）' });
  expect(checked.offers.map((o) => [o.offerId, o.available])).toEqual([
    ['merchant-01-o1', true],
    ['merchant-01-o2', true],
  ]);
  expect(JSON.stringify(checked)).not.toContain('陈晓燕');
  expect(await store.count('audit', { action: 'merchants.check', actor: STAFF, summary: '陈*燕 · 龙城书局（南大街店）' })).toBe(
    1,
  );

  const done = await callOk(cloud.baseUrl, STAFF, 'merchants.redeem', { ticket: checked.ticket, offerId: 'merchant-01-o1' });
  expect(done.repeated).toBe(false);
  expect(done.redemption).toMatchObject({ placeName: '龙城书局（南大街店）', offerTitle: '会员购书8.8折', nameMasked: '陈*燕' });
  const stored = await store.byId<{ codeKey: string; periodKey: string }>('redemptions', done.redemption._id);
  expect(stored).toMatchObject({
    placeId: 'merchant-01',
    offerId: 'merchant-01-o1',
    openid: MEMBER,
    staffOpenid: STAFF,
    cardNo: DEMO_CARD,
  });
  expect(done.redemption._id).toBe(`merchant-01-o1_${DEMO_CARD}_${stored!.periodKey}_1`);

  // A repeated confirm (a lost answer retried) gives the same redemption back and writes nothing new.
  const again = await callOk(cloud.baseUrl, STAFF, 'merchants.redeem', { ticket: checked.ticket, offerId: 'merchant-01-o1' });
  expect(again).toEqual({ redemption: done.redemption, repeated: true });
  expect(await store.count('redemptions', { codeKey: stored!.codeKey })).toBe(1);

  const mine = await callOk(cloud.baseUrl, MEMBER, 'merchants.myRedemptions', {});
  expect(mine.items[0]).toEqual(done.redemption);
  expect(mine.total).toBe(3); // two seeded past redemptions + this one
  const today = await callOk(cloud.baseUrl, STAFF, 'merchants.today', {});
  expect(today.place).toEqual({ _id: 'merchant-01', name: '龙城书局（南大街店）' });
  expect(today.total).toBe(1);
  expect((await callOk(cloud.baseUrl, STAFF, 'workbench.summary', {})).counts.redemptionsToday).toBe(1);
  expect((await callOk(cloud.baseUrl, 'demo-staff-city', 'workbench.summary', {})).counts.redemptionsToday).toBe(0);
  expect(today.items[0]._id).toBe(done.redemption._id);

  // The used code is refused at the next scan, and the once-a-day offer shows as used up for a new code.
  expect(await check(token)).toMatchObject({
    ok: false,
    error: { code: 'TOKEN_USED', message: '该会员码已使用过，请让会员刷新后重新出示' },
  });
  // Still "used", not "expired", once its minute has passed: the reason the clerk needs (a code shown twice).
  await setClock(cloud.baseUrl, 5 * 60_000);
  try {
    expect(await check(token)).toMatchObject({ ok: false, error: { code: 'TOKEN_USED' } });
  } finally {
    await setClock(cloud.baseUrl, 0);
  }
  const next = await callOk(cloud.baseUrl, STAFF, 'merchants.check', { code: freshCode() });
  expect(next.offers.find((o) => o.offerId === 'merchant-01-o1')).toMatchObject({
    available: false,
    reason: '该会员已达到本优惠的使用次数上限',
  });
  const refused = await callApi(cloud.baseUrl, STAFF, 'merchants.redeem', { ticket: next.ticket, offerId: 'merchant-01-o1' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
  // The code of a refused redemption is not consumed: the same ticket still redeems another offer.
  const other = await callOk(cloud.baseUrl, STAFF, 'merchants.redeem', { ticket: next.ticket, offerId: 'merchant-01-o2' });
  expect(other.redemption.offerTitle).toBe('借阅卡免押金');
  expect(await store.byId('offer_quotas', 'merchant-01-o2')).toMatchObject({ seatsLeft: 199 });
});

it('refuses forged, expired, early and replayed codes with distinct reasons', async () => {
  const good = freshCode();
  const flipped = good.slice(0, 5) + (good[5] === 'A' ? 'B' : 'A') + good.slice(6);
  for (const forged of [flipped, signCardToken(DEMO_CARD, 'some-other-key').token, 'not-a-code']) {
    expect(await check(forged)).toMatchObject({
      ok: false,
      error: { code: 'TOKEN_INVALID', message: '会员码无效，请让会员刷新后重新出示' },
    });
  }
  const expired = signCardToken(DEMO_CARD, LOCAL_CARD_KEY, new Date(Date.now() - 120_000)).token;
  expect(await check(expired)).toMatchObject({
    ok: false,
    error: { code: 'TOKEN_EXPIRED', message: '会员码已过期，请让会员刷新后重新出示' },
  });
  const ahead = signCardTokens(DEMO_CARD, LOCAL_CARD_KEY, new Date())[3].token;
  expect(await check(ahead)).toMatchObject({ ok: false, error: { code: 'TOKEN_EARLY' } });
  const farAhead = signCardTokens(DEMO_CARD, LOCAL_CARD_KEY, new Date(Date.now() + 3600_000))[0].token;
  expect(await check(farAhead)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } });
  const unknownCard = signCardToken('CZ2099999999', LOCAL_CARD_KEY).token;
  expect(await check(unknownCard)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  const ticket = await ticketFor(freshCode());
  const tampered = ticket.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  expect(await callApi(cloud.baseUrl, STAFF, 'merchants.redeem', { ticket: tampered, offerId: 'merchant-01-o1' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
});

it('holds N-per-period limits and a total per offer', async () => {
  const twice = await merchantWithOffer(
    cloud.baseUrl,
    { placeName: '限次测试面馆', lat: 31.5, lng: 119.5 },
    { period: 'week', perPeriod: 2 },
  );
  await callOk(cloud.baseUrl, 'demo-admin', 'roles.grant', { openid: 'staff-limits', role: 'merchant', scopeId: twice.placeId });
  const results = [];
  for (let i = 0; i < 3; i += 1) {
    const ticket = await ticketFor(freshCode(), 'staff-limits');
    results.push(await callApi(cloud.baseUrl, 'staff-limits', 'merchants.redeem', { ticket, offerId: twice.offerId }));
  }
  expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'LIMIT_REACHED']);
  expect(await store.count('redemptions', { offerId: twice.offerId })).toBe(2);

  const total = await merchantWithOffer(
    cloud.baseUrl,
    { placeName: '限量测试小馆', lat: 31.5, lng: 119.5 },
    { period: 'none', totalLimit: 3 },
  );
  await callOk(cloud.baseUrl, 'demo-admin', 'roles.grant', { openid: 'staff-limits', role: 'merchant', scopeId: total.placeId });
  const outcomes = [];
  for (let i = 0; i < 5; i += 1) {
    const ticket = await ticketFor(freshCode(), 'staff-limits', total.placeId);
    const r = await callApi(cloud.baseUrl, 'staff-limits', 'merchants.redeem', { ticket, offerId: total.offerId });
    outcomes.push(r.ok ? 'ok' : r.error.code);
  }
  expect(outcomes).toEqual(['ok', 'ok', 'ok', 'OFFER_SOLD_OUT', 'OFFER_SOLD_OUT']);
  expect(await store.count('redemptions', { offerId: total.offerId })).toBe(3);
  expect(await store.byId('offer_quotas', total.offerId)).toMatchObject({ seatsLeft: 0 });
});

it('lets merchant staff act only for their own merchant, with their own tickets', async () => {
  const elsewhere = await check(freshCode(), STAFF, 'demo-m-0001');
  expect(elsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您只能处理本商户的业务' } });
  const member = await check(freshCode(), MEMBER);
  expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await callApi(cloud.baseUrl, STAFF, 'merchants.today', { placeId: 'demo-m-0001' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });

  // Merchant grants name a real place.
  expect(
    await callApi(cloud.baseUrl, 'demo-admin', 'roles.grant', { openid: 'staff-x', role: 'merchant', scopeId: 'no-such-place' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '所选商户不存在' },
  });
  // A colleague at another merchant cannot confirm with this staff member's ticket.
  await callOk(cloud.baseUrl, 'demo-admin', 'roles.grant', { openid: 'staff-other', role: 'merchant', scopeId: 'demo-m-0001' });
  const ticket = await ticketFor(freshCode());
  const stolen = await callApi(cloud.baseUrl, 'staff-other', 'merchants.redeem', { ticket, offerId: 'merchant-01-o1' });
  expect(stolen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // Nor redeem another merchant's offer with a ticket of their own place.
  const own = await ticketFor(freshCode(), 'staff-other');
  const wrongOffer = await callApi(cloud.baseUrl, 'staff-other', 'merchants.redeem', { ticket: own, offerId: 'merchant-01-o1' });
  expect(wrongOffer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('refuses a suspended offer or merchant', async () => {
  const m = await merchantWithOffer(cloud.baseUrl, { placeName: '暂停测试店', lat: 31.5, lng: 119.5 });
  await callOk(cloud.baseUrl, 'demo-admin', 'roles.grant', { openid: 'staff-suspend', role: 'merchant', scopeId: m.placeId });
  const ticket = await ticketFor(freshCode(), 'staff-suspend');
  await callOk(cloud.baseUrl, 'demo-admin', 'merchants.setStatus', {
    placeId: m.placeId,
    offerId: m.offerId,
    status: 'suspended',
  });
  expect(await callApi(cloud.baseUrl, 'staff-suspend', 'merchants.redeem', { ticket, offerId: m.offerId })).toMatchObject({
    ok: false,
    error: { code: 'OFFER_UNAVAILABLE' },
  });
  await callOk(cloud.baseUrl, 'demo-admin', 'merchants.setStatus', { placeId: m.placeId, offerId: m.offerId, status: 'active' });
  await callOk(cloud.baseUrl, 'demo-admin', 'merchants.setStatus', { placeId: m.placeId, status: 'suspended' });
  expect(await callApi(cloud.baseUrl, 'staff-suspend', 'merchants.redeem', { ticket, offerId: m.offerId })).toMatchObject({
    ok: false,
    error: { code: 'PLACE_SUSPENDED' },
  });
  expect(await store.count('redemptions', { offerId: m.offerId })).toBe(0);
});

it('hands out six consecutive one-minute codes for use without network, each valid only in its own minute', async () => {
  const { tokens, serverTime } = await callOk(cloud.baseUrl, MEMBER, 'card.tokens', {});
  expect(tokens).toHaveLength(6);
  const now = new Date(serverTime).getTime();
  for (const [i, t] of tokens.entries()) {
    expect(new Date(t.expiresAt).getTime() - new Date(t.notBefore).getTime()).toBe(60_000);
    if (i > 0) expect(t.notBefore).toBe(tokens[i - 1].expiresAt);
  }
  expect(new Date(tokens[0].notBefore).getTime()).toBeLessThanOrEqual(now);
  // Together they cover at least five minutes from now.
  expect(new Date(tokens[5].expiresAt).getTime() - now).toBeGreaterThanOrEqual(5 * 60_000);
  // The current one verifies; a later one is not valid yet.
  const current = tokens.find(
    (t) => new Date(t.notBefore).getTime() <= Date.now() && Date.now() < new Date(t.expiresAt).getTime(),
  )!;
  expect((await callOk(cloud.baseUrl, STAFF, 'card.verify', { token: current.token })).nameMasked).toBe('陈*燕');
  expect(await callApi(cloud.baseUrl, STAFF, 'card.verify', { token: tokens[5].token })).toMatchObject({
    ok: false,
    error: { code: 'TOKEN_EARLY' },
  });
  // The old single token keeps working.
  const { token } = await callOk(cloud.baseUrl, MEMBER, 'card.token', {});
  expect((await callOk(cloud.baseUrl, STAFF, 'card.verify', { token })).cardNo).toBe(DEMO_CARD);
  // Benefits come from the server, written once.
  const benefits = await callOk(cloud.baseUrl, 'anyone', 'card.benefits', {});
  expect(benefits.items.map((b) => b.title)).toContain('普惠商户优惠');
  expect((await callOk(cloud.baseUrl, MEMBER, 'card.get', {})).benefits).toEqual(benefits.items);
});
