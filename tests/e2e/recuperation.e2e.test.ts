/**
 * 疗休养 in Chromium against the H5 build: a member checks eligibility and signs up, a staffer approves and
 * publishes the 公示 (the member's name masked); a second member joins the waitlist and, after the first
 * cancels, is offered the seat and confirms it.
 */
import type { Page } from 'playwright-core';
import { callOk, storeReader } from '../support/api';
import { activityOf, putMembers, tripInput } from '../support/trips';
import { newPhonePage, screenshot, tid, useAppAndBrowser, openAs as openAsIn } from './browser';

const env = useAppAndBrowser();

/**
 * Confirms the dialog that says `words` (its body's test id): the app's dialog has no test ids of its own, so its
 * confirm button is found by what it says, on screen.
 */
async function confirmDialog(page: Page, words: string, ok = '确定'): Promise<void> {
  await page.locator(`${tid(words)}:visible`).waitFor({ timeout: 15_000 });
  await page.getByText(ok, { exact: true }).filter({ visible: true }).last().click();
}

const openAs = (page: Page, openid: string, hashPath: string) => openAsIn(page, env.cloud.baseUrl, openid, hashPath);

test('sign up, approve, 公示 masked; the waitlisted member is promoted after a cancellation', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  await putMembers(store.db, [
    { openid: 'e2e-rec-a', name: '王丽华', orgId: 'org-cz-wujin-g1', tags: ['frontline'] },
    { openid: 'e2e-rec-b', name: '刘建军', orgId: 'org-cz-wujin-g2', tags: ['frontline'] },
  ]);
  const trip = await callOk(
    env.cloud.baseUrl,
    'demo-staff-city',
    'recuperation.save',
    tripInput({
      title: '一线职工疗休养·溧阳天目湖（测试）',
      capacity: 1,
      review: true,
      claimHours: 24,
      everyYears: 3,
      targetGroups: ['frontline', 'hazardous'],
      formFields: [{ key: 'emergency', label: '紧急联系人及电话', type: 'text', required: true, maxLength: 40 }],
      itinerary: [
        { day: 1, title: '集合出发', detail: '上午在市工人文化宫集合' },
        { day: 2, title: '康养活动', detail: '健康体检、中医理疗' },
      ],
    }),
  );
  await callOk(env.cloud.baseUrl, 'demo-staff-city', 'recuperation.open', { activityId: trip._id });
  const { page, errors } = await newPhonePage(env.browser);

  // 1. The member finds the trip, reads why they may sign up, and signs up.
  await openAs(page, 'e2e-rec-a', '#/packages/recuperation/list/index');
  const card = page.locator(tid('recuperation-trip'), { hasText: '溧阳天目湖（测试）' });
  await card.waitFor({ timeout: 20_000 });
  await screenshot(page, 'recuperation-list');
  await card.click();
  await page
    .locator(`${tid('recuperation-elig')} [data-ok]`)
    .first()
    .waitFor({ timeout: 15_000 });
  const checks = await page.locator(`${tid('recuperation-elig')} [data-ok]`).allInnerTexts();
  expect(checks.join('\n')).toContain('您属于一线职工');
  expect(await page.locator(`${tid('recuperation-elig')} [data-ok="no"]`).count()).toBe(0);
  await screenshot(page, 'recuperation-detail');
  await page.locator(`${tid('recuperation-signup')}:visible`).click();
  await page.locator(tid('recuperation-signup-submit')).waitFor({ timeout: 15_000 });
  await page.locator(`${tid('recuperation-signup-submit')}:visible`).click();
  expect(await page.locator(tid('recuperation-field-emergency-error')).innerText()).toContain('请填写「紧急联系人及电话」');
  await page.locator(`${tid('recuperation-field-emergency')} input`).fill('丈夫 139 0000 8888');
  await screenshot(page, 'recuperation-signup');
  await page.locator(`${tid('recuperation-signup-submit')}:visible`).click();
  await page.locator(tid('recuperation-mine-status'), { hasText: '待审核' }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'recuperation-pending');

  // 2. Staff approve it and publish the list.
  await openAs(page, 'demo-staff-city', `#/packages/recuperation/staff/roster/index?id=${trip._id}`);
  const item = page.locator(tid('recuperation-roster-item'), { hasText: '王丽华' });
  await item.waitFor({ timeout: 20_000 });
  await item.click();
  await page.locator(tid('recuperation-approve')).click();
  await confirmDialog(page, 'recuperation-review-confirm');
  await page.locator(tid('recuperation-roster-item'), { hasText: '报名成功' }).waitFor({ timeout: 15_000 });
  await page.locator(tid('recuperation-act-publish')).click();
  await confirmDialog(page, 'recuperation-act-confirm');
  await page.locator(tid('recuperation-act-publish'), { hasText: '重新公示' }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'recuperation-roster');
  const stored = await store.byId<{ status: string }>('enrollments', `${trip._id}_e2e-rec-a`);
  expect(stored?.status).toBe('approved');

  // 3. The second member joins the waitlist, and sees the 公示 with the first member's name masked.
  await openAs(page, 'e2e-rec-b', `#/packages/recuperation/detail/index?id=${trip._id}`);
  await page.locator(tid('recuperation-signup'), { hasText: '名额已满，登记候补' }).waitFor({ timeout: 20_000 });
  await page.locator(`${tid('recuperation-signup')}:visible`).click();
  await page.locator(`${tid('recuperation-field-emergency')} input`).fill('妻子 138 0000 6666');
  await page.locator(`${tid('recuperation-signup-submit')}:visible`).click();
  await page.locator(tid('recuperation-mine-status'), { hasText: '候补中' }).waitFor({ timeout: 15_000 });
  expect(await page.locator(tid('recuperation-mine-position')).innerText()).toContain('候补第 1 位');
  await screenshot(page, 'recuperation-waitlisted');
  await page.locator(`${tid('recuperation-to-publicity')}:visible`).click();
  await page.locator(tid('recuperation-pub-item')).first().waitFor({ timeout: 15_000 });
  const publicity = await page.locator(`${tid('recuperation-publicity')}:visible`).innerText();
  expect(publicity).toContain('王*华');
  expect(publicity).toContain('常州湖塘精密机械有限公司工会');
  expect(publicity).not.toContain('王丽华');
  await screenshot(page, 'recuperation-publicity');

  // 4. The first member cancels (confirmed in a dialog); the seat is offered to the second, who confirms.
  await openAs(page, 'e2e-rec-a', `#/packages/recuperation/detail/index?id=${trip._id}`);
  await page.locator(`${tid('recuperation-cancel')}:visible`).click();
  await confirmDialog(page, 'recuperation-cancel-confirm', '取消报名');
  await page.locator(tid('recuperation-mine-status'), { hasText: '已取消' }).waitFor({ timeout: 15_000 });
  await openAs(page, 'e2e-rec-b', `#/packages/recuperation/mine/index`);
  await page.locator(tid('recuperation-mine-status'), { hasText: '待确认递补' }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'recuperation-offered');
  await page.locator(`${tid('recuperation-offer-accept')}:visible`).click();
  await page.locator(tid('recuperation-mine-status'), { hasText: '待审核' }).waitFor({ timeout: 15_000 });
  const promoted = await store.byId<{ status: string }>('enrollments', `${trip._id}_e2e-rec-b`);
  expect(promoted?.status).toBe('pending');
  const activity = await activityOf(store, trip._id);
  expect(Object.keys(activity?.holders ?? {})).toEqual(['e2e-rec-b']);
  expect(errors).toEqual([]);
}, 180_000);

