import type { CallRecord, NavigationRecord } from './platform';

/** What a session process is asked to do: open these pages, as this user, against this local cloud. */
export interface SessionTask {
  distDir: string;
  baseUrl: string;
  openid: string;
  pages: Array<{ route: string; query: Record<string, string> }>;
  /** Tap every element bound to `tap` once, after the page has its data. */
  tap: boolean;
  /** Storage the app finds at launch (e.g. `care.mode: 'on'`: 关怀模式 chosen earlier). */
  storage?: Record<string, unknown>;
}

/** The app's own tab bar (custom-tab-bar) as rendered on a tab page, before any tap. */
export interface TabBarView {
  text: string;
  /** The root's class list (`tab-bar-care` in 关怀模式). */
  className: string;
  items: Array<{
    label: string;
    /** Inline sizes as rendered (e.g. `15px`). */
    labelFontSize: string;
    iconWidth: string;
    iconSrc: string;
    selected: boolean;
    badge?: string;
  }>;
}

export interface PageVisit {
  route: string;
  query: Record<string, string>;
  openid: string;
  ms: number;
  /** The rendered text (clipped). */
  text: string;
  /** Empty when the page passed. */
  problems: string[];
  calls: CallRecord[];
  navigations: NavigationRecord[];
  taps: number;
  /** A tab page of an app with its own tab bar: the bar WeChat shows on it. */
  tabBar?: TabBarView;
}

export interface SessionReport {
  openid: string;
  /** Problems before any page (app.js, App(), onLaunch). */
  launchProblems: string[];
  visits: PageVisit[];
}
