/**
 * Staff and member screens beyond the first approval, in Chromium against the H5 build: the review queue
 * (paging, search, union filter, 通过并下一条, batch approval with one confirmation), rejecting (an empty
 * reason keeps the dialog open and says why), and a rejected member who corrects and resubmits; the staff
 * screens at 390 px in both sizes (关怀模式): tile labels on one line, each tile its own icon, the batch bar docked
 * at the bottom of the screen, a staffer who is also a member shown their card on 首页.
 */
import { applyInput, callOk, storeReader } from '../support/api';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser } from './browser';
import { openInMode, wrappedLines } from './care';

const env = useAppAndBrowser();

test('the review list pages; an empty reason keeps the reject dialog open; a rejected member corrects and resubmits', async () => {
  // 23 bulk applications plus one to reject, all to a grassroots union of 武进区总工会.
  const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张';
  for (let i = 0; i < 23; i++) {
    await callOk(env.cloud.baseUrl, `e2e-bulk-${i}`, 'membership.apply', applyInput({ name: `${surnames[i]}测试` }));
  }
  const rejectee = 'e2e-rejectee';
  const rejecteeInput = applyInput({ name: '郑可欣', workUnit: '写错的单位' });
  await callOk(env.cloud.baseUrl, rejectee, 'membership.apply', rejecteeInput);

  const { page, errors } = await newPhonePage(env.browser);
  await openAs(page, env.cloud.baseUrl, 'demo-staff-wujin', '#/packages/staff/reviews/index');
  await page.locator(tid('staff-review-item')).first().waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('staff-review-count')).innerText()).toContain('共 24 条');
  expect(await page.locator(tid('staff-review-item')).count()).toBe(20);
  // Oldest first: the first bulk application leads the queue.
  expect(await page.locator(tid('staff-review-item')).first().innerText()).toContain('赵测试');
  await page.locator(tid('load-more-button')).click();
  await page.locator(tid('load-more-end')).waitFor({ timeout: 20_000 });
  expect(await page.locator(tid('staff-review-item')).count()).toBe(24);
  await screenshot(page, 'staff-reviews');

  // Search by name.
  await page.locator(`${tid('staff-review-search')} input`).fill('郑可');
  await page.locator(tid('staff-review-search-go')).click();
  await page.locator(tid('staff-review-count'), { hasText: '共 1 条' }).waitFor({ timeout: 20_000 });

  // Reject: with the reason empty, 驳回 keeps the dialog open and says why; nothing is stored.
  await page.locator(tid('staff-review-item'), { hasText: '郑可欣' }).locator(tid('staff-review-item-body')).click();
  await page.locator(tid('staff-review-reject')).waitFor();
  await page.locator(tid('staff-review-reject')).click();
  await page.locator(`${tid('staff-review-reject-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('staff-review-reason-error')).waitFor();
  expect(await page.locator(tid('staff-review-reason-error')).innerText()).toContain('请填写驳回原因');
  expect(await page.locator(tid('staff-review-reject-dialog')).isVisible()).toBe(true);
  await screenshot(page, 'staff-reject-empty-reason');
  const store = storeReader(env.cloud.serviceUrl);
  expect((await store.all<Record<string, unknown>>('applications', { openid: rejectee }))[0].status).toBe('pending');

  await page.locator(`${tid('staff-review-reason')} textarea`).fill('工作单位与劳动合同不一致，请核对后重新提交');
  await page.locator(`${tid('staff-review-reject-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('staff-review-status'), { hasText: '未通过' }).waitFor({ timeout: 30_000 });
  expect(await page.locator(tid('staff-review-reject-dialog')).count()).toBe(0);
  const [stored] = await store.all<Record<string, unknown>>('applications', { openid: rejectee });
  expect(stored).toMatchObject({ status: 'rejected', rejectReason: '工作单位与劳动合同不一致，请核对后重新提交' });

  // The member sees why, corrects the work unit and resubmits.
  await openAs(page, env.cloud.baseUrl, rejectee, '#/packages/membership/status/index');
  await page.locator(tid('membership-status-headline')).waitFor({ timeout: 30_000 });
  expect(await page.locator(tid('membership-status-headline')).innerText()).toContain('未通过');
  expect(await page.locator(tid('membership-status-reason')).innerText()).toContain('工作单位与劳动合同不一致');
  await screenshot(page, 'status-rejected');
  await page.locator(tid('membership-status-resubmit')).click();
  const workUnit = page.locator(`${tid('membership-apply-workunit')} input`);
  await workUnit.waitFor();
  expect(await page.locator(`${tid('membership-apply-name')} input`).inputValue()).toBe('郑可欣');
  // ID number and mobile are never sent back unmasked to the member: the form says so and they are typed again.
  expect(await page.locator(tid('membership-apply-correcting-hint')).innerText()).toContain('请重新填写');
  expect(await page.locator(`${tid('membership-apply-id')} input`).getAttribute('placeholder')).toContain('3204**********');
  await page.locator(`${tid('membership-apply-id')} input`).fill(rejecteeInput.idNumber);
  await workUnit.fill('常州市武进区示例电子有限公司');
  await page.locator(`${tid('membership-apply-mobile')} input`).fill(rejecteeInput.mobile);
  await page.locator(tid('membership-apply-consent-box')).click();
  await screenshot(page, 'application-correcting');
  await page.locator(tid('membership-apply-submit')).click();
  await page.locator(tid('membership-status-headline'), { hasText: '待审核' }).waitFor({ timeout: 30_000 });

  const [resubmitted] = await store.all<Record<string, unknown>>('applications', { openid: rejectee });
  expect(resubmitted).toMatchObject({ status: 'pending', workUnit: '常州市武进区示例电子有限公司' });
  expect(await store.count('applications', { openid: rejectee })).toBe(1);
  expect(errors).toEqual([]);
}, 240_000);

test('filter by union, 通过并下一条, then batch approval with one confirmation', async () => {
  // Four applications to a union of 天宁区, which the city staffer covers.
  const union = 'org-cz-tianning-g2';
  const names = ['钱一批', '钱二批', '钱三批', '钱四批'];
  for (const [i, name] of names.entries()) {
    await callOk(
      env.cloud.baseUrl,
      `e2e-batch-${i}`,
      'membership.apply',
      applyInput({ name, orgId: union, workUnit: '天宁区示例商贸有限公司' }),
    );
  }
  const { page, errors } = await newPhonePage(env.browser);
  await openAs(page, env.cloud.baseUrl, 'demo-staff-city', '#/packages/staff/reviews/index');
  await page.locator(tid('staff-review-item')).first().waitFor({ timeout: 45_000 });

  // Filter by union with the organisation picker (the staffer's scope): 常州市总工会 → 天宁区总工会 → 红梅街道总工会.
  await page.locator(tid('staff-review-org-filter')).click();
  await page.locator(`${tid('org-picker')} ${tid('org-picker-item')}`, { hasText: '常州市总工会' }).click();
  await page.locator(`${tid('org-picker')} ${tid('org-picker-item')}`, { hasText: '天宁区总工会' }).click();
  await page.locator(`${tid('org-picker')} ${tid('org-picker-item')}`, { hasText: '红梅街道总工会' }).click();
  await page.locator(tid('org-picker')).waitFor({ state: 'hidden' });
  await page.locator(tid('staff-review-count'), { hasText: '共 4 条' }).waitFor({ timeout: 20_000 });
  expect(await page.locator(tid('staff-review-item')).allInnerTexts()).toEqual(names.map((n) => expect.stringContaining(n)));
  await screenshot(page, 'staff-reviews-filtered');

  // 通过并下一条 on the oldest: approved, and the next waiting one opens.
  await page.locator(tid('staff-review-item'), { hasText: '钱一批' }).locator(tid('staff-review-item-body')).click();
  await page.locator(tid('staff-review-approve-next')).waitFor();
  await page.locator(tid('staff-review-approve-next')).click();
  await page.locator(`${tid('staff-review-approve-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('staff-review-name'), { hasText: '钱二批' }).waitFor({ timeout: 30_000 });
  const store = storeReader(env.cloud.serviceUrl);
  expect(await store.count('members', { openid: 'e2e-batch-0' })).toBe(1);

  // Back to the list (still filtered), tick all three that wait, approve them with ONE confirmation.
  await page.locator(tid('title-bar-back')).last().click();
  await page.locator(tid('staff-review-count'), { hasText: '共 3 条' }).waitFor({ timeout: 30_000 });
  await page.locator(tid('staff-batch-all-box')).click();
  expect(await page.locator(tid('staff-batch-count')).innerText()).toContain('已选 3 条');
  await screenshot(page, 'staff-reviews-batch');
  await page.locator(tid('staff-batch-approve')).click();
  await page.locator(tid('staff-batch-confirm')).waitFor();
  expect(await page.locator(tid('staff-batch-confirm')).innerText()).toContain('3 条');
  await screenshot(page, 'staff-reviews-batch-confirm');
  await page.locator(`${tid('staff-batch-confirm')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('staff-batch-result')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('staff-batch-result')).innerText()).toContain('已通过 3 条');
  await screenshot(page, 'staff-reviews-batch-result');
  await page.locator(`${tid('staff-batch-result')} ${tid('dialog-ok')}`).click();
  await page
    .locator(tid('staff-review-count'), { hasText: '共 0 条' })
    .or(page.locator(tid('state-empty')))
    .first()
    .waitFor({ timeout: 20_000 });

  for (let i = 0; i < names.length; i++) expect(await store.count('members', { openid: `e2e-batch-${i}` })).toBe(1);
  expect(errors).toEqual([]);
}, 240_000);

test('a transfer is reviewed: an empty reason keeps the dialog open, then the receiving union approves', async () => {
  // 陈晓燕 (a member of a 武进区 union) asks to move to another 武进区 union.
  await callOk(env.cloud.baseUrl, 'demo-member-01', 'transfer.request', { toOrgId: 'org-cz-wujin-g2', reason: '工作单位变动' });
  const { page, errors } = await newPhonePage(env.browser);

  await openAs(page, env.cloud.baseUrl, 'demo-staff-wujin', '#/packages/staff/transfers/index');
  const item = page.locator(tid('staff-transfer-item'), { hasText: '陈晓燕' });
  await item.waitFor({ timeout: 45_000 });
  expect(await item.innerText()).toContain('武进区牛塘镇总工会');
  await screenshot(page, 'staff-transfers');
  await item.locator(tid('staff-transfer-reject')).click();
  await page.locator(`${tid('staff-transfer-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('staff-transfer-reason-error')).waitFor();
  expect(await page.locator(tid('staff-transfer-dialog')).isVisible()).toBe(true);
  await page.locator(`${tid('staff-transfer-dialog')} ${tid('dialog-cancel')}`).click();
  await item.locator(tid('staff-transfer-approve')).click();
  await page.locator(`${tid('staff-transfer-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('state-empty')).waitFor({ timeout: 30_000 });

  const store = storeReader(env.cloud.serviceUrl);
  expect((await store.byId<Record<string, unknown>>('members', 'demo-member-01'))?.orgId).toBe('org-cz-wujin-g2');
  expect(errors).toEqual([]);
}, 240_000);

test('服务 and 工作台 at 390 px, standard and 关怀模式: every tile label on one line, no two tiles with one icon', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  for (const care of [false, true]) {
    // The administrator sees every 工作台 tile (技能竞赛管理, 欠薪与咨询督办, 送温暖·送清凉 …).
    await openInMode(page, env.cloud.baseUrl, 'demo-admin', '#/pages/services/index', care);
    await page.locator(`${tid('services-workbench')} ${tid('tile-contests')}`).waitFor({ timeout: 45_000 });
    const labels = `${tid('services')} ${tid('tile-label')}`;
    expect(await page.locator(`${tid('services-workbench')} ${tid('tile-label')}`).count()).toBeGreaterThanOrEqual(20);
    expect(await wrappedLines(page, labels)).toEqual([]);
    // The icon is the tile's first character (a count badge may follow it inside).
    const icons = (await page.locator(`${tid('services')} ${tid('tile-icon')}`).allInnerTexts()).map((t) => t.trim().slice(0, 1));
    expect(icons.filter((icon, i) => icons.indexOf(icon) !== i)).toEqual([]);
    const mode = care ? 'care' : 'standard';
    await screenshot(page, `staff/services-${mode}`);
    await page.locator(`${tid('services-workbench')} ${tid('tile-contests')}`).scrollIntoViewIfNeeded();
    await screenshot(page, `staff/workbench-${mode}`);
  }
  expect(errors).toEqual([]);
}, 240_000);

test('the batch bar sits at the bottom of the screen under a short list, in both sizes', async () => {
  for (const [i, name] of ['孔短一', '孔短二'].entries()) {
    await callOk(env.cloud.baseUrl, `e2e-short-${i}`, 'membership.apply', applyInput({ name, orgId: 'org-cz-tianning-g2' }));
  }
  const { page, errors } = await newPhonePage(env.browser);
  for (const care of [false, true]) {
    await openInMode(page, env.cloud.baseUrl, 'demo-staff-city', '#/packages/staff/reviews/index', care);
    await page.locator(`${tid('staff-review-search')} input`).waitFor({ timeout: 45_000 });
    await page.locator(`${tid('staff-review-search')} input`).fill('孔短');
    await page.locator(tid('staff-review-search-go')).click();
    await page.locator(tid('staff-review-count'), { hasText: '共 2 条' }).waitFor({ timeout: 30_000 });
    await page.locator(tid('staff-batch-all-box')).click();
    expect(await page.locator(tid('staff-batch-count')).innerText()).toContain('已选 2 条');
    // Two items end high on the screen; the bar is docked at its bottom all the same, and covers neither.
    const bar = await page.locator(tid('staff-batch-bar')).boundingBox();
    const viewport = page.viewportSize()!;
    expect(bar).not.toBeNull();
    expect(Math.abs(bar!.y + bar!.height - viewport.height)).toBeLessThanOrEqual(2);
    expect(bar!.width).toBeCloseTo(viewport.width, 0);
    const lastItem = await page.locator(tid('staff-review-item')).last().boundingBox();
    expect(lastItem!.y + lastItem!.height).toBeLessThanOrEqual(bar!.y);
    expect(await page.locator(tid('staff-batch-bar')).evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    await screenshot(page, `staff/batch-bar-${care ? 'care' : 'standard'}`);
  }
  expect(errors).toEqual([]);
}, 240_000);

test('a staffer who is also a member sees their card on 首页, not 立即入会, in both sizes', async () => {
  const openid = 'e2e-staff-member';
  const application = await callOk(env.cloud.baseUrl, openid, 'membership.apply', applyInput({ name: '蒋文静' }));
  await callOk(env.cloud.baseUrl, 'demo-staff-wujin', 'membership.approve', {
    applicationId: application._id,
    submittedAt: application.submittedAt,
  });
  await callOk(env.cloud.baseUrl, 'demo-admin', 'roles.grant', { openid, role: 'staff', scopeId: 'org-cz-wujin-g1' });
  const { page, errors } = await newPhonePage(env.browser);
  for (const care of [false, true]) {
    await openInMode(page, env.cloud.baseUrl, openid, '#/pages/index/index', care);
    await page.locator(tid('home-show-card')).waitFor({ timeout: 45_000 });
    expect(await page.locator(tid('home-join')).count()).toBe(0);
    expect(await page.locator(tid('home')).innerText()).toContain('蒋文静，您好');
    await screenshot(page, `staff/home-staff-member-${care ? 'care' : 'standard'}`);
  }
  // …and the 工作台 of their union on 服务.
  await page.goto(`${env.cloud.baseUrl}/#/pages/services/index`);
  await page.locator(`${tid('services-workbench')} ${tid('tile-reviews')}`).waitFor({ timeout: 45_000 });
  expect(errors).toEqual([]);
}, 240_000);
