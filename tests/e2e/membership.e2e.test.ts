/**
 * A new member applies, a staffer approves, the member sees the card with a QR code — in Chromium,
 * against the H5 build on the local env.cloud. Screenshots go to .artifacts/screenshots (not committed).
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { callApi, freshIdNumber, storeReader } from '../support/api';
import { newPhonePage, screenshot, useAppAndBrowser } from './browser';

const env = useAppAndBrowser();

async function actAs(page: Page, openid: string, hashPath = ''): Promise<void> {
  await page.evaluate((id) => localStorage.setItem('dev.openid', id), openid);
  await page.goto(`${env.cloud.baseUrl}/${hashPath}`);
  await page.reload();
}

test('a new member applies, a staffer approves, and the member shows the card with its QR code', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  await page.goto(`${env.cloud.baseUrl}/`);

  // 首页 as a new user (a random identity is created on first open).
  await page.locator('.home-join').waitFor({ timeout: 20_000 });
  const applicant = await page.evaluate(() => localStorage.getItem('dev.openid'));
  expect(applicant).toMatch(/\S+/);
  const home = await screenshot(page, 'home');
  expect(fs.statSync(home).size).toBeGreaterThan(10_000);
  expect(await page.locator('.home-join').innerText()).toContain('入会');

  // 入会申请
  await page.locator('.home-join').click();
  await page.locator('.apply-name input').waitFor();
  const idNumber = freshIdNumber();
  await page.locator('.apply-name input').fill('周明远');
  await page.locator('.apply-id input').fill(idNumber);
  await page.locator('.apply-mobile input').fill('13912345678');
  await page.locator('.apply-workunit input').fill('常州市示例精密机械有限公司');
  await page.locator('.apply-org').click();
  for (let level = 0; level < 3 && (await page.locator('.org-picker').isVisible()); level++) {
    await page.locator('.org-picker .org-item').first().click();
    await page.waitForTimeout(150);
  }
  await page.locator('.org-picker').waitFor({ state: 'hidden' });
  await screenshot(page, 'application');
  await page.locator('.apply-submit').click();
  await page.locator('.status-headline').waitFor({ timeout: 15_000 });
  expect(await page.locator('.status-headline').innerText()).toContain('审核中');

  // What was stored: one pending application, the ID number kept only as hash + ciphertext.
  const store = storeReader(env.cloud.serviceUrl);
  const applications = await store.all<Record<string, unknown>>('applications', { openid: applicant });
  expect(applications).toHaveLength(1);
  expect(applications[0].status).toBe('pending');
  expect(JSON.stringify(applications[0])).not.toContain(idNumber);

  // A staffer of the city union approves it (identity chosen with the development switch).
  await page.locator('.dev-switch').first().click();
  await page.locator('[data-openid="demo-staff-city"]').first().click();
  await page.waitForLoadState('load');
  await page.waitForFunction(() => localStorage.getItem('dev.openid') === 'demo-staff-city');
  await page.goto(`${env.cloud.baseUrl}/#/packages/staff/reviews/index`);
  const item = page.locator('.review-item', { hasText: '周明远' }).first();
  await item.waitFor({ timeout: 15_000 });
  await item.click();
  await page.locator('.review-id-full').waitFor();
  expect(await page.locator('.review-id-full').innerText()).toContain(idNumber);
  await page.locator('.review-approve').click();
  await page.locator('.nut-dialog-footer-ok').first().click();
  await page.locator('.review-status', { hasText: '已通过' }).waitFor({ timeout: 15_000 });

  const members = await store.all<Record<string, unknown>>('members', { openid: applicant });
  expect(members).toHaveLength(1);
  expect(members[0].status).toBe('active');

  // Back as the member: the card with a live QR code.
  await actAs(page, applicant!);
  await page.locator('.home-show-card').waitFor({ timeout: 15_000 });
  await page.locator('.home-show-card').click();
  await page.locator('.card-qr img').waitFor({ timeout: 15_000 });
  const src = await page.locator('.card-qr img').getAttribute('src');
  expect(src).toMatch(/^data:image\/gif;base64,/);
  const cardNo = (await page.locator('.card-no').innerText()).trim();
  expect(cardNo).toContain(String(members[0].cardNo));
  expect(await page.locator('.card-countdown').innerText()).toMatch(/动态码\s*\d+\s*秒后刷新/);
  await screenshot(page, 'card');

  // The QR's token verifies at a merchant's counter.
  const token = await page.locator('.card-qr').getAttribute('data-token');
  expect(token).toBeTruthy();
  const verified = await callApi(env.cloud.baseUrl, 'demo-merchant-01', 'card.verify', { token });
  expect(verified.ok).toBe(true);
  expect(errors).toEqual([]);
}, 120_000);
