/**
 * 心理咨询 end to end in Chromium against the H5 build: a member (周国强) books a session of the 武进 room under
 * the pseudonym 远方 with a phone for the session → the room's counsellor opens the 咨询台 and the session: the
 * pseudonym, the phone and the time are there; the member's real name, card number, unit and openid are not
 * anywhere on either page. The hotlines are on every page. Checked on screen and in what the local cloud stored.
 */
import type { Page } from 'playwright-core';
import { storeReader } from '../support/api';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser, visibleText } from './browser';

const env = useAppAndBrowser();
const MEMBER = { openid: 'demo-hardship-01', name: '周国强', cardNo: 'CZ2019000201', unit: '湖塘精机' };
const COUNSELLOR = 'demo-counsellor-wujin';
const CONTACT = '13861234567';

const fill = (page: Page, id: string, value: string) => page.locator(`${tid(id)} input`).fill(value);

test('a member books under a pseudonym; the counsellor sees only the pseudonym, the contact and the time', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  const { page, errors } = await newPhonePage(env.browser);

  await openAs(page, env.cloud.baseUrl, MEMBER.openid, '#/packages/counselling/index/index');
  await page.locator(tid('counselling-book-cr-cz-wujin')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('counselling-hotlines')).innerText()).toContain('12356');
  await page.locator(tid('counselling-book-cr-cz-wujin')).click();

  // The first free day and session, the pseudonym, the phone; confirmed in the dialog.
  await page.locator('[data-testid^="counselling-slot-"]').first().waitFor({ timeout: 45_000 });
  expect(await visibleText(page)).toContain('12355'); // the hotlines on this page too
  const slot = page.locator('[data-testid^="counselling-slot-"]').first();
  const slotId = (await slot.getAttribute('data-testid'))!.replace('counselling-slot-', '');
  const time = (await slot.innerText()).trim();
  await slot.click();
  await fill(page, 'counselling-book-pseudonym', '远方');
  await fill(page, 'counselling-book-contact', CONTACT);
  await page.locator(tid('counselling-book-submit')).click();
  await page.locator(`${tid('counselling-book-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('counselling-status')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('counselling-status')).innerText()).toContain('已预约');
  await screenshot(page, 'counselling/booked');

  const [stored] = await store.all<{ _id: string; pseudonym: string; status: string; contactSealed: string }>(
    'counsel_bookings',
    { openid: MEMBER.openid },
  );
  expect(stored).toMatchObject({ pseudonym: '远方', status: 'confirmed', slotId });
  expect(stored.contactSealed).not.toContain(CONTACT);

  // The counsellor's desk and the session page.
  await openAs(page, env.cloud.baseUrl, COUNSELLOR, '#/packages/counselling/desk/index?roomId=cr-cz-wujin');
  await page.locator(tid('counselling-desk-row')).first().waitFor({ timeout: 45_000 });
  const row = page.locator(tid('counselling-desk-row')).filter({ hasText: '远方' });
  await row.waitFor({ timeout: 45_000 });
  const rowText = await row.innerText();
  expect(rowText).toContain(CONTACT);
  expect(rowText).toContain(time.split('–')[0]);
  const deskText = await visibleText(page);
  for (const secret of [MEMBER.name, MEMBER.cardNo, MEMBER.openid, MEMBER.unit]) expect(deskText).not.toContain(secret);
  expect(deskText).toContain('12356');
  await screenshot(page, 'counselling/desk');

  await row.click();
  await page.locator(tid('counselling-session-pseudonym')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('counselling-session-pseudonym')).innerText()).toBe('远方');
  expect(await page.locator(tid('counselling-session-contact')).innerText()).toContain(CONTACT);
  const sessionText = await visibleText(page);
  for (const secret of [MEMBER.name, MEMBER.cardNo, MEMBER.openid, MEMBER.unit]) expect(sessionText).not.toContain(secret);
  expect(sessionText).toContain('12355');
  await screenshot(page, 'counselling/session');
  // Opening the session was audited.
  expect(
    await store.count('audit', { action: 'counselling.session', kind: 'pii_view', actor: COUNSELLOR, target: stored._id }),
  ).toBe(1);
  expect(errors).toEqual([]);
});
