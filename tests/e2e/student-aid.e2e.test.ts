/**
 * 金秋助学 end to end in Chromium against the H5 build: 孙卫东, whose family has a 困难职工档案 (the 困难帮扶 demo,
 * 武进 淹城文旅), applies for his daughter admitted to university with a photo of the admission letter and of the
 * receipt → 武进区总工会 checks and approves it → after the application period the grant list is published (masked)
 * → after the 公示 the payment is recorded → the member sees it paid. Checked on screen and in what was stored.
 */
import type { Page } from 'playwright-core';
import { chinaDate } from '../../cloudfunctions/api/src/rules/time';
import { callOk, storeReader } from '../support/api';
import { setClock } from '../support/clock';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser } from './browser';
import { photo } from './photo';

const env = useAppAndBrowser();
const MEMBER = 'demo-hardship-03';
const DISTRICT = 'demo-staff-wujin';
const CHILD_ID = '320412200803150212';
const DAY = 86400_000;

const fill = (page: Page, id: string, value: string, control = 'input') => page.locator(`${tid(id)} ${control}`).fill(value);

async function upload(page: Page, id: string, name: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(tid(`${id}-add`)).click()]);
  await chooser.setFiles({ name, mimeType: 'image/png', buffer: photo() });
  await page.locator(tid(`${id}-item`)).waitFor({ timeout: 45_000 });
}

