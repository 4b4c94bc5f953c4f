/**
 * The platform a mini-program runs on, and nothing else: `wx.*` and the App/Page/Component
 * registration functions. Everything the app does through them is recorded for the checks.
 *  - `wx.cloud.callFunction` is real: it goes over HTTP to the local cloud's function host
 *    (`POST {baseUrl}/fn/<name>` with `{ openid, data }`), so pages get real data as the given user.
 *  - Navigation (`navigateTo`, `redirectTo`, `switchTab`, `reLaunch`) is checked against app.json with
 *    WeChat's rules and refused as WeChat refuses it; accepted navigation is recorded, not performed
 *    (every page is rendered on its own).
 *  - Storage is an in-memory key-value store; `showModal` answers "cancel", the safe choice for a
 *    checker that taps buttons; `requestSubscribeMessage` refuses what WeChat refuses (more than three
 *    templates: errCode 20003, see src/utils/subscribeShim.ts) and otherwise answers "reject".
 * Other `wx.*` APIs are miniprogram-simulate's stubs.
 */
import { requestSubscribeMessageShim } from '../../../src/utils/subscribeShim';
import type { AppRoutes } from '../appJson';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface CallRecord {
  name: string;
  action?: string;
  /** The envelope's error code, when the call answered `{ ok: false }`. */
  code?: string;
  /** Set when the call itself failed (function host error, network). */
  failure?: string;
  ms: number;
}

export interface NavigationRecord {
  api: string;
  url: string;
  /** WeChat's errMsg when it refuses the navigation. */
  refused?: string;
}

export interface PlatformOptions {
  baseUrl: string;
  openid: string;
  routes: AppRoutes;
  /** The route of the page being rendered (relative URLs resolve against it). */
  currentRoute: () => string | undefined;
}

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };

/** WeChat's dual style: callbacks when given, a Promise otherwise. */
function asyncApi<O extends Callbacks>(run: (options: O) => Promise<Record<string, unknown>>) {
  return (options: O = {} as O) => {
    const promise = run(options);
    if (options.success || options.fail || options.complete) {
      promise.then(
        (res) => {
          options.success?.(res);
          options.complete?.(res);
        },
        (err) => {
          options.fail?.(err);
          options.complete?.(err);
        },
      );
      return undefined;
    }
    return promise;
  };
}

function wxError(errMsg: string, errCode = -1): Error & { errMsg: string; errCode: number } {
  return Object.assign(new Error(errMsg), { errMsg, errCode });
}

export class Platform {
  readonly calls: CallRecord[] = [];
  readonly navigations: NavigationRecord[] = [];
  pendingCalls = 0;
  private cloudReady = false;
  private readonly storage = new Map<string, string>();
  private app: Loose;
  private lastPage: Loose;
  private lastComponent: Loose;
  readonly pageStack: Loose[] = [];

  constructor(private readonly options: PlatformOptions) {}

  /** Installs `wx` (over miniprogram-simulate's stubs) and the registration globals. */
  install(): void {
    const g = globalThis as Loose;
    const wx = g.wx as Loose;
    Object.assign(wx, this.navigationApis(), this.storageApis(), {
      showModal: asyncApi(async () => ({ errMsg: 'showModal:ok', confirm: false, cancel: true })),
      requestSubscribeMessage: asyncApi<Callbacks & { tmplIds?: unknown }>((options) =>
        requestSubscribeMessageShim(options, 'reject'),
      ),
      cloud: this.cloudApi(),
    });
    g.App = (options: Loose) => {
      this.app = options;
    };
    g.Page = (options: Loose) => {
      this.lastPage = options;
    };
    g.Component = (options: Loose) => {
      this.lastComponent = options;
    };
    g.getApp = () => this.app;
    g.getCurrentPages = () => [...this.pageStack];
    g.requirePlugin = (name: string) => {
      throw new Error(`plugin ${name} is not declared in app.json`);
    };
  }

