/**
 * End-to-end support: the H5 build served by the local cloud (started by its own CLI, with demo data — or
 * empty, as a new WeChat Cloud environment, for a test that deploys onto it) and Debian's Chromium driven by
 * playwright-core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { connectSdk, ROOT, startLocalCloud, type LocalCloud } from '../support/localCloud';
import { seedDemoBatched } from '../support/seed';

// On this shared 2-core machine `npm test` runs two files at once, and now and then a first screen answers after
// the waits (a cold api instance under load). A failing e2e test is run once more; its first failure is printed,
// so a flake stays visible in the log. (Read at import: every e2e file imports this module first.)
jest.retryTimes(1, { logErrorsBeforeRetry: true });

export const ARTIFACTS = path.join(ROOT, '.artifacts', 'screenshots');
/**
 * Debian's headless shell (package chromium-headless-shell: Chromium's old headless mode, without the full browser
 * behind it) when installed, else Debian's full Chromium. The shell renders the same pages with the same fonts for
 * about 30 % less CPU: the e2e folder took 987 CPU-s (498 s) with chromium and 695 CPU-s (358 s) with the shell.
 */
const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((file) => fs.existsSync(file)) ??
  '/usr/bin/chromium-headless-shell';

export interface AppCloudOptions {
  /**
   * An empty environment (`--empty`): no collections, functions, variables, rules or data, until the test deploys
   * onto it (`npm run deploy -- --target local`) and warms the function itself (`warmFunctionInstances`).
   */
  empty?: boolean;
}

export async function startAppCloud(options: AppCloudOptions = {}): Promise<LocalCloud> {
  const index = path.join(ROOT, 'dist-h5', 'index.html');
  if (!fs.existsSync(index)) throw new Error('dist-h5/index.html is missing: run `npm run build:h5` (npm test does)');
  if (!fs.existsSync(path.join(ROOT, 'cloudfunctions/api/index.js'))) throw new Error('run `npm run build:functions` first');
  if (options.empty) return startLocalCloud({ extraArgs: ['--app', 'dist-h5', '--empty'] });
  const cloud = await startLocalCloud({ extraArgs: ['--app', 'dist-h5'] });
  // The demo data is written through the real SDK (`npm run dev`'s documents, in batches: tests/support/seed.ts).
  await seedDemoBatched(connectSdk(cloud.serviceUrl).db);
  await warmFunctionInstances(cloud.baseUrl);
  return cloud;
}

/**
 * A page's first screen sends several calls at once; each would cold-start its own instance of the api function
 * (loading the SDK takes seconds), and on a busy machine — two e2e files at a time in `npm test` — a handful of
 * simultaneous cold starts can outlast the page's waits. Instances are started two, then four at a time first,
 * with a call that reads only (org.tree).
 */
export async function warmFunctionInstances(baseUrl: string): Promise<void> {
  for (const n of [2, 4]) {
    await Promise.all(
      Array.from({ length: n }, () =>
        fetch(`${baseUrl}/fn/api`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ openid: 'e2e-warm-up', data: { action: 'org.tree', input: {} } }),
        }).catch(() => null),
      ),
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium-headless-shell fonts-noto-cjk (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A phone-sized page with console errors collected. */
export async function newPhonePage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/**
 * Until Taro's H5 router has finished sliding pages in (it adds `taro_page_show` to a page after a delay, then
 * `taro_page_stationed` when the transition is over; a page gone back from is shaded) and the browser has painted
 * twice since. It was a fixed 400 ms per screenshot. Never fails: a screenshot is an artifact, not a check.
 */
async function pageTransitionsDone(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.taro_router > .taro_page:not(.taro_page_shade)')).every(
          (el) => el.classList.contains('taro_page_show') && el.classList.contains('taro_page_stationed'),
        ),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/** Polls the store until `check` holds (a save answers before the page shows it; the store is the truth). */
export async function until<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  return read();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await pageTransitionsDone(page);
  // `name` may name a folder too (e.g. `empty-cloud/01-setup-code`).
  const file = path.join(ARTIFACTS, `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Registers beforeAll/afterAll for a test file: the app's local cloud and a browser, shared by its tests. */
export function useAppAndBrowser(options: AppCloudOptions = {}): { readonly cloud: LocalCloud; readonly browser: Browser } {
  const state = {} as { cloud: LocalCloud; browser: Browser };
  beforeAll(async () => {
    state.cloud = await startAppCloud(options);
    state.browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.cloud?.stop();
  });
  return state;
}

let identityGeneration = 0;

/** Opens `hashPath` (e.g. `#/packages/staff/reviews/index`) as the demo person `openid` (the H5 dev identity). */
export async function openAs(page: Page, baseUrl: string, openid: string, hashPath = ''): Promise<void> {
  // The identity is stored before the app's scripts run (an init script), so the app loads once — it loaded three
  // times (home, then the hash, then a reload), and each load of the app is most of a second of Chromium's time.
  // Each openAs has a higher generation: an identity is written once, at the first load after its openAs, and
  // not again on later loads, so a switch made in the app (the dev identity switch, then a reload) stays.
  identityGeneration += 1;
  await page.addInitScript(
    ([id, generation]) => {
      try {
        if (Number(sessionStorage.getItem('e2e.identityGeneration') ?? 0) >= generation) return;
        localStorage.setItem('dev.openid', id);
        sessionStorage.setItem('e2e.identityGeneration', String(generation));
      } catch {
        // about:blank has no storage.
      }
    },
    [openid, identityGeneration] as const,
  );
  // A new document either way: from another hash of the app, goto alone would only change the hash.
  if (page.url() !== 'about:blank') await page.goto('about:blank');
  await page.goto(`${baseUrl}/${hashPath}`);
}

/** The visible text of the page that is on screen (Taro H5 keeps earlier pages in the DOM, hidden). */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** The selector of an element by its intent (`data-testid`), so that a restyle breaks no test. */
export function tid(id: string): string {
  return `[data-testid="${id}"]`;
}

/**
 * The 核验码 the card page shows (the 8 digits under its QR), taken early enough in its minute for a clerk to type
 * it: late in the minute, the next code is waited for rather than raced.
 */
export async function shownShortCode(page: Page): Promise<string> {
  const code = page.locator(tid('card-short-code'));
  await code.waitFor({ timeout: 40_000 });
  const left = Number(/(\d+)/.exec(await page.locator(tid('card-countdown')).innerText())?.[1] ?? 0);
  if (left < 25) {
    const old = await code.getAttribute('data-code');
    await page.waitForFunction(
      ([sel, before]) => document.querySelector(sel)?.getAttribute('data-code') !== before,
      [tid('card-short-code'), old] as const,
      { timeout: 40_000 },
    );
  }
  return (await code.getAttribute('data-code')) ?? '';
}
