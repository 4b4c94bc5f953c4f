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
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser } from './browser';

const env = useAppAndBrowser();
const go = (page: Page, openid: string, hash: string) => openAs(page, env.cloud.baseUrl, openid, hash);

/**
 * Confirms the dialog that says `words` (its body's test id): the app's dialog has no test ids of its own, so its
 * confirm button is found by what it says, on screen.
 */
async function confirmDialog(page: Page, words: string, ok = '确定'): Promise<void> {
  await page.locator(`${tid(words)}:visible`).waitFor({ timeout: 15_000 });
  await page.getByText(ok, { exact: true }).filter({ visible: true }).last().click();
}

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
  const card = page.locator(tid('competitions-competition'), { hasText: '端到端测试' });
  await card.waitFor({ timeout: 20_000 });
  await screenshot(page, 'competitions-list');
  await card.click();
  await page.locator(tid('competitions-event-body'), { hasText: '焊工' }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'competitions-detail');
  await page.locator(tid('competitions-event-body'), { hasText: '焊工' }).click();
  await page.locator(tid('competitions-check')).first().waitFor({ timeout: 15_000 });
  const checks = await page.locator(tid('competitions-checks')).innerText();
  expect(checks).toContain('从事焊工工作满3年');
  expect(await page.locator(`${tid('competitions-check')}[data-ok="no"]`).count()).toBe(0);
  expect(await page.locator(tid('competitions-unit-left')).innerText()).toContain('5');
  await screenshot(page, 'competitions-event');
  await page.locator(`${tid('competitions-register')}:visible`).click();
  await page.locator(tid('competitions-submit')).waitFor({ timeout: 15_000 });
  await page.locator(`${tid('competitions-submit')}:visible`).click();
  expect(await page.locator(tid('competitions-years-error')).innerText()).toContain('请填写从事本工种的年限');
  await page.locator(`${tid('competitions-years')} input`).fill('2');
  await page.locator(tid('competitions-cert-senior')).click();
  await page.locator(`${tid('competitions-submit')}:visible`).click();
  // The server refuses what the event does not allow, in words (one dialog); what was typed stays.
  await page.getByText('本项目要求从事焊工工作满3年，您填写的是2年').filter({ visible: true }).waitFor({ timeout: 15_000 });
  await page.getByText('确定', { exact: true }).filter({ visible: true }).last().click();
  expect(await page.locator(`${tid('competitions-years')} input`).inputValue()).toBe('2');
  await page.locator(`${tid('competitions-years')} input`).fill('8');
  await screenshot(page, 'competitions-register');
  await page.locator(`${tid('competitions-submit')}:visible`).click();
  await page.locator(tid('competitions-mine-status'), { hasText: '待单位推荐' }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'competitions-registered');
  await callOk(base, 'e2e-cmp-b', 'competitions.register', { eventId: event._id, declaration: DECLARATION });

  // 2. The unit's union staffer confirms both (单位推荐).
  await go(page, 'demo-staff-huatang', '#/packages/competitions/staff/unit/index');
  await page.locator(tid('competitions-reg'), { hasText: '王丽华' }).waitFor({ timeout: 20_000 });
  for (const name of ['王丽华', '刘建军'])
    await page.locator(tid('competitions-reg'), { hasText: name }).locator(tid('competitions-reg-select')).click();
  await screenshot(page, 'competitions-unit');
  await page.locator(tid('competitions-decide-confirm')).click();
  await confirmDialog(page, 'competitions-decide-words', '确认推荐');
  // Confirmed ones leave the queue (the demo unit's own waiting registrations stay).
  await page.locator(tid('competitions-reg'), { hasText: '王丽华' }).waitFor({ state: 'detached', timeout: 15_000 });
  expect(await page.locator(tid('competitions-reg'), { hasText: '刘建军' }).count()).toBe(0);
  expect(await store.byId('enrollments', `${event._id}_e2e-cmp-a`)).toMatchObject({ unitStatus: 'confirmed' });

  // 3. The organiser approves them.
  await go(page, 'demo-staff-city', `#/packages/competitions/staff/event/index?id=${event._id}`);
  await page.locator(tid('competitions-registrations-tabs')).getByText('待审核', { exact: true }).click();
  await page.locator(tid('competitions-reg'), { hasText: '王丽华' }).waitFor({ timeout: 20_000 });
  for (const name of ['王丽华', '刘建军'])
    await page.locator(tid('competitions-reg'), { hasText: name }).locator(tid('competitions-reg-select')).click();
  await page.locator(tid('competitions-decide-approve')).click();
  await confirmDialog(page, 'competitions-decide-words', '审核通过');
  await page.getByText('没有等待审核的报名', { exact: true }).filter({ visible: true }).waitFor({ timeout: 15_000 });
  await page.locator(tid('competitions-registrations-tabs')).getByText('已通过', { exact: true }).click();
  await page.locator(tid('competitions-reg'), { hasText: '王丽华' }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'competitions-registrations');
  expect(await store.byId('enrollments', `${event._id}_e2e-cmp-a`)).toMatchObject({ status: 'approved' });

  // 4. Before the contest has taken place the organiser cannot open scoring: the entry says why, and from when.
  const notYet = page.locator(`${tid('competitions-scores-not-yet')}:visible`);
  await notYet.waitFor({ timeout: 15_000 });
  expect(await notYet.innerText()).toMatch(/比赛尚未举行，\d+月\d+日 \d\d:\d\d后方可录入成绩/);
  expect(await page.locator(`${tid('competitions-to-scores')}:visible`).count()).toBe(0);
  await screenshot(page, 'competitions-scores-not-yet');
  expect(await store.byId('competition_results', event._id)).toBeNull();

  // 5. The contest day comes (sign-up closed, the start passed): scores, the ranking, the 公示.
  await eventHeld(store, event._id);
  await page.reload();
  await page.locator(`${tid('competitions-to-scores')}:visible`).waitFor({ timeout: 20_000 });
  await page.locator(`${tid('competitions-to-scores')}:visible`).click();
  const rowA = page.locator(tid('competitions-score-row'), { hasText: '王丽华' });
  await rowA.waitFor({ timeout: 20_000 });
  await rowA.locator(`${tid('competitions-score-theory')} input`).fill('88');
  await rowA.locator(`${tid('competitions-score-practical')} input`).fill('92.5');
  const rowB = page.locator(tid('competitions-score-row'), { hasText: '刘建军' });
  await rowB.locator(`${tid('competitions-score-theory')} input`).fill('80');
  await rowB.locator(`${tid('competitions-score-practical')} input`).fill('85');
  await page.locator(tid('competitions-save-scores')).click();
  await page.locator(tid('competitions-scores-state'), { hasText: '成绩已全部录入' }).waitFor({ timeout: 15_000 });
  expect(await page.locator(tid('competitions-score-row')).first().innerText()).toContain('1. 王丽华');
  await screenshot(page, 'competitions-scores');
  await page.locator(tid('competitions-publish')).click();
  await confirmDialog(page, 'competitions-act-confirm');
  await page.locator(tid('competitions-scores-state'), { hasText: '成绩公示中' }).waitFor({ timeout: 15_000 });
  expect(await store.byId('competition_results', event._id)).toMatchObject({ status: 'publicity' });

  // 6. The member sees the ranking, names masked, her own row marked.
  await go(page, 'e2e-cmp-a', `#/packages/competitions/results/index?id=${event._id}`);
  await page.locator(tid('competitions-result-row')).first().waitFor({ timeout: 20_000 });
  const results = await page.locator(`${tid('competitions-results')}:visible`).innerText();
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
  await page.locator(tid('competitions-accept')).waitFor({ timeout: 20_000 });
  await screenshot(page, 'competitions-invitation');
  await page.locator(tid('competitions-accept')).click();
  await page.locator(tid('competitions-submit')).waitFor({ timeout: 15_000 });
  await page.locator(`${tid('competitions-years')} input`).fill('6');
  await page.locator(tid('competitions-cert-senior')).click();
  await page.locator(`${tid('competitions-submit')}:visible`).click();
  // The event asks for the certificate photo: said on the phone before sending, then uploaded.
  expect(await page.locator(tid('competitions-photo-error'), { hasText: '请上传职业技能等级证书照片' }).count()).toBe(1);
  const chooser = page.waitForEvent('filechooser');
  await page.locator(`${tid('competitions-photo')}:visible`).click();
  await (await chooser).setFiles(path.join(ROOT, 'src/assets/tabbar/me.png'));
  await page.locator(tid('competitions-photo'), { hasText: '已上传' }).waitFor({ timeout: 15_000 });
  await page.locator(`${tid('competitions-submit')}:visible`).click();
  await page.locator(tid('competitions-team-member'), { hasText: '陈晓燕' }).waitFor({ timeout: 15_000 });
  expect(await page.locator(`${tid('competitions-team')}:visible`).innerText()).toContain('3/3人');
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
  // (the 我的 page's links are found by their words)
  await page.getByText('我的竞赛与获奖', { exact: true }).filter({ visible: true }).click();
  await page.locator(tid('competitions-award')).first().waitFor({ timeout: 20_000 });
  expect(await page.locator(tid('competitions-awards')).innerText()).toContain('二等奖');
  await screenshot(page, 'competitions-mine');
  expect(errors).toEqual([]);
}, 120_000);

