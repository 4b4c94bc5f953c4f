/**
 * The members' forms at 390 px, standard and 关怀模式 (issue 21): an error goes as soon as its field is edited,
 * choices are asked for with 请选择, a contact needs a phone number, what the person already gave is filled in,
 * and a picture picked as evidence shows as a picture (an <img> that loaded), never as a file name. Forms:
 * 实名入会, 法律援助预约, 疗休养 sign-up, 技能竞赛 registration (单身联谊's sign-up is one dialog without fields).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { applyInput, callOk, storeReader } from '../support/api';
import { ROOT } from '../support/localCloud';
import { putMembers, tripInput } from '../support/trips';
import { newPhonePage, screenshot, tid, useAppAndBrowser } from './browser';
import { openInMode } from './care';
import { photo } from './photo';

const env = useAppAndBrowser();
const MODES = [false, true] as const;
const modeName = (care: boolean) => (care ? 'care' : 'standard');

/** The error under a `Field` (`<testId>-field` holds it). */
const fieldError = (id: string) => `${tid(`${id}-field`)} ${tid('field-error')}`;

/** An <img> inside `selector` that really shows a picture: a src and a decoded image. */
async function shownPicture(page: Page, selector: string): Promise<{ src: string; width: number }> {
  const img = page.locator(`${selector} img`).first();
  await img.waitFor({ timeout: 20_000 });
  await page.waitForFunction((el) => !!el && (el as HTMLImageElement).complete, await img.elementHandle());
  return img.evaluate((el) => ({ src: (el as HTMLImageElement).src, width: (el as HTMLImageElement).naturalWidth }));
}

test('实名入会: errors under their fields go once edited; the union is asked for with 请选择; a name already given is filled in', async () => {
  // Someone the union invited by name (an invitation's grant carries it) opens the form: the name is there.
  await callOk(env.cloud.baseUrl, 'demo-admin', 'roles.grant', {
    openid: 'e2e-form-invited',
    role: 'staff',
    scopeId: 'org-cz-wujin-g1',
    name: '顾海燕',
  });
  const { page, errors } = await newPhonePage(env.browser);
  for (const care of MODES) {
    await openInMode(page, env.cloud.baseUrl, `e2e-form-apply-${modeName(care)}`, '#/packages/membership/apply/index', care);
    await page.locator(tid('membership-apply-submit')).waitFor({ timeout: 45_000 });
    await page.locator(tid('membership-apply-submit')).click();
    await page.locator(fieldError('membership-apply-name')).waitFor();
    expect(await page.locator(fieldError('membership-apply-org')).innerText()).toBe('请选择所属工会');
    expect(await page.locator(tid('membership-apply-consent-error')).count()).toBe(1);
    await screenshot(page, `forms/apply-errors-${modeName(care)}`);

    // The name typed: its error goes at once, the others stay until their own fields are fixed.
    await page.locator(`${tid('membership-apply-name')} input`).fill('吕晓东');
    await page.locator(fieldError('membership-apply-name')).waitFor({ state: 'detached' });
    expect(await page.locator(fieldError('membership-apply-org')).count()).toBe(1);
    expect(await page.locator(fieldError('membership-apply-mobile')).innerText()).toContain('手机号');
    await page.locator(`${tid('membership-apply-mobile')} input`).fill('1390000');
    await page.locator(fieldError('membership-apply-mobile')).waitFor({ state: 'detached' });
    await page.locator(tid('membership-apply-consent-box')).click();
    await page.locator(tid('membership-apply-consent-error')).waitFor({ state: 'detached' });
    // A short mobile is refused on the phone.
    await page.locator(tid('membership-apply-submit')).click();
    expect(await page.locator(fieldError('membership-apply-mobile')).innerText()).toContain('手机号');
  }

  await openInMode(page, env.cloud.baseUrl, 'e2e-form-invited', '#/packages/membership/apply/index', false);
  await page.locator(tid('membership-apply-submit')).waitFor({ timeout: 45_000 });
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="membership-apply-name"] input') as HTMLInputElement | null)?.value === '顾海燕',
    undefined,
    { timeout: 15_000 },
  );
  await screenshot(page, 'forms/apply-name-filled-in');
  expect(errors).toEqual([]);
}, 240_000);

