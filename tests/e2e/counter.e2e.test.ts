/**
 * The counter and finding a discount in Chromium against the H5 build, by data-testid: a clerk types the
 * member's 核验码 (the 8 digits under the card's QR) and redeems; an empty 核验 and a wrong code say what to do;
 * a member searching "书店" with filters on is told what to try, clears the filters with one tap and finds the
 * bookshop (龙城书局, found by its tags, not its name).
 */
import { storeReader } from '../support/api';
import { BOOKSHOP } from '../support/merchants';
import { newPhonePage, openAs, screenshot, shownShortCode, tid, useAppAndBrowser } from './browser';

const env = useAppAndBrowser();

test('a clerk types the member’s 核验码 and redeems; empty and wrong codes say what to do', async () => {
  const member = await newPhonePage(env.browser);
  await openAs(member.page, env.cloud.baseUrl, 'demo-member-01', '#/packages/card/index');
  const shortCode = await shownShortCode(member.page);
  expect(shortCode).toMatch(/^\d{8}$/);
  expect(await member.page.locator(tid('card-short-code')).innerText()).toBe(`${shortCode.slice(0, 4)} ${shortCode.slice(4)}`);
  await screenshot(member.page, 'card-short-code');
  // The stored code (one per card and minute) and the nonce it shares with the QR of that minute.
  const store = storeReader(env.cloud.serviceUrl);
  const [code] = await store.all<{ _id: string; cardNo: string; nonce: string }>('card_short_codes', { code: shortCode });
  expect(code).toMatchObject({ cardNo: 'CZ2024000001' });

  const staff = await newPhonePage(env.browser);
  await openAs(staff.page, env.cloud.baseUrl, 'demo-merchant-01', '#/packages/merchants/counter/index');
  await staff.page.locator(tid('merchants-counter-place'), { hasText: '龙城书局（南大街店）' }).waitFor({ timeout: 30_000 });

  // 核验 with nothing typed says what to type, under the field.
  await staff.page.locator(tid('merchants-counter-check')).click();
  const hint = staff.page.locator(`${tid('merchants-counter-code-field')} ${tid('field-error')}`);
  await hint.waitFor({ timeout: 10_000 });
  expect(await hint.innerText()).toBe('请输入会员电子工会卡二维码下方的8位核验码，或扫描会员的二维码');

  // A wrong code is refused with the reason a clerk can repeat, under the field.
  const wrong = shortCode === '00000000' ? '00000001' : '00000000';
  await staff.page.locator(`${tid('merchants-counter-code')} textarea`).fill(wrong);
  await staff.page.locator(tid('merchants-counter-check')).click();
  const refusal = staff.page.locator(tid('merchants-counter-code-field'), { hasText: '核验码不正确' });
  await refusal.waitFor({ timeout: 20_000 });
  expect(await refusal.innerText()).toContain('请核对会员电子工会卡二维码下方的8位数字');
  await screenshot(staff.page, 'counter-short-code-wrong');

  // The member reads it out, the clerk types it as shown (with the space) and redeems.
  await staff.page.locator(`${tid('merchants-counter-code')} textarea`).fill(`${shortCode.slice(0, 4)} ${shortCode.slice(4)}`);
  await staff.page.locator(tid('merchants-counter-check')).click();
  await staff.page.locator(tid('merchants-counter-member')).waitFor({ timeout: 20_000 });
  expect(await staff.page.locator(tid('merchants-counter-name')).innerText()).toBe('陈*燕');
  await screenshot(staff.page, 'counter-short-code-checked');
  await staff.page
    .locator(tid('merchants-counter-offer'), { hasText: '会员购书8.8折' })
    .locator(tid('merchants-counter-redeem'))
    .click();
  await staff.page.locator(`${tid('merchants-counter-confirm')} ${tid('dialog-ok')}`).click();
  await staff.page.locator(tid('merchants-counter-done')).waitFor({ timeout: 20_000 });
  expect(await staff.page.locator(tid('merchants-counter-done')).innerText()).toContain('会员购书8.8折');
  await screenshot(staff.page, 'counter-short-code-redeemed');

  expect(await store.count('redemptions', { codeKey: `${code.cardNo}:${code.nonce}`, offerId: 'merchant-01-o1' })).toBe(1);
  // The used code is retired: the card's next code in this minute is a new one.
  expect(await store.count('card_short_codes', { _id: code._id, nonce: code.nonce })).toBe(0);
  expect([...member.errors, ...staff.errors]).toEqual([]);
});

test('"书店" with filters on says what to try; one tap clears them and finds the bookshop', async () => {
  const context = await env.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    geolocation: { latitude: BOOKSHOP.lat + 0.002, longitude: BOOKSHOP.lng + 0.001 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openAs(page, env.cloud.baseUrl, 'demo-member-01', '#/pages/discounts/index');
  await page.locator(tid('place-row')).first().waitFor({ timeout: 40_000 });
  // No filter until the member chooses one.
  expect(await page.locator(tid('discounts-filters')).count()).toBe(0);

  await page.locator(tid('discounts-category'), { hasText: '餐饮' }).click();
  await page.locator(tid('discounts-filter'), { hasText: '餐饮' }).waitFor({ timeout: 10_000 });
  await page.locator(`${tid('discounts-search')} input`).fill('书店');
  await page.locator(tid('discounts-search-go')).click();
  const empty = page.locator(tid('state-empty'));
  await empty.waitFor({ timeout: 20_000 });
  expect(await empty.innerText()).toContain('在“餐饮”中没有找到“书店”');
  await screenshot(page, 'discounts-search-filtered-empty');

  // One tap on the empty list's button clears the filters; the search now looks across everything.
  await page.locator(tid('discounts-empty-clear')).click();
  await page.locator(tid('place-name'), { hasText: '龙城书局（南大街店）' }).first().waitFor({ timeout: 20_000 });
  expect(await page.locator(tid('place-name')).first().innerText()).toBe('龙城书局（南大街店）');
  expect(await page.locator(tid('discounts-filters')).count()).toBe(0);
  await screenshot(page, 'discounts-search-bookshop');

  // Filters chosen again show above the list; 清除筛选 drops them all at once.
  await page.locator(tid('discounts-kind'), { hasText: '服务驿站' }).click();
  await page.locator(tid('discounts-filter'), { hasText: '服务驿站' }).waitFor({ timeout: 10_000 });
  await page.locator(tid('state-empty')).waitFor({ timeout: 20_000 });
  await page.locator(tid('discounts-clear-filters')).click();
  await page.locator(tid('place-name'), { hasText: '龙城书局（南大街店）' }).first().waitFor({ timeout: 20_000 });
  expect(await page.locator(tid('discounts-filters')).count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
