/**
 * Issue 19 in the app, by an administrator of the demo union: 系统设置 edits each subscribe template's field
 * mapping beside its id (a bad pair is named under its field and nothing is saved; a good one is stored and the
 * next message uses it); 组织管理 offers 街道/乡镇工会 under a 区/县总工会 (not under a 基层工会) and lists it by
 * its label. In Chromium against the H5 build, by data-testid; the store is the truth.
 */
import { applyInput, callOk, storeReader } from '../support/api';
import { outbox } from '../support/trips';
import { newPhonePage, openAs, screenshot, tid, until, useAppAndBrowser } from './browser';

const env = useAppAndBrowser();
const ADMIN = 'demo-admin';
const FIELDS = `${tid('settings-template-fields-membership_status')}`;

test('系统设置: a template’s field mapping is edited beside its id; a bad pair saves nothing, a good one is used', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  const { page, errors } = await newPhonePage(env.browser);
  await openAs(page, env.cloud.baseUrl, ADMIN, '#/packages/settings/index');
  await page.locator(`${FIELDS} input`).waitFor({ timeout: 45_000 });
  expect(await page.locator(`${FIELDS} input`).inputValue()).toBe('thing1=title, phrase2=status, time3=time, thing4=note');
  const before = await store.byId<{ version: number }>('settings', 'union');

  await page.locator(`${FIELDS} input`).fill('thing7=title, phrase3');
  await page.locator(tid('settings-save')).click();
  await page.locator(FIELDS, { hasText: '格式应为 字段名=内容' }).waitFor({ timeout: 45_000 });
  expect(await page.locator(FIELDS).innerText()).toContain('「phrase3」格式应为 字段名=内容');
  await page.locator(FIELDS).scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-fields/01-bad-mapping-named');
  expect((await store.byId<{ version: number }>('settings', 'union'))?.version).toBe(before?.version);

  await page.locator(`${FIELDS} input`).fill('thing7=title, phrase3=状态, date2=time');
  await page.locator(tid('settings-save')).click();
  const saved = await until(
    () => store.byId<{ version: number; subscribeTemplateFields: Record<string, unknown> }>('settings', 'union'),
    (s) => s?.version !== before?.version,
  );
  expect(saved?.subscribeTemplateFields).toEqual({ membership_status: { thing7: 'title', phrase3: 'status', date2: 'time' } });
  // The page reads the saved settings back: the mapping as stored (状态 → status).
  const shown = await until(
    () => page.locator(`${FIELDS} input`).inputValue(),
    (v) => v === 'thing7=title, phrase3=status, date2=time',
  );
  expect(shown).toBe('thing7=title, phrase3=status, date2=time');
  await page.locator(FIELDS).scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-fields/02-mapping-saved');

  // The next message is sent with the fields typed.
  const who = 'e2e-fields-applicant';
  await callOk(env.cloud.baseUrl, who, 'notify.consent', { templateKey: 'membership_status', accepted: true });
  const app = await callOk(env.cloud.baseUrl, who, 'membership.apply', applyInput({ name: '周晓梅' }));
  await callOk(env.cloud.baseUrl, ADMIN, 'membership.approve', { applicationId: app._id, submittedAt: app.submittedAt });
  const sent = (await outbox(env.cloud.baseUrl)).filter((m) => m.touser === who);
  expect(sent.map((m) => Object.keys(m.data).sort())).toEqual([['date2', 'phrase3', 'thing7']]);
  expect(errors).toEqual([]);
}, 180_000);

test('组织管理: a 街道/乡镇工会 is offered under a 区/县总工会, not under a 基层工会, and listed by its label', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  const { page, errors } = await newPhonePage(env.browser);
  await openAs(page, env.cloud.baseUrl, ADMIN, '#/packages/orgs/manage/index');
  await page.locator(tid('org-row-org-cz-wujin-g2')).waitFor({ timeout: 45_000 });
  // The demo's 牛塘镇总工会 is a 街道/乡镇工会; 武进区总工会 a 区/县总工会.
  expect(await page.locator(tid('org-row-org-cz-wujin-g2')).innerText()).toContain('街道/乡镇工会');
  expect(await page.locator(tid('org-row-org-cz-wujin')).innerText()).toContain('区/县总工会');

  await page.locator(tid('org-row-org-cz-wujin-g1')).click();
  await page.locator(tid('org-create')).click();
  await page.locator(tid('org-kind-grassroots')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('org-kind-street')).count()).toBe(0);
  await page.locator(`${tid('org-dialog')} ${tid('dialog-cancel')}`).click();

  await page.locator(tid('org-row-org-cz-wujin')).click();
  await page.locator(tid('org-create')).click();
  await page.locator(tid('org-kind-street')).click();
  await page.locator(`${tid('org-dialog-name')} input`).fill('武进区湖塘镇总工会');
  await screenshot(page, 'settings-fields/03-street-under-district');
  await page.locator(`${tid('org-dialog')} ${tid('dialog-ok')}`).click();
  await page.getByText('已新增「武进区湖塘镇总工会」').waitFor({ timeout: 45_000 });
  const created = await until(
    () => store.all<{ _id: string; kind: string; parentId: string }>('orgs', { name: '武进区湖塘镇总工会' }),
    (all) => all.length === 1,
  );
  expect(created).toMatchObject([{ kind: 'street', parentId: 'org-cz-wujin' }]);
  await page.locator(tid(`org-row-${created[0]._id}`)).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid(`org-row-${created[0]._id}`)).innerText()).toContain('街道/乡镇工会');
  expect(errors).toEqual([]);
}, 180_000);
