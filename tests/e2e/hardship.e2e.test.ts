/**
 * 困难帮扶 end to end in Chromium against the H5 build: a member applies for the family with a photo of a
 * hospital bill → the 基层工会 (湖塘精机) records the home visit → 武进区总工会 decides and opens the file →
 * the district publishes the 公示 (a neighbour sees the name masked) → it ends and is made final → the district
 * records help money → the member sees each step, the file and the help → the same family applies for 金秋助学
 * for the daughter admitted to high school, the page taking the eligibility from the 困难职工档案 just opened (no
 * income asked) → 湖塘精机 checks it, 武进区总工会 approves it → the member sees the outcome on 金秋助学 and in
 * 我的申请. Checked on screen and in what the local cloud stored.
 */
import type { Page } from 'playwright-core';
import { storeReader } from '../support/api';
import { newPhonePage, openAs, screenshot, tid, useAppAndBrowser } from './browser';
import { photo } from './photo';

const env = useAppAndBrowser();
const MEMBER = 'demo-member-01';
const GRASSROOTS = 'demo-staff-huatang';
const DISTRICT = 'demo-staff-wujin';
/** 周国强, a member of 湖塘精机 in the same district (cloudfunctions/api/fixtures/hardship/demo.ts). */
const NEIGHBOUR = 'demo-hardship-01';
/** 李思雨, the daughter on the hardship application, admitted to high school this year (a fictional number). */
const CHILD_ID = '320412201103060421';

const fill = (page: Page, id: string, value: string, control = 'input') => page.locator(`${tid(id)} ${control}`).fill(value);

