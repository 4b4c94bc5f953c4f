/**
 * 核验码: the 8-digit code under the card's QR, typed at the counter. A typed code redeems like a scan (and is
 * the same code as that window's QR); a wrong, expired or malformed code is refused in words a clerk can say;
 * codes are bound to their card; the limit on wrong tries holds when two tries are forced into every order.
 */
import { chinaDate } from '../../cloudfunctions/api/src/rules/time';
import { triesId, WRONG_TRIES } from '../../cloudfunctions/api/src/modules/merchants/tries';
import type { ApiEnvelope } from '../support/api';
import { setClock } from '../support/clock';
import { clearPauses, eachPausePoint } from '../support/interleave';
import { DEMO_CARD, merchantWithOffer } from '../support/merchants';
import { givenMember, useCloud } from '../support/scenario';

jest.setTimeout(600_000);

const env = useCloud();
const STAFF = 'demo-merchant-01';
const MEMBER = 'demo-member-01';

afterEach(async () => {
  await clearPauses(env.cloud.baseUrl);
  await setClock(env.cloud.baseUrl, 0);
});

let lastMinute = 0;
/**
 * Moves the functions' clock to 1 s after the start of a minute no earlier test used, so a test
 * has a whole window of its own.
 */
async function atWindowStart(): Promise<Date> {
  lastMinute = Math.max(Math.floor(Date.now() / 60_000) + 2, lastMinute + 2);
  const next = lastMinute * 60_000 + 1000;
  await setClock(env.cloud.baseUrl, next - Date.now());
  return new Date(next);
}

/** The functions' clock one minute on from the window `atWindowStart` chose. */
async function oneMinuteLater(): Promise<void> {
  lastMinute += 1;
  await setClock(env.cloud.baseUrl, lastMinute * 60_000 + 1000 - Date.now());
}

async function liveCode(openid: string): Promise<{ shortCode: string; token: string }> {
  const { tokens } = await env.ok(openid, 'card.tokens', {});
  return tokens[0];
}

function outcome(r: ApiEnvelope<unknown>): string {
  return r.ok ? 'ok' : r.error.code;
}

/** A place of its own with one offer and a clerk (so that this test's wrong tries count alone). */
let serial = 0;
async function ownCounter(): Promise<{ placeId: string; offerId: string; clerk: string }> {
  serial += 1;
  const m = await merchantWithOffer(env.cloud.baseUrl, { placeName: `核验码测试店${serial}`, lat: 31.31, lng: 119.31 });
  const clerk = `sc-clerk-${serial}`;
  await env.ok('demo-admin', 'roles.grant', { openid: clerk, role: 'merchant', scopeId: m.placeId });
  return { ...m, clerk };
}

async function setWrong(id: string, wrong: number, scope: 'staff' | 'place', now: Date): Promise<void> {
  await env.store.db
    .collection('short_code_tries')
    .doc(id)
    .set({ data: { scope, day: chinaDate(now), wrong } });
}

it('a typed code redeems like a scan, and is the same code as the QR of its minute', async () => {
  const now = await atWindowStart();
  const { shortCode, token } = await liveCode(MEMBER);
  expect(shortCode).toMatch(/^\d{8}$/);
  const [stored] = await env.store.all<{ cardNo: string; nonce: string; code: string }>('card_short_codes', {
    code: shortCode,
  });
  expect(stored).toMatchObject({ cardNo: DEMO_CARD, code: shortCode });
  // Asking again in the same minute shows the same code (one per card and minute).
  expect((await liveCode(MEMBER)).shortCode).toBe(shortCode);

  // The clerk types it with a space, as it is shown (1234 5678).
  const typed = `${shortCode.slice(0, 4)} ${shortCode.slice(4)}`;
  const checked = await env.ok(STAFF, 'merchants.check', { code: typed });
  expect(checked.member.nameMasked).toBe('陈*燕');
  const done = await env.ok(STAFF, 'merchants.redeem', { ticket: checked.ticket, offerId: 'merchant-01-o1' });
  const redemption = await env.store.byId<{ codeKey: string; cardNo: string }>('redemptions', done.redemption._id);
  expect(redemption).toMatchObject({ codeKey: `${DEMO_CARD}:${stored.nonce}`, cardNo: DEMO_CARD });

  // The QR of that minute is the same code: used.
  expect(await env.call(STAFF, 'merchants.check', { code: token })).toMatchObject({
    ok: false,
    error: { code: 'TOKEN_USED', message: '该会员码已使用过，请让会员刷新后重新出示' },
  });
  // A right code gave its try back: nothing counted against the clerk.
  const tries = await env.store.byId<{ wrong: number }>('short_code_tries', triesId('staff', STAFF, now));
  expect(tries?.wrong ?? 0).toBe(0);
});