test('a 困难职工 family applies for a child admitted to university; approved, published, paid; the member sees it', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  const { page, errors } = await newPhonePage(env.browser);

  // The member: the window with its amounts, then the form (no income asked: the family is on file).
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/student-aid/mine/index');
  await page.locator(tid('student-aid-window')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('student-aid-window')).innerText()).toContain('3000 元');
  await page.locator(tid('student-aid-apply')).click();
  await page.locator(tid('student-aid-rule')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('student-aid-rule')).innerText()).toContain('深度困难');
  await fill(page, 'student-aid-child-name', '孙悦');
  await fill(page, 'student-aid-child-id', CHILD_ID);
  await page.locator(tid('student-aid-level-university')).click();
  await fill(page, 'student-aid-school', '南京理工大学');
  await fill(page, 'student-aid-major', '机械工程');
  await fill(page, 'student-aid-tuition', '5200');
  await upload(page, 'student-aid-letter', 'admission-letter.png');
  await upload(page, 'student-aid-receipt', 'tuition-receipt.png');
  // Without the consent nothing is sent: the message says what to do.
  await page.locator(tid('student-aid-submit')).click();
  await page.getByText('请阅读并同意《敏感个人信息处理说明》').waitFor({ timeout: 45_000 });
  expect(await store.count('student_aid_applications', { openid: MEMBER })).toBe(0);
  await page.locator(tid('student-aid-consent')).click();
  await screenshot(page, 'student-aid/01-apply');
  await page.locator(tid('student-aid-submit')).click();
  await page.locator(tid('student-aid-application')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('student-aid-status')).first().innerText()).toContain('待基层工会审核');
  expect(await page.locator(tid('student-aid-application')).first().innerText()).toContain('孙*');
  await screenshot(page, 'student-aid/02-submitted');

  const [stored] = await store.all<{ _id: string; windowId: string; admissionLetterId: string; childIdMasked: string }>(
    'student_aid_applications',
    { openid: MEMBER },
  );
  expect(stored.admissionLetterId).toContain(`/uploads/${MEMBER}/`);
  expect(stored.childIdMasked).toBe('3204**********0212');
  expect(JSON.stringify(stored)).not.toContain(CHILD_ID);

  // 武进区总工会: the queue, the case with the child in full (audited), check, then approve.
  await openAs(page, env.cloud.baseUrl, DISTRICT, '#/packages/student-aid/staff/index');
  await page.locator(tid('student-aid-queue-item'), { hasText: '孙卫东' }).click();
  await page.locator(tid('student-aid-case-id')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('student-aid-case-id')).innerText()).toContain(CHILD_ID);
  await page.locator(tid('student-aid-proof')).first().waitFor({ timeout: 45_000 });
  await page.locator(tid('student-aid-pass')).click();
  await page.locator(tid('student-aid-approve')).waitFor({ timeout: 45_000 });
  await screenshot(page, 'student-aid/03-decide');
  await page.locator(tid('student-aid-approve')).click();
  await page.locator(tid('student-aid-case-status'), { hasText: '已批准' }).waitFor({ timeout: 45_000 });
  expect(await store.byId('student_aid_applications', stored._id)).toMatchObject({ status: 'approved', amount: 3000 });
  expect(await store.count('audit', { action: 'studentAid.get', target: stored._id, kind: 'pii_view' })).toBeGreaterThan(0);

  // The demo's other two applications are decided (through the API), then the application period ends.
  await callOk(env.cloud.baseUrl, 'demo-staff-huatang', 'studentAid.check', {
    applicationId: 'SA-demo-01',
    pass: true,
    note: '',
  });
  for (const applicationId of ['SA-demo-01', 'SA-demo-02'])
    await callOk(env.cloud.baseUrl, DISTRICT, 'studentAid.decide', { applicationId, approve: true, note: '' });
  await setClock(env.cloud.baseUrl, 22 * DAY);
  try {
    // The district publishes the list (after a confirmation); the member sees it, masked.
    await openAs(page, env.cloud.baseUrl, DISTRICT, '#/packages/student-aid/staff/index');
    await page.locator(tid('student-aid-tab-windows')).click();
    await page.locator(tid('student-aid-publish')).click();
    await page.locator(`${tid('student-aid-publish-dialog')} ${tid('dialog-ok')}`).click();
    await page.getByText('公示中').waitFor({ timeout: 45_000 });
    expect(await store.byId('student_aid_windows', stored.windowId)).toMatchObject({ approvedCount: 3 });

    await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/student-aid/mine/index');
    await page.locator(tid('student-aid-grants-link')).click();
    await page.locator(tid('student-aid-grant-row')).first().waitFor({ timeout: 45_000 });
    const rows = await page.locator(tid('student-aid-grant-row')).allInnerTexts();
    expect(rows).toHaveLength(3);
    const mine = rows.find((r) => r.includes('（我家）')) ?? '';
    expect(mine).toContain('孙*');
    expect(mine).toContain('本科');
    expect(mine).toContain('3000 元');
    expect(rows.join('\n')).not.toContain('孙悦');
    await screenshot(page, 'student-aid/04-publicity');

    // After the 公示: the payment is recorded.
    await setClock(env.cloud.baseUrl, 27 * DAY + 10 * 60_000);
    await openAs(page, env.cloud.baseUrl, DISTRICT, `#/packages/student-aid/case/index?id=${stored._id}`);
    await page.locator(tid('student-aid-pay')).waitFor({ timeout: 45_000 });
    await screenshot(page, 'student-aid/05-payment');
    // The form offers the phone's today, which (the cloud's clock being moved on, not the browser's) lies before the
    // 公示 ended: refused, beside the date; the date the money was paid is then entered.
    await page.locator(tid('student-aid-pay')).click();
    await page.getByText('不能早于资助名单公示结束日').first().waitFor({ timeout: 45_000 });
    expect((await store.byId('student_aid_applications', stored._id))?.status).toBe('approved');
    const paidOn = chinaDate(new Date(Date.now() + 27 * DAY + 10 * 60_000));
    await fill(page, 'student-aid-pay-date', paidOn);
    await page.locator(tid('student-aid-pay')).click();
    await page.locator(tid('student-aid-case-status'), { hasText: '已发放' }).waitFor({ timeout: 45_000 });
    expect(await store.byId('student_aid_applications', stored._id)).toMatchObject({
      status: 'paid',
      payment: { amount: 3000, by: DISTRICT, date: paidOn },
    });

    // The member sees it paid, with every step.
    await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/student-aid/mine/index');
    await page.locator(tid('student-aid-paid')).waitFor({ timeout: 45_000 });
    expect(await page.locator(tid('student-aid-paid')).innerText()).toContain('已发放 3000 元');
    expect(await page.locator(tid('student-aid-step')).allInnerTexts()).toEqual([
      expect.stringContaining('已提交申请'),
      expect.stringContaining('已审核'),
      expect.stringContaining('已批准资助 3000 元'),
      expect.stringContaining('助学金 3000 元已于'),
    ]);
    await screenshot(page, 'student-aid/06-paid');
  } finally {
    await setClock(env.cloud.baseUrl, 0);
  }
  expect(errors).toEqual([]);
});
