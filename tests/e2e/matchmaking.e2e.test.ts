/**
 * 单身联谊 in Chromium against the H5 build: a member fills in her 交友资料, two members sign up, staff check one
 * in by her card code, after the start they pick each other (each sees only the other sex to pick, and a photo
 * where its owner shows it) and each sees — and copies with one tap — the other's contact in 我的互选; a third
 * who picked one of them sees nothing of either contact. Then the staff screens and the confirmation queue.
 * Elements are found by test id (`tid`) or visible text only.
 */
import type { Browser, Page } from 'playwright-core';
import { callOk, storeReader } from '../support/api';
import { eventInput, profileInput, startEventNow, uploadAs } from '../support/matchmaking';
import { putMembers } from '../support/trips';
import { openAs, screenshot, tid, useAppAndBrowser, visibleText } from './browser';

const env = useAppAndBrowser();
const A = 'e2e-mm-a';
const B = 'e2e-mm-b';
const C = 'e2e-mm-c';
const D = 'e2e-mm-d';
const CONTACT_A = 'annie_e2e_01';
const CONTACT_B = 'bowen_e2e_02';

const go = (page: Page, openid: string, hash: string) => openAs(page, env.cloud.baseUrl, openid, hash);

/**
 * A phone in China (dates are shown in China time whatever the phone's zone: tests/unit/app/china-time.test.ts), with
 * the clipboard readable (the copied contact is checked), console errors collected.
 */
async function newPhonePage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

