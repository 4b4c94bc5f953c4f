/**
 * 法律援助 end to end in Chromium against the H5 build: a member books a slot with a photo of her payslip,
 * the duty lawyer of that station opens the case and completes it with an outcome, the member reads it and
 * rates the service — checked on screen and in what the local cloud stored.
 */
import type { Page } from 'playwright-core';
import { chinaDate } from '../../cloudfunctions/api/src/rules/time';
import { storeReader } from '../support/api';
import { newPhonePage, screenshot, tid, useAppAndBrowser, openAs as openAsIn } from './browser';
import { photo } from './photo';

const env = useAppAndBrowser();

const openAs = (page: Page, openid: string, hashPath: string) => openAsIn(page, env.cloud.baseUrl, openid, hashPath);

const CASE = '我在湖塘一家电子厂做操作工，单位已经两个月没发工资了，工资条拍照附上，想咨询怎么讨要。';
const SUMMARY = '可先向劳动保障监察部门投诉，同时准备申请劳动仲裁；已告知所需材料，建议申请法律援助。';

test('a member books with a photo, the duty lawyer completes it with an outcome, the member rates it', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  const member = 'demo-member-01';
  const { page, errors } = await newPhonePage(env.browser);

  // The member: station → slot → case → photo → confirm.
  await openAs(page, member, '#/packages/legal-aid/index/index');
  const book = page.locator(`${tid('legal-aid-station-st-cz-wujin')} ${tid('legal-aid-station-book')}`);
  await book.waitFor({ timeout: 45_000 });
  await screenshot(page, 'legal-aid-stations');
  await book.click();
  await page.locator(tid('legal-aid-slot-open')).first().waitFor({ timeout: 45_000 });
  await page.locator(tid('legal-aid-type-wages')).click();
  await page.locator(tid('legal-aid-slot-open')).first().click();
  await page.locator(`${tid('legal-aid-case')} textarea`).fill(CASE);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(tid('legal-aid-evidence-add')).click()]);
  await chooser.setFiles({ name: 'payslip.png', mimeType: 'image/png', buffer: photo() });
  await page
    .locator(`${tid('legal-aid-evidence-item')} ${tid('legal-aid-evidence-remove')}`)
    .first()
    .waitFor({ timeout: 45_000 });
  // 请准备以下材料 only for a visit: a call back from the lawyer needs nothing carried.
  await page.locator(tid('legal-aid-way-callback')).click();
  await page.locator(tid('legal-aid-checklist')).waitFor({ state: 'detached' });
  await page.locator(tid('legal-aid-way-in_person')).click();
  await page.locator(tid('legal-aid-checklist')).scrollIntoViewIfNeeded();
  await screenshot(page, 'legal-aid-book');
  await page.locator(tid('legal-aid-submit')).click();
  await page.locator(`${tid('legal-aid-confirm')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('legal-aid-status'), { hasText: '已预约' }).waitFor({ timeout: 45_000 });
  await screenshot(page, 'legal-aid-booked');

  // The booking just made (the demo member has older ones): the latest confirmed.
  const mine = await store.all<{ _id: string; date: string; start: string; evidence: string[]; confirmedAt: string }>(
    'legal_bookings',
    { openid: member, status: 'confirmed' },
  );
  const booking = mine.sort((a, b) => new Date(b.confirmedAt).getTime() - new Date(a.confirmedAt).getTime())[0];
  expect(booking.evidence).toHaveLength(1);
  expect(booking.evidence[0]).toMatch(new RegExp(`/uploads/${member}/la-[a-z0-9-]+\\.png$`));
  expect(JSON.stringify(booking)).not.toContain('两个月没发工资');

  // The duty lawyer of 武进: the booking on the desk, the case with the photo, the outcome.
  await openAs(page, 'demo-lawyer-wujin', '#/packages/legal-aid/desk/index');
  await page.locator(tid(booking.date === chinaDate(new Date()) ? 'legal-aid-tab-today' : 'legal-aid-tab-upcoming')).click();
  const item = page.locator(tid('legal-aid-desk-item'), { hasText: '陈晓燕' }).filter({ hasText: booking.start });
  await item.first().waitFor({ timeout: 45_000 });
  await screenshot(page, 'legal-aid-desk');
  await item.first().click();
  await page.locator(tid('legal-aid-case-text'), { hasText: '两个月没发工资' }).waitFor({ timeout: 45_000 });
  // The photo is fetched after the case text shows: wait for it to finish loading (or fail), then read its size.
  const shown = await page
    .locator(`${tid('legal-aid-evidence-view')} img`)
    .first()
    .evaluate(
      (img: HTMLImageElement) =>
        new Promise<number>((done) => {
          if (img.complete) return done(img.naturalWidth);
          img.addEventListener('load', () => done(img.naturalWidth), { once: true });
          img.addEventListener('error', () => done(0), { once: true });
        }),
    );
  expect(shown).toBe(96);
  // Before the slot starts the desk offers no 到场 / 未到 / 办结: it says from when, and offers only a cancellation.
  const notYet = page.locator(tid('legal-aid-desk-not-yet'));
  await notYet.waitFor({ timeout: 45_000 });
  expect(await notYet.innerText()).toMatch(/\d+月\d+日 \d\d:\d\d时段开始后方可登记到场、未到或办结/);
  expect(await page.locator(tid('legal-aid-station-cancel')).count()).toBe(1);
  for (const hook of ['legal-aid-arrived', 'legal-aid-no-show', 'legal-aid-complete', 'legal-aid-outcome-summary']) {
    expect(await page.locator(tid(hook)).count()).toBe(0);
  }
  await screenshot(page, 'legal-aid-case-not-yet');
  expect(await store.byId('legal_bookings', booking._id)).toMatchObject({ status: 'confirmed' });

  // The clock moves on to the slot's start (the booking's copy of it, which the desk and the server read).
  await store.db
    .collection('legal_bookings')
    .doc(booking._id)
    .update({ data: { startsAt: new Date(Date.now() - 60_000) } });
  await page.reload();
  await page.locator(tid('legal-aid-complete')).waitFor({ timeout: 45_000 });
  expect(await notYet.count()).toBe(0);
  await page.locator(`${tid('legal-aid-outcome-summary')} textarea`).fill(SUMMARY);
  await page.locator(`${tid('legal-aid-outcome-notes')} textarea`).fill('当事人在职两年，工资条齐全。');
  await page.locator(tid('legal-aid-referral-legal_aid')).click();
  await screenshot(page, 'legal-aid-case');
  await page.locator(tid('legal-aid-complete')).click();
  await page.locator(`${tid('legal-aid-case-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('legal-aid-case-status'), { hasText: '已完成' }).waitFor({ timeout: 45_000 });
  expect(await store.count('audit', { action: 'legalAid.case', target: booking._id, kind: 'pii_view' })).toBeGreaterThanOrEqual(
    1,
  );

  // The member reads the outcome (not the station's notes) and rates the service.
  await openAs(page, member, `#/packages/legal-aid/detail/index?id=${encodeURIComponent(booking._id)}`);
  await page.locator(tid('legal-aid-outcome'), { hasText: '劳动保障监察' }).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('legal-aid-detail')).innerText()).not.toContain('工资条齐全');
  await page.locator(tid('legal-aid-star-5')).click();
  await page.locator(`${tid('legal-aid-rate-comment')} textarea`).fill('律师讲得很清楚，谢谢！');
  await screenshot(page, 'legal-aid-rate');
  await page.locator(tid('legal-aid-rate-submit')).click();
  await page.locator(tid('legal-aid-rating')).waitFor({ timeout: 45_000 });
  await screenshot(page, 'legal-aid-rated');
  expect(await store.byId('legal_bookings', booking._id)).toMatchObject({
    status: 'completed',
    rating: { stars: 5, comment: '律师讲得很清楚，谢谢！' },
    outcome: { referral: 'legal_aid' },
  });
  expect(errors).toEqual([]);
}, 300_000);
