/**
 * 职工建言 end to end in Chromium against the H5 build: a member reports a hazard with a photo, anonymous to the
 * employer → the 基层工会 (湖塘) accepts it, reads the text the employer will get (no name) before forwarding it,
 * and replies → the member sees the reply and every step. Checked on screen and in what the local cloud stored.
 */
import type { Page } from 'playwright-core';
import { storeReader } from '../support/api';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser } from './browser';
import { photo } from './photo';

const env = useAppAndBrowser();
const MEMBER = 'demo-member-01';
const GRASSROOTS = 'demo-staff-huatang';

const fill = (page: Page, id: string, value: string, control = 'input') => page.locator(`${tid(id)} ${control}`).fill(value);

test('a member reports a hazard with a photo, the union accepts, forwards and replies, the member sees the reply', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  const { page, errors } = await newPhonePage(env.browser);

  // The member: a photo, the place, what is wrong, how urgent; anonymous to the employer by default.
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/voice/mine/index');
  await page.locator(tid('voice-new-hazard')).click();
  await page.locator(tid('voice-place')).waitFor({ timeout: 45_000 });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(tid('voice-photo-add')).click()]);
  await chooser.setFiles({ name: 'hazard.png', mimeType: 'image/png', buffer: photo() });
  await page.locator(tid('voice-photo-item')).waitFor({ timeout: 45_000 });
  await fill(page, 'voice-place', '三号车间冲压线东侧消防通道');
  await fill(page, 'voice-description', '消防通道被成品堆放占用，发生火情无法疏散。', 'textarea');
  // Without an urgency nothing is sent: the message says what to do, under the choices.
  await page.locator(tid('voice-submit')).click();
  await page.getByText('请选择紧急程度').waitFor({ timeout: 45_000 });
  expect(await store.count('voice_reports', { openid: MEMBER })).toBe(0);
  await page.locator(tid('voice-urgency-critical')).click();
  await screenshot(page, 'voice/report');
  await page.locator(tid('voice-submit')).click();
  await page.locator(tid('voice-status'), { hasText: '待受理' }).waitFor({ timeout: 45_000 });

  const [stored] = await store.all<{ _id: string; anonymous: boolean; hazard: { photoIds: string[] }; orgId: string }>(
    'voice_reports',
    { openid: MEMBER },
  );
  expect(stored.anonymous).toBe(true);
  expect(stored.hazard.photoIds).toHaveLength(1);
  expect(stored.hazard.photoIds[0]).toContain(`/uploads/${MEMBER}/`);

  // The 基层工会: the queue shows no name; the detail shows who (audited) and the photo.
  await openAs(page, env.cloud.baseUrl, GRASSROOTS, '#/packages/voice/staff/index');
  const item = page.locator(tid('voice-queue-item'), { hasText: '消防通道被成品堆放占用' });
  await item.waitFor({ timeout: 45_000 });
  expect(await item.innerText()).not.toContain('陈晓燕');
  await item.click();
  await page.locator(tid('voice-reporter')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('voice-reporter')).innerText()).toContain('陈晓燕');
  await page.locator(tid('voice-photo')).waitFor({ timeout: 45_000 });
  await page.locator(tid('voice-accept')).click();
  await page.locator(tid('voice-status'), { hasText: '已受理' }).waitFor({ timeout: 45_000 });

  // Forward: the text the employer will get is shown before confirming, without the member's name.
  await fill(page, 'voice-forward-to', '安全环保部');
  await page.locator(tid('voice-forward')).click();
  const preview = page.locator(tid('voice-forward-preview'));
  await preview.waitFor({ timeout: 45_000 });
  expect(await preview.innerText()).toContain('职工匿名反映');
  expect(await preview.innerText()).not.toContain('陈晓燕');
  await screenshot(page, 'voice/forward-preview');
  await page.locator(`${tid('voice-forward-confirm')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('voice-status'), { hasText: '已转交单位' }).waitFor({ timeout: 45_000 });

  await fill(page, 'voice-reply-text', '单位已清理通道并加装警示标识，感谢您的反映。', 'textarea');
  await page.locator(tid('voice-reply')).click();
  await page.locator(tid('voice-status'), { hasText: '已答复' }).waitFor({ timeout: 45_000 });
  const after = await store.byId<{ forwards: Array<{ to: string; text: string }>; status: string }>('voice_reports', stored._id);
  expect(after?.status).toBe('replied');
  expect(after?.forwards).toEqual([expect.objectContaining({ to: '安全环保部' })]);
  expect(after?.forwards[0].text).not.toContain('陈晓燕');

  // The member sees the reply and each step.
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/voice/mine/index');
  await page.locator(tid('voice-item'), { hasText: '已答复' }).first().click();
  await page.locator(tid('voice-reply-item')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('voice-reply-item')).innerText()).toContain('单位已清理通道并加装警示标识');
  expect(await page.locator(tid('voice-step')).allInnerTexts()).toEqual([
    expect.stringContaining('已提交'),
    expect.stringContaining('已受理'),
    expect.stringContaining('工会已转交安全环保部处理'),
    expect.stringContaining('工会答复'),
  ]);
  expect(await page.locator(tid('voice-reporter')).count()).toBe(0);
  await screenshot(page, 'voice/member-reply');
  expect(errors).toEqual([]);
});
