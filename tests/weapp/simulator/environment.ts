/**
 * The two halves of a mini-program as WeChat runs them, in one Node process:
 *  - the view layer: jsdom plus WeChat's component framework (`miniprogram-exparser`, driven by
 *    `j-component` through `miniprogram-simulate`), rendering templates compiled by WeChat's `wcc`;
 *  - the logic layer: the built JS of `dist/`, each file run the way WeChat's `define()` runs it —
 *    with its own `require`/`module`/`exports` and with the browser globals (`window`, `document`, …)
 *    shadowed as undefined, so app code cannot lean on a DOM it does not have on a phone.
 * Only the platform is provided here (App/Page/Component/getApp/getCurrentPages and `wx`, see
 * platform.ts); the app's own code runs unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** Globals WeChat's logic layer does not have: passed as `undefined` parameters to each file (WeChat's own list). */
const SHADOWED = [
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
  'WebSocket',
  'Reporter',
  'webkit',
  'WeixinJSCore',
  // Not in WeChat's list, but not on a phone either: mini-programs have wx.request, not fetch.
  'fetch',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const globals = globalThis as Loose;

/**
 * Installs jsdom for the view layer. Node's own `Event`/`EventTarget` classes are replaced by
 * jsdom's: exparser dispatches DOM events through them, and Node's do not reach jsdom nodes.
 */
export function installViewLayer(): void {
  // jsdom ships without type declarations; only its window is used here.
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: object) => { window: unknown } };
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
  const win = dom.window as Loose;
  globals.window = win;
  globals.document = win.document;
  for (const name of [
    'Event',
    'CustomEvent',
    'TouchEvent',
    'MouseEvent',
    'EventTarget',
    'Node',
    'Element',
    'HTMLElement',
    'Text',
  ]) {
    globals[name] = win[name];
  }
  globals.getComputedStyle = win.getComputedStyle.bind(win);
  globals.requestAnimationFrame = win.requestAnimationFrame.bind(win);
  globals.cancelAnimationFrame = win.cancelAnimationFrame.bind(win);
}

/** CommonJS as WeChat's logic layer has it: relative requires between files of the package, cached. */
export class LogicLayer {
  private readonly modules = new Map<string, { exports: unknown }>();

  constructor(readonly root: string) {}

  /** Runs (once) and returns the exports of a file of the package, e.g. `app.js` or `pages/index/index`. */
  require(rel: string, asWritten = rel): unknown {
    const file = this.resolve(rel);
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    if (!fs.existsSync(file)) {
      // WeChat's message for a require of a file that is not in the package.
      throw new Error(`module '${path.relative(this.root, file)}' is not defined, require args is '${asWritten}'`);
    }
    const module = { exports: {} as unknown };
    this.modules.set(file, module);
    const source = fs.readFileSync(file, 'utf8');
    const wrapper = vm.runInThisContext(`(function (require, module, exports, ${SHADOWED.join(', ')}) {${source}\n})`, {
      filename: file,
    }) as (...args: unknown[]) => void;
    const requireFromHere = (request: string) =>
      this.require(path.relative(this.root, path.resolve(path.dirname(file), request)), request);
    try {
      wrapper.call(undefined, requireFromHere, module, module.exports);
    } catch (error) {
      this.modules.delete(file);
      throw error;
    }
    return module.exports;
  }

  has(rel: string): boolean {
    return this.modules.has(this.resolve(rel));
  }

  private resolve(rel: string): string {
    const file = path.resolve(this.root, rel.replace(/^\/+/, ''));
    return file.endsWith('.js') ? file : `${file}.js`;
  }
}

/** An error as one line: its message and where in the build it was thrown (file:line:column). */
export function describeError(error: unknown, root: string): string {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? '').split('\n').slice(1);
  const inBuild = frames
    .map((frame) => /\(?([^()\s]+):(\d+):(\d+)\)?$/.exec(frame.trim()))
    .find((m) => m && m[1].startsWith(root));
  const where = inBuild ? ` (at ${path.relative(root, inBuild[1])}:${inBuild[2]}:${inBuild[3]})` : '';
  return `${error.name}: ${error.message}${where}`;
}
