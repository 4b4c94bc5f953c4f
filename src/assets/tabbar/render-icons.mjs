#!/usr/bin/env node
/**
 * Renders the tab-bar icons (81×81 PNG, normal and selected) from the SVGs below with Debian's Chromium
 * through playwright-core, into this folder. Run after changing a drawing:
 *   node src/assets/tabbar/render-icons.mjs
 * The PNGs are committed (WeChat needs image files for tabBar iconPath; the H5 build bundles the same files).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const NORMAL = '#7a7a7a';
const SELECTED = '#c8161d';

/** Drawings on a 48-unit grid; `c` is the colour, `f` the fill of the selected state. */
const ICONS = {
  home: (c, f) => `
    <path d="M7 22 L24 8 L41 22" fill="none" stroke="${c}" stroke-width="3.4" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M12 19 V39 a2 2 0 0 0 2 2 H34 a2 2 0 0 0 2 -2 V19" fill="${f}" stroke="${c}" stroke-width="3.4" stroke-linejoin="round"/>
    <path d="M20 41 V30 H28 V41" fill="none" stroke="${c}" stroke-width="3.4" stroke-linejoin="round"/>`,
  discounts: (c, f) => `
    <path d="M6 14 a3 3 0 0 1 3 -3 H39 a3 3 0 0 1 3 3 V19 a5 5 0 0 0 0 10 V34 a3 3 0 0 1 -3 3 H9 a3 3 0 0 1 -3 -3 V29 a5 5 0 0 0 0 -10 Z"
      fill="${f}" stroke="${c}" stroke-width="3.4" stroke-linejoin="round"/>
    <circle cx="19" cy="19.5" r="2.6" fill="${c}"/>
    <circle cx="29" cy="28.5" r="2.6" fill="${c}"/>
    <path d="M30 17 L18 31" stroke="${c}" stroke-width="3" stroke-linecap="round"/>`,
  services: (c, f) => `
    <rect x="7" y="7" width="14" height="14" rx="3.5" fill="${f}" stroke="${c}" stroke-width="3.4"/>
    <rect x="27" y="7" width="14" height="14" rx="3.5" fill="${f}" stroke="${c}" stroke-width="3.4"/>
    <rect x="7" y="27" width="14" height="14" rx="3.5" fill="${f}" stroke="${c}" stroke-width="3.4"/>
    <circle cx="34" cy="34" r="7.5" fill="${f}" stroke="${c}" stroke-width="3.4"/>`,
  me: (c, f) => `
    <circle cx="24" cy="16" r="8" fill="${f}" stroke="${c}" stroke-width="3.4"/>
    <path d="M8 41 c0 -9 7 -15 16 -15 s16 6 16 15" fill="${f}" stroke="${c}" stroke-width="3.4" stroke-linecap="round"/>`,
};

function svg(body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 48 48">${body}</svg>`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 });
  for (const [name, draw] of Object.entries(ICONS)) {
    for (const [suffix, colour, fill] of [
      ['', NORMAL, 'none'],
      ['-active', SELECTED, 'rgba(200,22,29,0.14)'],
    ]) {
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg(draw(colour, fill))}</body></html>`);
      const file = path.join(HERE, `${name}${suffix}.png`);
      await page.locator('svg').screenshot({ path: file, omitBackground: true });
      console.log(file);
    }
  }
} finally {
  await browser.close();
}
