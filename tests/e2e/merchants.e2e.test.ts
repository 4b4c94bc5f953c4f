/**
 * 优惠 and 核销 in Chromium against the H5 build: a member (located near 南大街) finds the nearest restaurant
 * with a discount and opens it; the bookshop's staff verify the member's card code and redeem an offer; the
 * member sees it in their history; with the network cut, the card page still shows a code that verifies.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { verifyCardToken } from '../../cloudfunctions/api/src/modules/card/cardToken';
import { callApi, callOk, storeReader } from '../support/api';
import { BOOKSHOP, LOCAL_CARD_KEY } from '../support/merchants';
import { screenshot, tid, useAppAndBrowser, openAs as openAsIn } from './browser';

const env = useAppAndBrowser();

// Start the api function before the first page needs it: a cold start on a busy machine can take seconds,
// and a call that times out while the instance loads is simply tried again.
beforeAll(async () => {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    if (
      await callApi(env.cloud.baseUrl, 'warm-up', 'card.benefits', {}).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
  }
}, 120_000);
const HERE = { latitude: BOOKSHOP.lat + 0.002, longitude: BOOKSHOP.lng + 0.001 };

async function phone(geolocation?: {
  latitude: number;
  longitude: number;
}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await env.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

const openAs = (page: Page, openid: string, hashPath: string) => openAsIn(page, env.cloud.baseUrl, openid, hashPath);

/**
 * The card's QR token. `fresh`: taken at the start of its minute (the card shows one per minute window), when the
 * counter steps that follow must run inside that window on a slow, shared machine.
 */
async function cardToken(page: Page, fresh = false): Promise<string> {
  const qr = page.locator(tid('card-qr'));
  await qr.waitFor({ timeout: 20_000 });
  for (let attempt = 0; fresh && attempt < 3; attempt += 1) {
    const token = (await qr.getAttribute('data-token')) ?? '';
    const read = verifyCardToken(token, LOCAL_CARD_KEY, new Date());
    if (!read.ok) return token; // let the caller's assertions say what is wrong with it
    const left = read.expiresAt.getTime() - Date.now();
    if (left >= 45_000) return token;
    await page.waitForTimeout(left + 1_500);
  }
  return (await qr.getAttribute('data-token')) ?? '';
}

test('a member finds the nearest restaurant with a discount and opens it', async () => {
  const expected = await callOk(env.cloud.baseUrl, 'demo-member-01', 'merchants.nearby', {
    lat: HERE.latitude,
    lng: HERE.longitude,
    kind: 'merchant',
    category: '餐饮',
  });
  const nearest = expected.items[0];
  const { context, page, errors } = await phone(HERE);
  await openAs(page, 'demo-member-01', '#/pages/discounts/index');
  // The first call of a fresh local cloud starts the function: allow for a slow, shared machine.
  await page.locator(tid('place-row')).first().waitFor({ timeout: 40_000 });
  expect(await page.locator(tid('discounts-spot-label')).innerText()).toBe('当前位置');
  expect(await page.locator(tid('discounts-benefit-title')).allInnerTexts()).toContain('普惠商户优惠');
  // The bookshop is right here: the nearest of all merchants.
  expect(await page.locator(tid('place-name')).first().innerText()).toBe('龙城书局（南大街店）');
  await screenshot(page, 'merchants-directory');

  await page.locator(tid('discounts-category'), { hasText: '餐饮' }).click();
  await page.locator(tid('place-name'), { hasText: nearest.name }).first().waitFor({ timeout: 15_000 });
  const first = page.locator(tid('place-row')).first();
  expect(await first.locator(tid('place-name')).innerText()).toBe(nearest.name);
  expect(await first.locator(tid('place-offer')).innerText()).toBe(nearest.offer);
  expect(await first.locator(tid('place-distance')).innerText()).toMatch(/^\d+(m|\.\dkm)$/);
  await screenshot(page, 'merchants-restaurants');

  await first.click();
  await page.locator(tid('merchants-detail-name')).waitFor({ timeout: 15_000 });
  expect(await page.locator(tid('merchants-detail-name')).innerText()).toBe(nearest.name);
  expect(await page.locator(tid('merchants-detail-offer-title')).first().innerText()).toBe(nearest.offer.split('；')[0]);
  expect(await page.locator(tid('merchants-detail-offer-limit')).first().innerText()).toContain('每人');
  await screenshot(page, 'merchants-detail');

  await page.locator(tid('merchants-detail-fav')).click();
  await page.locator(tid('merchants-detail-fav-on')).waitFor({ timeout: 10_000 });
  const favs = await callOk(env.cloud.baseUrl, 'demo-member-01', 'merchants.favourites', {});
  expect(favs.items.map((f) => f.placeId)).toContain(nearest._id);
  expect(errors).toEqual([]);
  await context.close();
});

