/**
 * 医疗互助保障 end to end in Chromium against the H5 build: 陈晓燕, enrolled by her unit on 武进区's plan, sees her
 * cover and files a claim after a hospital stay with a photo of the invoice → 武进区总工会 opens it (the photo shows),
 * approves the amount the plan's rule gives → records the payment → the member sees each step and the amount left of
 * her cap. Checked on screen and in what the local cloud stored.
 */
import type { Page } from 'playwright-core';
import { demoStay, DEMO_PLAN_ID } from '../../cloudfunctions/api/fixtures/mutualAid/demo';
import { storeReader } from '../support/api';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser } from './browser';
import { photo } from './photo';

const env = useAppAndBrowser();
const MEMBER = 'demo-member-01';
const DISTRICT = 'demo-staff-wujin';

const fill = (page: Page, id: string, value: string, control = 'input') => page.locator(`${tid(id)} ${control}`).fill(value);

test('an enrolled member claims with a photo, the district approves the computed amount and records payment, the member sees it', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  const { page, errors } = await newPhonePage(env.browser);
  const stay = demoStay(new Date());

  // The member sees the cover: plan, unit, what is left of the cap.
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/mutual-aid/mine/index');
  await page.locator(tid('ma-cover')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('ma-cover')).innerText()).toContain('湖塘');
  expect(await page.locator(tid('ma-remaining')).innerText()).toContain('20000 元');
  await screenshot(page, 'mutual-aid/cover');

  // The claim: the rule first, then the stay, the amounts (with the rule's estimate), a photo, the consent.
  await page.locator(tid('ma-claim-start')).click();
  await page.locator(tid('ma-rule')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('ma-rule')).innerText()).toContain('起付线 800 元');
  await fill(page, 'ma-hospital', '常州市武进人民医院');
  await fill(page, 'ma-admitted', stay.admittedOn);
  await fill(page, 'ma-discharged', stay.dischargedOn);
  await fill(page, 'ma-invoice', '18650.4');
  await fill(page, 'ma-self-paid', '6230.5');
  // (6230.5 − 800) × 60 % = 3258.30
  await page.locator(tid('ma-estimate')).waitFor();
  expect(await page.locator(tid('ma-estimate')).innerText()).toContain('3258.3');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(tid('ma-photo-add')).click()]);
  await chooser.setFiles({ name: 'invoice.png', mimeType: 'image/png', buffer: photo() });
  await page.locator(tid('ma-photo-item')).waitFor({ timeout: 45_000 });
  // Without the consent nothing is sent: the message says what to do.
  await page.locator(tid('ma-submit')).click();
  await page.getByText('请阅读并同意《敏感个人信息处理说明》').waitFor({ timeout: 45_000 });
  expect(await store.count('mutualaid_claims', { openid: MEMBER })).toBe(0);
  await page.locator(tid('ma-consent')).click();
  await screenshot(page, 'mutual-aid/claim-form');
  await page.locator(tid('ma-submit')).click();
  await page.locator(tid('ma-claim')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('ma-claim-status')).innerText()).toBe('待审核');

  const [stored] = await store.all<{ _id: string; evidenceIds: string[]; selfPaidFen: number; ruleFen: number }>(
    'mutualaid_claims',
    { openid: MEMBER },
  );
  expect(stored).toMatchObject({ selfPaidFen: 623050, ruleFen: 325830 });
  expect(stored.evidenceIds).toHaveLength(1);
  expect(stored.evidenceIds[0]).toContain(`/uploads/${MEMBER}/`);

  // 武进区总工会: the queue shows the name masked; the claim in full with the photo and the computed amount.
  await openAs(page, env.cloud.baseUrl, DISTRICT, '#/packages/mutual-aid/staff/index');
  await page.locator(tid('ma-queue-item'), { hasText: '陈*燕' }).click();
  await page.locator(tid('ma-evidence')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('ma-payable')).innerText()).toContain('3258.3');
  expect(await page.locator(`${tid('ma-amount')} input`).inputValue()).toBe('3258.3');
  await screenshot(page, 'mutual-aid/review');
  await page.locator(tid('ma-approve')).click();
  await page.locator(`${tid('ma-confirm')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('ma-review-status'), { hasText: '已核准' }).waitFor({ timeout: 45_000 });
  expect(await store.byId('mutualaid_claims', stored._id)).toMatchObject({ status: 'approved', approvedFen: 325830 });
  expect(await store.byId('mutualaid_enrolments', `${DEMO_PLAN_ID}_${MEMBER}`)).toMatchObject({ approvedFen: 325830 });
  expect(await store.count('audit', { action: 'mutualAid.get', target: stored._id, kind: 'pii_view' })).toBeGreaterThan(0);

  // The payment.
  await fill(page, 'ma-pay-ref', 'WJHZ20261206001');
  await page.locator(tid('ma-pay')).click();
  await page.locator(`${tid('ma-confirm')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('ma-review-status'), { hasText: '已支付' }).waitFor({ timeout: 45_000 });
  expect(await store.byId('mutualaid_claims', stored._id)).toMatchObject({
    status: 'paid',
    payment: { reference: 'WJHZ20261206001' },
  });

  // The member sees the amount, each step and what is left of the cap.
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/mutual-aid/mine/index');
  await page.locator(tid('ma-claim')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('ma-claim-status')).innerText()).toBe('已支付');
  expect(await page.locator(tid('ma-claim-amount')).innerText()).toContain('3258.3');
  expect(await page.locator(tid('ma-step')).allInnerTexts()).toEqual([
    expect.stringContaining('已提交理赔申请'),
    expect.stringContaining('已核准互助金 3258.3 元'),
    expect.stringContaining('互助金已支付'),
  ]);
  expect(await page.locator(tid('ma-remaining')).innerText()).toContain('16741.7 元');
  await screenshot(page, 'mutual-aid/paid');
  expect(errors).toEqual([]);
});