test('a member applies with a bill, the 基层工会 visits, the district decides and records help, the member follows it; the family then applies for 金秋助学', async () => {
  const store = storeReader(env.cloud.serviceUrl);
  const { page, errors } = await newPhonePage(env.browser);

  // The member: the standard is explained before the form; household, income, cause, story, a photo, consent.
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/hardship/mine/index');
  await page.locator(tid('hardship-apply')).first().click();
  await page.locator(tid('hardship-standard')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('hardship-standard')).innerText()).toContain('1500');
  // The member's name is filled in from the session.
  await page.waitForFunction(
    (sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '陈晓燕',
    `${tid('hardship-member-0-name')} input`,
  );
  await fill(page, 'hardship-member-0-age', '34');
  await fill(page, 'hardship-member-0-income', '2800');
  await page.locator(tid('hardship-member-add')).click();
  await fill(page, 'hardship-member-1-relation', '子女');
  await fill(page, 'hardship-member-1-name', '李思雨');
  await fill(page, 'hardship-member-1-age', '15');
  await fill(page, 'hardship-income', '2800');
  await fill(page, 'hardship-expenses', '1200');
  await page.locator(tid('hardship-per-head')).waitFor();
  expect(await page.locator(tid('hardship-per-head')).innerText()).toContain('800');
  await page.locator(tid('hardship-cause-illness')).click();
  await fill(page, 'hardship-story', '女儿患白血病在市儿童医院化疗，每月自付药费约1200元。', 'textarea');
  await fill(page, 'hardship-ask', '医疗救助');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(tid('hardship-photo-add')).click()]);
  await chooser.setFiles({ name: 'bill.png', mimeType: 'image/png', buffer: photo() });
  await page.locator(tid('hardship-photo-item')).waitFor({ timeout: 45_000 });
  // Without the consent nothing is sent: the message says what to do, under the box.
  await page.locator(tid('hardship-submit')).click();
  await page.getByText('请阅读并同意《敏感个人信息处理说明》').waitFor({ timeout: 45_000 });
  expect(await store.count('hardship_cases', { openid: MEMBER })).toBe(0);
  await page.locator(tid('hardship-consent')).click();
  await screenshot(page, 'hardship-apply');
  await page.locator(tid('hardship-submit')).click();
  await page.locator(tid('hardship-case')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('hardship-case')).innerText()).toContain('待入户调查');
  await screenshot(page, 'hardship-submitted');

  const [stored] = await store.all<{ _id: string; evidenceIds: string[]; incomePerHead: number; household: unknown[] }>(
    'hardship_cases',
    { openid: MEMBER },
  );
  expect(stored).toMatchObject({ incomePerHead: 800, household: [expect.anything(), expect.anything()] });
  expect(stored.evidenceIds).toHaveLength(1);
  expect(stored.evidenceIds[0]).toContain(`/uploads/${MEMBER}/`);

  // The 基层工会 opens the case (the bill shows), records the visit; it cannot decide.
  await openAs(page, env.cloud.baseUrl, GRASSROOTS, `#/packages/hardship/case/index?id=${stored._id}`);
  await page.locator(tid('hardship-evidence')).waitFor({ timeout: 45_000 });
  await fill(page, 'hardship-visit-visitors', '湖塘精机工会 张敏');
  await fill(page, 'hardship-visit-findings', '女儿住院化疗属实，家庭收入与申报一致。', 'textarea');
  await page.locator(tid('hardship-visit-save')).click();
  await page.locator(tid('hardship-decide-approve')).waitFor({ timeout: 45_000 });
  await page.locator(tid('hardship-decide-level-sudden')).click();
  await page.locator(tid('hardship-decide-civil-none')).click();
  await page.locator(tid('hardship-decide-approve')).click();
  await page.getByText('困难职工认定由区（县）总工会办理').waitFor({ timeout: 45_000 });
  expect(await store.byId('hardship_cases', stored._id)).toMatchObject({ status: 'visited' });

  // The district union decides.
  await openAs(page, env.cloud.baseUrl, DISTRICT, '#/packages/hardship/staff/index');
  await page.locator(tid('hardship-tab-visited')).click();
  await page.locator(tid('hardship-queue-item'), { hasText: '陈晓燕' }).click();
  await page.locator(tid('hardship-visit')).waitFor({ timeout: 45_000 });
  await page.locator(tid('hardship-decide-level-sudden')).click();
  await page.locator(tid('hardship-decide-civil-none')).click();
  await fill(page, 'hardship-decide-note', '因病致困情况属实');
  await screenshot(page, 'hardship-decide');
  await page.locator(tid('hardship-decide-approve')).click();
  await page.locator(tid('hardship-case-status'), { hasText: '已建档' }).waitFor({ timeout: 45_000 });
  expect(await store.byId('hardship_files', MEMBER)).toMatchObject({ status: 'active', level: 'sudden' });

  // 公示 before help money: the district publishes the newly 认定 family from the files tab, which 工作台's
  // 档案复核 tile opens.
  await openAs(page, env.cloud.baseUrl, DISTRICT, '#/pages/services/index');
  await page.locator(tid('tile-hardshipRecheck')).click();
  await page.locator(tid('hardship-publish-open')).click();
  await page.locator(tid(`hardship-publish-file-${MEMBER}`)).click();
  await fill(page, 'hardship-publish-help', '大病医疗救助 3000元');
  await screenshot(page, 'hardship/publish');
  await page.locator(tid('hardship-publish-save')).click();
  await page.locator(tid('hardship-pub-title')).waitFor({ timeout: 45_000 });
  const published = await store.all<{ _id: string; status: string; rows: Array<{ enrollmentId: string }> }>(
    'hardship_publicity',
    {
      status: 'publicity',
    },
  );
  const pub = published.find((p) => p.rows.some((r) => r.enrollmentId === MEMBER));
  expect(pub).toBeDefined();
  expect(await store.byId('hardship_files', MEMBER)).toMatchObject({ publicityId: pub!._id });

  // A member of the district sees the family masked, and may object to it (not to their own).
  await openAs(page, env.cloud.baseUrl, NEIGHBOUR, `#/packages/hardship/publicity/index?id=${pub!._id}`);
  await page.locator(tid('hardship-pub-row')).first().waitFor({ timeout: 45_000 });
  const listed = (await page.locator(tid('hardship-pub-row')).allInnerTexts()).join('\n');
  expect(listed).toContain('陈*燕');
  expect(listed).not.toContain('陈晓燕');
  expect(await page.locator(tid('hardship-object')).count()).toBe(1);
  await screenshot(page, 'hardship/publicity');

  // Before the 公示 ends no money may be recorded. It ends (its end moved into the past rather than waiting five
  // days) with no objection, and the district makes it final.
  await store.db
    .collection('hardship_publicity')
    .doc(pub!._id)
    .update({ data: { until: new Date(Date.now() - 5 * 60_000) } });
  await openAs(page, env.cloud.baseUrl, DISTRICT, `#/packages/hardship/publicity/index?id=${pub!._id}`);
  await page.locator(tid('hardship-pub-finalize')).click();
  await page.locator(tid('hardship-pub-until'), { hasText: '公示期已结束' }).waitFor({ timeout: 45_000 });
  expect(await store.byId('hardship_publicity', pub!._id)).toMatchObject({ status: 'final', openObjections: 0 });
  await screenshot(page, 'hardship/publicity-final');

  // Help recorded on the file.
  await openAs(page, env.cloud.baseUrl, DISTRICT, '#/packages/hardship/staff/index');
  await page.locator(tid('hardship-tab-files')).click();
  const card = page.locator(tid('hardship-file-card'), { hasText: '陈晓燕' });
  await card.locator(tid('hardship-help-open')).click();
  await fill(page, 'hardship-help-amount', '3000');
  await fill(page, 'hardship-help-note', '大病医疗救助');
  await page.locator(tid('hardship-help-save')).click();
  await card.getByText('资金 3000 元').waitFor({ timeout: 45_000 });
  expect(await store.count('hardship_help', { openid: MEMBER })).toBe(1);

  // The member sees the file, the help and every step.
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/hardship/mine/index');
  await page.locator(tid('hardship-file')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('hardship-file')).innerText()).toContain('意外致困');
  expect(await page.locator(tid('hardship-help')).first().innerText()).toContain('3000');
  expect(await page.locator(tid('hardship-step')).allInnerTexts()).toEqual([
    expect.stringContaining('已提交申请'),
    expect.stringContaining('已入户调查'),
    expect.stringContaining('已认定为困难职工'),
  ]);
  await screenshot(page, 'hardship-member-file');

  // 金秋助学 by the same family. The window is 武进区总工会's of this school year, open in the demo data
  // (fixtures/studentAid/demo.ts: from 14 days ago to 21 days ahead); the member sees it with its amounts.
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/student-aid/mine/index');
  await page.locator(tid('student-aid-window')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('student-aid-window')).innerText()).toContain('1000 元');
  expect(await store.count('student_aid_applications', { openid: MEMBER })).toBe(0);
  await page.locator(tid('student-aid-apply')).click();
  // The eligibility comes from the family's 困难职工档案 (意外致困, opened above): no income asked.
  await page.locator(tid('student-aid-file-basis')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('student-aid-file-basis')).innerText()).toContain('困难职工档案中（意外致困）');
  expect(await page.locator(tid('student-aid-household-size')).count()).toBe(0);
  await screenshot(page, 'hardship/student-aid-form');
  await fill(page, 'student-aid-child-name', '李思雨');
  await fill(page, 'student-aid-child-id', CHILD_ID);
  await page.locator(tid('student-aid-level-highSchool')).click();
  await fill(page, 'student-aid-school', '常州市第一中学');
  await fill(page, 'student-aid-tuition', '2600');
  for (const [id, name] of [
    ['student-aid-letter', 'admission-letter.png'],
    ['student-aid-receipt', 'tuition-receipt.png'],
  ]) {
    const [proof] = await Promise.all([page.waitForEvent('filechooser'), page.locator(tid(`${id}-add`)).click()]);
    await proof.setFiles({ name, mimeType: 'image/png', buffer: photo() });
    await page.locator(tid(`${id}-item`)).waitFor({ timeout: 45_000 });
  }
  await page.locator(tid('student-aid-consent')).click();
  await screenshot(page, 'hardship/student-aid-apply');
  await page.locator(tid('student-aid-submit')).click();
  await page.locator(tid('student-aid-application')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('student-aid-status')).first().innerText()).toContain('待基层工会审核');
  expect(await page.locator(tid('student-aid-basis')).first().innerText()).toBe('困难职工档案（意外致困）');
  await screenshot(page, 'hardship/student-aid-submitted');
  const [aid] = await store.all<{ _id: string; basis: unknown; childIdMasked: string }>('student_aid_applications', {
    openid: MEMBER,
  });
  expect(aid).toMatchObject({ basis: { kind: 'file', levelText: '意外致困' }, childIdMasked: '3204**********0421' });
  expect(JSON.stringify(aid)).not.toContain(CHILD_ID);

  // 湖塘精机 checks it (the basis shows), then 武进区总工会 approves the 高中 amount.
  await openAs(page, env.cloud.baseUrl, GRASSROOTS, '#/packages/student-aid/staff/index');
  await page.locator(tid('student-aid-queue-item'), { hasText: '陈晓燕' }).click();
  await page.locator(tid('student-aid-case-basis')).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('student-aid-case-basis')).innerText()).toBe('困难职工档案（意外致困）');
  expect(await page.locator(tid('student-aid-case-id')).innerText()).toContain(CHILD_ID);
  await page.locator(tid('student-aid-pass')).click();
  await page.locator(tid('student-aid-case-status'), { hasText: '待区总工会审定' }).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('student-aid-approve')).count()).toBe(0);
  await screenshot(page, 'hardship/student-aid-checked');
  expect(await store.byId('student_aid_applications', aid._id)).toMatchObject({ status: 'checked', checkedBy: GRASSROOTS });

  await openAs(page, env.cloud.baseUrl, DISTRICT, '#/packages/student-aid/staff/index');
  await page.locator(tid('student-aid-tab-checked')).click();
  await page.locator(tid('student-aid-queue-item'), { hasText: '陈晓燕' }).click();
  await page.locator(tid('student-aid-approve')).waitFor({ timeout: 45_000 });
  await screenshot(page, 'hardship/student-aid-decide');
  await page.locator(tid('student-aid-approve')).click();
  await page.locator(tid('student-aid-case-status'), { hasText: '已批准' }).waitFor({ timeout: 45_000 });
  expect(await store.byId('student_aid_applications', aid._id)).toMatchObject({
    status: 'approved',
    amount: 1000,
    decidedBy: DISTRICT,
  });

  // The member sees the outcome on 金秋助学 and in 我的申请.
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/packages/student-aid/mine/index');
  await page.locator(tid('student-aid-status'), { hasText: '已批准' }).waitFor({ timeout: 45_000 });
  expect(await page.locator(tid('student-aid-step')).allInnerTexts()).toEqual([
    expect.stringContaining('已提交申请'),
    expect.stringContaining('已审核通过'),
    expect.stringContaining('已批准资助 1000 元'),
  ]);
  await screenshot(page, 'hardship/student-aid-approved');
  await openAs(page, env.cloud.baseUrl, MEMBER, '#/pages/me/index');
  const approvedEntry = page.locator(tid('me-timeline-item'), { hasText: '金秋助学已批准，资助 1000 元' });
  await approvedEntry.waitFor({ timeout: 45_000 });
  await approvedEntry.scrollIntoViewIfNeeded();
  await screenshot(page, 'hardship/student-aid-timeline');
  expect(errors).toEqual([]);
}, 240_000); // the hardship chain, then 金秋助学: some forty screens on a loaded machine
