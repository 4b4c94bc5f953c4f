/**
 * Administrator screens in Chromium against the H5 build: 角色管理 (find a member by name, pick the union
 * with the organisation picker, grant, see names in the list, 撤销 with a confirmation), 操作日志 (Chinese
 * action names and people's names, never an openid; 个人信息查看 records only when asked for), and a
 * permission error that says what to do instead of offering 重试.
 */
import { applyInput, callOk, storeReader } from '../support/api';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser, visibleText } from './browser';

const env = useAppAndBrowser();

test('an administrator grants 陈晓燕 the staff role for 武进区总工会, reads the log in words, and revokes it', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  const store = storeReader(env.cloud.serviceUrl);
  await openAs(page, env.cloud.baseUrl, 'demo-admin', '#/packages/staff/roles/index');

  // Find the member by part of her name and pick her.
  await page.locator(`${tid('staff-person-keyword')} input`).waitFor({ timeout: 45_000 });
  await page.locator(`${tid('staff-person-keyword')} input`).fill('晓燕');
  await page.locator(tid('staff-person-search')).click();
  await page.locator(tid('staff-person-option'), { hasText: '陈晓燕' }).click();
  await page.locator(tid('staff-person-chosen'), { hasText: '陈晓燕' }).waitFor();

  // 工会干部 (the default role), scope picked in the union tree: 常州市总工会 › 武进区总工会 → 选择.
  expect(await page.locator(`${tid('staff-role-option')}[data-active="true"]`).innerText()).toBe('工会干部');
  await page.locator(tid('staff-role-scope-org')).click();
  await page.locator(`${tid('org-picker')} ${tid('org-picker-item')}`, { hasText: '常州市总工会' }).click();
  await page.locator(`${tid('org-picker')} ${tid('org-picker-item')}`, { hasText: '武进区总工会' }).click();
  await page.locator(tid('org-picker-select-current'), { hasText: '武进区总工会' }).click();
  await page.locator(tid('staff-role-scope-org'), { hasText: '武进区总工会' }).waitFor();
  await screenshot(page, 'admin-roles-grant');
  await page.locator(tid('staff-role-grant')).click();
  await page.locator(tid('staff-role-grant-dialog')).waitFor();
  expect(await page.locator(tid('staff-role-grant-dialog')).innerText()).toContain('陈晓燕');
  await page.locator(`${tid('staff-role-grant-dialog')} ${tid('dialog-ok')}`).click();

  // The list names the person, the role and the union — no openid anywhere on the screen.
  const granted = page.locator(tid('staff-role-item'), { hasText: '陈晓燕' });
  await granted.waitFor({ timeout: 30_000 });
  expect(await granted.innerText()).toContain('工会干部');
  expect(await granted.innerText()).toContain('武进区总工会');
  expect(await store.byId('roles', 'demo-member-01:staff:org-cz-wujin')).not.toBeNull();
  expect(await visibleText(page)).not.toMatch(/demo-|openid/);
  await screenshot(page, 'admin-roles');

  // As a staffer now, she approves an application and opens one (a view of personal data).
  const approved = await callOk(env.cloud.baseUrl, 'e2e-audit-1', 'membership.apply', applyInput({ name: '孙立新' }));
  await callOk(env.cloud.baseUrl, 'demo-member-01', 'membership.approve', {
    applicationId: approved._id,
    submittedAt: approved.submittedAt,
  });
  const viewed = await callOk(env.cloud.baseUrl, 'e2e-audit-2', 'membership.apply', applyInput({ name: '周文静' }));
  await callOk(env.cloud.baseUrl, 'demo-member-01', 'membership.get', { applicationId: viewed._id });

  // 操作日志: what happened in Chinese, who did it by name.
  await openAs(page, env.cloud.baseUrl, 'demo-admin', '#/packages/staff/audit/index');
  const approval = page.locator(tid('staff-audit-item'), { hasText: '通过入会申请' }).first();
  await approval.waitFor({ timeout: 45_000 });
  expect(await approval.innerText()).toContain('操作人：陈晓燕');
  expect(await approval.innerText()).toContain('孙立新');
  expect(await page.locator(tid('staff-audit-item'), { hasText: '授予角色' }).first().innerText()).toContain('陈晓燕');
  expect(await page.locator(tid('staff-audit-pii')).count()).toBe(0);
  const log = await visibleText(page);
  expect(log).not.toMatch(/demo-|e2e-|membership\.|roles\./);
  await screenshot(page, 'admin-audit');

  // Views of personal data appear when asked for.
  await page.locator(tid('staff-audit-pii-switch')).click();
  const piiView = page.locator(tid('staff-audit-pii'), { hasText: '周文静' }).first();
  await piiView.waitFor({ timeout: 30_000 });
  expect(await piiView.innerText()).toContain('个人信息查看');
  expect(await piiView.innerText()).toContain('陈晓燕');
  await screenshot(page, 'admin-audit-pii');

  // 撤销 is a button with a confirmation.
  await openAs(page, env.cloud.baseUrl, 'demo-admin', '#/packages/staff/roles/index');
  const row = page.locator(tid('staff-role-item'), { hasText: '陈晓燕' });
  await row.waitFor({ timeout: 45_000 });
  await row.locator(tid('staff-role-revoke')).click();
  await page.locator(tid('staff-role-revoke-dialog')).waitFor();
  expect(await page.locator(tid('staff-role-revoke-dialog')).innerText()).toContain('武进区总工会');
  await screenshot(page, 'admin-roles-revoke');
  await page.locator(`${tid('staff-role-revoke-dialog')} ${tid('dialog-ok')}`).click();
  await row.waitFor({ state: 'detached', timeout: 30_000 });
  expect(await store.byId('roles', 'demo-member-01:staff:org-cz-wujin')).toBeNull();

  // A member who opens an administrator's page hears what to do, with no 重试 that cannot help.
  await openAs(page, env.cloud.baseUrl, 'demo-member-01', '#/packages/staff/audit/index');
  await page.locator(tid('state-error')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('state-error')).innerText()).toContain('权限');
  expect(await page.locator(tid('state-hint')).innerText()).toContain('联系');
  expect(await page.locator(tid('state-retry')).count()).toBe(0);
  await screenshot(page, 'permission-error');
  expect(errors).toEqual([]);
}, 240_000);
