/**
 * 关怀模式 on the screens issue 21 changed, at 390 px, in Chromium against the H5 build: 消息与待办 with items, the
 * team-invitation page, the card with its 核验码, the counter with a member checked, 优惠 searched for "书店" with a
 * filter on, 单身联谊 picks, 我的 (the switch at the top), the 长辈版 首页 and 我的申请. Each is opened in both sizes
 * as the member's stored choice; its main text (by data-testid) is measured larger in 关怀模式, its names and dates
 * stay on one line in both, and a screenshot of each goes to .artifacts/screenshots/care/<screen>-normal|-care.
 */
import type { Page } from 'playwright-core';
import { callOk, storeReader } from '../support/api';
import { DECLARATION, openEvent as openCompetitionEvent } from '../support/competitions';
import { eventWithParticipants, uploadAs } from '../support/matchmaking';
import { BOOKSHOP } from '../support/merchants';
import { openTrip, putMembers } from '../support/trips';
import { screenshot, tid, useAppAndBrowser } from './browser';
import { openInMode } from './care';
import { photo } from './photo';

const env = useAppAndBrowser();
/** 关怀模式 scales text by 1.25 (PageShell.scss): anything under 1.15 did not grow. */
const LARGER = 1.15;
const MEMBER = 'demo-member-01';
const INBOX_MEMBER = 'e2e-care-inbox';
const CAPTAIN = 'e2e-care-captain';
const MATE = 'e2e-care-mate';

interface Screen {
  /** Screenshot name under care/ (…-normal, …-care). */
  name: string;
  openid: string;
  hash: () => string;
  /** The screen's main text: its font size is compared between the sizes. */
  main: string;
  /** Names and dates that must fit on one line, in both sizes. */
  oneLine: string[];
  /** What the member does once the page is open (a search, a check), ending when the screen shows it. */
  ready: (page: Page) => Promise<void>;
}

const ids = { teamCode: '', picksEvent: '' };
let page: Page;
let errors: string[] = [];

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

async function fontSize(page: Page, selector: string): Promise<number> {
  return visible(page, selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/**
 * Visible elements (by selector) whose text runs over more than one line: the height of their content (a chip's
 * padding and border left out) is 1.5 lines or more. (care.ts `wrappedLines` counts a chip's padding as lines.)
 */
async function wrappedTexts(page: Page, selector: string): Promise<Array<{ text: string; lines: number }>> {
  const all = await page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const style = getComputedStyle(el);
        const frame = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
        const content = el.getBoundingClientRect().height - frame.reduce((sum, side) => sum + parseFloat(style[side]), 0);
        return { text: (el as HTMLElement).innerText, lines: content / parseFloat(style.lineHeight) };
      }),
  );
  if (!all.length) throw new Error(`no visible ${selector}`);
  return all.filter((l) => l.lines >= 1.5);
}

/** Visible elements (by selector) whose text is cut: wider than their box (an ellipsis, hidden overflow). */
async function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((els) =>
      els
        .filter((el) => (el as HTMLElement).offsetParent !== null && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => (el as HTMLElement).innerText),
    );
}

/** The member's 核验码 of this minute, with time left for a clerk to type it (else the next minute's, when it starts). */
async function shortCodeToType(): Promise<string> {
  for (;;) {
    const { tokens, serverTime } = await callOk(env.cloud.baseUrl, MEMBER, 'card.tokens', {});
    const now = Date.parse(serverTime);
    const current = tokens.find((t) => Date.parse(t.notBefore) <= now && now < Date.parse(t.expiresAt));
    const left = current ? Date.parse(current.expiresAt) - now : 0;
    if (current?.shortCode && left > 20_000) return current.shortCode;
    await new Promise((resolve) => setTimeout(resolve, left + 500));
  }
}

/** 我的 once its 消息与待办 count is in (until then it reads 暂无待办). */
async function meLoaded(page: Page): Promise<void> {
  await visible(page, tid('me-name')).waitFor({ timeout: 30_000 });
  await visible(page, `${tid('me-inbox')} ${tid('inbox-badge')}`).waitFor({ timeout: 30_000 });
}

