/**
 * The app's own tab bar (app.json `tabBar.custom`, src/custom-tab-bar) as rendered on a tab page: its tabs with
 * their labels, inline sizes, icons, the selected one and a count badge — read off the rendered view by the
 * classes the component documents (`tab-bar`, `tab-bar-item`, `tab-bar-label`, `tab-bar-icon`, `tab-bar-badge`).
 */
import type { TabBarView } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const clean = (text: unknown) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * miniprogram-simulate's built-in `image` has no properties, so a `src` would be dropped: registered again with
 * one (j-component keeps the last definition of an id), it can be read back to check the file is in the package.
 */
export function registerImageWithSource(): void {
  (require('j-component') as Loose).register({
    id: 'image',
    tagName: 'wx-image',
    template: '<slot/>',
    properties: { src: { type: String, value: '' }, mode: { type: String, value: '' } },
  });
}

export function readTabBar(view: Loose): TabBarView {
  const root: Element | null = view.dom?.querySelector('.tab-bar') ?? null;
  const items = Array.from(root?.querySelectorAll('.tab-bar-item') ?? []).map((item) => {
    const label = item.querySelector('.tab-bar-label') as HTMLElement | null;
    const icon = item.querySelector('.tab-bar-icon') as (HTMLElement & { __wxElement?: Loose }) | null;
    const badge = item.querySelector('.tab-bar-badge');
    return {
      label: clean(label?.textContent),
      labelFontSize: label?.style.fontSize ?? '',
      iconWidth: icon?.style.width ?? '',
      iconSrc: String(icon?.__wxElement?.__propData?.src ?? ''),
      selected: item.classList.contains('tab-bar-item-selected'),
      ...(badge ? { badge: clean(badge.textContent) } : {}),
    };
  });
  return { text: clean(root?.textContent), className: root?.getAttribute('class') ?? '', items };
}