  /** What the app finds in storage at launch, as if written by an earlier session. */
  seedStorage(values: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(values)) this.storage.set(key, JSON.stringify(value ?? null));
  }

  get appOptions(): Loose {
    return this.app;
  }

  /** The options of the last `Page()` call, once. */
  takePage(): Loose {
    const page = this.lastPage;
    this.lastPage = undefined;
    return page;
  }

  /** The options of the last `Component()` call, once. */
  takeComponent(): Loose {
    const component = this.lastComponent;
    this.lastComponent = undefined;
    return component;
  }

  private cloudApi() {
    return {
      init: () => {
        this.cloudReady = true;
      },
      callFunction: asyncApi<Callbacks & { name: string; data?: unknown }>(async ({ name, data }) => {
        if (!this.cloudReady) throw wxError('cloud.callFunction:fail please call wx.cloud.init first', -601034);
        const record: CallRecord = { name, action: (data as { action?: string } | undefined)?.action, ms: 0 };
        this.calls.push(record);
        this.pendingCalls += 1;
        const started = Date.now();
        try {
          const res = await fetch(`${this.options.baseUrl}/fn/${encodeURIComponent(name)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            // What WeChat sends is serialised too: undefined fields vanish, dates become strings.
            body: JSON.stringify({ openid: this.options.openid, data: data ?? {} }),
          });
          const body = (await res.json()) as { result?: unknown; errMsg?: string };
          if (res.status !== 200) {
            record.failure = `function host answered ${res.status}: ${body.errMsg ?? JSON.stringify(body)}`;
            throw wxError(`cloud.callFunction:fail -504002 functions execute fail. ${body.errMsg ?? ''}`, -504002);
          }
          const envelope = body.result as { ok?: boolean; error?: { code?: string } } | undefined;
          if (envelope && envelope.ok === false) record.code = envelope.error?.code;
          return { errMsg: 'cloud.callFunction:ok', result: body.result, requestID: `weapp-check-${this.calls.length}` };
        } catch (error) {
          record.failure ??= String((error as Error).message ?? error);
          throw error;
        } finally {
          record.ms = Date.now() - started;
          this.pendingCalls -= 1;
        }
      }),
    };
  }

  /** Resolves a navigation URL as WeChat does: absolute from the package root, or relative to the current page. */
  private resolveRoute(url: string): string {
    const pathPart = url.split('?')[0];
    if (pathPart.startsWith('/')) return pathPart.replace(/^\/+/, '');
    const current = this.options.currentRoute() ?? '';
    const parts = current.split('/').slice(0, -1);
    for (const segment of pathPart.split('/')) {
      if (segment === '..') parts.pop();
      else if (segment !== '.' && segment !== '') parts.push(segment);
    }
    return parts.join('/');
  }

  private navigationApis() {
    const { routes } = this.options;
    const navigate = (api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') =>
      asyncApi<Callbacks & { url?: string }>(async ({ url = '' }) => {
        const route = this.resolveRoute(url);
        let refused: string | undefined;
        if (!routes.all.includes(route)) refused = `${api}:fail page "${route}" is not found`;
        else if (api === 'switchTab' && !routes.tabs.includes(route)) refused = `${api}:fail can not switch to no-tabBar page`;
        else if ((api === 'navigateTo' || api === 'redirectTo') && routes.tabs.includes(route))
          refused = `${api}:fail can not ${api} a tabbar page`;
        else if (api === 'switchTab' && url.includes('?')) refused = `${api}:fail switchTab url does not support query string`;
        this.navigations.push({ api, url, ...(refused ? { refused } : {}) });
        if (refused) throw wxError(refused);
        return { errMsg: `${api}:ok` };
      });
    return {
      navigateTo: navigate('navigateTo'),
      redirectTo: navigate('redirectTo'),
      switchTab: navigate('switchTab'),
      reLaunch: navigate('reLaunch'),
      navigateBack: asyncApi(async () => ({ errMsg: 'navigateBack:ok' })),
    };
  }

  private storageApis() {
    const read = (key: string): unknown => {
      const raw = this.storage.get(key);
      return raw === undefined ? '' : JSON.parse(raw);
    };
    return {
      setStorageSync: (key: string, value: unknown) => void this.storage.set(key, JSON.stringify(value ?? null)),
      getStorageSync: (key: string) => read(key),
      removeStorageSync: (key: string) => void this.storage.delete(key),
      clearStorageSync: () => this.storage.clear(),
      setStorage: asyncApi<Callbacks & { key: string; data: unknown }>(async ({ key, data }) => {
        this.storage.set(key, JSON.stringify(data ?? null));
        return { errMsg: 'setStorage:ok' };
      }),
      getStorage: asyncApi<Callbacks & { key: string }>(async ({ key }) => {
        if (!this.storage.has(key)) throw wxError('getStorage:fail data not found');
        return { errMsg: 'getStorage:ok', data: read(key) };
      }),
      removeStorage: asyncApi<Callbacks & { key: string }>(async ({ key }) => {
        this.storage.delete(key);
        return { errMsg: 'removeStorage:ok' };
      }),
    };
  }
}
