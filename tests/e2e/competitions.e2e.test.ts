/**
 * 技能竞赛 in Chromium against the H5 build: a member finds an event, reads the conditions and registers; the
 * unit's union staffer confirms (单位推荐); the organiser approves, enters scores and publishes the ranking;
 * the member sees the 公示 with names masked. Then 陈晓燕 (demo) accepts a team invitation and finds her
 * award under 我的.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { callOk, storeReader } from '../support/api';
import { ROOT } from '../support/localCloud';
import { putMembers } from '../support/trips';
import { DECLARATION, eventHeld, eventInput } from '../support/competitions';
import { newPhonePage, openAs, screenshot, useAppAndBrowser } from './browser';

const env = useAppAndBrowser();
const go = (page: Page, openid: string, hash: string) => openAs(page, env.cloud.baseUrl, openid, hash);

test('register → 单位推荐 → approval → scores → ranking published', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  await putMembers(store.db, [
    { openid: 'e2e-cmp-a', name: '王丽华', orgId: 'org-cz-wujin-g1', birthYear: 1988 },
    { openid: 'e2e-cmp-b', name: '刘建军', orgId: 'org-cz-wujin-g1', birthYear: 1986 },
  ]);
  const base = env.cloud.baseUrl;
  const competition = await callOk(base, 'demo-staff-city', 'competitions.save', {
    orgId: 'org-cz',
    title: '常州市职工职业技能竞赛（端到端测试）',
    kind: 'skills',
    year: 2026,
    description: '端到端测试用的竞赛：焊工项目，理论与实操两部分。',
  });
  const event = await callOk(
    base,
    'demo-staff-city',
    'competitions.saveEvent',
    eventInput(competition._id, { title: '焊工（市一级）', unitCap: 5 }),
  );
  await callOk(base, 'demo-staff-city', 'competitions.openEvent', { eventId: event._id });
  const { page, errors } = await newPhonePage(env.browser);

  // 1. The member finds the event, reads the conditions, and registers.
  await go(page, 'e2e-cmp-a', '#/packages/competitions/list/index');
  const card = page.locator('.cmp-competition', { hasText: '端到端测试' });
  await card.waitFor({ timeout: 20_000 });
  await screenshot(page, 'competitions-list');
  await card.click();
  await page.locator('.cmp-event-body', { hasText: '焊工' }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'competitions-detail');
  await page.locator('.cmp-event-body', { hasText: '焊工' }).click();
  await page.locator('.cmp-check').first().waitFor({ timeout: 15_000 });
  const checks = await page.locator('.cmp-checks').innerText();
  expect(checks).toContain('从事焊工工作满3年');
  expect(await page.locator('.cmp-check-fail').count()).toBe(0);
  expect(await page.locator('.cmp-unit-left').innerText()).toContain('5');
  await screenshot(page, 'competitions-event');
  await page.locator('.cmp-register:visible').click();
  await page.locator('.cmp-submit').waitFor({ timeout: 15_000 });
  await page.locator('.cmp-submit:visible').click();
  expect(await page.locator('.cmp-years .cmp-field-error').innerText()).toContain('请填写从事本工种的年限');
  await page.locator('.cmp-years input').fill('2');
  await page.locator('.cmp-cert-senior').click();
  await page.locator('.cmp-submit:visible').click();
  // The server refuses what the event does not allow, in words; what was typed stays.
  await page.locator('.cmp-form-error', { hasText: '本项目要求从事焊工工作满3年，您填写的是2年' }).waitFor({ timeout: 15_000 });
  await page.locator('.cmp-years input').fill('8');
  await screenshot(page, 'competitions-register');
  await page.locator('.cmp-submit:visible').click();
  await page.locator('.cmp-mine-status', { hasText: '待单位推荐' }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'competitions-registered');
  await callOk(base, 'e2e-cmp-b', 'competitions.register', { eventId: event._id, declaration: DECLARATION });

  // 2. The unit's union staffer confirms both (单位推荐).
  await go(page, 'demo-staff-huatang', '#/packages/competitions/staff/unit/index');
  await page.locator('.cmp-reg', { hasText: '王丽华' }).waitFor({ timeout: 20_000 });
  for (const name of ['王丽华', '刘建军']) await page.locator('.cmp-reg', { hasText: name }).locator('.cmp-reg-select').click();
  await screenshot(page, 'competitions-unit');
  await page.locator('.cmp-decide-confirm').click();
  await page.locator('.cmp-decide-dialog .dialog-ok').click();
  // Confirmed ones leave the queue (the demo unit's own waiting registrations stay).
  await page.locator('.cmp-reg', { hasText: '王丽华' }).waitFor({ state: 'detached', timeout: 15_000 });
  expect(await page.locator('.cmp-reg', { hasText: '刘建军' }).count()).toBe(0);
  expect(await store.byId('enrollments', `${event._id}_e2e-cmp-a`)).toMatchObject({ unitStatus: 'confirmed' });

  // 3. The organiser approves them.
  await go(page, 'demo-staff-city', `#/packages/competitions/staff/event/index?id=${event._id}`);
  await page.locator('.cmp-tab-review').click();
  await page.locator('.cmp-reg', { hasText: '王丽华' }).waitFor({ timeout: 20_000 });
  for (const name of ['王丽华', '刘建军']) await page.locator('.cmp-reg', { hasText: name }).locator('.cmp-reg-select').click();
  await page.locator('.cmp-decide-approve').click();
  await page.locator('.cmp-decide-dialog .dialog-ok').click();
  await page.locator('.state-empty', { hasText: '没有等待审核的报名' }).waitFor({ timeout: 15_000 });
  await page.locator('.cmp-tab-approved').click();
  await page.locator('.cmp-reg', { hasText: '王丽华' }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'competitions-registrations');
  expect(await store.byId('enrollments', `${event._id}_e2e-cmp-a`)).toMatchObject({ status: 'approved' });

  // 4. Before the contest has taken place the organiser cannot open scoring: the entry says why, and from when.
  const notYet = page.locator('[data-testid="cmp-scores-not-yet"]:visible');
  await notYet.waitFor({ timeout: 15_000 });
  expect(await notYet.innerText()).toMatch(/比赛尚未举行，\d+月\d+日 \d\d:\d\d后方可录入成绩/);
  expect(await page.locator('[data-testid="cmp-to-scores"]:visible').count()).toBe(0);
  await screenshot(page, 'competitions-scores-not-yet');
  expect(await store.byId('competition_results', event._id)).toBeNull();

  // 5. The contest day comes (sign-up closed, the start passed): scores, the ranking, the 公示.
  await eventHeld(store, event._id);
  await page.reload();
  await page.locator('[data-testid="cmp-to-scores"]:visible').waitFor({ timeout: 20_000 });
  await page.locator('.cmp-to-scores:visible').click();
  const rowA = page.locator('.cmp-score-row', { hasText: '王丽华' });
  await rowA.waitFor({ timeout: 20_000 });
  await rowA.locator('.cmp-score-theory input').fill('88');
  await rowA.locator('.cmp-score-practical input').fill('92.5');
  const rowB = page.locator('.cmp-score-row', { hasText: '刘建军' });
  await rowB.locator('.cmp-score-theory input').fill('80');
  await rowB.locator('.cmp-score-practical input').fill('85');
  await page.locator('.cmp-save-scores').click();
  await page.locator('.cmp-scores-state', { hasText: '成绩已全部录入' }).waitFor({ timeout: 15_000 });
  expect(await page.locator('.cmp-score-row').first().innerText()).toContain('1. 王丽华');
  await screenshot(page, 'competitions-scores');
  await page.locator('.cmp-publish').click();
  await page.locator('.cmp-act-dialog .dialog-ok').click();
  await page.locator('.cmp-scores-state', { hasText: '成绩公示中' }).waitFor({ timeout: 15_000 });
  expect(await store.byId('competition_results', event._id)).toMatchObject({ status: 'publicity' });

  // 6. The member sees the ranking, names masked, her own row marked.
  await go(page, 'e2e-cmp-a', `#/packages/competitions/results/index?id=${event._id}`);
  await page.locator('.cmp-result-row').first().waitFor({ timeout: 20_000 });
  const results = await page.locator('.cmp-results').innerText();
  expect(results).toContain('王*华（我）');
  expect(results).toContain('刘*军');
  expect(results).not.toContain('刘建军');
  expect(results).toContain('一等奖');
  expect(results).toContain('91.15');
  await screenshot(page, 'competitions-results');
  expect(errors).toEqual([]);
}, 240_000);

test('陈晓燕 accepts a team invitation and finds her award under 我的', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  await go(page, 'demo-member-01', '#/packages/competitions/event/index?id=cmp-demo-electrician');
  await page.locator('.cmp-accept').waitFor({ timeout: 20_000 });
  await screenshot(page, 'competitions-invitation');
  await page.locator('.cmp-accept').click();
  await page.locator('.cmp-submit').waitFor({ timeout: 15_000 });
  await page.locator('.cmp-years input').fill('6');
  await page.locator('.cmp-cert-senior').click();
  await page.locator('.cmp-submit:visible').click();
  // The event asks for the certificate photo: said on the phone before sending, then uploaded.
  expect(await page.locator('.cmp-field-error', { hasText: '请上传职业技能等级证书照片' }).count()).toBe(1);
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.cmp-photo:visible').click();
  await (await chooser).setFiles(path.join(ROOT, 'src/assets/tabbar/me.png'));
  await page.locator('.cmp-photo', { hasText: '已上传' }).waitFor({ timeout: 15_000 });
  await page.locator('.cmp-submit:visible').click();
  await page.locator('.cmp-team-member', { hasText: '陈晓燕' }).waitFor({ timeout: 15_000 });
  expect(await page.locator('.cmp-team').innerText()).toContain('3/3人');
  await screenshot(page, 'competitions-team');
  const store = storeReader(env.cloud.serviceUrl);
  expect(await store.byId('competition_entries', 'cmp-demo-electrician_demo-member-01')).toMatchObject({
    role: 'member',
    teamId: 'cmp-demo-electrician_demo-cmp-02',
    declaration: {
      tradeYears: 6,
      certLevel: 'senior',
      certPhoto: expect.stringMatching(/^cloud:\/\/.+\/uploads\/demo-member-01\//),
    },
  });

  await go(page, 'demo-member-01', '#/pages/me/index');
  await page.locator('.me-link-contestMine').click();
  await page.locator('.cmp-award').first().waitFor({ timeout: 20_000 });
  expect(await page.locator('.cmp-awards').innerText()).toContain('二等奖');
  await screenshot(page, 'competitions-mine');
  expect(errors).toEqual([]);
}, 120_000);

test('staff screens: 技能竞赛管理 on the 工作台, a competition’s events, the event editor', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  await go(page, 'demo-staff-city', '#/pages/services/index');
  await page.locator('.svc-workbench .tile-contests').waitFor({ timeout: 20_000 });
  await screenshot(page, 'competitions-services');
  await page.locator('.svc-workbench .tile-contests').click();
  await page.locator('.cmp-staff-competition').first().waitFor({ timeout: 20_000 });
  await page.locator('.cmp-staff-competition', { hasText: '第十六届' }).click();
  await page.locator('.cmp-new-event').waitFor({ timeout: 15_000 });
  expect(await page.locator('.cmp-event').count()).toBeGreaterThanOrEqual(8); // drafts too, for the organiser
  await screenshot(page, 'competitions-staff-detail');
  await page.locator('.cmp-new-event').click();
  await page.locator('.cmp-save-event').waitFor({ timeout: 15_000 });
  await page.locator('.cmp-save-event').click();
  expect(await page.locator('.cmp-edit-title .cmp-field-error').innerText()).toContain('项目名称至少4个字');
  await page.locator('.cmp-edit-title input').fill('钳工（市一级·测试）');
  await page.locator('.cmp-edit-trade input').fill('钳工');
  await page.locator('.cmp-edit-place input').fill('常州技师学院实训中心');
  await page.locator('.cmp-edit-description textarea').fill('锉削、钻孔与装配综合件加工，理论30%、实操70%。');
  await screenshot(page, 'competitions-event-edit');
  await page.locator('.cmp-save-event').click();
  await page.locator('.cmp-registrations .cmp-act-open').waitFor({ timeout: 20_000 });
  const store = storeReader(env.cloud.serviceUrl);
  const saved = await store.all<{ status: string; unitCap: number; competition: { trade: string } }>('activities', {
    title: '钳工（市一级·测试）',
  });
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ status: 'draft', unitCap: 5, competition: { trade: '钳工' } });
  expect(errors).toEqual([]);
}, 120_000);