test('法律援助预约: 请选择 errors go once chosen, a call-back needs a phone number, the name and mobile are filled in, the photo shows', async () => {
  // A non-member who applied to join (the union knows the name) books a call-back.
  const applicant = 'e2e-form-la';
  await callOk(env.cloud.baseUrl, applicant, 'membership.apply', applyInput({ name: '褚明亮' }));
  const { page, errors } = await newPhonePage(env.browser);
  for (const care of MODES) {
    await openInMode(page, env.cloud.baseUrl, applicant, '#/packages/legal-aid/book/index?stationId=st-cz-wujin', care);
    await page.locator(tid('legal-aid-slot-open')).first().waitFor({ timeout: 45_000 });
    expect(await page.locator(tid('legal-aid-contact-name')).locator('input').inputValue()).toBe('褚明亮');
    // The mobile given when applying to join is filled in too (membership.myContact); cleared, it is asked for.
    const mobile = page.locator(`${tid('legal-aid-contact-mobile')} input`);
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="legal-aid-contact-mobile"] input') as HTMLInputElement | null)?.value ===
        '13812345678',
      undefined,
      { timeout: 15_000 },
    );
    await mobile.fill('');
    await page.locator(tid('legal-aid-submit')).click();
    expect(await page.locator(tid('legal-aid-type-error')).innerText()).toBe('请选择咨询类型');
    expect(await page.locator(tid('legal-aid-slot-error')).innerText()).toBe('请选择日期和时段');
    expect(await page.locator(tid('legal-aid-contact-mobile-error')).innerText()).toContain('手机号');
    await screenshot(page, `forms/legal-aid-errors-${modeName(care)}`);

    await page.locator(tid('legal-aid-type-wages')).click();
    await page.locator(tid('legal-aid-type-error')).waitFor({ state: 'detached' });
    expect(await page.locator(tid('legal-aid-slot-error')).count()).toBe(1);
    await page.locator(tid('legal-aid-slot-open')).first().click();
    await page.locator(tid('legal-aid-slot-error')).waitFor({ state: 'detached' });
    await page.locator(`${tid('legal-aid-contact-mobile')} input`).fill('1390000');
    await page.locator(tid('legal-aid-contact-mobile-error')).waitFor({ state: 'detached' });
    await page.locator(tid('legal-aid-way-callback')).click();
    await page
      .locator(`${tid('legal-aid-case')} textarea`)
      .fill('单位拖欠三个月加班费，想咨询如何申请劳动仲裁，需要准备哪些材料。');
    // Seven digits are no phone number: said under the field.
    await page.locator(tid('legal-aid-submit')).click();
    expect(await page.locator(tid('legal-aid-contact-mobile-error')).innerText()).toContain('手机号');
  }

  // The evidence photo shows as a picture.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(tid('legal-aid-evidence-add')).click()]);
  await chooser.setFiles({ name: 'overtime.png', mimeType: 'image/png', buffer: photo() });
  const picture = await shownPicture(page, tid('legal-aid-evidence-item'));
  expect(picture.src).not.toMatch(/overtime\.png$/);
  expect(picture.width).toBeGreaterThan(0);
  expect(await page.locator(tid('legal-aid-evidence-item')).first().innerText()).not.toContain('overtime');
  await page.locator(`${tid('legal-aid-contact-mobile')} input`).fill('13900001111');
  await page.locator(tid('legal-aid-evidence-item')).first().scrollIntoViewIfNeeded();
  await screenshot(page, 'forms/legal-aid-photo-care');
  expect(errors).toEqual([]);
}, 240_000);