test('staff screens: the trips of their unions and the trip editor', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  // 服务: 疗休养 is open to members, and 疗休养管理 is on the staffer's 工作台.
  await openAs(page, 'demo-staff-city', '#/pages/services/index');
  // (the tiles are found by their words: the shared tile grid has no test ids)
  const workbenchTile = page.getByText('疗休养管理', { exact: true }).filter({ visible: true });
  await workbenchTile.waitFor({ timeout: 20_000 });
  const memberTile = page.getByText('疗休养', { exact: true }).filter({ visible: true }).locator('..');
  expect(await memberTile.getByText('即将开放').count()).toBe(0);
  await screenshot(page, 'recuperation-services');
  await workbenchTile.click();
  await page.locator(tid('recuperation-staff-trip')).first().waitFor({ timeout: 20_000 });
  expect(await page.locator(tid('recuperation-staff-trip')).count()).toBeGreaterThan(3);
  await screenshot(page, 'recuperation-staff-trips');
  await page.locator(tid('recuperation-new-trip')).click();
  await page.locator(tid('recuperation-edit-save')).waitFor({ timeout: 15_000 });
  await page.locator(tid('recuperation-edit-save')).click();
  expect(await page.locator(tid('recuperation-edit-title-error')).innerText()).toContain('标题至少4个字');
  await page.locator(`${tid('recuperation-edit-title')} input`).fill('一线职工疗休养·金坛茅山（第三期）');
  expect(await page.locator(tid('recuperation-edit-title-error')).count()).toBe(0); // edited: its complaint goes
  await page.locator(`${tid('recuperation-edit-base')} input`).fill('金坛茅山职工疗休养基地');
  await page.locator(`${tid('recuperation-edit-place')} input`).fill('常州市金坛区茅山风景区');
  await page.locator(`${tid('recuperation-edit-description')} textarea`).fill('面向一线职工的四日疗休养，含健康体检与康养课程。');
  await screenshot(page, 'recuperation-edit');
  await page.locator(tid('recuperation-edit-save')).click();
  await page.locator(`${tid('recuperation-act-open')}:visible`).waitFor({ timeout: 20_000 });
  const store = storeReader(env.cloud.serviceUrl);
  const saved = await store.all<{ title: string; status: string; rules: Array<{ kind: string }> }>('activities', {
    title: '一线职工疗休养·金坛茅山（第三期）',
  });
  expect(saved).toHaveLength(1);
  expect(saved[0].status).toBe('draft');
  expect(saved[0].rules.map((r) => r.kind)).toEqual(['activeMember', 'orgScope', 'notWithinYears', 'targetGroups']);
  expect(errors).toEqual([]);
}, 120_000);

