/**
 * 我的 and 关怀模式 in Chromium against the H5 build: the person by name and role (never an openid), the
 * 工作台 entry for staff, the links; large text that really enlarges text and tap targets, and stays on.
 */
import type { Page } from 'playwright-core';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser, visibleText } from './browser';

const env = useAppAndBrowser();

async function fontSize(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

async function height(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  return box?.height ?? 0;
}

test('我的 names the member and the staffer; 关怀模式 enlarges text and buttons and is remembered', async () => {
  const { page, errors } = await newPhonePage(env.browser);

  // A member: name, 会员, timeline without repeated status text, links.
  await openAs(page, env.cloud.baseUrl, 'demo-member-01', '#/pages/me/index');
  await page.locator(tid('me-name')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('me-name')).innerText()).toBe('陈晓燕');
  expect(await page.locator(tid('me-role')).allInnerTexts()).toEqual(['会员']);
  await page.locator(tid('me-timeline-item')).first().waitFor({ timeout: 30_000 });
  const approvedLine = await page.locator(tid('me-timeline-item'), { hasText: '入会申请已通过' }).innerText();
  expect(approvedLine.match(/已通过/g)).toHaveLength(1);
  expect(await page.locator(tid('me-hotline')).innerText()).toContain('12351');
  expect(await visibleText(page)).not.toContain('demo-member-01');
  await screenshot(page, 'me-member');

  // 会员转会 and 优惠, as a member sees them.
  await page.goto(`${env.cloud.baseUrl}/#/packages/membership/transfer/index`);
  await page.locator(tid('membership-transfer-org')).waitFor({ timeout: 45_000 });
  await screenshot(page, 'transfer');
  await page.goto(`${env.cloud.baseUrl}/#/pages/discounts/index`);
  await page.locator(tid('discounts-benefit')).first().waitFor({ timeout: 45_000 });
  await screenshot(page, 'discounts');
  await page.goto(`${env.cloud.baseUrl}/#/pages/me/index`);
  await page.locator(tid('me-terms')).waitFor({ timeout: 45_000 });

  // 关于 / 用户协议 open from here.
  await page.locator(tid('me-terms')).click();
  await page.locator(`${tid('about-terms')} ${tid('about-doc-title')}`).waitFor();
  await screenshot(page, 'terms');
  await page.locator(tid('title-bar-back')).last().click();
  await page.locator(tid('me-about')).click();
  await page.locator(`${tid('about-about')} ${tid('about-doc-title')}`).waitFor();
  await screenshot(page, 'about');
  await page.locator(tid('title-bar-back')).last().click();

  // 关怀模式: text and the rows people tap grow.
  await page.locator(tid('me-name')).waitFor();
  const nameBefore = await fontSize(page, tid('me-name'));
  const rowBefore = await height(page, tid('me-about'));
  await page.locator(tid('me-care')).click();
  await page.waitForFunction(() => !!document.querySelector('[data-testid="me"][data-care-mode="on"]'));
  const nameAfter = await fontSize(page, tid('me-name'));
  const rowAfter = await height(page, tid('me-about'));
  expect(nameAfter / nameBefore).toBeCloseTo(1.25, 1);
  expect(rowAfter).toBeGreaterThan(rowBefore * 1.1);
  await screenshot(page, 'me-care-mode');

  // Remembered, and applied on every page (here 首页 after a reload).
  await page.goto(`${env.cloud.baseUrl}/#/pages/index/index`);
  await page.reload();
  await page.locator(`${tid('home')}[data-care-mode="on"]`).waitFor({ timeout: 45_000 });
  await page.locator(tid('home-notice')).first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'home-care-mode');

  // A staffer: role and union by name, and the 工作台 entry.
  await openAs(page, env.cloud.baseUrl, 'demo-staff-wujin', '#/pages/me/index');
  await page.locator(tid('me-role')).first().waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('me-role')).allInnerTexts()).toEqual(['工会干部 · 武进区总工会']);
  await page.locator(tid('me-care')).click(); // back to standard size
  await page.waitForFunction(() => !document.querySelector('[data-testid="me"][data-care-mode="on"]'));
  await screenshot(page, 'me-staff');
  await page.locator(tid('me-workbench')).click();
  await page.locator(tid('services-workbench')).waitFor({ timeout: 30_000 });
  expect(await visibleText(page)).not.toContain('demo-staff-wujin');
  expect(errors).toEqual([]);
}, 240_000);

/** Taro's own H5 tab bar carries no test ids: its labels are found by the class Taro gives them. */
const TAB_LABEL = '.weui-tabbar__label';

test('首页 offers 关怀模式 once; on, the services are big tiles on one line each and the tab labels grow', async () => {
  // Declined: gone, and not offered again after a reload.
  const first = await newPhonePage(env.browser);
  await openAs(first.page, env.cloud.baseUrl, 'demo-member-01', '#/pages/index/index');
  await first.page.locator(tid('home-care-offer')).waitFor({ timeout: 45_000 });
  await screenshot(first.page, 'care/01-home-offer');
  await first.page.locator(tid('home-care-decline')).click();
  await first.page.locator(tid('home-care-offer')).waitFor({ state: 'detached' });
  await first.page.reload();
  await first.page.locator(tid('tile-apply')).waitFor({ timeout: 45_000 });
  expect(await first.page.locator(tid('home-care-offer')).count()).toBe(0);
  expect(await first.page.locator('[data-testid="home"][data-care-mode="off"]').count()).toBe(1);
  await first.page.context().close();

  // Accepted on another phone: the page, its tiles and the tab bar grow.
  const { page, errors } = await newPhonePage(env.browser);
  await openAs(page, env.cloud.baseUrl, 'demo-member-01', '#/pages/index/index');
  await page.locator(tid('home-care-offer')).waitFor({ timeout: 45_000 });
  await page.locator(tid('tile-apply')).waitFor();
  const tileWidth = async () => (await page.locator(tid('tile-apply')).boundingBox())?.width ?? 0;
  const tabBefore = await fontSize(page, TAB_LABEL);
  const widthBefore = await tileWidth();
  await screenshot(page, 'care/02-home-standard');
  await page.locator(tid('home-care-accept')).click();
  await page.locator('[data-testid="home"][data-care-mode="on"]').waitFor();
  expect(await page.locator(tid('home-care-offer')).count()).toBe(0);
  expect((await fontSize(page, TAB_LABEL)) / tabBefore).toBeGreaterThan(1.4);
  // Two a row (half the screen, where three a row took a third), each label on one line.
  expect((await tileWidth()) / widthBefore).toBeGreaterThan(1.3);
  const labels = await page.locator(`${tid('home-shortcuts')} ${tid('tile-label')}`).evaluateAll((els) =>
    els.map((el) => ({
      text: (el as HTMLElement).innerText,
      lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
    })),
  );
  expect(labels.length).toBeGreaterThanOrEqual(6);
  expect(labels.filter((l) => l.lines !== 1)).toEqual([]);
  await screenshot(page, 'care/03-home-big-tiles');

  // 我的: the switch is the first thing on the page.
  await page.goto(`${env.cloud.baseUrl}/#/pages/me/index`);
  await page.locator(tid('me-name')).waitFor({ timeout: 45_000 });
  const switchTop = (await page.locator(tid('me-care')).boundingBox())?.y ?? Infinity;
  const nameTop = (await page.locator(tid('me-name')).boundingBox())?.y ?? 0;
  expect(switchTop).toBeLessThan(nameTop);
  await screenshot(page, 'care/04-me-switch-on-top');
  expect(errors).toEqual([]);
}, 240_000);
