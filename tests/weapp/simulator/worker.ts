/**
 * One user's session of the mini-program, in its own process (started by ../simulate.ts): launches
 * the app from `dist/` as WeChat would, then opens each requested page in turn, waits for its data
 * from the local cloud, taps what can be tapped, and reports what went wrong. A fresh process per
 * user, as on a phone: no state from another user's session leaks into this one.
 */
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { readAppRoutes } from '../appJson';
import { runWcc } from '../wechatTools';
import { describeError, installViewLayer, LogicLayer } from './environment';
import {
  describeElement,
  mountComponent,
  mountPage,
  renderedText,
  runLifecycle,
  tap,
  tappableElements,
  ViewRegistry,
  type TemplateTable,
} from './pages';
import { Platform, type CallRecord, type NavigationRecord } from './platform';
import { readTabBar, registerImageWithSource } from './tabBar';
import type { PageVisit, SessionReport, SessionTask, TabBarView } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** Where WeChat looks for an app's own tab bar (app.json `tabBar.custom`). */
const CUSTOM_TAB_BAR = 'custom-tab-bar/index';
const PLACEHOLDER_LEAKS = /\bundefined\b|\bNaN\b|\[object Object\]/;
const MAX_TAPS_PER_PAGE = 40;
/** Longer than the app's own call timeout (15 s), so a slow call is reported as what it is. */
const SETTLE_TIMEOUT_MS = 20_000;
/** One turn of the event loop while waiting for a page to be still (see `settle`). */
const TURN_MS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function clip(text: string, max = 600): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Where problems go: the page being visited, or the app launch before any page. */
class ProblemSink {
  current: string[] = [];
  push(problem: string): void {
    this.current.push(clip(problem));
  }
}

/** What is wrong with a visit, besides what was thrown or logged while it lasted. */
function judge(
  root: string,
  visit: {
    rendered: boolean;
    text: string;
    tabBar?: TabBarView;
    calls: CallRecord[];
    navigations: NavigationRecord[];
    tappedBefore: Map<number, string>;
  },
): string[] {
  const problems: string[] = [];
  if (visit.rendered && !visit.text) problems.push('rendered no text');
  const leak = PLACEHOLDER_LEAKS.exec(visit.text);
  if (leak) problems.push(`shows "${leak[0]}": …${visit.text.slice(Math.max(0, leak.index - 30), leak.index + 30)}…`);
  if (visit.tabBar) {
    if (visit.tabBar.items.length === 0) problems.push(`its tab bar rendered no tabs: "${visit.tabBar.text}"`);
    const barLeak = PLACEHOLDER_LEAKS.exec(visit.tabBar.text);
    if (barLeak) problems.push(`its tab bar shows "${barLeak[0]}": ${visit.tabBar.text}`);
    for (const item of visit.tabBar.items) {
      const file = item.iconSrc.replace(/^\/+/, '');
      if (!item.iconSrc.startsWith('/') || !fs.existsSync(path.join(root, file)))
        problems.push(`its tab bar's icon of "${item.label}" is not a file of the package: "${item.iconSrc}"`);
    }
  }
  for (const call of visit.calls) {
    if (call.failure) problems.push(`cloud call ${call.action ?? call.name} failed: ${call.failure}`);
    else if (call.code === 'INTERNAL') problems.push(`cloud call ${call.action ?? call.name} answered INTERNAL`);
  }
  visit.navigations.forEach((nav, i) => {
    const when = visit.tappedBefore.has(i) ? `after tapping ${visit.tappedBefore.get(i)}` : 'on load';
    if (nav.refused) problems.push(`${nav.api}({ url: '${nav.url}' }) ${when} was refused: ${nav.refused}`);
  });
  return problems;
}