test('a member signed up for a trip this year is told so on the next trip of the year (每年一次)', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  await putMembers(store.db, [{ openid: 'e2e-rec-once', name: '周秀英', orgId: 'org-cz-wujin-g1', tags: ['frontline'] }]);
  const open = async (title: string) => {
    const trip = await callOk(env.cloud.baseUrl, 'demo-staff-city', 'recuperation.save', tripInput({ title, everyYears: 1 }));
    await callOk(env.cloud.baseUrl, 'demo-staff-city', 'recuperation.open', { activityId: trip._id });
    return trip._id;
  };
  const first = await open('一线职工疗休养·茅山（每年一次甲）');
  const second = await open('一线职工疗休养·天目湖（每年一次乙）');
  await callOk(env.cloud.baseUrl, 'e2e-rec-once', 'recuperation.signUp', { activityId: first });
  const { page, errors } = await newPhonePage(env.browser);
  await openAs(page, 'e2e-rec-once', `#/packages/recuperation/detail/index?id=${second}`);
  const rule = page.getByTestId('elig-notWithinYears');
  await rule.waitFor({ timeout: 20_000 });
  expect(await rule.getAttribute('data-ok')).toBe('no');
  const year = new Date(Date.now() + 8 * 3600_000 + 3 * 86400_000).getUTCFullYear();
  expect(await rule.innerText()).toContain(`您已报名或参加了${year}年的疗休养，每1年可参加一次`);
  await screenshot(page, 'recuperation-once-a-year');
  expect(errors).toEqual([]);
  await page.close();
});
