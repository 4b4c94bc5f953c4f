/**
 * A new member applies (the separate consent to the privacy policy is required first), a staffer approves,
 * the member sees the card with a QR code — in Chromium, against the H5 build on the local cloud.
 * Screenshots go to .artifacts/screenshots (not committed).
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { PRIVACY_POLICY_VERSION } from '../../cloudfunctions/api/src/rules/membership';
import { callApi, freshIdNumber, storeReader } from '../support/api';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser } from './browser';

const env = useAppAndBrowser();

async function pickFirstUnion(page: Page): Promise<void> {
  await page.locator(tid('membership-apply-org')).click();
  for (let level = 0; level < 3 && (await page.locator(tid('org-picker')).isVisible()); level++) {
    await page.locator(tid('org-picker-item')).first().click();
    await page.waitForTimeout(150);
  }
  await page.locator(tid('org-picker')).waitFor({ state: 'hidden' });
}

test('a new member applies (consent required), a staffer approves, and the member shows the card with its QR code', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  await page.goto(`${env.cloud.baseUrl}/`);

  // 首页 as a new user (a random identity is created on first open): tab-bar icons, the latest 工会动态.
  await page.locator(tid('home-join')).waitFor({ timeout: 45_000 });
  await page.locator(tid('home-notice')).first().waitFor({ timeout: 30_000 });
  const applicant = await page.evaluate(() => localStorage.getItem('dev.openid'));
  expect(applicant).toMatch(/\S+/);
  // Taro's own tab bar (no test ids of ours): its four icons are the images inside the bar's links.
  const icons = await page
    .getByRole('link')
    .locator('img')
    .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
  expect(icons).toHaveLength(4);
  expect(icons.every((w) => w > 0)).toBe(true);
  const home = await screenshot(page, 'home');
  expect(fs.statSync(home).size).toBeGreaterThan(10_000);
  expect(await page.locator(tid('home-join')).innerText()).toContain('入会');

  // 入会申请, everything filled in but the consent box left as it came: unticked.
  await page.locator(tid('home-join')).click();
  await page.locator(`${tid('membership-apply-name')} input`).waitFor();
  expect(await page.locator(tid('title-bar-title')).last().innerText()).toBe('入会申请');
  expect(await page.locator(tid('membership-apply-consent')).getAttribute('data-checked')).toBe('false');
  const idNumber = freshIdNumber();
  await page.locator(`${tid('membership-apply-name')} input`).fill('周明远');
  await page.locator(`${tid('membership-apply-id')} input`).fill(idNumber);
  await page.locator(`${tid('membership-apply-mobile')} input`).fill('13912345678');
  await page.locator(`${tid('membership-apply-workunit')} input`).fill('常州市示例精密机械有限公司');
  await pickFirstUnion(page);
  await page.locator(tid('membership-apply-submit')).click();
  await page.locator(tid('membership-apply-consent-error')).waitFor();
  expect(await page.locator(tid('membership-apply-consent-error')).innerText()).toContain('请阅读并勾选同意');
  await screenshot(page, 'application-consent-required');
  const store = storeReader(env.cloud.serviceUrl);
  expect(await store.count('applications', { openid: applicant })).toBe(0);

  // The 隐私政策 opens from the consent line (without ticking it); back, the form is as it was.
  await page.locator(tid('membership-apply-link-privacy')).click();
  await page.locator(`${tid('about-privacy')} ${tid('about-doc-title')}`).waitFor();
  expect(await page.locator(tid('about-privacy')).innerText()).toContain('身份证号');
  await screenshot(page, 'privacy');
  await page.locator(tid('title-bar-back')).last().click();
  await page.locator(`${tid('membership-apply-name')} input`).waitFor();
  expect(await page.locator(`${tid('membership-apply-name')} input`).inputValue()).toBe('周明远');
  expect(await page.locator(tid('membership-apply-consent')).getAttribute('data-checked')).toBe('false');

  await page.locator(tid('membership-apply-consent-box')).click();
  await screenshot(page, 'application');
  await page.locator(tid('membership-apply-submit')).click();
  await page.locator(tid('membership-status-headline')).waitFor({ timeout: 30_000 });
  expect(await page.locator(tid('membership-status-headline')).innerText()).toContain('待审核');
  await screenshot(page, 'status-pending');

  // What was stored: one pending application with the consent version, the ID number only as hash + ciphertext.
  const applications = await store.all<Record<string, unknown>>('applications', { openid: applicant });
  expect(applications).toHaveLength(1);
  expect(applications[0].status).toBe('pending');
  expect(applications[0].consent).toMatchObject({ version: PRIVACY_POLICY_VERSION });
  expect(JSON.stringify(applications[0])).not.toContain(idNumber);

  // A staffer of the city union approves it (identity chosen with the development switch).
  await page.locator('#dev-switch').first().click();
  await page.locator('[data-openid="demo-staff-city"]').first().click();
  await page.waitForLoadState('load');
  await page.waitForFunction(() => localStorage.getItem('dev.openid') === 'demo-staff-city');
  await page.goto(`${env.cloud.baseUrl}/#/packages/staff/reviews/index`);
  const item = page.locator(tid('staff-review-item'), { hasText: '周明远' }).first();
  await item.waitFor({ timeout: 30_000 });
  await item.locator(tid('staff-review-item-body')).click();
  await page.locator(tid('staff-review-id-full')).waitFor();
  expect(await page.locator(tid('staff-review-id-full')).innerText()).toContain(idNumber);
  await screenshot(page, 'staff-review-detail');
  await page.locator(tid('staff-review-approve')).click();
  await page.locator(tid('staff-review-approve-dialog')).waitFor();
  await screenshot(page, 'staff-review-approve-dialog');
  await page.locator(`${tid('staff-review-approve-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('staff-review-status'), { hasText: '已通过' }).waitFor({ timeout: 30_000 });

  const members = await store.all<Record<string, unknown>>('members', { openid: applicant });
  expect(members).toHaveLength(1);
  expect(members[0].status).toBe('active');

  // Back as the member: the card with a live QR code.
  await openAs(page, env.cloud.baseUrl, applicant!);
  await page.locator(tid('home-show-card')).waitFor({ timeout: 30_000 });
  await page.locator(tid('home-show-card')).click();
  await page.locator(`${tid('card-qr')} img`).waitFor({ timeout: 30_000 });
  const src = await page.locator(`${tid('card-qr')} img`).getAttribute('src');
  expect(src).toMatch(/^data:image\/gif;base64,/);
  const cardNo = (await page.locator(tid('card-no')).innerText()).trim();
  expect(cardNo).toContain(String(members[0].cardNo));
  expect(await page.locator(tid('card-countdown')).innerText()).toMatch(/动态码\s*\d+\s*秒后刷新/);
  expect(await page.locator(tid('card-title')).innerText()).toBe('电子工会卡');
  await screenshot(page, 'card');

  // The QR's token verifies at a merchant's counter.
  // (A code read in the last instant of its minute may expire on the way: the card then shows the next one.)
  let verified: Awaited<ReturnType<typeof callApi>> | undefined;
  for (let attempt = 0; attempt < 2 && !verified?.ok; attempt += 1) {
    if (attempt) await page.waitForTimeout(2_000);
    const token = await page.locator(tid('card-qr')).getAttribute('data-token');
    expect(token).toBeTruthy();
    verified = await callApi(env.cloud.baseUrl, 'demo-merchant-01', 'card.verify', { token });
    if (!verified.ok) expect(verified.error.code).toBe('TOKEN_EXPIRED');
  }
  expect(verified?.ok).toBe(true);
  expect(errors).toEqual([]);
}, 240_000);