async function runSession(task: SessionTask): Promise<SessionReport> {
  const sink = new ProblemSink();
  const launchProblems = sink.current;
  const root = task.distDir;
  const show = (value: unknown) =>
    value instanceof Error ? describeError(value, root) : typeof value === 'string' ? value : util.inspect(value);
  console.error = (...args: unknown[]) => sink.push(`console.error: ${args.map(show).join(' ')}`);
  process.on('uncaughtException', (error) => sink.push(`uncaught ${show(error)}`));
  process.on('unhandledRejection', (reason) => sink.push(`unhandled rejection: ${show(reason)}`));

  installViewLayer();
  // miniprogram-simulate: WeChat's built-in components for j-component, and stubs of the wx.* APIs.
  require('miniprogram-simulate');
  registerImageWithSource();

  const routes = readAppRoutes(task.distDir);
  let currentRoute: string | undefined;
  const platform = new Platform({ baseUrl: task.baseUrl, openid: task.openid, routes, currentRoute: () => currentRoute });
  platform.install();
  platform.seedStorage(task.storage ?? {});

  const visits: PageVisit[] = [];
  const wcc = runWcc(task.distDir);
  if (!wcc.ok) {
    launchProblems.push(`wcc could not compile the templates: ${wcc.message}`);
    return { openid: task.openid, launchProblems, visits };
  }
  const templates = new Function(`${wcc.output}\nreturn $gwx;`)() as TemplateTable;
  const logic = new LogicLayer(task.distDir);
  const registry = new ViewRegistry(task.distDir, templates, logic, platform);

  /** setData calls of the page on screen: the view is still changing while they come. */
  let viewUpdates = 0;

  /**
   * Until the page is still — no cloud call in flight and no setData — for `quietMs` and at least
   * eight turns of the event loop (a busy machine can pause this process for longer than quietMs;
   * counting turns makes sure React and Taro had their chance to run), or `timeoutMs`. A turn is a
   * timer of TURN_MS: Taro flushes a page's updates on a 0 ms timer and React's scheduler on setImmediate,
   * so each turn lets both run; with 15 ms turns the eight turns alone took 120 ms, four times the 30 ms
   * a tap asks for, and a page's taps waited that long each.
   */
  const settle = async (quietMs = 120, timeoutMs = SETTLE_TIMEOUT_MS): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    let quietTurns = 0;
    let seen = viewUpdates;
    while (Date.now() < deadline) {
      await sleep(TURN_MS);
      if (platform.pendingCalls > 0 || viewUpdates !== seen) {
        seen = viewUpdates;
        quietSince = Date.now();
        quietTurns = 0;
      } else if (++quietTurns >= 8 && Date.now() - quietSince >= quietMs) return true;
    }
    return false;
  };

  try {
    logic.require('app.js');
    const app = platform.appOptions;
    if (!app) throw new Error('app.js did not call App()');
    const launch = { path: routes.entry, query: {}, scene: 1001 };
    app.onLaunch?.call(app, launch);
    app.onShow?.call(app, launch);
  } catch (error) {
    launchProblems.push(`app launch threw ${show(error)}`);
    return { openid: task.openid, launchProblems, visits };
  }

  const container = document.createElement('div');
  document.body.appendChild(container);

  for (const { route, query } of task.pages) {
    const started = Date.now();
    const problems: string[] = [];
    sink.current = problems;
    currentRoute = route;
    const firstCall = platform.calls.length;
    const firstNavigation = platform.navigations.length;
    /** Index in this page's navigations → the tap that led to it. */
    const navigationContext = new Map<number, string>();
    let text = '';
    let taps = 0;
    let mounted: ReturnType<typeof mountPage> | undefined;
    /** The app's own tab bar, on a tab page: WeChat gives each tab page an instance of custom-tab-bar/index. */
    let tabBarView: Loose;
    let tabBar: TabBarView | undefined;
    const countUpdates = (instance: Loose) => {
      const setData = instance.setData;
      instance.setData = (...args: unknown[]) => {
        viewUpdates += 1;
        return setData.apply(instance, args);
      };
    };
    try {
      const { id, options } = registry.page(route);
      mounted = mountPage(id, options, route, query, container);
      countUpdates(mounted.instance);
      platform.pageStack.push(mounted.instance);
      runLifecycle(mounted.instance, 'onLoad', { ...query });
      if (routes.customTabBar && routes.tabs.includes(route)) {
        tabBarView = mountComponent(registry.component(CUSTOM_TAB_BAR), container);
        countUpdates(tabBarView.instance);
      }
      runLifecycle(mounted.instance, 'onShow');
      await sleep(0);
      runLifecycle(mounted.instance, 'onReady');
      if (!(await settle())) problems.push(`its data was still loading after ${SETTLE_TIMEOUT_MS / 1000} s`);
      text = renderedText(mounted.view);
      if (tabBarView) tabBar = readTabBar(tabBarView);
      if (task.tap) {
        const tappable = [...tappableElements(mounted.view), ...(tabBarView ? tappableElements(tabBarView) : [])];
        for (const element of tappable.slice(0, MAX_TAPS_PER_PAGE)) {
          if (!element.$$?.isConnected) continue;
          const label = describeElement(element);
          const before = platform.navigations.length;
          sink.current = [];
          tap(element);
          taps += 1;
          await settle(30);
          for (const problem of sink.current) problems.push(`after tapping ${label}: ${problem}`);
          sink.current = problems;
          for (let i = before; i < platform.navigations.length; i++) navigationContext.set(i - firstNavigation, label);
        }
      }
    } catch (error) {
      problems.push(`threw ${show(error)}`);
    }
    if (mounted) {
      try {
        runLifecycle(mounted.instance, 'onUnload');
      } catch (error) {
        problems.push(`onUnload threw ${show(error)}`);
      }
      mounted.view.detach();
      platform.pageStack.pop();
    }
    if (tabBarView) {
      try {
        tabBarView.detach();
      } catch (error) {
        problems.push(`its tab bar threw when detached: ${show(error)}`);
      }
    }
    await sleep(0);
    const calls = platform.calls.slice(firstCall);
    const navigations = platform.navigations.slice(firstNavigation);
    problems.push(
      ...judge(root, { rendered: Boolean(mounted), text, tabBar, calls, navigations, tappedBefore: navigationContext }),
    );
    visits.push({
      route,
      query,
      openid: task.openid,
      ms: Date.now() - started,
      text: clip(text, 400),
      problems,
      calls,
      navigations,
      taps,
      ...(tabBar ? { tabBar } : {}),
    });
  }
  sink.current = launchProblems;
  return { openid: task.openid, launchProblems, visits };
}

process.once('message', (task: SessionTask) => {
  runSession(task).then(
    (report) => process.send!(report, () => process.exit(0)),
    (error: unknown) => {
      process.send!(
        { openid: task.openid, launchProblems: [`session crashed: ${(error as Error).stack ?? error}`], visits: [] },
        () => process.exit(0),
      );
    },
  );
});
