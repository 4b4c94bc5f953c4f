/**
 * An area the union switched off (系统设置): a page of it opened directly — a shared card, an old link — says the
 * service is not open and leads home instead of showing the area; 服务 offers no tile for it; switched on again, the
 * same link opens the area. In Chromium against the H5 build, by data-testid.
 */
import { DEMO_SETTINGS } from '../../cloudfunctions/api/fixtures/settings/demo';
import { callOk } from '../support/api';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser, visibleText } from './browser';

const env = useAppAndBrowser();
const ADMIN = 'demo-admin';
const MEMBER = 'demo-member-01';
const LINK = '#/packages/matchmaking/list/index';

type SaveInput = Parameters<typeof callOk<'settings.save'>>[3];

async function switchMatchmaking(on: boolean): Promise<void> {
  const { version, areas } = await callOk(env.cloud.baseUrl, ADMIN, 'settings.get', {});
  await callOk(env.cloud.baseUrl, ADMIN, 'settings.save', {
    version,
    union: DEMO_SETTINGS.union as SaveInput['union'],
    areas: { ...areas, matchmaking: on },
  });
}

test('a switched-off area opened by a link says it is not open and leads home; switched on, the link opens it', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  await switchMatchmaking(false);

  await openAs(page, env.cloud.baseUrl, MEMBER, LINK);
  await page.locator(tid('area-off')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('area-off')).innerText()).toContain('该服务暂未开通');
  expect(await page.locator(tid('matchmaking-to-profile')).count()).toBe(0);
  await screenshot(page, 'area-off/01-link-to-switched-off-area');
  await page.locator(tid('area-off-home')).click();
  await page.locator(tid('area-off')).waitFor({ state: 'hidden', timeout: 45_000 });
  expect(page.url()).toContain('#/pages/index/index');

  // 服务 lists the union's services without it.
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/pages/services/index');
  await page.getByText('法律援助').first().waitFor({ timeout: 45_000 });
  expect(await visibleText(page)).not.toContain('单身联谊');

  await switchMatchmaking(true);
  await openAs(page, env.cloud.baseUrl, MEMBER, LINK);
  await page.locator(tid('matchmaking-to-profile')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('area-off')).count()).toBe(0);
  await screenshot(page, 'area-off/02-switched-on-again');
  expect(errors).toEqual([]);
}, 180_000);
