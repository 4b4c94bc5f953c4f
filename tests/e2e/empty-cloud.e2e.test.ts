/**
 * A union runs the app from an EMPTY local cloud (issue 19), in Chromium against the H5 build, elements by
 * data-testid only: the operator deploys onto the empty environment (`npm run deploy -- --target local`, its own
 * process) and hands over the one-time setup code it prints → the first person enters it and becomes
 * administrator → edits the settings (name, hotline) → imports the union tree from an .xlsx whose bad row the
 * preview reports, then the corrected file → creates a legal-aid station (a double tap on save makes one), edits
 * it, adds a slot → invites a lawyer who is not a member → the lawyer (a second identity) accepts → a worker (a third)
 * applies, the administrator approves → the worker books legal aid → the lawyer sees the booking on the desk → the
 * administrator creates a union and merges the worker's company union into it (the membership follows, its history kept).
 * Each step is checked on screen and in what the local cloud stored; screenshots in
 * .artifacts/screenshots/empty-cloud/NN-step.png.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { freshIdNumber, storeReader } from '../support/api';
import { ROOT } from '../support/localCloud';
import { newPhonePage, openAs, screenshot, tid, until, useAppAndBrowser, visibleText, warmFunctionInstances } from './browser';

const env = useAppAndBrowser({ empty: true });
// One journey on one environment: a second attempt would find it changed (an administrator, a tree), so a failure
// is reported as it is, not retried (browser.ts asks for one retry of every e2e test).
jest.retryTimes(0);
const shot = (page: Page, name: string) => screenshot(page, `empty-cloud/${name}`);

const ADMIN = 'e2e-first-admin';
const LAWYER = 'e2e-lawyer-gu';
const WORKER = 'e2e-worker-zhou';
const HOTLINE = '0519-86612351';

let workDir = '';
let setupCode = '';

/**
 * The operator's deploy onto the empty environment. Its settings file names only the root union (the deploy needs
 * one); everything under it the union imports from Excel in the app.
 */
function deploy(serviceUrl: string): Promise<{ code: number | null; out: string }> {
  const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/union.settings.example.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  example.organisations = [
    { id: 'org-longcheng', name: '龙城市总工会', parentId: null, kind: 'city', acceptsNewEmployment: true },
  ];
  const settingsFile = path.join(workDir, 'union.settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify(example));
  const cli = path.join(ROOT, 'scripts/deploy/cli.ts');
  const args = ['--import', 'tsx', cli, '--target', 'local', '--service-url', serviceUrl];
  args.push('--keys-dir', workDir, '--settings', settingsFile);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (out += String(chunk)));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** The union tree as the union's IT person would fill it in Excel (the project's Excel library writes it here). */
async function treeFile(withBadRow: boolean): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工会');
  sheet.addRow(['名称', '上级工会', '类型', '是否新就业形态']);
  sheet.addRow(['龙城区总工会', '龙城市总工会', '区县/街道工会', '是']); // the parent by name: the deployed root
  if (withBadRow) sheet.addRow(['龙城某某电子有限公司工会', '龙城不存在的工会', '基层工会', '否']); // row 3
  sheet.addRow(['龙城精密机械有限公司工会', '龙城区总工会', '基层工会', '否']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function chooseTree(page: Page, name: string, content: Buffer): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(tid('org-import')).click()]);
  await chooser.setFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: content,
  });
  await page.locator(tid('org-import-preview'), { hasText: name }).waitFor({ timeout: 45_000 });
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-cloud-'));
  const run = await deploy(env.cloud.serviceUrl);
  if (run.code !== 0) throw new Error(`deploy failed:\n${run.out}`);
  setupCode = /one-time setup code: (\S+)/.exec(run.out)?.[1] ?? '';
  await warmFunctionInstances(env.cloud.baseUrl);
}, 240_000);

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