test('two members sign up, check in, pick each other and see each other’s contact; a third sees nothing', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  await putMembers(store.db, [
    { openid: A, name: '林安妮', gender: 'F', birthYear: 1995 },
    { openid: B, name: '赵博文', gender: 'M', birthYear: 1993 },
    { openid: C, name: '钱程', gender: 'M', birthYear: 1994 },
    { openid: D, name: '丁蕾', gender: 'F', birthYear: 1996 },
  ]);
  // 博文 shows his photo to fellow participants; 程程 keeps his for matches (an initial is shown instead).
  const photoB = await uploadAs(env.cloud.baseUrl, B, 'me.png');
  const photoC = await uploadAs(env.cloud.baseUrl, C, 'me.png');
  await callOk(
    env.cloud.baseUrl,
    B,
    'matchmaking.saveProfile',
    profileInput({ nickname: '博文', photos: [photoB], contact: { kind: 'wechat', value: CONTACT_B } }),
  );
  await callOk(
    env.cloud.baseUrl,
    C,
    'matchmaking.saveProfile',
    profileInput({
      nickname: '程程',
      photos: [photoC],
      contact: { kind: 'wechat', value: 'cheng_e2e_03' },
      visibility: { ...profileInput().visibility, photos: 'matches' },
    }),
  );
  await callOk(env.cloud.baseUrl, D, 'matchmaking.saveProfile', profileInput({ nickname: '蕾蕾' }));
  const event = await callOk(
    env.cloud.baseUrl,
    'demo-staff-city',
    'matchmaking.save',
    eventInput({ title: '青年职工交友联谊会（测试场）' }),
  );
  await callOk(env.cloud.baseUrl, 'demo-staff-city', 'matchmaking.open', { activityId: event._id });
  const { page, errors } = await newPhonePage(env.browser);

  // 1. 安妮 fills in her profile: a missing contact is pointed out, then saved.
  await go(page, A, '#/packages/matchmaking/list/index');
  await page.locator(tid('matchmaking-event'), { hasText: '测试场' }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'matchmaking-home');
  await page.locator(tid('matchmaking-to-profile')).click();
  await page
    .locator(tid('matchmaking-profile-save'))
    .waitFor({ timeout: 30_000 })
    .catch(async (e: unknown) => {
      await screenshot(page, 'matchmaking-debug');
      throw new Error(`${String(e)}\nURL ${page.url()}\nshown: ${await visibleText(page)}`);
    });
  await page.locator(`${tid('matchmaking-profile-nickname')} input`).fill('安妮');
  await page.locator(`${tid('matchmaking-profile-height')} input`).fill('165');
  await page.locator(`${tid('matchmaking-profile-city')} input`).fill('常州市天宁区');
  await page.locator(`${tid('matchmaking-profile-occupation')} input`).fill('护士');
  await page.locator(tid('matchmaking-profile-single')).click();
  await page.locator(tid('matchmaking-profile-save')).click();
  expect(await page.locator(tid('matchmaking-profile-contact-error')).innerText()).toContain('请填写微信号');
  await page.locator(`${tid('matchmaking-profile-contact-value')} input`).fill(CONTACT_A);
  // The error goes as soon as the field is edited.
  expect(await page.locator(tid('matchmaking-profile-contact-error')).count()).toBe(0);
  await page.locator(tid('matchmaking-edit-vis-occupation-nobody')).click();
  await screenshot(page, 'matchmaking-profile');
  await page.locator(tid('matchmaking-profile-save')).click();
  await page.locator(tid('matchmaking-single-status'), { hasText: '本人声明单身' }).waitFor({ timeout: 15_000 });
  const stored = await store.byId<{ nickname: string; visibility: Record<string, string> }>('matchmaking_profiles', A);
  expect(stored).toMatchObject({ nickname: '安妮', visibility: { occupation: 'nobody' } });
  expect(JSON.stringify(stored)).not.toContain(CONTACT_A);

  // 2. 安妮 and 博文 sign up (a dialog with the follow-up consent); 程程 too.
  for (const who of [A, B]) {
    await go(page, who, `#/packages/matchmaking/detail/index?id=${event._id}`);
    await page.locator(`${tid('matchmaking-signup')}:visible`).waitFor({ timeout: 20_000 });
    if (who === A) await screenshot(page, 'matchmaking-detail');
    await page.locator(`${tid('matchmaking-signup')}:visible`).click();
    await page.locator(`${tid('matchmaking-signup-dialog')} ${tid('dialog-ok')}`).click();
    await page.locator(tid('matchmaking-mine-status'), { hasText: '报名成功' }).waitFor({ timeout: 15_000 });
  }
  for (const who of [C, D])
    await callOk(env.cloud.baseUrl, who, 'matchmaking.signUp', { activityId: event._id, followUp: false });

  // 3. The day comes: staff check 安妮 in by her card code; 博文, 程程 and 蕾蕾 are checked in too.
  await startEventNow(store, event._id);
  const { token } = await callOk(env.cloud.baseUrl, A, 'card.token', {});
  await go(page, 'demo-staff-city', `#/packages/matchmaking/staff/roster/index?id=${event._id}`);
  await page.locator(`${tid('matchmaking-checkin-token')} input`).waitFor({ timeout: 20_000 });
  await page.locator(`${tid('matchmaking-checkin-token')} input`).fill(token);
  await page.locator(tid('matchmaking-checkin-submit')).click();
  await page.locator(tid('matchmaking-checkin-result'), { hasText: '林安妮' }).waitFor({ timeout: 15_000 });
  expect(await page.locator(tid('matchmaking-checkin-result')).innerText()).toContain('签到成功');
  await screenshot(page, 'matchmaking-staff-roster');
  for (const who of [B, C, D]) {
    const t = await callOk(env.cloud.baseUrl, who, 'card.token', {});
    await callOk(env.cloud.baseUrl, 'demo-staff-city', 'enrollment.checkIn', { activityId: event._id, token: t.token });
  }

  // 4. 安妮 picks 博文 (he is not told); 程程 picks 安妮 (one-sided). The event is 异性之间互选: she sees the two men
  //    to pick (博文's photo, 程程's initial: he shows his photo to matches only), not 蕾蕾.
  await go(page, A, `#/packages/matchmaking/detail/index?id=${event._id}`);
  await page.locator(`${tid('matchmaking-to-participants')}:visible`).click();
  const bowen = page.locator(tid('matchmaking-participant'), { hasText: '博文' });
  await bowen.waitFor({ timeout: 20_000 });
  expect(await visibleText(page)).not.toContain(CONTACT_B);
  expect(await visibleText(page)).toContain('异性之间互选');
  expect(await page.locator(`${tid('matchmaking-participant')}:visible`).count()).toBe(2);
  expect(await visibleText(page)).not.toContain('蕾蕾');
  // His photo is there and loads (a short-lived link).
  const bowenPhoto = await bowen.locator(`${tid('matchmaking-person-photo')} img`).elementHandle({ timeout: 15_000 });
  await page.waitForFunction(
    (img) => !!img && (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    bowenPhoto,
    {
      timeout: 15_000,
    },
  );
  const cheng = page.locator(tid('matchmaking-participant'), { hasText: '程程' });
  expect(await cheng.locator(tid('matchmaking-person-photo')).getAttribute('data-photo')).toBe('no');
  await bowen.locator(tid('matchmaking-pick')).click();
  await screenshot(page, 'matchmaking-participants');
  await page.locator(tid('matchmaking-submit-picks')).click();
  await page.locator(`${tid('matchmaking-picks-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(tid('matchmaking-submit-picks'), { hasText: '已选 1/3' }).waitFor({ timeout: 15_000 });
  const pidA = (await store.byId<{ extra: { participantId: string } }>('enrollments', `${event._id}_${A}`))!.extra.participantId;
  await callOk(env.cloud.baseUrl, C, 'matchmaking.pick', { activityId: event._id, participantIds: [pidA] });

  // 5. 博文 picks 安妮: a match, with her contact at once.
  await go(page, B, `#/packages/matchmaking/participants/index?id=${event._id}`);
  const annie = page.locator(tid('matchmaking-participant'), { hasText: '安妮' });
  await annie.waitFor({ timeout: 20_000 });
  expect(await annie.innerText()).not.toContain('护士'); // her occupation is shown to nobody
  await annie.locator(tid('matchmaking-pick')).click();
  await page.locator(tid('matchmaking-submit-picks')).click();
  await page.locator(`${tid('matchmaking-picks-dialog')} ${tid('dialog-ok')}`).click();
  await page
    .locator(`${tid('matchmaking-matched-dialog')} ${tid('matchmaking-contact')}`, { hasText: CONTACT_A })
    .waitFor({ timeout: 15_000 });
  await screenshot(page, 'matchmaking-matched');

  // 6. Each sees the other's contact in 我的互选.
  await go(page, A, '#/packages/matchmaking/matches/index');
  await page.locator(tid('matchmaking-match'), { hasText: '博文' }).waitFor({ timeout: 20_000 });
  expect(await page.locator(`${tid('matchmaking-match')} ${tid('matchmaking-contact')}`).innerText()).toContain(CONTACT_B);
  await screenshot(page, 'matchmaking-matches');
  // One tap copies his contact.
  await page.locator(`${tid('matchmaking-match')} ${tid('matchmaking-copy-contact')}`).click();
  await page.waitForFunction(async (v) => (await navigator.clipboard.readText()) === v, CONTACT_B, { timeout: 10_000 });
  await go(page, B, '#/packages/matchmaking/matches/index');
  await page
    .locator(`${tid('matchmaking-match')} ${tid('matchmaking-contact')}`, { hasText: CONTACT_A })
    .waitFor({ timeout: 20_000 });

  // 7. 程程, who picked 安妮, sees nothing of either contact anywhere.
  await go(page, C, '#/packages/matchmaking/matches/index');
  await page.locator(`${tid('matchmaking-matches')} ${tid('state-empty')}`).waitFor({ timeout: 20_000 });
  expect(await visibleText(page)).not.toMatch(new RegExp(`${CONTACT_A}|${CONTACT_B}`));
  await screenshot(page, 'matchmaking-no-match');
  await go(page, C, `#/packages/matchmaking/participants/index?id=${event._id}`);
  await page.locator(tid('matchmaking-participant'), { hasText: '安妮' }).waitFor({ timeout: 20_000 });
  expect(await visibleText(page)).not.toMatch(new RegExp(`${CONTACT_A}|${CONTACT_B}`));
  expect(await store.count('matchmaking_pairs', { activityId: event._id, mutual: true })).toBe(1);

  // 8. 程程 opens 安妮's profile: 屏蔽 and 举报 are there, each asks first (cancelled here).
  await page.locator(tid('matchmaking-participant'), { hasText: '安妮' }).locator(tid('matchmaking-person-name')).click();
  const report = page.locator(`${tid('matchmaking-person-page')} ${tid('matchmaking-report')}`);
  await report.waitFor({ timeout: 15_000 });
  await report.click();
  await page.locator(tid('matchmaking-report-dialog')).waitFor({ timeout: 5_000 });
  await screenshot(page, 'matchmaking-report');
  await page.locator(`${tid('matchmaking-report-dialog')} ${tid('dialog-cancel')}`).click();
  expect(await store.count('matchmaking_reports', { activityId: event._id })).toBe(0);
  expect(errors).toEqual([]);
}, 240_000);

test('staff screens: events, the editor, and the single-status confirmation queue of 武进区', async () => {
  const { page, errors } = await newPhonePage(env.browser);
  await go(page, 'demo-staff-city', '#/pages/services/index');
  const tile = page.locator(`${tid('services-workbench')} ${tid('tile-socialEvents')}`);
  await tile.waitFor({ timeout: 20_000 });
  expect(await page.locator(tid('tile-social'), { hasText: '即将开放' }).count()).toBe(0);
  await tile.click();
  await page.locator(tid('matchmaking-staff-event')).first().waitFor({ timeout: 20_000 });
  await screenshot(page, 'matchmaking-staff-events');
  await page.locator(tid('matchmaking-new-event')).click();
  await page.locator(tid('matchmaking-edit-save')).waitFor({ timeout: 15_000 });
  await page.locator(tid('matchmaking-edit-save')).click();
  expect(await page.locator(tid('matchmaking-edit-title-error')).innerText()).toContain('标题至少4个字');
  await page.locator(`${tid('matchmaking-edit-title')} input`).fill('溧阳天目湖单身职工踏青联谊');
  await page.locator(`${tid('matchmaking-edit-place')} input`).fill('溧阳市天目湖旅游度假区');
  await page
    .locator(`${tid('matchmaking-edit-description')} textarea`)
    .fill('春日踏青，环湖徒步与分组交流，面向溧阳市单身职工。');
  await screenshot(page, 'matchmaking-staff-edit');
  await page.locator(tid('matchmaking-edit-save')).click();
  await page.locator(`${tid('matchmaking-act-open')}:visible`).waitFor({ timeout: 20_000 });
  const store = storeReader(env.cloud.serviceUrl);
  const saved = await store.all<{ status: string; quotas: Array<{ group: string; seats: number }> }>('activities', {
    title: '溧阳天目湖单身职工踏青联谊',
  });
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    status: 'draft',
    quotas: [
      { group: 'gender:M', seats: 20 },
      { group: 'gender:F', seats: 20 },
    ],
  });

  // The demo's last event: its open report, for the organiser.
  await go(page, 'demo-staff-city', '#/packages/matchmaking/staff/roster/index?id=mm-demo-autumn');
  await page.locator(tid('matchmaking-report-item'), { hasText: '严浩然' }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'matchmaking-staff-reports');

  // 武进区's staffer confirms 马晓玲 (the demo's request): her name and union only, never her profile.
  await go(page, 'demo-staff-wujin', '#/packages/matchmaking/staff/confirmations/index');
  const item = page.locator(tid('matchmaking-confirm-item'), { hasText: '马晓玲' });
  await item.waitFor({ timeout: 20_000 });
  expect(await visibleText(page)).not.toMatch(/晓玲讲解|景区讲解员|xiaoling_guide/);
  await screenshot(page, 'matchmaking-confirmations');
  await item.locator(tid('matchmaking-confirm-yes')).click();
  await page.locator(`${tid('matchmaking-confirm-dialog')} ${tid('dialog-ok')}`).click();
  await page.locator(`${tid('matchmaking-confirmations')} ${tid('state-empty')}`).waitFor({ timeout: 15_000 });
  expect(await store.byId('matchmaking_profiles', 'demo-mm-f4')).toMatchObject({ single: { status: 'confirmed' } });
  expect(errors).toEqual([]);
}, 180_000);
