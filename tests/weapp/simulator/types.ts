import type { CallRecord, NavigationRecord } from './platform';

/** What a session process is asked to do: open these pages, as this user, against this local cloud. */
export interface SessionTask {
  distDir: string;
  baseUrl: string;
  openid: string;
  pages: Array<{ route: string; query: Record<string, string> }>;
  /** Tap every element bound to `tap` once, after the page has its data. */
  tap: boolean;
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
}

export interface SessionReport {
  openid: string;
  /** Problems before any page (app.js, App(), onLaunch). */
  launchProblems: string[];
  visits: PageVisit[];
}