test('疗休养 sign-up: 请选择 for a choice, the emergency contact needs a number, errors go once edited', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  await putMembers(store.db, [
    { openid: 'e2e-form-rec-standard', name: '严志刚', orgId: 'org-cz-wujin-g1', tags: ['frontline'] },
    { openid: 'e2e-form-rec-care', name: '华玉梅', orgId: 'org-cz-wujin-g1', tags: ['frontline'] },
  ]);
  const trip = await callOk(
    env.cloud.baseUrl,
    'demo-staff-city',
    'recuperation.save',
    tripInput({
      title: '一线职工疗休养·宜兴竹海（表单测试）',
      capacity: 10,
      formFields: [
        { key: 'emergency', label: '紧急联系人及电话', type: 'text', required: true, maxLength: 40 },
        { key: 'health', label: '身体状况', type: 'choice', required: true, options: ['良好', '有慢性病，已备药'] },
      ],
    }),
  );
  await callOk(env.cloud.baseUrl, 'demo-staff-city', 'recuperation.open', { activityId: trip._id });
  const { page, errors } = await newPhonePage(env.browser);
  for (const care of MODES) {
    const openid = `e2e-form-rec-${modeName(care)}`;
    await openInMode(page, env.cloud.baseUrl, openid, `#/packages/recuperation/signup/index?id=${trip._id}`, care);
    const submit = page.locator(`${tid('recuperation-signup-submit')}:visible`);
    await submit.waitFor({ timeout: 45_000 });
    await submit.click();
    expect(await page.locator(tid('recuperation-field-emergency-error')).innerText()).toBe('请填写「紧急联系人及电话」');
    expect(await page.locator(tid('recuperation-field-health-error')).innerText()).toBe('请选择「身体状况」');
    await screenshot(page, `forms/recuperation-errors-${modeName(care)}`);

    await page.locator(`${tid('recuperation-field-emergency')} input`).fill('丈夫 严伟');
    await page.locator(tid('recuperation-field-emergency-error')).waitFor({ state: 'detached' });
    expect(await page.locator(tid('recuperation-field-health-error')).count()).toBe(1);
    await page.locator(tid('recuperation-field-health-良好')).click();
    await page.locator(tid('recuperation-field-health-error')).waitFor({ state: 'detached' });
    await submit.click();
    expect(await page.locator(tid('recuperation-field-emergency-error')).innerText()).toBe(
      '请在「紧急联系人及电话」中填写手机号或固定电话',
    );
    await screenshot(page, `forms/recuperation-contact-${modeName(care)}`);
    await page.locator(`${tid('recuperation-field-emergency')} input`).fill('丈夫 严伟 139 0000 2222');
    await submit.click();
    // Signed up: the app opens the trip's page in place of the form.
    await page.locator(`${tid('recuperation-mine-status')}:visible`).waitFor({ timeout: 30_000 });
    const [stored] = await store.all<{ answers: Record<string, string> }>('enrollments', { openid, activityId: trip._id });
    expect(stored.answers).toEqual({ emergency: '丈夫 严伟 139 0000 2222', health: '良好' });
  }
  expect(errors).toEqual([]);
}, 240_000);

test('技能竞赛: the certificate photo shows as a picture, its error goes once it is uploaded', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  await openInMode(
    page,
    env.cloud.baseUrl,
    'demo-member-01',
    '#/packages/competitions/event/index?id=cmp-demo-electrician',
    true,
  );
  await page.locator(tid('competitions-accept')).waitFor({ timeout: 45_000 });
  await page.locator(tid('competitions-accept')).click();
  await page.locator(tid('competitions-submit')).waitFor({ timeout: 15_000 });
  await page.locator(`${tid('competitions-submit')}:visible`).click();
  expect(await page.locator(tid('competitions-cert-error')).innerText()).toBe('请选择职业技能等级');
  expect(await page.locator(tid('competitions-photo-error')).count()).toBe(1);
  await page.locator(tid('competitions-cert-senior')).click();
  await page.locator(tid('competitions-cert-error')).waitFor({ state: 'detached' });
  const chooser = page.waitForEvent('filechooser');
  await page.locator(`${tid('competitions-photo')}:visible`).click();
  await (await chooser).setFiles(path.join(ROOT, 'src/assets/tabbar/me.png'));
  await page.locator(tid('competitions-photo'), { hasText: '已上传' }).waitFor({ timeout: 15_000 });
  expect(await page.locator(tid('competitions-photo-error')).count()).toBe(0);
  const picture = await shownPicture(page, `${tid('competitions-photo')}:visible`);
  expect(picture.src).not.toMatch(/me\.png$/);
  expect(picture.width).toBeGreaterThan(0);
  await screenshot(page, 'forms/competitions-photo-care');
  expect(errors).toEqual([]);
}, 240_000);