test('from an empty cloud: setup code → administrator → settings → tree from Excel → station and slot → lawyer invited → worker approved → booking on the lawyer desk → union merged', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  expect(setupCode).toMatch(/\S{8,}/);
  // Nothing of a union yet but its root (from the deploy's settings file): no station, no person, no administrator.
  expect(await store.all('orgs', {})).toMatchObject([{ _id: 'org-longcheng', name: '龙城市总工会', path: ['org-longcheng'] }]);
  expect(await store.count('legal_stations')).toBe(0);
  expect(await store.count('members')).toBe(0);
  expect(await store.count('roles', { role: 'admin' })).toBe(0);

  // 1. The first person opens 我的, is offered 设置首位管理员 and enters the operator's code.
  const admin = await newPhonePage(env.browser);
  const page = admin.page;
  await openAs(page, env.cloud.baseUrl, ADMIN, '#/pages/me/index');
  await page.locator(tid('me-setup')).waitFor({ timeout: 45_000 });
  await page.locator(tid('me-setup')).click();
  await page.locator(`${tid('staff-setup-code')} input`).fill(setupCode);
  await shot(page, '01-setup-code');
  await page.locator(tid('staff-setup-claim')).click();
  await until(
    () => store.count('roles', { openid: ADMIN, role: 'admin' }),
    (n) => n === 1,
  );
  expect(await store.all('roles', { role: 'admin' })).toMatchObject([{ openid: ADMIN }]);
  expect(await store.all('setup_codes', {})).toMatchObject([{ usedBy: ADMIN }]);
  await openAs(page, env.cloud.baseUrl, ADMIN, '#/pages/me/index');
  await page.locator(tid('me-role')).first().waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('me-role')).allInnerTexts()).toEqual([expect.stringContaining('管理员')]);
  expect(await page.locator(tid('me-setup')).count()).toBe(0);
  await shot(page, '02-administrator');

  // 2. Settings: the union's own name and hotline (the map centre came with the deploy's settings).
  await openAs(page, env.cloud.baseUrl, ADMIN, '#/packages/settings/index');
  await page.locator(`${tid('settings-name')} input`).waitFor({ timeout: 45_000 });
  await page.locator(`${tid('settings-name')} input`).fill('龙城市总工会');
  await page.locator(`${tid('settings-short-name')} input`).fill('龙城总工会');
  await page.locator(`${tid('settings-city')} input`).fill('龙城市');
  await page.locator(`${tid('settings-hotline')} input`).fill(HOTLINE);
  expect(await page.locator(`${tid('settings-latitude')} input`).inputValue()).toBe('31.81');
  await shot(page, '03-settings');
  await page.locator(tid('settings-save')).click();
  const settings = await until(
    () => store.byId<{ union: { name: string; hotline: string } }>('settings', 'union'),
    (s) => s?.union.hotline === HOTLINE,
  );
  expect(settings).toMatchObject({ union: { name: '龙城市总工会', shortName: '龙城总工会', city: '龙城市', hotline: HOTLINE } });

  // 3. The union tree from Excel: the preview names the bad row and offers no import; the corrected file imports.
  await openAs(page, env.cloud.baseUrl, ADMIN, '#/packages/orgs/manage/index');
  await page.locator(tid('org-import')).waitFor({ timeout: 45_000 });
  await chooseTree(page, '工会组织.xlsx', await treeFile(true));
  const problems = await page.locator(tid('org-import-error')).allInnerTexts();
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain('第3行');
  expect(problems[0]).toContain('找不到上级工会「龙城不存在的工会」');
  expect(await page.locator(tid('org-import-preview')).innerText()).toContain('共 3 行，可导入 2 行');
  expect(await page.locator(tid('org-import-commit')).innerText()).toContain('请修改文件后重新选择');
  await page.locator(tid('org-import-commit')).click();
  await shot(page, '04-import-preview-bad-row');
  expect(await store.count('orgs')).toBe(1);

  await chooseTree(page, '工会组织（已修改）.xlsx', await treeFile(false));
  // The preview of the corrected file replaces the first one (its title changes first, with the file name).
  await page.locator(tid('org-import-commit'), { hasText: '导入 2 个工会' }).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('org-import-error')).count()).toBe(0);
  await page.locator(tid('org-import-commit')).click();
  await page.getByText('已导入 2 个工会').waitFor({ timeout: 45_000 });
  await shot(page, '05-import-done');
  const orgs = await store.all<{ _id: string; name: string; kind: string; path: string[] }>('orgs', {});
  expect(orgs.map((o) => o.name).sort()).toEqual(['龙城区总工会', '龙城市总工会', '龙城精密机械有限公司工会'].sort());
  const city = orgs.find((o) => o.name === '龙城市总工会')!;
  const district = orgs.find((o) => o.name === '龙城区总工会')!;
  const company = orgs.find((o) => o.name === '龙城精密机械有限公司工会')!;
  expect(company).toMatchObject({ kind: 'grassroots', path: [city._id, district._id, company._id] });

  // 4. A legal-aid station: the map point starts at the union's map centre; a double tap on save makes one.
  await openAs(page, env.cloud.baseUrl, ADMIN, '#/packages/legal-aid/index/index');
  await page.locator(tid('legal-aid-new-station')).waitFor({ timeout: 45_000 });
  // The empty list says whom to call (once the stations are read: none yet).
  await page.getByText(`请拨打${HOTLINE}咨询`).first().waitFor({ timeout: 45_000 });
  expect(await visibleText(page)).toContain(`请拨打${HOTLINE}咨询`);
  await page.locator(tid('legal-aid-new-station')).click();
  await page.locator(`${tid('station-name')} input`).waitFor({ timeout: 45_000 });
  expect(await page.locator(`${tid('station-latitude')} input`).inputValue()).toBe('31.81');
  expect(await page.locator(`${tid('station-longitude')} input`).inputValue()).toBe('119.97');
  await page.locator(`${tid('station-name')} input`).fill('龙城区职工法律援助站');
  await page.locator(`${tid('station-address')} input`).fill('龙城区人民路8号 区职工服务中心一楼');
  await page.locator(`${tid('station-hours')} input`).fill('周一至周五 9:00–17:00');
  await page.locator(`${tid('station-phone')} input`).fill('0519-8661 2351');
  await page.locator(tid('station-service-mediation')).click();
  await page.locator(tid('station-org')).click();
  await page.locator(tid('org-picker-item'), { hasText: '龙城市总工会' }).click();
  await page.locator(tid('org-picker-item'), { hasText: '龙城区总工会' }).click();
  await page.locator(tid('org-picker-select-current')).click();
  expect(await page.locator(tid('station-org')).innerText()).toContain('龙城区总工会');
  await shot(page, '06-station-edit');
  await page.locator(tid('station-save')).dblclick();
  await page.locator(tid('legal-aid-station-slots')).waitFor({ timeout: 45_000 });
  const stations = await store.all<{ _id: string; name: string }>('legal_stations', {});
  expect(stations).toHaveLength(1);
  const station = stations[0];
  expect(await store.byId('legal_stations', station._id)).toMatchObject({
    name: '龙城区职工法律援助站',
    location: { latitude: 31.81, longitude: 119.97 },
    services: ['consult', 'mediation'],
    phone: '0519-8661 2351',
    orgId: district._id,
    orgPath: [city._id, district._id],
    createdBy: ADMIN,
  });
  expect(await page.locator(tid(`legal-aid-station-${station._id}`)).innerText()).toContain('龙城区人民路8号');
  await shot(page, '07-station-listed');
  // Edited: the form shows what is stored (its union by name); the change is stored on the same station.
  await page.locator(tid('legal-aid-station-edit')).click();
  await page.locator(`${tid('station-hours')} input`).waitFor({ timeout: 45_000 });
  expect(await page.locator(`${tid('station-name')} input`).inputValue()).toBe('龙城区职工法律援助站');
  expect(await page.locator(tid('station-org')).innerText()).toContain('龙城区总工会');
  await page.locator(`${tid('station-hours')} input`).fill('周一至周六 9:00–17:00');
  await page.locator(tid('station-save')).click();
  await page.locator(tid('legal-aid-station-slots')).waitFor({ timeout: 45_000 });
  expect(
    await until(
      () => store.all('legal_stations', {}),
      (all) => all.length === 1 && (all[0] as { hours?: string }).hours === '周一至周六 9:00–17:00',
    ),
  ).toMatchObject([{ _id: station._id, orgId: district._id, hours: '周一至周六 9:00–17:00', updatedBy: ADMIN }]);

  // 5. A duty slot tomorrow morning, with the lawyer's name.
  await page.locator(tid('legal-aid-station-slots')).click();
  await page.locator(tid('legal-aid-add-slot')).waitFor({ timeout: 45_000 });
  await page.locator(tid('legal-aid-add-slot')).click();
  await page.locator(`${tid('legal-aid-duty-lawyers')} input`).fill('顾明远律师');
  await page.locator(`${tid('legal-aid-duty-capacity')} input`).fill('4');
  await shot(page, '08-slot-add');
  await page.locator(`${tid('legal-aid-add-slot-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('legal-aid-manage-slot')).first().waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('legal-aid-manage-slot')).first().innerText()).toContain('顾明远律师');
  const slots = await store.all<{ _id: string; capacity: number; lawyers: string[] }>('legal_slots', { stationId: station._id });
  expect(slots).toMatchObject([{ capacity: 4, lawyers: ['顾明远律师'] }]);
  await shot(page, '09-slot-listed');

  // 6. The administrator invites the duty lawyer, who is not a member.
  await openAs(page, env.cloud.baseUrl, ADMIN, '#/packages/invite/create/index');
  await page.locator(tid('invite-role-lawyer')).waitFor({ timeout: 45_000 });
  await page.locator(tid('invite-role-lawyer')).click();
  await page.locator(tid(`invite-scope-${station._id}`)).click();
  await page.locator(`${tid('invite-name')} input`).fill('顾明远');
  await page.locator(tid('invite-create')).click();
  await page.locator(tid('invite-made')).waitFor({ timeout: 45_000 });
  const link = (await page.locator(tid('invite-link')).innerText()).trim();
  expect(await visibleText(page)).toContain('已生成邀请：顾明远（龙城区职工法律援助站值班律师）');
  await shot(page, '10-invite');

  // 7. The lawyer opens the link on their own phone and accepts.
  const lawyer = await newPhonePage(env.browser);
  await openAs(lawyer.page, env.cloud.baseUrl, LAWYER, link.slice(link.indexOf('#')));
  await lawyer.page.locator(tid('invite-title')).waitFor({ timeout: 45_000 });
  expect(await lawyer.page.locator(tid('invite-title')).innerText()).toContain(
    '邀请您（顾明远）成为龙城区职工法律援助站值班律师',
  );
  await lawyer.page.locator(tid('invite-accept')).click();
  await lawyer.page.locator(tid('me-role')).first().waitFor({ timeout: 45_000 });
  expect(await lawyer.page.locator(tid('me-role')).allInnerTexts()).toContain('值班律师 · 龙城区职工法律援助站');
  await shot(lawyer.page, '11-lawyer-accepted');
  expect(await store.all('roles', { openid: LAWYER })).toMatchObject([{ role: 'lawyer', scopeId: station._id }]);
  expect(await store.count('members', { openid: LAWYER })).toBe(0);

  // 8. A worker of the imported company union applies to join.
  const worker = await newPhonePage(env.browser);
  await openAs(worker.page, env.cloud.baseUrl, WORKER, '#/packages/membership/apply/index');
  const w = worker.page;
  await w.locator(`${tid('membership-apply-name')} input`).waitFor({ timeout: 45_000 });
  await w.locator(`${tid('membership-apply-name')} input`).fill('周明远');
  await w.locator(`${tid('membership-apply-id')} input`).fill(freshIdNumber());
  await w.locator(`${tid('membership-apply-mobile')} input`).fill('13912345678');
  await w.locator(`${tid('membership-apply-workunit')} input`).fill('龙城精密机械有限公司');
  await w.locator(tid('membership-apply-org')).click();
  await w.locator(tid('org-picker-item'), { hasText: '龙城市总工会' }).click();
  await w.locator(tid('org-picker-item'), { hasText: '龙城区总工会' }).click();
  await w.locator(tid('org-picker-item'), { hasText: '龙城精密机械有限公司工会' }).click();
  await w.locator(tid('org-picker')).waitFor({ state: 'hidden' });
  await w.locator(tid('membership-apply-consent-box')).click();
  await shot(w, '12-apply');
  await w.locator(tid('membership-apply-submit')).click();
  await w.locator(tid('membership-status-headline')).waitFor({ timeout: 45_000 });
  expect(await w.locator(tid('membership-status-headline')).innerText()).toContain('待审核');
  expect(await store.all('applications', { openid: WORKER })).toMatchObject([{ status: 'pending', orgId: company._id }]);

  // 9. The administrator approves.
  await openAs(page, env.cloud.baseUrl, ADMIN, '#/packages/staff/reviews/index');
  const item = page.locator(tid('staff-review-item'), { hasText: '周明远' }).first();
  await item.waitFor({ timeout: 45_000 });
  await item.locator(tid('staff-review-item-body')).click();
  await page.locator(tid('staff-review-approve')).click();
  await page.locator(`${tid('staff-review-approve-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('staff-review-status'), { hasText: '已通过' }).waitFor({ timeout: 45_000 });
  await shot(page, '13-approved');
  expect(await store.all('members', { openid: WORKER })).toMatchObject([{ status: 'active', orgId: company._id }]);

  // 10. The worker books the slot at the new station; the page names the union's hotline.
  await openAs(w, env.cloud.baseUrl, WORKER, '#/packages/legal-aid/index/index');
  const book = w.locator(`${tid(`legal-aid-station-${station._id}`)} ${tid('legal-aid-station-book')}`);
  await book.waitFor({ timeout: 45_000 });
  expect(await visibleText(w)).toContain(HOTLINE);
  await book.click();
  await w.locator(tid('legal-aid-slot-open')).first().waitFor({ timeout: 45_000 });
  await w.locator(tid('legal-aid-type-wages')).click();
  await w.locator(tid('legal-aid-slot-open')).first().click();
  await w.locator(`${tid('legal-aid-case')} textarea`).fill('单位拖欠两个月工资，想咨询如何讨要，需要准备哪些材料。');
  await w.locator(tid('legal-aid-submit')).click();
  await w.locator(`${tid('legal-aid-confirm')} ${tid('dialog-ok')}`).click();
  await w.locator(tid('legal-aid-status'), { hasText: '已预约' }).waitFor({ timeout: 45_000 });
  await shot(w, '14-booked');
  const bookings = await store.all<{ _id: string }>('legal_bookings', { openid: WORKER });
  expect(bookings).toMatchObject([{ stationId: station._id, status: 'confirmed', name: '周明远' }]);
  expect(bookings[0]._id.startsWith(`${slots[0]._id}_`)).toBe(true);

  // 11. The lawyer sees the booking at the station's desk.
  await openAs(lawyer.page, env.cloud.baseUrl, LAWYER, '#/packages/legal-aid/desk/index');
  await lawyer.page.locator(tid('legal-aid-tab-upcoming')).click();
  await lawyer.page.locator(tid('legal-aid-desk-item'), { hasText: '周明远' }).first().waitFor({ timeout: 45_000 });
  expect(await lawyer.page.locator(tid('legal-aid-desk-item')).count()).toBe(1);
  await shot(lawyer.page, '15-lawyer-desk');

  // 12. The company union is merged into a new one: the administrator creates it under the district, then merges;
  // the worker's membership moves (bulk 转会) and keeps the old union in its history; the old one stays, closed.
  await openAs(page, env.cloud.baseUrl, ADMIN, '#/packages/orgs/manage/index');
  await page.locator(tid(`org-row-${district._id}`)).click();
  await page.locator(tid('org-create')).click();
  await page.locator(`${tid('org-dialog-name')} input`).fill('龙城精密机械联合工会');
  await page.locator(`${tid('org-dialog')} ${tid('dialog-ok')}`).click();
  await page.getByText('已新增「龙城精密机械联合工会」').waitFor({ timeout: 45_000 });
  const joint = await until(
    () => store.all<{ _id: string; path: string[] }>('orgs', { name: '龙城精密机械联合工会' }),
    (all) => all.length === 1,
  );
  expect(joint).toMatchObject([{ parentId: district._id, kind: 'grassroots', path: [city._id, district._id, joint[0]._id] }]);
  await page.locator(tid(`org-row-${company._id}`)).click();
  await page.locator(tid('org-merge')).click();
  await page.locator(`${tid('org-dialog')} ${tid('dialog-ok')}`).click();
  expect(await page.locator(tid('org-dialog')).innerText()).toContain('请选择并入的工会');
  await page.locator(tid('org-dialog-target')).click();
  await page.locator(tid('org-picker-item'), { hasText: '龙城市总工会' }).click();
  await page.locator(tid('org-picker-item'), { hasText: '龙城区总工会' }).click();
  await page.locator(tid('org-picker-item'), { hasText: '龙城精密机械联合工会' }).click();
  expect(await page.locator(tid('org-dialog-target')).innerText()).toContain('龙城精密机械联合工会');
  expect(await page.locator(tid('org-dialog')).innerText()).not.toContain('选择并入的工会'); // the error went with the pick
  await shot(page, '16-merge');
  await page.locator(`${tid('org-dialog')} ${tid('dialog-ok')}`).click();
  await page.getByText('已并入「龙城精密机械联合工会」（转会 1 人）').waitFor({ timeout: 45_000 });
  await page.locator(tid(`org-row-${company._id}`), { hasText: '已撤销' }).waitFor({ timeout: 45_000 });
  await shot(page, '17-merged');
  expect(await store.byId('orgs', company._id)).toMatchObject({ status: 'closed', mergedInto: joint[0]._id });
  expect(await store.all('members', { openid: WORKER })).toMatchObject([
    {
      orgId: joint[0]._id,
      orgName: '龙城精密机械联合工会',
      orgPath: joint[0].path,
      orgHistory: [expect.objectContaining({ orgId: company._id, orgName: '龙城精密机械有限公司工会' })],
    },
  ]);

  expect([...admin.errors, ...lawyer.errors, ...worker.errors]).toEqual([]);
}, 600_000);