test('merchant staff verify the member’s code and redeem; the member sees it in their history', async () => {
  const member = await phone();
  await openAs(member.page, 'demo-member-01', '#/packages/card/index');
  const token = await cardToken(member.page, true);
  expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  await screenshot(member.page, 'card-online');

  const staff = await phone();
  await openAs(staff.page, 'demo-merchant-01', '#/packages/merchants/counter/index');
  await staff.page.locator(tid('merchants-counter-place'), { hasText: '龙城书局（南大街店）' }).waitFor({ timeout: 20_000 });
  await staff.page.locator(`${tid('merchants-counter-code')} textarea`).fill(token);
  await staff.page.locator(tid('merchants-counter-check')).click();
  await staff.page.locator(tid('merchants-counter-member')).waitFor({ timeout: 15_000 });
  expect(await staff.page.locator(tid('merchants-counter-name')).innerText()).toBe('陈*燕');
  await screenshot(staff.page, 'counter-checked');
  await staff.page
    .locator(tid('merchants-counter-offer'), { hasText: '会员购书8.8折' })
    .locator(tid('merchants-counter-redeem'))
    .click();
  await staff.page.locator(`${tid('merchants-counter-confirm')} ${tid('dialog-ok')}`).click();
  await staff.page.locator(tid('merchants-counter-done')).waitFor({ timeout: 15_000 });
  expect(await staff.page.locator(tid('merchants-counter-done')).innerText()).toContain('会员购书8.8折');
  await staff.page.locator(tid('merchants-counter-today-item')).first().waitFor({ timeout: 10_000 });
  expect(await staff.page.locator(tid('merchants-counter-today-count')).innerText()).toBe('今日已核销 1 笔');
  await screenshot(staff.page, 'counter-redeemed');

  // The same code again is refused, with the reason (in the one dialog that explains a refusal).
  await staff.page.locator(`${tid('merchants-counter-code')} textarea`).fill(token);
  await staff.page.locator(tid('merchants-counter-check')).click();
  const refusal = staff.page.getByText('该会员码已使用过', { exact: false }).last();
  await refusal.waitFor({ timeout: 30_000 });
  expect(await refusal.innerText()).toContain('该会员码已使用过');
  expect(await staff.page.locator(tid('merchants-counter-member')).count()).toBe(0);

  await openAs(member.page, 'demo-member-01', '#/packages/merchants/mine/index');
  await member.page.locator(tid('merchants-mine-tab-redemptions')).click();
  await member.page.locator(tid('merchants-mine-redemption')).first().waitFor({ timeout: 15_000 });
  const newest = member.page.locator(tid('merchants-mine-redemption')).first();
  expect(await newest.locator(tid('merchants-mine-place')).innerText()).toBe('龙城书局（南大街店）');
  expect(await newest.locator(tid('merchants-mine-offer')).innerText()).toBe('会员购书8.8折');
  await screenshot(member.page, 'mine-redemptions');
  expect([...member.errors, ...staff.errors]).toEqual([]);
  await member.context.close();
  await staff.context.close();
});

test('with the network cut, the card page still shows a code that verifies, for minutes', async () => {
  const { context, page, errors } = await phone();
  const start = Date.now();
  await page.clock.install({ time: start });
  await openAs(page, 'demo-member-01', '#/packages/card/index');
  const online = await cardToken(page);
  expect(online).toBeTruthy();

  await context.setOffline(true);
  await page.locator(tid('card-offline')).waitFor({ timeout: 10_000 });
  expect(await page.locator(tid('card-offline-title')).innerText()).toBe('当前离线');
  const offline = await cardToken(page);
  // Verified by the server (the test process is not offline).
  const checked = await callOk(env.cloud.baseUrl, 'demo-merchant-01', 'merchants.check', { code: offline });
  expect(checked.member.nameMasked).toBe('陈*燕');
  await screenshot(page, 'card-offline');

  // Four and a half minutes later, still offline: another code, valid for that minute.
  await page.clock.fastForward('04:30');
  await page.waitForTimeout(1500);
  const later = await cardToken(page);
  expect(later).not.toBe(offline);
  const browserNow = await page.evaluate(() => Date.now());
  expect(browserNow - start).toBeGreaterThanOrEqual(270_000);
  expect(verifyCardToken(later, LOCAL_CARD_KEY, new Date(browserNow))).toMatchObject({ ok: true, cardNo: 'CZ2024000001' });
  expect(await page.locator(tid('card-offline-body')).innerText()).toContain('还可使用约');
  await screenshot(page, 'card-offline-later');
  expect(errors).toEqual([]);
  await context.close();
});