const SCREENS: Screen[] = [
  {
    name: 'inbox',
    openid: INBOX_MEMBER,
    hash: () => '#/packages/inbox/index',
    main: tid('inbox-item-title'),
    oneLine: [tid('inbox-item-at')],
    ready: async (page) => {
      await page
        .locator(`${tid('inbox-item')}:visible`)
        .nth(1)
        .waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'team-invitation',
    openid: MATE,
    hash: () => `#/packages/competitions/join/index?code=${ids.teamCode}`,
    main: tid('competitions-join-title'),
    oneLine: [tid('competitions-join-captain'), tid('competitions-join-org')],
    ready: async (page) => {
      await visible(page, tid('competitions-join-accept')).waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'card-short-code',
    openid: MEMBER,
    hash: () => '#/packages/card/index',
    main: tid('card-short-code'),
    oneLine: [tid('card-name'), tid('card-no'), tid('card-short-code'), tid('card-countdown')],
    ready: async (page) => {
      await visible(page, tid('card-short-code')).waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'counter',
    openid: 'demo-merchant-01',
    hash: () => '#/packages/merchants/counter/index',
    main: tid('merchants-counter-place'),
    oneLine: [tid('merchants-counter-place'), tid('merchants-counter-name')],
    ready: async (page) => {
      // The clerk types the 核验码 the member reads out, and checks it: the member and the offers show.
      const code = await shortCodeToType();
      await visible(page, tid('merchants-counter-place')).waitFor({ timeout: 30_000 });
      await page.locator(`${tid('merchants-counter-code')} textarea`).fill(`${code.slice(0, 4)} ${code.slice(4)}`);
      await page.locator(tid('merchants-counter-check')).click();
      await page.locator(tid('merchants-counter-name')).waitFor({ timeout: 20_000 });
    },
  },
  {
    name: 'discounts-bookshop',
    openid: MEMBER,
    hash: () => '#/pages/discounts/index',
    main: tid('place-name'),
    oneLine: [tid('place-name'), tid('discounts-filter')],
    ready: async (page) => {
      await visible(page, tid('place-row')).waitFor({ timeout: 30_000 });
      await page.locator(tid('discounts-category'), { hasText: '文化' }).click();
      await page.locator(`${tid('discounts-search')} input`).fill('书店');
      await page.locator(tid('discounts-search-go')).click();
      await page.locator(tid('discounts-filter'), { hasText: '文化' }).waitFor({ timeout: 10_000 });
      await page.locator(tid('place-name'), { hasText: '龙城书局' }).first().waitFor({ timeout: 20_000 });
      // The list, not the search bar, on screen.
      await page.locator(tid('discounts-filters')).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'matchmaking-picks',
    openid: 'e2e-care-mm-a',
    hash: () => `#/packages/matchmaking/participants/index?id=${ids.picksEvent}`,
    main: tid('matchmaking-person-name'),
    oneLine: [tid('matchmaking-person-name')],
    ready: async (page) => {
      const withPhoto = page.locator(tid('matchmaking-participant'), { hasText: '博文' });
      await withPhoto.waitFor({ timeout: 30_000 });
      const img = await withPhoto.locator(`${tid('matchmaking-person-photo')} img`).elementHandle({ timeout: 15_000 });
      const loaded = (el: unknown) => !!el && (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0;
      await page.waitForFunction(loaded, img, { timeout: 15_000 });
    },
  },
  {
    name: 'me-switch',
    openid: MEMBER,
    hash: () => '#/pages/me/index',
    main: tid('me-name'),
    oneLine: [tid('me-name'), tid('me-role'), tid('me-org')],
    ready: async (page) => {
      await meLoaded(page);
      // The switch is the first thing on the page, in both sizes.
      const switchTop = (await visible(page, tid('me-care')).boundingBox())?.y ?? Infinity;
      const nameTop = (await visible(page, tid('me-name')).boundingBox())?.y ?? 0;
      expect(switchTop).toBeLessThan(nameTop);
    },
  },
  {
    name: 'home-tiles',
    openid: MEMBER,
    hash: () => '#/pages/index/index',
    main: `${tid('home-shortcuts')} ${tid('tile-label')}`,
    oneLine: [`${tid('home-shortcuts')} ${tid('tile-label')}`],
    ready: async (page) => {
      await visible(page, tid('home-show-card')).waitFor({ timeout: 30_000 });
      await visible(page, `${tid('home-shortcuts')} ${tid('tile-label')}`).waitFor();
    },
  },
  {
    name: 'me-applications',
    openid: MEMBER,
    hash: () => '#/pages/me/index',
    main: tid('me-timeline-title'),
    oneLine: [tid('me-timeline-at'), tid('me-timeline-kind')],
    ready: async (page) => {
      await meLoaded(page);
      // With entries of several areas, chips filter them.
      await visible(page, tid('me-timeline-kind')).waitFor({ timeout: 30_000 });
      await visible(page, tid('me-timeline-kind')).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    },
  },
];

beforeAll(async () => {
  const base = env.cloud.baseUrl;
  const store = storeReader(env.cloud.serviceUrl);
  await putMembers(store.db, [
    { openid: INBOX_MEMBER, name: '顾晓梅', orgId: 'org-cz-wujin-g1' },
    { openid: 'e2e-care-first', name: '华立新', orgId: 'org-cz-wujin-g1' },
    { openid: CAPTAIN, name: '钱志强', orgId: 'org-cz-wujin-g1', birthYear: 1985 },
    { openid: MATE, name: '周海燕', orgId: 'org-cz-wujin-g1', birthYear: 1990 },
  ]);

  // 消息与待办: a waitlist place offered, and a 公示 published.
  const full = await openTrip(base, { title: '一线职工疗休养·天目湖（关怀测试）', capacity: 1, claimHours: 60, everyYears: 0 });
  await callOk(base, 'e2e-care-first', 'recuperation.signUp', { activityId: full });
  await callOk(base, INBOX_MEMBER, 'recuperation.signUp', { activityId: full });
  await callOk(base, 'e2e-care-first', 'enrollment.cancel', { enrollmentId: `${full}_e2e-care-first` });
  const listed = await openTrip(base, { title: '劳模疗休养·茅山（关怀测试）', capacity: 5, everyYears: 0 });
  await callOk(base, INBOX_MEMBER, 'recuperation.signUp', { activityId: listed });
  await callOk(base, 'demo-staff-city', 'enrollment.publish', { activityId: listed, days: 5 });

  // A team link from the captain of 湖塘钳工队.
  const { eventId } = await openCompetitionEvent(base, {
    title: '钳工（团体赛）',
    trade: '钳工',
    place: '常州技师学院钳工实训中心',
    format: 'team',
    teamSize: { min: 2, max: 3 },
  });
  await callOk(base, CAPTAIN, 'competitions.register', { eventId, declaration: DECLARATION, teamName: '湖塘钳工队' });
  ids.teamCode = (await callOk(base, CAPTAIN, 'competitions.createTeamLink', { eventId })).code;

  // 单身联谊 under way: 安妮 picks among the two men (博文 shows his photo).
  const bowenPhoto = await uploadAs(base, 'e2e-care-mm-b', 'me.png', photo(240, 240));
  const { activityId } = await eventWithParticipants(base, store, [
    { openid: 'e2e-care-mm-a', gender: 'F', name: '林安妮', birthYear: 1995, profile: { nickname: '安妮' } },
    {
      openid: 'e2e-care-mm-b',
      gender: 'M',
      name: '赵博文',
      birthYear: 1993,
      profile: { nickname: '博文', photos: [bowenPhoto] },
    },
    { openid: 'e2e-care-mm-c', gender: 'M', name: '钱程', birthYear: 1994, profile: { nickname: '程程' } },
  ]);
  ids.picksEvent = activityId;

  // One phone for every screen: in China, near the bookshop.
  const context = await env.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: { latitude: BOOKSHOP.lat + 0.002, longitude: BOOKSHOP.lng + 0.001 },
    permissions: ['geolocation'],
  });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
}, 120_000);

beforeEach(() => {
  errors = [];
});

test.each(SCREENS.map((s) => [s.name, s] as const))(
  '%s: 关怀模式 enlarges the main text; names and dates stay on one line in both sizes',
  async (_name, screen) => {
    const size: Record<string, number> = {};
    for (const care of [false, true]) {
      const mode = care ? 'care' : 'normal';
      await openInMode(page, env.cloud.baseUrl, screen.openid, screen.hash(), care);
      await screen.ready(page);
      await screenshot(page, `care/${screen.name}-${mode}`);
      size[mode] = await fontSize(page, screen.main);
      for (const selector of screen.oneLine) {
        const seen = { mode, selector, wrapped: await wrappedTexts(page, selector), cut: await cutTexts(page, selector) };
        expect(seen).toEqual({ mode, selector, wrapped: [], cut: [] });
      }
    }
    expect(size.care / size.normal).toBeGreaterThanOrEqual(LARGER);
    expect(errors).toEqual([]);
  },
  60_000,
);
