/**
 * 邀请人员 in Chromium against the H5 build: a district's staffer invites a duty lawyer who is not a member (role,
 * station, name → link and QR code), the lawyer opens the link, sees who invites them to what, accepts, and holds
 * the role (我的 names the station); the same link opened again says it was used. Elements by data-testid.
 */
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser, visibleText } from './browser';

const env = useAppAndBrowser();

test('a staffer invites a duty lawyer by link; the lawyer accepts and holds the role', async () => {
  const { page, errors } = await newPhonePage(env.browser);

  await openAs(page, env.cloud.baseUrl, 'demo-staff-wujin', '#/packages/invite/create/index');
  await page.locator(tid('invite-role-lawyer')).waitFor({ timeout: 45_000 });
  // Nothing chosen yet: the form says what is missing, under its fields, and stores nothing.
  await page.locator(tid('invite-role-lawyer')).click();
  await page.locator(tid('invite-create')).click();
  expect(await visibleText(page)).toContain('请选择法律援助站');
  expect(await visibleText(page)).toContain('请填写被邀请人姓名');

  // The district's staffer is offered its own station.
  await page.locator(tid('invite-scope-st-cz-wujin')).click();
  await page.locator(`${tid('invite-name')} input`).fill('顾明远');
  expect(await visibleText(page)).not.toContain('请填写被邀请人姓名');
  await screenshot(page, 'invite-create');
  await page.locator(tid('invite-create')).click();
  await page.locator(tid('invite-made')).waitFor({ timeout: 30_000 });
  const link = (await page.locator(tid('invite-link')).innerText()).trim();
  expect(link).toMatch(/#\/packages\/invite\/accept\/index\?code=[A-Za-z0-9_-]{20}$/);
  expect(await page.locator(tid('invite-qr')).count()).toBe(1);
  expect(await visibleText(page)).toContain('已生成邀请：顾明远（武进区职工法律援助站值班律师）');
  await page.locator(tid('invite-item')).first().waitFor({ timeout: 30_000 });
  expect(await page.locator(tid('invite-item')).first().innerText()).toContain('待接受');
  await screenshot(page, 'invite-made');

  // The lawyer (never a member) opens the link on their own phone.
  const lawyer = await newPhonePage(env.browser);
  const hash = link.slice(link.indexOf('#'));
  await openAs(lawyer.page, env.cloud.baseUrl, 'e2e-lawyer-gu', hash);
  await lawyer.page.locator(tid('invite-title')).waitFor({ timeout: 45_000 });
  expect(await lawyer.page.locator(tid('invite-title')).innerText()).toContain(
    '邀请您（顾明远）成为武进区职工法律援助站值班律师',
  );
  await screenshot(lawyer.page, 'invite-accept');
  await lawyer.page.locator(tid('invite-accept')).click();
  await lawyer.page.locator(tid('me-role')).first().waitFor({ timeout: 45_000 });
  expect(await lawyer.page.locator(tid('me-role')).allInnerTexts()).toContain('值班律师 · 武进区职工法律援助站');
  expect(await visibleText(lawyer.page)).toContain('顾明远');
  await screenshot(lawyer.page, 'invite-accepted-me');

  // Anyone else opening the same link learns it was used; nothing to accept.
  const other = await newPhonePage(env.browser);
  await openAs(other.page, env.cloud.baseUrl, 'e2e-someone-else', hash);
  await other.page.locator(tid('invite-closed')).waitFor({ timeout: 45_000 });
  expect(await other.page.locator(tid('invite-closed')).innerText()).toContain('已被接受');
  expect(await other.page.locator(tid('invite-accept')).count()).toBe(0);

  // The inviter's list shows it accepted.
  await page.reload();
  await page.locator(tid('invite-item')).first().waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('invite-item')).first().innerText()).toContain('已接受');
  expect([...errors, ...lawyer.errors, ...other.errors]).toEqual([]);
}, 300_000);
