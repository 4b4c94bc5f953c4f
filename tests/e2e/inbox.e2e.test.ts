/**
 * 消息与待办 in Chromium against the H5 build, by data-testid: a waitlist place offered, tomorrow's legal-aid booking
 * (the local cloud's clock moved a day on, not waited for) and a published 公示 appear with the badge on 首页 and on
 * the 我的 tab; each opens its page; opening the 公示 clears it, accepting the offer clears it. A member with
 * nothing waiting reads 暂无待办 and what to do next. Screenshots in normal and 关怀模式.
 */
import type { Page } from 'playwright-core';
import { callOk, storeReader } from '../support/api';
import { setClock } from '../support/clock';
import { bookInput, futureSlot } from '../support/legalAid';
import { openTrip, putMembers } from '../support/trips';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser } from './browser';

const env = useAppAndBrowser();
const DAY = 86_400_000;
const ME = 'e2e-inbox-member';

async function items(page: Page): Promise<Array<{ key: string; kind: string; title: string }>> {
  return page.locator(`${tid('inbox-item')}:visible`).evaluateAll((nodes) =>
    nodes.map((n) => ({
      key: n.getAttribute('data-key') ?? '',
      kind: n.getAttribute('data-kind') ?? '',
      title: n.querySelector('[data-testid="inbox-item-title"]')?.textContent ?? '',
    })),
  );
}

/** Opens 消息与待办 from 首页 (through its entry) and waits for `count` items. */
async function openInboxFromHome(page: Page, count: number): Promise<void> {
  await openAs(page, env.cloud.baseUrl, ME, '#/pages/index/index');
  await page.locator(`${tid('home-inbox')}:visible`).click();
  if (count === 0) await page.locator(`${tid('inbox-page')} ${tid('state-empty')}`).waitFor({ timeout: 20_000 });
  else
    await page
      .locator(`${tid('inbox-item')}:visible`)
      .nth(count - 1)
      .waitFor({ timeout: 20_000 });
  expect(await page.locator(`${tid('inbox-item')}:visible`).count()).toBe(count);
}

async function homeBadge(page: Page, text: string): Promise<void> {
  await openAs(page, env.cloud.baseUrl, ME, '#/pages/index/index');
  await page.locator(`${tid('home-inbox')} ${tid('inbox-badge')}`, { hasText: text }).waitFor({ timeout: 20_000 });
  // the 我的 tab carries the same count (Taro's tab bar draws it; its badge has no test id of ours)
  await page.locator('.taro-tabbar-badge', { hasText: text }).waitFor({ timeout: 10_000 });
}

test('an offer, tomorrow’s booking and a 公示 appear with the badge, open their pages and clear when acted on', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  await putMembers(store.db, [
    { openid: ME, name: '顾晓梅', orgId: 'org-cz-wujin-g1' },
    { openid: 'e2e-inbox-first', name: '华立新', orgId: 'org-cz-wujin-g1' },
    { openid: 'e2e-inbox-none', name: '蒋文斌', orgId: 'org-cz-wujin-g1' },
  ]);
  const base = env.cloud.baseUrl;
  // A full trip: the member is second in line; the first withdraws, and the place is offered (60 hours to confirm).
  const full = await openTrip(base, { title: '一线职工疗休养·天目湖（消息测试）', capacity: 1, claimHours: 60, everyYears: 0 });
  await callOk(base, 'e2e-inbox-first', 'recuperation.signUp', { activityId: full });
  await callOk(base, ME, 'recuperation.signUp', { activityId: full });
  await callOk(base, 'e2e-inbox-first', 'enrollment.cancel', { enrollmentId: `${full}_e2e-inbox-first` });
  // A trip with room, whose list staff publish (公示).
  const listed = await openTrip(base, { title: '劳模疗休养·茅山（消息测试）', capacity: 5, everyYears: 0 });
  await callOk(base, ME, 'recuperation.signUp', { activityId: listed });
  await callOk(base, 'demo-staff-city', 'enrollment.publish', { activityId: listed, days: 5 });
  // A legal-aid booking the day after tomorrow: not yet in the list.
  const slot = await futureSlot(env.cloud, 2);
  const booking = await callOk(base, ME, 'legalAid.book', bookInput(slot));

  const { page, errors } = await newPhonePage(env.browser);
  try {
    await walkThrough(page, { full, listed, bookingId: booking._id });
  } finally {
    await setClock(base, 0); // the local cloud is shared by the file's tests: time goes back
  }
  expect(errors).toEqual([]);
}, 240_000);

