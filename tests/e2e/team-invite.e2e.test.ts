/**
 * Team invitations that travel (issue 21), in Chromium against the H5 build: a captain makes a share link on the
 * event page (QR code and link); a colleague of the same unit opens it on their own phone, sees the team, the
 * captain and the event, accepts with their declaration, and the captain's team shows them. The same link
 * opened by someone else says it was used. Elements by data-testid.
 */
import type { Page } from 'playwright-core';
import { callOk, storeReader } from '../support/api';
import { putMembers } from '../support/trips';
import { DECLARATION, eventInput } from '../support/competitions';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser, visibleText } from './browser';

const env = useAppAndBrowser();
const go = (page: Page, openid: string, hash: string) => openAs(page, env.cloud.baseUrl, openid, hash);

test('a captain shares a team link; a colleague opens it, accepts, and is on the captain’s team', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  await putMembers(store.db, [
    { openid: 'e2e-tl-captain', name: '钱志强', orgId: 'org-cz-wujin-g1', birthYear: 1985 },
    { openid: 'e2e-tl-mate', name: '周海燕', orgId: 'org-cz-wujin-g1', birthYear: 1990 },
    { openid: 'e2e-tl-late', name: '吴建国', orgId: 'org-cz-wujin-g1', birthYear: 1987 },
  ]);
  const base = env.cloud.baseUrl;
  const competition = await callOk(base, 'demo-staff-city', 'competitions.save', {
    orgId: 'org-cz',
    title: '常州市职工职业技能竞赛（组队链接测试）',
    kind: 'skills',
    year: 2026,
    description: '端到端测试用的竞赛：钳工团体赛，理论与实操两部分。',
  });
  const event = await callOk(
    base,
    'demo-staff-city',
    'competitions.saveEvent',
    eventInput(competition._id, { title: '钳工（团体赛）', format: 'team', teamSize: { min: 2, max: 3 } }),
  );
  await callOk(base, 'demo-staff-city', 'competitions.openEvent', { eventId: event._id });
  await callOk(base, 'e2e-tl-captain', 'competitions.register', {
    eventId: event._id,
    declaration: DECLARATION,
    teamName: '湖塘钳工队',
  });

  // 1. The captain makes a link on the event page: QR code and the link to copy (the share card on the phone).
  const captain = await newPhonePage(env.browser);
  await go(captain.page, 'e2e-tl-captain', `#/packages/competitions/event/index?id=${event._id}`);
  await captain.page.locator(`${tid('competitions-link-create')}:visible`).waitFor({ timeout: 45_000 });
  await captain.page.locator(`${tid('competitions-link-create')}:visible`).click();
  await captain.page.locator(`${tid('competitions-link-made')}:visible`).waitFor({ timeout: 20_000 });
  const link = (await captain.page.locator(`${tid('competitions-teamlink-link')}:visible`).innerText()).trim();
  expect(link).toMatch(/#\/packages\/competitions\/join\/index\?code=[A-Za-z0-9_-]{20}$/);
  expect(await captain.page.locator(`${tid('competitions-teamlink-qr')}:visible`).count()).toBe(1);
  expect(
    await captain.page
      .locator(`${tid('competitions-link-item')}:visible`)
      .first()
      .innerText(),
  ).toContain('待接受');
  await screenshot(captain.page, 'team-link-made');

  // 2. The colleague opens it on their phone: the team, the captain, the event.
  const hash = link.slice(link.indexOf('#'));
  const mate = await newPhonePage(env.browser);
  await go(mate.page, 'e2e-tl-mate', hash);
  await mate.page.locator(tid('competitions-join-title')).waitFor({ timeout: 45_000 });
  expect(await mate.page.locator(tid('competitions-join-title')).innerText()).toContain('钱志强邀请您加入「湖塘钳工队」');
  const seen = await visibleText(mate.page);
  for (const words of ['常州湖塘精密机械有限公司工会', '钳工（团体赛）', '常州技师学院焊接实训中心', '比赛规则与说明'])
    expect(seen).toContain(words);
  await screenshot(mate.page, 'team-link-join');

  // 3. They accept with their own declaration and land on the event, on the team.
  await mate.page.locator(tid('competitions-join-accept')).click();
  await mate.page.locator(`${tid('competitions-submit')}:visible`).waitFor({ timeout: 20_000 });
  await mate.page.locator(`${tid('competitions-years')} input`).fill('7');
  await mate.page.locator(`${tid('competitions-cert-senior')}:visible`).click();
  await screenshot(mate.page, 'team-link-declaration');
  await mate.page.locator(`${tid('competitions-submit')}:visible`).click();
  await mate.page.locator(tid('competitions-team-member'), { hasText: '周海燕' }).waitFor({ timeout: 20_000 });
  expect(await store.byId('competition_entries', `${event._id}_e2e-tl-mate`)).toMatchObject({
    role: 'member',
    teamId: `${event._id}_e2e-tl-captain`,
    declaration: { tradeYears: 7, certLevel: 'senior' },
  });

  // 4. The captain's team shows the teammate.
  await go(captain.page, 'e2e-tl-captain', `#/packages/competitions/event/index?id=${event._id}`);
  await captain.page.locator(tid('competitions-team-member'), { hasText: '周海燕' }).waitFor({ timeout: 45_000 });
  expect(await captain.page.locator(`${tid('competitions-team')}:visible`).innerText()).toContain('2/3人');
  await screenshot(captain.page, 'team-link-captain-team');

  // 5. Someone else opening the same link learns it was used, and what to do next; nothing to accept.
  const late = await newPhonePage(env.browser);
  await go(late.page, 'e2e-tl-late', hash);
  await late.page.locator(tid('competitions-join-closed')).waitFor({ timeout: 45_000 });
  expect(await late.page.locator(tid('competitions-join-closed')).innerText()).toContain('已被使用');
  expect(await late.page.locator(tid('competitions-join-accept')).count()).toBe(0);
  await screenshot(late.page, 'team-link-used');

  expect([...captain.errors, ...mate.errors, ...late.errors]).toEqual([]);
}, 240_000);
