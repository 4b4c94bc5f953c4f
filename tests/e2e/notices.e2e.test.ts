/**
 * 工会动态 in Chromium against the H5 build: the home page shows the seeded notices and opens one; a union
 * staffer publishes one (with a cover image when the local cloud offers client uploads), edits and deletes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyInput, callOk, storeReader } from '../support/api';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser } from './browser';

const env = useAppAndBrowser();

test('home shows the latest notices and opens one', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  await openAs(page, env.cloud.baseUrl, 'demo-member-01');
  await page.locator(tid('home-notice')).first().waitFor({ timeout: 45_000 });
  const titles = await page.locator(tid('home-notice-title')).allInnerTexts();
  expect(titles).toEqual(['普惠服务“一公里”持续扩容', '2026年职工疗休养计划发布', '武进区职工法律援助站延长值班时间']);
  expect(await page.locator(tid('home-notice')).first().innerText()).toContain('常州市总工会');

  await page.locator(tid('home-notice'), { hasText: '疗休养计划' }).click();
  await page.locator(tid('notices-detail-title')).last().waitFor();
  expect(await page.locator(tid('notices-detail-title')).last().innerText()).toBe('2026年职工疗休养计划发布');
  expect(await page.locator(tid('notices-detail-meta')).last().innerText()).toContain('常州市总工会');
  expect(await page.locator(tid('notices-detail-body')).last().innerText()).toContain('一线职工');
  expect(await page.locator(tid('title-bar-title')).last().innerText()).toBe('工会动态');
  await screenshot(page, 'notice-detail');

  // 更多 lists all of them; the title bar leads back.
  await page.locator(tid('title-bar-back')).last().click();
  await page.locator(tid('home-notices-more')).click();
  await page
    .locator(`${tid('notices-list')} ${tid('notices-item')}`)
    .nth(3)
    .waitFor({ timeout: 30_000 });
  await screenshot(page, 'notice-list');
  expect(errors).toEqual([]);
}, 240_000);

/** A small PNG to upload as a cover. */
function coverFile(): string {
  const file = path.join(os.tmpdir(), `e2e-cover-${process.pid}.png`);
  const png = 'iVBORw0KGgoAAAANSUhEUgAAABAAAAAJCAIAAAC0SDtlAAAAGklEQVR4nGP4TyJgGNUwqmFUw6iGUQ1DVgMA/4z+HtJwD+4AAAAASUVORK5CYII=';
  fs.writeFileSync(file, Buffer.from(png, 'base64'));
  return file;
}

test('a staffer publishes a notice, edits it and deletes it with a confirmation', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  const store = storeReader(env.cloud.serviceUrl);
  // The local cloud's client upload (being added to the emulator): used when it answers.
  const probe = await fetch(
    `${env.cloud.baseUrl}/_emu/client/upload?openid=demo-staff-wujin&cloudPath=uploads/demo-staff-wujin/probe.png`,
    {
      method: 'POST',
      body: fs.readFileSync(coverFile()),
    },
  ).catch(() => null);
  const canUpload = !!probe && probe.ok;

  // From the 工作台 on 服务 (with what waits: one application in 武进区) to 动态管理.
  await callOk(env.cloud.baseUrl, 'e2e-notices-applicant', 'membership.apply', applyInput({ name: '冯建国' }));
  await openAs(page, env.cloud.baseUrl, 'demo-staff-wujin', '#/pages/services/index');
  const workbench = (id: string) => `${tid('services-workbench')} ${tid(id)}`;
  await page.locator(workbench('tile-notices')).waitFor({ timeout: 45_000 });
  await page.locator(`${workbench('tile-reviews')} ${tid('tile-count')}`).waitFor({ timeout: 30_000 });
  expect(await page.locator(`${workbench('tile-reviews')} ${tid('tile-count')}`).innerText()).toBe('1');
  await screenshot(page, 'services-workbench');
  await page.locator(workbench('tile-notices')).click();
  await page.locator(tid('notices-new')).waitFor({ timeout: 30_000 });
  // Only the notices of the staffer's unions: 武进区's own.
  const managed = page.locator(`${tid('notices-manage')} ${tid('notices-item')}`);
  await managed.first().waitFor({ timeout: 30_000 });
  expect(await managed.allInnerTexts()).toEqual([expect.stringContaining('武进区职工法律援助站')]);

  await page.locator(tid('notices-new')).click();
  await page.locator(`${tid('notices-title')} input`).waitFor();
  await page.locator(tid('notices-save')).click();
  await page
    .locator(`${tid('notices-form')} ${tid('field-error')}`)
    .first()
    .waitFor();
  await page.locator(`${tid('notices-title')} input`).fill('武进区职工篮球赛报名开始');
  await page
    .locator(`${tid('notices-body')} textarea`)
    .fill('区总工会将于下月举办职工篮球赛，各基层工会可组队报名。\n比赛设男子组和女子组，报名截止至本月底。');
  // A staffer of one union publishes for it.
  expect(await page.locator(tid('notices-org')).innerText()).toContain('武进区总工会');
  if (canUpload) {
    const chooser = page.waitForEvent('filechooser');
    await page.locator(tid('notices-cover-upload')).click();
    await (await chooser).setFiles(coverFile());
    await page.locator(tid('notices-cover-preview')).waitFor({ timeout: 30_000 });
  }
  await screenshot(page, 'notice-edit');
  await page.locator(tid('notices-save')).click();
  const created = page.locator(`${tid('notices-manage')} ${tid('notices-item')}`, { hasText: '武进区职工篮球赛报名开始' });
  await created.waitFor({ timeout: 30_000 });
  await screenshot(page, 'notice-manage');

  const [stored] = await store.all<Record<string, unknown>>('notices', { title: '武进区职工篮球赛报名开始' });
  expect(stored).toMatchObject({ orgId: 'org-cz-wujin', createdBy: 'demo-staff-wujin' });
  if (canUpload) expect(String(stored.coverFileId)).toMatch(/\/uploads\/demo-staff-wujin\//);

  // Edit the title.
  await created.locator(tid('notices-edit')).click();
  await page
    .locator(`${tid('notices-title')} input`)
    .last()
    .waitFor();
  expect(await page.locator(tid('title-bar-title')).last().innerText()).toBe('编辑动态');
  await page
    .locator(`${tid('notices-title')} input`)
    .last()
    .fill('武进区职工篮球赛报名延期');
  await page.locator(tid('notices-save')).last().click();
  const edited = page.locator(`${tid('notices-manage')} ${tid('notices-item')}`, { hasText: '武进区职工篮球赛报名延期' });
  await edited.waitFor({ timeout: 30_000 });
  expect(await store.count('notices', { _id: stored._id })).toBe(1);

  // Delete, after a confirmation.
  await edited.locator(tid('notices-remove')).click();
  await page.locator(tid('notices-remove-dialog')).waitFor();
  await screenshot(page, 'notice-remove');
  await page.locator(`${tid('notices-remove-dialog')} ${tid('dialog-ok')}`).click();
  await edited.waitFor({ state: 'detached', timeout: 30_000 });
  expect(await store.count('notices', { _id: stored._id })).toBe(0);
  expect(errors).toEqual([]);
}, 240_000);