it('refuses a wrong, expired or malformed code in words a clerk can say, and counts wrong tries', async () => {
  const c = await ownCounter();
  const now = await atWindowStart();
  const { shortCode } = await liveCode(MEMBER);
  const wrong = shortCode === '00000000' ? '00000001' : '00000000';
  expect(await env.call(c.clerk, 'merchants.check', { code: wrong })).toMatchObject({
    ok: false,
    error: { code: 'SHORT_CODE_WRONG', message: '核验码不正确：请核对会员电子工会卡二维码下方的8位数字后重新输入' },
  });
  expect(await env.store.byId('short_code_tries', triesId('staff', c.clerk, now))).toMatchObject({ wrong: 1 });
  expect(await env.store.byId('short_code_tries', triesId('place', c.placeId, now))).toMatchObject({ wrong: 1 });

  // Bad input is refused before anything is counted or read.
  for (const [code, message] of [
    ['', '请输入会员电子工会卡二维码下方的8位核验码，或扫描会员的二维码'],
    ['   ', '请输入会员电子工会卡二维码下方的8位核验码，或扫描会员的二维码'],
    ['1234567', '核验码是8位数字，请核对后重新输入'],
    ['123 456 789', '核验码是8位数字，请核对后重新输入'],
  ]) {
    expect(await env.call(c.clerk, 'merchants.check', { code })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining(message), details: { field: 'code' } },
    });
  }
  expect(await env.call(c.clerk, 'merchants.check', { code: { $ne: '' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await env.store.byId('short_code_tries', triesId('staff', c.clerk, now))).toMatchObject({ wrong: 1 });

  // A minute later the code has expired (said as such), and the member's card shows a new one.
  await oneMinuteLater();
  expect(await env.call(c.clerk, 'merchants.check', { code: shortCode })).toMatchObject({
    ok: false,
    error: { code: 'SHORT_CODE_EXPIRED', message: '核验码已过期：请会员读出电子工会卡二维码下方新的8位核验码' },
  });
  const fresh = await liveCode(MEMBER);
  expect(fresh.shortCode).not.toBe(shortCode);
  expect((await env.ok(c.clerk, 'merchants.check', { code: fresh.shortCode })).member.nameMasked).toBe('陈*燕');
});

it("binds a code to its card: another member's code shows that member, and codes of one minute are distinct", async () => {
  const other = await givenMember(env, { orgId: 'org-cz', name: '王建军' });
  await atWindowStart();
  const mine = await liveCode(MEMBER);
  const theirs = await liveCode(other.openid);
  expect(theirs.shortCode).not.toBe(mine.shortCode);
  const c = await ownCounter();
  const checked = await env.ok(c.clerk, 'merchants.check', { code: theirs.shortCode });
  expect(checked.member.nameMasked).toBe('王*军');
  const done = await env.ok(c.clerk, 'merchants.redeem', { ticket: checked.ticket, offerId: c.offerId });
  const stored = await env.store.byId<{ cardNo: string; openid: string }>('redemptions', done.redemption._id);
  expect(stored).toMatchObject({ openid: other.openid, cardNo: other.cardNo });
  // Live codes are unique (the slot index), one per card and minute.
  const live = await env.store.all<{ slot: string; cardNo: string }>('card_short_codes');
  expect(new Set(live.map((r) => r.slot)).size).toBe(live.length);
});

it('stops typed codes at the limit of wrong tries (a right one too), per clerk and per place; scanning still works', async () => {
  const c = await ownCounter();
  const now = await atWindowStart();
  const { shortCode, token } = await liveCode(MEMBER);
  await setWrong(triesId('staff', c.clerk, now), WRONG_TRIES.staff, 'staff', now);
  expect(await env.call(c.clerk, 'merchants.check', { code: shortCode })).toMatchObject({
    ok: false,
    error: { code: 'TRIES_EXCEEDED', message: '您今天输错核验码的次数已达上限，请改为扫描会员的二维码' },
  });
  expect(await env.store.byId('short_code_tries', triesId('staff', c.clerk, now))).toMatchObject({ wrong: WRONG_TRIES.staff });
  expect((await env.ok(c.clerk, 'merchants.check', { code: token })).member.nameMasked).toBe('陈*燕');

  // Another clerk of the same place, when the place has used up its tries.
  const other = `${c.clerk}-b`;
  await env.ok('demo-admin', 'roles.grant', { openid: other, role: 'merchant', scopeId: c.placeId });
  await setWrong(triesId('place', c.placeId, now), WRONG_TRIES.place, 'place', now);
  expect(await env.call(other, 'merchants.check', { code: shortCode })).toMatchObject({
    ok: false,
    error: { code: 'TRIES_EXCEEDED', message: '本店今天输错核验码的次数已达上限，请改为扫描会员的二维码' },
  });
  // The clerk's own try was given back: only the place is at its limit.
  expect(await env.store.byId('short_code_tries', triesId('staff', other, now))).toMatchObject({ wrong: 0 });
});

it('holds the limit when the last try is raced: two wrong codes forced into every order', async () => {
  const c = await ownCounter();
  const now = await atWindowStart();
  const staffDoc = triesId('staff', c.clerk, now);
  const points = await eachPausePoint(
    env.cloud.baseUrl,
    { function: 'api', openid: c.clerk, action: 'merchants.check' },
    async (pause) => {
      await setWrong(staffDoc, WRONG_TRIES.staff - 1, 'staff', now);
      await setWrong(triesId('place', c.placeId, now), 0, 'place', now);
      const first = env.call(c.clerk, 'merchants.check', { code: '00000000' });
      const state = await pause.settled();
      if (state.state === 'missed') {
        await first;
        return;
      }
      const second = await env.call(c.clerk, 'merchants.check', { code: '00000001' });
      await pause.release();
      const outcomes = [outcome(await first), outcome(second)].sort();
      expect(outcomes).toEqual(['SHORT_CODE_WRONG', 'TRIES_EXCEEDED']);
      expect(await env.store.byId('short_code_tries', staffDoc)).toMatchObject({ wrong: WRONG_TRIES.staff });
    },
  );
  // Grants, the clerk's try, the place's try, the lookup: every one of them was a pause point.
  expect(points).toBeGreaterThanOrEqual(4);
});

it("counts both of the day's first wrong tries when they race to create the counter", async () => {
  const c = await ownCounter();
  const now = await atWindowStart();
  await eachPausePoint(env.cloud.baseUrl, { function: 'api', openid: c.clerk, action: 'merchants.check' }, async (pause) => {
    // The clerk's counter document does not exist yet: both tries race to create it.
    await env.store.db.collection('short_code_tries').where({ _id: triesId('staff', c.clerk, now) }).remove();
    const first = env.call(c.clerk, 'merchants.check', { code: '00000000' });
    const state = await pause.settled();
    if (state.state === 'missed') {
      await first;
      return;
    }
    const second = await env.call(c.clerk, 'merchants.check', { code: '00000001' });
    await pause.release();
    expect([outcome(await first), outcome(second)]).toEqual(['SHORT_CODE_WRONG', 'SHORT_CODE_WRONG']);
    expect(await env.store.byId('short_code_tries', triesId('staff', c.clerk, now))).toMatchObject({ wrong: 2 });
  });
});
