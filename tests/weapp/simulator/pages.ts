/**
 * Renders the pages of a built mini-program in WeChat's component runtime: each page's template
 * (compiled by `wcc`) and its custom components (Taro's recursive `comp`) are registered with
 * j-component as WeChat registers them, the page's own `Page()` options are its instance, and the
 * lifecycle runs as on a phone: onLoad(query) → onShow → onReady; onUnload when leaving.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from './platform';
import type { LogicLayer } from './environment';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

// The view layer's modules, loaded once the environment is installed (see worker.ts).
const jComponent = (): Loose => require('j-component');
const exparser = (): Loose => require('miniprogram-exparser');

/** `$gwx` from `wcc`: template path → render function of that template. */
export type TemplateTable = (wxmlPath: string) => unknown;

/** The page lifecycle the runtime calls (a page without one of them simply does not have it). */
const LIFECYCLE = new Set(['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload']);

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function elementId(kind: string, rel: string): string {
  // exparser element names must be valid DOM names.
  return `${kind}-${rel.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

export class ViewRegistry {
  private readonly registered = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly templates: TemplateTable,
    private readonly logic: LogicLayer,
    private readonly platform: Platform,
  ) {}

  private template(rel: string): unknown {
    const wxml = `${rel}.wxml`;
    if (!fs.existsSync(path.join(this.root, wxml))) throw new Error(`${wxml} is missing`);
    const render = this.templates(wxml);
    if (typeof render !== 'function') throw new Error(`wcc produced no template for ${wxml}`);
    return render;
  }

  /** usingComponents of a page or component, as j-component ids (components registered on the way). */
  private usingComponents(rel: string): Record<string, string> {
    const json = readJson(path.join(this.root, `${rel}.json`));
    const using = (json.usingComponents ?? {}) as Record<string, string>;
    const ids: Record<string, string> = {};
    for (const [tag, target] of Object.entries(using)) {
      if (target.startsWith('plugin://')) throw new Error(`${rel}.json uses plugin component ${tag}: not simulated`);
      const resolved = target.startsWith('/')
        ? target.replace(/^\/+/, '')
        : path.posix.normalize(path.posix.join(path.posix.dirname(rel), target));
      ids[tag] = this.component(resolved);
    }
    return ids;
  }

  /** Registers a custom component (and the components it uses) once; returns its id. */
  component(rel: string): string {
    const known = this.registered.get(rel);
    if (known) return known;
    const id = elementId('component', rel);
    // Registered before recursing: Taro's `comp` uses itself.
    this.registered.set(rel, id);
    const usingComponents = this.usingComponents(rel);
    this.logic.require(`${rel}.js`);
    const options = this.platform.takeComponent();
    if (!options) throw new Error(`${rel}.js did not call Component()`);
    jComponent().register({
      ...options,
      // Taro's createComponentConfig passes `{}` for both when a component has none; WeChat takes that, j-component
      // wants lists.
      behaviors: Array.isArray(options.behaviors) ? options.behaviors : [],
      externalClasses: Array.isArray(options.externalClasses) ? options.externalClasses : [],
      id,
      path: `/${rel}`,
      template: this.template(rel),
      usingComponents,
    });
    return id;
  }

  /** Runs a page's JS and registers the page; returns its id and the options it passed to Page(). */
  page(route: string): { id: string; options: Loose } {
    const usingComponents = this.usingComponents(route);
    this.logic.require(`${route}.js`);
    const options = this.platform.takePage();
    if (!options) throw new Error(`${route}.js did not call Page()`);
    const methods: Record<string, unknown> = {};
    // for…in: Page() options may inherit their methods.
    for (const key in options) if (typeof options[key] === 'function') methods[key] = options[key];
    const id = elementId('page', route);
    jComponent().register({
      id,
      path: `/${route}`,
      template: this.template(route),
      usingComponents,
      data: options.data,
      methods,
    });
    return { id, options };
  }
}

export interface MountedPage {
  /** j-component's root component of the page. */
  view: Loose;
  /** The page instance (`this` of its methods). */
  instance: Loose;
}

/** Creates the page's view and instance, attaches it, and runs onLoad(query) and onShow. */
export function mountPage(
  id: string,
  options: Loose,
  route: string,
  query: Record<string, string>,
  container: Loose,
): MountedPage {
  const view = jComponent().create(id);
  view.attach(container);
  const instance = view.instance;
  for (const key in options) if (typeof options[key] !== 'function' && key !== 'data') instance[key] = options[key];
  Object.assign(instance, { route, __route__: route, options: query });
  return { view, instance };
}

/** A custom component on its own (e.g. custom-tab-bar/index on a tab page): created and attached. */
export function mountComponent(id: string, container: Loose): Loose {
  const view = jComponent().create(id);
  view.attach(container);
  return view;
}

export function runLifecycle(instance: Loose, name: string, ...args: unknown[]): void {
  if (LIFECYCLE.has(name) && typeof instance[name] === 'function') instance[name](...args);
}

/** The text a person would read on the page (all text nodes, whitespace collapsed). */
export function renderedText(view: Loose): string {
  return String(view.dom?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Elements of the rendered page bound to `tap`, in document order (inside nested components too). */
export function tappableElements(view: Loose): Loose[] {
  const { Element, Component } = exparser();
  const found: Loose[] = [];
  const walk = (node: Loose) => {
    if (node instanceof Element && node._vt?.event?.tap) found.push(node);
    if (node instanceof Component && node.shadowRoot instanceof Element) walk(node.shadowRoot);
    for (const child of node.childNodes ?? []) if (child instanceof Element) walk(child);
  };
  walk(view._exparserNode);
  return found;
}

/** A tap as WeChat delivers it: a bubbling, composed `tap` event on the element. */
export function tap(element: Loose): void {
  const { Event } = exparser();
  Event.dispatchEvent(
    element,
    Event.create(
      'tap',
      { x: 0, y: 0 },
      { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } },
    ),
  );
}

export function describeElement(element: Loose): string {
  const text = String(element.$$?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const cls = String(element.$$?.getAttribute?.('class') ?? '').trim();
  return text ? `"${text.slice(0, 24)}"` : cls ? `.${cls.split(/\s+/).join('.')}` : `<${element.is ?? 'element'}>`;
}
