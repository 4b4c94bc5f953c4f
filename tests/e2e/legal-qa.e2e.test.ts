/**
 * 线上法律咨询 end to end in Chromium against the H5 build: a member asks a wage question with a photo of a payslip
 * (anonymous to the employer, at her district's station) → 武进区职工法律援助站's duty lawyer sees it masked on the
 * desk, opens it and answers → the member reads the answer and turns the thread into a booking at the station.
 * Checked on screen and in what the local cloud stored.
 */
import type { Page } from 'playwright-core';
import { storeReader } from '../support/api';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser } from './browser';
import { photo } from './photo';

const env = useAppAndBrowser();
const MEMBER = 'demo-member-01';
const LAWYER = 'demo-lawyer-wujin';
const STORY = '我在湖塘一家机械厂做装配工，老板已经三个月没发工资了，说等年底一起结。';
const ANSWER = '拖欠工资可以向劳动监察投诉或申请劳动仲裁。请带上身份证、工资条和考勤记录到站，我们帮您写仲裁申请书。';

const fill = (page: Page, id: string, value: string, control = 'input') => page.locator(`${tid(id)} ${control}`).fill(value);

test('a member asks a wage question with a photo, the duty lawyer answers, the member turns it into a booking', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  const { page, errors } = await newPhonePage(env.browser);

  // The member: the promise first, then the question with a photo, anonymous to the employer.
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/legal-qa/index/index');
  await page.locator(tid('legal-qa-promise')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('legal-qa-promise')).innerText()).toContain('48小时');
  await page.locator(tid('legal-qa-ask')).click();
  await page.locator(tid('legal-qa-type-wages')).click();
  await fill(page, 'legal-qa-story', STORY, 'textarea');
  await fill(page, 'legal-qa-employer', '常州恒达精密机械有限公司');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(tid('legal-qa-photo-add')).click()]);
  await chooser.setFiles({ name: 'payslip.png', mimeType: 'image/png', buffer: photo() });
  await page.locator(tid('legal-qa-photo-item')).waitFor({ timeout: 45_000 });
  await page.locator(tid('legal-qa-anonymous')).click();
  await screenshot(page, 'legal-qa/ask');
  await page.locator(tid('legal-qa-submit')).click();
  await page.locator(tid('legal-qa-status'), { hasText: '待律师答复' }).waitFor({ timeout: 45_000 });

  const [q] = (
    await store.all<{ _id: string; stationId: string; anonymous: boolean; evidence: string[]; status: string; storySealed: string }>(
      'legalqa_questions',
      { openid: MEMBER, status: 'waiting' },
    )
  ).filter((x) => x._id !== 'QA-demo-01');
  expect(q).toMatchObject({ stationId: 'st-cz-wujin', anonymous: true });
  expect(q.evidence).toHaveLength(1);
  expect(q.evidence[0]).toContain(`/uploads/${MEMBER}/`);
  expect(q.storySealed).not.toContain('机械厂');

  // The duty lawyer: the desk lists it masked; the thread shows the case and the photo; the answer is sent.
  await openAs(page, env.cloud.baseUrl, LAWYER, '#/packages/legal-qa/desk/index');
  const row = page.locator(tid('legal-qa-row'), { hasText: '常州******' }).filter({ hasText: '匿名咨询' }).first();
  await row.waitFor({ timeout: 45_000 });
  expect(await row.innerText()).not.toContain('陈晓燕');
  await openAs(page, env.cloud.baseUrl, LAWYER, `#/packages/legal-qa/thread/index?id=${q._id}`);
  await page.locator(tid('legal-qa-evidence')).waitFor({ timeout: 45_000 });
  await fill(page, 'legal-qa-reply', ANSWER, 'textarea');
  await screenshot(page, 'legal-qa/lawyer-answer');
  await page.locator(tid('legal-qa-send')).click();
  await page.locator(tid('legal-qa-status'), { hasText: '律师已答复' }).waitFor({ timeout: 45_000 });
  expect(await store.byId('legalqa_questions', q._id)).toMatchObject({ status: 'answered', firstAnsweredBy: LAWYER });

  // The member reads the answer and books a slot at the station: the case goes with the booking.
  await openAs(page, env.cloud.baseUrl, MEMBER, `#/packages/legal-qa/thread/index?id=${q._id}`);
  await page.locator(tid('legal-qa-message'), { hasText: '劳动仲裁' }).waitFor({ timeout: 45_000 });
  await page.locator(tid('legal-qa-to-booking')).click();
  const slots = page.locator('[data-testid^="legal-qa-slot-"]');
  await slots.first().waitFor({ timeout: 45_000 });
  await slots.last().click();
  await screenshot(page, 'legal-qa/book');
  await page.locator(tid('legal-qa-book-submit')).click();
  await page.locator(tid('legal-qa-booked')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('legal-qa-status')).innerText()).toContain('已转为到站咨询');
  await screenshot(page, 'legal-qa/booked');

  const after = await store.byId<{ status: string; bookingId: string }>('legalqa_questions', q._id);
  expect(after?.status).toBe('booked');
  expect(await store.byId('legal_bookings', after!.bookingId)).toMatchObject({
    openid: MEMBER,
    stationId: 'st-cz-wujin',
    status: 'confirmed',
    type: 'wages',
    evidence: q.evidence,
  });
  expect(errors).toEqual([]);
});
