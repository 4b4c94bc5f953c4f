/**
 * useRemote / usePagedRemote load once per show: the first show of a page coincides with mounting, whichever
 * comes first (on the mini-program runtime the mount effect runs before useDidShow), and only a page that
 * comes back into view loads again. Rendered with react-dom in jsdom; Taro's page hooks are simulated.
 */
import { JSDOM } from 'jsdom';
import type React from 'react';
import { act, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';

type Listener = () => void;
const lifecycle: { show: Listener[]; hide: Listener[] } = { show: [], hide: [] };

// Like Taro's own hooks: the callback is registered with the page in a layout effect.
jest.mock('@tarojs/taro', () => {
  const react = jest.requireActual<typeof React>('react');
  const register = (list: 'show' | 'hide') => (fn: Listener) =>
    react.useLayoutEffect(() => {
      lifecycle[list].push(() => fn());
    }, []);
  return { __esModule: true, default: {}, useDidShow: register('show'), useDidHide: register('hide') };
});

import { useRemote } from '../../../src/hooks/useRemote';
import { usePagedRemote } from '../../../src/hooks/usePagedRemote';

const show = () => lifecycle.show.forEach((f) => f());
const hide = () => lifecycle.hide.forEach((f) => f());

let root: ReturnType<typeof createRoot>;
let dom: JSDOM;

beforeAll(() => {
  dom = new JSDOM('<!doctype html><div id="root"></div>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document, IS_REACT_ACT_ENVIRONMENT: true });
});

beforeEach(() => {
  lifecycle.show = [];
  lifecycle.hide = [];
  root = createRoot(document.getElementById('root')!);
});

afterEach(() => {
  act(() => root.unmount());
});

async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

function Screen({
  load,
  refreshOnShow,
  showFirst,
}: {
  load: () => Promise<string>;
  refreshOnShow?: boolean;
  showFirst?: boolean;
}) {
  // A layout effect runs before passive effects: it plays the runtime that shows the page before the mount effect.
  useLayoutEffect(() => {
    if (showFirst) show();
  }, [showFirst]);
  const remote = useRemote(load, { refreshOnShow });
  return <span>{remote.data ?? ''}</span>;
}

describe('useRemote', () => {
  it('loads once when the mount effect runs before the first show (mini-program order)', async () => {
    const load = jest.fn(async () => 'data');
    act(() => root.render(<Screen load={load} refreshOnShow />));
    act(() => show());
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
    expect(document.getElementById('root')!.textContent).toBe('data');
  });

  it('loads once when the first show comes before the mount effect', async () => {
    const load = jest.fn(async () => 'data');
    act(() => root.render(<Screen load={load} refreshOnShow showFirst />));
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads again when the page comes back into view, only with refreshOnShow', async () => {
    const load = jest.fn(async () => 'data');
    act(() => root.render(<Screen load={load} refreshOnShow />));
    act(() => show());
    act(() => {
      hide();
      show();
    });
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    act(() => show()); // a second show without a hide in between (e.g. a repeated event) is ignored
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not reload on show without refreshOnShow', async () => {
    const load = jest.fn(async () => 'data');
    act(() => root.render(<Screen load={load} />));
    act(() => {
      show();
      hide();
      show();
    });
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the newest answer when an older load resolves late', async () => {
    const resolvers: Array<(v: string) => void> = [];
    const load = jest.fn(() => new Promise<string>((resolve) => resolvers.push(resolve)));
    act(() => root.render(<Screen load={load} refreshOnShow />));
    act(() => {
      hide();
      show();
    });
    await act(async () => {
      resolvers[1]('new');
      resolvers[0]('old');
    });
    expect(document.getElementById('root')!.textContent).toBe('new');
  });
});

function List({ loadPage }: { loadPage: (page: number) => Promise<{ items: number[]; total: number }> }) {
  const list = usePagedRemote(loadPage, { refreshOnShow: true });
  return (
    <span data-more={String(list.hasMore)} onClick={list.loadMore}>
      {list.data?.items.join(',')}
    </span>
  );
}

describe('usePagedRemote', () => {
  it('loads the first page once on first show and appends the next on loadMore', async () => {
    const loadPage = jest.fn(async (page: number) => ({ items: page === 1 ? [1, 2] : [3], total: 3 }));
    act(() => root.render(<List loadPage={loadPage} />));
    act(() => show());
    await flush();
    expect(loadPage).toHaveBeenCalledTimes(1);
    const span = document.querySelector('span')!;
    expect(span.getAttribute('data-more')).toBe('true');
    act(() => span.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true })));
    await flush();
    expect(loadPage.mock.calls.map((c) => c[0])).toEqual([1, 2]);
    expect(span.textContent).toBe('1,2,3');
    expect(span.getAttribute('data-more')).toBe('false');
  });
});
