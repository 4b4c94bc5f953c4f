/**
 * Staff and member screens beyond the first approval, in Chromium against the H5 build:
 * a long review list pages with 加载更多; a rejection with a reason reaches the member, who corrects
 * and resubmits the application.
 */
import type { Page } from 'playwright-core';
import { applyInput, callOk, storeReader } from '../support/api';
import { newPhonePage, screenshot, useAppAndBrowser } from './browser';

const env = useAppAndBrowser();

async function openAs(page: Page, openid: string, hashPath: string): Promise<void> {
  await page.goto(`${env.cloud.baseUrl}/`);
  await page.evaluate((id) => localStorage.setItem('dev.openid', id), openid);
  await page.goto(`${env.cloud.baseUrl}/${hashPath}`);
  await page.reload();
}

test('the review list pages, and a rejected member corrects and resubmits', async () => {
  // 23 bulk applications plus one to reject, all to a grassroots union of 武进区总工会.
  const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张';
  for (let i = 0; i < 23; i++) {
    await callOk(env.cloud.baseUrl, `e2e-bulk-${i}`, 'membership.apply', applyInput({ name: `${surnames[i]}测试` }));
  }
  const rejectee = 'e2e-rejectee';
  const rejecteeInput = applyInput({ name: '郑可欣', workUnit: '写错的单位' });
  await callOk(env.cloud.baseUrl, rejectee, 'membership.apply', rejecteeInput);

  const { page, errors } = await newPhonePage(env.browser);
  await openAs(page, 'demo-staff-wujin', '#/packages/staff/reviews/index');
  await page.locator('.review-item').first().waitFor({ timeout: 20_000 });
  expect(await page.locator('.review-count').innerText()).toContain('共 24 条');
  expect(await page.locator('.review-item').count()).toBe(20);
  await page.locator('.load-more-button').click();
  await page.locator('.load-more-end').waitFor({ timeout: 10_000 });
  expect(await page.locator('.review-item').count()).toBe(24);
  await screenshot(page, 'staff-reviews');

  // Reject with a reason, confirmed in a dialog.
  await page.locator('.review-item', { hasText: '郑可欣' }).click();
  await page.locator('.review-reject').waitFor();
  await page.locator('.review-reject').click();
  await page.locator('.review-reason textarea').fill('工作单位与劳动合同不一致，请核对后重新提交');
  await page.locator('.nut-dialog-footer-ok:visible').click();
  await page.locator('.review-status', { hasText: '未通过' }).waitFor({ timeout: 15_000 });

  const store = storeReader(env.cloud.serviceUrl);
  const [stored] = await store.all<Record<string, unknown>>('applications', { openid: rejectee });
  expect(stored).toMatchObject({ status: 'rejected', rejectReason: '工作单位与劳动合同不一致，请核对后重新提交' });

  // The member sees why, corrects the work unit and resubmits.
  await openAs(page, rejectee, '#/packages/membership/status/index');
  await page.locator('.status-headline').waitFor({ timeout: 15_000 });
  expect(await page.locator('.status-headline').innerText()).toContain('未通过');
  expect(await page.locator('.status-reason').innerText()).toContain('工作单位与劳动合同不一致');
  await screenshot(page, 'status-rejected');
  await page.locator('.status-resubmit').click();
  const workUnit = page.locator('.apply-workunit input');
  await workUnit.waitFor();
  expect(await page.locator('.apply-name input').inputValue()).toBe('郑可欣');
  // ID number and mobile are never sent back unmasked to the member: the form says so and they are typed again.
  expect(await page.locator('.apply-correcting-hint').innerText()).toContain('请重新填写');
  expect(await page.locator('.apply-id input').getAttribute('placeholder')).toContain('3204**********');
  await page.locator('.apply-id input').fill(rejecteeInput.idNumber);
  await workUnit.fill('常州市武进区示例电子有限公司');
  await page.locator('.apply-mobile input').fill(rejecteeInput.mobile);
  await screenshot(page, 'application-correcting');
  await page.locator('.apply-submit').click();
  await page.locator('.status-headline', { hasText: '审核中' }).waitFor({ timeout: 15_000 });

  const [resubmitted] = await store.all<Record<string, unknown>>('applications', { openid: rejectee });
  expect(resubmitted).toMatchObject({ status: 'pending', workUnit: '常州市武进区示例电子有限公司' });
  expect(await store.count('applications', { openid: rejectee })).toBe(1);
  expect(errors).toEqual([]);
}, 120_000);
