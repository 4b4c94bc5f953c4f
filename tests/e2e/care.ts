import type { Page } from 'playwright-core';

/**
 * Opens `hashPath` as the demo person `openid` with 关怀模式 on or off, as the member's stored choice (Taro storage
 * `care.mode`, which the app reads at start-up; the 首页 offer counts as answered). Resolves once the page says so.
 */
export async function openInMode(page: Page, baseUrl: string, openid: string, hashPath: string, care: boolean): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.evaluate(
    ([id, mode]) => {
      localStorage.setItem('dev.openid', id);
      // Taro H5 storage: the value wrapped as { data }.
      localStorage.setItem('care.mode', JSON.stringify({ data: mode }));
      localStorage.setItem('care.offered', JSON.stringify({ data: 'yes' }));
    },
    [openid, care ? 'on' : 'off'],
  );
  await page.goto(`${baseUrl}/${hashPath}`);
  await page.reload();
  await page
    .locator(`[data-care-mode="${care ? 'on' : 'off'}"]`)
    .first()
    .waitFor({ timeout: 45_000 });
}

/** Elements (by selector) whose rendered height is more than one line: `text` and lines, for a readable failure. */
export async function wrappedLines(page: Page, selector: string): Promise<Array<{ text: string; lines: number }>> {
  const all = await page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({
        text: (el as HTMLElement).innerText,
        height: el.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(el).lineHeight),
      })),
  );
  if (!all.length) throw new Error(`no visible ${selector}`);
  return all.filter((l) => l.height >= 1.5 * l.lineHeight).map((l) => ({ text: l.text, lines: l.height / l.lineHeight }));
}