test('staff screens: 技能竞赛管理 on the 工作台, a competition’s events, the event editor', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  await go(page, 'demo-staff-city', '#/pages/services/index');
  // (the workbench tile is found by its words: the shared tile grid has no test ids)
  const workbenchTile = page.getByText('技能竞赛管理', { exact: true }).filter({ visible: true });
  await workbenchTile.waitFor({ timeout: 20_000 });
  await screenshot(page, 'competitions-services');
  await workbenchTile.click();
  await page.locator(tid('competitions-staff-competition')).first().waitFor({ timeout: 20_000 });
  await page.locator(tid('competitions-staff-competition'), { hasText: '第十六届' }).click();
  await page.locator(tid('competitions-new-event')).waitFor({ timeout: 15_000 });
  expect(await page.locator(`${tid('competitions-event')}:visible`).count()).toBeGreaterThanOrEqual(8); // drafts too, for the organiser
  await screenshot(page, 'competitions-staff-detail');
  await page.locator(tid('competitions-new-event')).click();
  await page.locator(tid('competitions-edit-save')).waitFor({ timeout: 15_000 });
  await page.locator(tid('competitions-edit-save')).click();
  expect(await page.locator(tid('competitions-edit-title-error')).innerText()).toContain('项目名称至少4个字');
  await page.locator(`${tid('competitions-edit-title')} input`).fill('钳工（市一级·测试）');
  await page.locator(`${tid('competitions-edit-trade')} input`).fill('钳工');
  await page.locator(`${tid('competitions-edit-place')} input`).fill('常州技师学院实训中心');
  await page.locator(`${tid('competitions-edit-description')} textarea`).fill('锉削、钻孔与装配综合件加工，理论30%、实操70%。');
  await screenshot(page, 'competitions-event-edit');
  await page.locator(tid('competitions-edit-save')).click();
  await page.locator(`${tid('competitions-act-open')}:visible`).waitFor({ timeout: 20_000 });
  const store = storeReader(env.cloud.serviceUrl);
  const saved = await store.all<{ status: string; unitCap: number; competition: { trade: string } }>('activities', {
    title: '钳工（市一级·测试）',
  });
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ status: 'draft', unitCap: 5, competition: { trade: '钳工' } });
  expect(errors).toEqual([]);
}, 120_000);
