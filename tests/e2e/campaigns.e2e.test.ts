/**
 * 送清凉 (免申即享) end to end in Chromium against the H5 build: 武进区总工会's staffer creates a 夏送清凉 campaign and
 * builds its list from the 困难职工档案 (孙卫东, on file in the demo) → 孙卫东 sees the item in 消息与待办 → at the
 * 驿站 the staffer types his card's 核验码 and hands over once → a second try is refused with the date → he sees
 * 已领取. Checked on screen and in what the local cloud stored.
 */
import type { Page } from 'playwright-core';
import { callApi, storeReader } from '../support/api';
import { newPhonePage, openAs, screenshot, shownShortCode, tid, useAppAndBrowser } from './browser';

const env = useAppAndBrowser();
const DISTRICT = 'demo-staff-wujin';
const MEMBER = 'demo-hardship-03';

const fill = (page: Page, id: string, value: string, control = 'input') => page.locator(`${tid(id)} ${control}`).fill(value);

test('staff build a 送清凉 list, the member sees it in 消息与待办, collects once at a station with the card code', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  const staff = await newPhonePage(env.browser);

  // The district staffer creates the campaign (the union defaults to their own) with one station.
  await openAs(staff.page, env.cloud.baseUrl, DISTRICT, '#/packages/campaigns/new/index');
  await staff.page.locator(tid('campaigns-new-org'), { hasText: '武进区总工会' }).waitFor({ timeout: 45_000 });
  await staff.page.locator(tid('campaigns-new-kind-summer')).click();
  await fill(staff.page, 'campaigns-new-title', '2026年夏送清凉（测试）');
  await fill(staff.page, 'campaigns-new-gift', '防暑降温用品一份');
  await fill(staff.page, 'campaigns-new-station-0-name', '湖塘户外劳动者爱心驿站');
  await fill(staff.page, 'campaigns-new-station-0-address', '常州市武进区湖塘镇花园街');
  await screenshot(staff.page, 'campaigns/new');
  await staff.page.locator(tid('campaigns-new-save')).click();

  // The list from the 困难职工档案: 孙卫东 is on file in the demo.
  await staff.page.locator(tid('campaigns-add-hardship')).waitFor({ timeout: 45_000 });
  await staff.page.locator(tid('campaigns-add-hardship')).click();
  await staff.page.locator(tid('campaigns-added')).waitFor({ timeout: 45_000 });
  await staff.page.locator(tid('campaigns-entry'), { hasText: '孙*东' }).waitFor({ timeout: 45_000 });
  await screenshot(staff.page, 'campaigns/list');
  const [campaign] = await store.all<{ _id: string }>('campaigns', { title: '2026年夏送清凉（测试）' });
  expect(await store.byId(`campaign_entries`, `${campaign._id}_${MEMBER}`)).toMatchObject({
    status: 'listed',
    nameMasked: '孙*东',
  });

  // The member: the item in 消息与待办, nothing to apply for.
  const member = await newPhonePage(env.browser);
  await openAs(member.page, env.cloud.baseUrl, MEMBER, '#/packages/inbox/index');
  const item = member.page.locator(tid('inbox-item'), { hasText: '你有一份夏送清凉慰问品待领取' });
  await item.waitFor({ timeout: 45_000 });
  expect(await item.innerText()).toContain('湖塘户外劳动者爱心驿站');
  await screenshot(member.page, 'campaigns/inbox');

  // At the station: the member shows the card, the staffer types its 核验码.
  await openAs(member.page, env.cloud.baseUrl, MEMBER, '#/packages/card/index');
  const shortCode = await shownShortCode(member.page);
  await openAs(staff.page, env.cloud.baseUrl, DISTRICT, `#/packages/campaigns/handout/index?id=${campaign._id}`);
  await staff.page.locator(tid('campaigns-code')).waitFor({ timeout: 45_000 });
  await fill(staff.page, 'campaigns-code', shortCode);
  await staff.page.locator(tid('campaigns-check')).click();
  await staff.page.locator(tid('campaigns-check-member'), { hasText: '孙*东' }).waitFor({ timeout: 45_000 });
  expect(await staff.page.locator(tid('campaigns-check-gift')).innerText()).toContain('防暑降温用品一份');
  await screenshot(staff.page, 'campaigns/check');
  await staff.page.locator(tid('campaigns-collect')).click();
  await staff.page.locator(`${tid('campaigns-collect-confirm')} ${tid('dialog-ok')}`).click();
  await staff.page.locator(tid('campaigns-done')).waitFor({ timeout: 45_000 });
  expect(await store.byId(`campaign_entries`, `${campaign._id}_${MEMBER}`)).toMatchObject({ status: 'collected' });
  // The used code is retired with its QR.
  expect(await store.count('card_short_codes', { code: shortCode, cardNo: 'CZ2018000203' })).toBe(0);

  // A second try (a fresh code) is refused with the date and station.
  const tokens = await callApi(env.cloud.baseUrl, MEMBER, 'card.tokens', {});
  if (!tokens.ok) throw new Error(tokens.error.message);
  await fill(staff.page, 'campaigns-code', (tokens.data as { tokens: { token: string }[] }).tokens[0].token);
  await staff.page.locator(tid('campaigns-check')).click();
  await staff.page.getByText(/已于\d+月\d+日 \d\d:\d\d在湖塘户外劳动者爱心驿站领取/).waitFor({ timeout: 45_000 });
  await screenshot(staff.page, 'campaigns/second-try');
  expect(await store.count('campaign_entries', { campaignId: campaign._id, status: 'collected' })).toBe(1);
  expect(await store.byId('campaigns', campaign._id)).toMatchObject({ collectedCount: 1 });

  // The member sees 已领取.
  await openAs(member.page, env.cloud.baseUrl, MEMBER, '#/packages/campaigns/mine/index');
  const mine = member.page.locator(tid('campaigns-item'), { hasText: '2026年夏送清凉（测试）' });
  await mine.locator(tid('campaigns-status'), { hasText: '已领取' }).waitFor({ timeout: 45_000 });
  expect(await mine.innerText()).toContain('湖塘户外劳动者爱心驿站');
  await screenshot(member.page, 'campaigns/collected');
  expect(staff.errors).toEqual([]);
  expect(member.errors).toEqual([]);
});