async function walkThrough(page: Page, ids: { full: string; listed: string; bookingId: string }): Promise<void> {
  const { full, listed, bookingId } = ids;
  const base = env.cloud.baseUrl;
  const store = storeReader(env.cloud.serviceUrl);
  await homeBadge(page, '2');
  await openInboxFromHome(page, 2);
  expect((await items(page)).map((i) => i.key).sort()).toEqual([`offer:${full}_${ME}`, `publicity:${listed}`]);

  // A day passes (the local cloud's clock, not a wait): the booking is tomorrow's now.
  await setClock(base, DAY);
  await homeBadge(page, '3');
  await openInboxFromHome(page, 3);
  const all = await items(page);
  expect(all.find((i) => i.key === `booking:${bookingId}`)).toMatchObject({
    kind: 'todo',
    title: expect.stringMatching(/^明天\d\d:\d\d法律援助咨询$/),
  });
  expect(all.find((i) => i.key === `offer:${full}_${ME}`)).toMatchObject({
    kind: 'todo',
    title: expect.stringContaining('候补名额待确认'),
  });
  expect(all.find((i) => i.key === `publicity:${listed}`)).toMatchObject({
    kind: 'info',
    title: expect.stringContaining('公示名单已发布'),
  });
  expect(all.map((i) => i.kind)).toEqual(['todo', 'todo', 'info']); // deadlines first, then the news
  await screenshot(page, 'inbox-list');

  // The 公示 opens its list, and leaves the inbox for having been opened.
  await page.locator(`${tid('inbox-item')}[data-key="publicity:${listed}"]:visible`).click();
  await page
    .locator(`${tid('recuperation-pub-item')}:visible`)
    .first()
    .waitFor({ timeout: 20_000 });
  await homeBadge(page, '2');

  // The booking opens its detail page (it stays: it is tomorrow's to attend).
  await openInboxFromHome(page, 2);
  await page.locator(`${tid('inbox-item')}[data-key="booking:${bookingId}"]:visible`).click();
  await page.locator(`${tid('legal-aid-status')}:visible`).waitFor({ timeout: 20_000 });

  // The offer opens the trip, where the member accepts it: it leaves the inbox.
  await openInboxFromHome(page, 2);
  await page.locator(`${tid('inbox-item')}[data-key="offer:${full}_${ME}"]:visible`).click();
  await page.locator(`${tid('recuperation-offer-accept')}:visible`).click();
  await page.locator(`${tid('recuperation-mine-status')}:visible`, { hasText: '报名成功' }).waitFor({ timeout: 20_000 });
  expect(await store.byId(`enrollments`, `${full}_${ME}`)).toMatchObject({ status: 'approved' });
  await homeBadge(page, '1');
  await openInboxFromHome(page, 1);
  expect((await items(page)).map((i) => i.key)).toEqual([`booking:${bookingId}`]);

  // 关怀模式: the same list, larger.
  await openAs(page, base, ME, '#/pages/me/index');
  await page.locator(`${tid('me-inbox')} ${tid('inbox-badge')}`, { hasText: '1' }).waitFor({ timeout: 20_000 });
  await page.locator(tid('me-care')).click();
  await page.waitForFunction(() => !!document.querySelector('[data-testid="me"][data-care-mode="on"]'));
  await page.locator(`${tid('me-inbox')}:visible`).click();
  await page
    .locator(`${tid('inbox-page')}[data-care-mode="on"] ${tid('inbox-item')}`)
    .first()
    .waitFor({ timeout: 20_000 });
  await screenshot(page, 'inbox-list-care-mode');
  await openAs(page, base, ME, '#/pages/me/index');
  await page.locator(tid('me-care')).click();
  await page.waitForFunction(() => !!document.querySelector('[data-testid="me"][data-care-mode="off"]'));

  // Someone with nothing waiting: the empty state says what to do next, and 首页 shows no badge.
  await openAs(page, base, 'e2e-inbox-none', '#/packages/inbox/index');
  const empty = page.locator(`${tid('inbox-page')} ${tid('state-empty')}`);
  await empty.waitFor({ timeout: 20_000 });
  expect(await empty.innerText()).toContain('暂无待办');
  expect(await page.locator(`${tid('inbox-go-services')}:visible`).count()).toBe(1);
  await screenshot(page, 'inbox-empty');
}