test('staff keep the directory: the list of their places, a place with its offers, the import page; the map', async () => {
  const { context, page, errors } = await phone();
  await openAs(page, 'demo-staff-city', '#/packages/merchants/admin/index');
  await page.locator(tid('merchants-admin-item')).first().waitFor({ timeout: 20_000 });
  expect(await page.locator(tid('merchants-admin-count')).innerText()).toMatch(/共 \d{3} 个/);
  await screenshot(page, 'places-admin');
  await openAs(page, 'demo-staff-city', '#/packages/merchants/edit/index?id=merchant-01');
  await page.locator(tid('merchants-edit-offer')).first().waitFor({ timeout: 20_000 });
  expect(await page.locator(`${tid('merchants-edit-placeName')} input`).inputValue()).toBe('龙城书局（南大街店）');
  expect(await page.locator(tid('merchants-edit-offer-title')).allInnerTexts()).toEqual(['会员购书8.8折', '借阅卡免押金']);
  await screenshot(page, 'place-edit');
  await openAs(page, 'demo-staff-city', '#/packages/merchants/import/index');
  await page.locator(tid('merchants-import-pick')).waitFor({ timeout: 20_000 });
  await screenshot(page, 'places-import');

  await openAs(page, 'demo-member-01', `#/packages/merchants/map/index?lat=${BOOKSHOP.lat}&lng=${BOOKSHOP.lng}`);
  const dots = page.locator('[data-testid^="merchants-map-dot-"]');
  await dots.first().waitFor({ timeout: 20_000 });
  expect(await dots.count()).toBe(50);
  expect(await page.locator(tid('merchants-map-dot-station')).count()).toBeGreaterThan(0);
  await page.locator(tid('merchants-map-dot-merchant')).first().click();
  await page.locator(`${tid('merchants-map-picked')} ${tid('place-row')}`).waitFor();
  await screenshot(page, 'places-map');
  expect(errors).toEqual([]);
  await context.close();
});

/** An offer's last day within the three years an offer may run (rules/dates.ts). */
const UNTIL = `${new Date().getFullYear() + 2}-12-31`;
test('staff import a list: a bad file is reported row by row and imports nothing, a good one imports every row', async () => {
  const header = '名称,类型,类别,等级,区县,地址,电话,经度,纬度,营业时间,优惠内容,使用条款,每人限次,有效期至,服务项目';
  const good = `网页导入面馆,商户,餐饮,普惠商户,新北区,常州市新北区通江中路66号,0519-85002222,119.9702,31.8201,10:00-21:00,会员凭卡9折,,每日1次,${UNTIL},`;
  const bad = `坐标填反小店,商户,餐饮,普惠商户,新北区,常州市新北区某路1号,0519-85003333,31.82,119.97,10:00-21:00,9折,,每日1次,${UNTIL},`;
  const csv = (rows: string[]) => Buffer.from(`\uFEFF${[header, ...rows].join('\n')}\n`);
  const store = storeReader(env.cloud.serviceUrl);
  const before = await store.count('places');

  const { context, page, errors } = await phone();
  await openAs(page, 'demo-staff-city', '#/packages/merchants/import/index');
  await page.locator(tid('merchants-import-pick')).waitFor({ timeout: 20_000 });
  const pick = async (name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.locator(tid('merchants-import-pick')).click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
  };

  await pick('bad.csv', csv([good, bad]));
  await page.locator(tid('merchants-import-errors')).waitFor({ timeout: 20_000 });
  expect(await page.locator(tid('merchants-import-error-where')).allInnerTexts()).toEqual(['第3行 · 纬度']);
  expect(await page.locator(tid('merchants-import-commit')).innerText()).toBe('请先修改错误');
  await screenshot(page, 'places-import-errors');
  expect(await store.count('places')).toBe(before);

  await pick('good.csv', csv([good]));
  await page.locator(tid('merchants-import-commit'), { hasText: '导入 1 条' }).waitFor({ timeout: 20_000 });
  await page.locator(tid('merchants-import-commit')).click();
  await page.locator(`${tid('merchants-import-confirm')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('merchants-import-result')).waitFor({ timeout: 20_000 });
  expect(await page.locator(tid('merchants-import-result')).innerText()).toContain('已导入 1 条');
  await screenshot(page, 'places-import-done');
  expect(await store.count('places', { name: '网页导入面馆' })).toBe(1);
  expect(await store.count('places')).toBe(before + 1);
  expect(errors).toEqual([]);
  await context.close();
});
