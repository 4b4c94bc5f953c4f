/**
 * StateView given the screen's load (`remote`, a useRemote state): it shows the load's spinner, its error with
 * 重试 only where trying again can help, and the content once loaded; a prop given as well wins over the load's
 * (a list already shown stays while it reloads). Rendered with react-dom in jsdom; Taro's View and Text are stubs.
 */
import { JSDOM } from 'jsdom';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

jest.mock('@tarojs/components', () => {
  const stub =
    (tag: 'div' | 'span') =>
    ({ children, className, onClick, ...p }: { children?: ReactNode; className?: string; onClick?: () => void }) =>
      tag === 'div' ? (
        <div className={className} onClick={onClick} {...p}>
          {children}
        </div>
      ) : (
        <span className={className} onClick={onClick} {...p}>
          {children}
        </span>
      );
  return { View: stub('div'), Text: stub('span') };
});
jest.mock('../../../src/components/StateView.scss', () => ({}));
jest.mock('../../../src/components/Button', () => ({
  Button: ({ children, testId, onClick }: { children?: ReactNode; testId?: string; onClick?: () => void }) => (
    <button data-testid={testId} onClick={onClick}>
      {children}
    </button>
  ),
}));

import { allLoads, StateView, type RemoteStatus } from '../../../src/components/StateView';

let root: ReturnType<typeof createRoot>;
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
const load = (over: Partial<RemoteStatus> = {}): RemoteStatus => ({
  loading: false,
  error: null,
  errorCode: null,
  reload: () => undefined,
  ...over,
});
const show = (node: ReactNode) => act(() => root.render(<>{node}</>));

beforeAll(() => {
  const dom = new JSDOM('<!doctype html><div id="root"></div>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document, IS_REACT_ACT_ENVIRONMENT: true });
});
beforeEach(() => {
  root = createRoot(document.getElementById('root')!);
});
afterEach(() => act(() => root.unmount()));

it('shows the load: its spinner, then its content', () => {
  show(
    <StateView remote={load({ loading: true })}>
      <span data-testid='content'>内容</span>
    </StateView>,
  );
  expect(byTestId('state-loading')?.textContent).toBe('加载中…');
  expect(byTestId('content')).toBeNull();
  show(
    <StateView remote={load()}>
      <span data-testid='content'>内容</span>
    </StateView>,
  );
  expect(byTestId('state-loading')).toBeNull();
  expect(byTestId('content')?.textContent).toBe('内容');
});

it("shows the load's error; 重试 reloads where trying again can help, and is not offered for a refusal", () => {
  let reloads = 0;
  show(<StateView remote={load({ error: '网络异常，请检查网络后重试', errorCode: 'NETWORK', reload: () => (reloads += 1) })} />);
  expect(byTestId('state-error')?.textContent).toContain('网络异常，请检查网络后重试');
  act(() => byTestId('state-retry')!.dispatchEvent(new window.MouseEvent('click', { bubbles: true })));
  expect(reloads).toBe(1);
  show(<StateView remote={load({ error: '仅工会工作人员可以查看', errorCode: 'FORBIDDEN', reload: () => (reloads += 1) })} />);
  expect(byTestId('state-error')?.textContent).toContain('仅工会工作人员可以查看');
  expect(byTestId('state-retry')).toBeNull();
});

it("a prop given as well wins over the load's: a list already shown stays while it reloads", () => {
  show(
    <StateView remote={load({ loading: true })} loading={false}>
      <span data-testid='content'>列表</span>
    </StateView>,
  );
  expect(byTestId('state-loading')).toBeNull();
  expect(byTestId('content')?.textContent).toBe('列表');
  show(<StateView remote={load()} error='请先登录' errorCode='FORBIDDEN' />);
  expect(byTestId('state-error')?.textContent).toContain('请先登录');
});

it('several loads as one (allLoads): the first failure with its code, and 重试 reloads only the loads that failed', () => {
  const reloads: string[] = [];
  const session = load({ reload: () => reloads.push('session') });
  const tree = load({ error: '网络异常，请检查网络后重试', errorCode: 'NETWORK', reload: () => reloads.push('tree') });
  show(<StateView remote={allLoads(load({ loading: true }), tree)} />);
  expect(byTestId('state-loading')).not.toBeNull();
  show(<StateView remote={allLoads(session, tree)} />);
  act(() => byTestId('state-retry')!.dispatchEvent(new window.MouseEvent('click', { bubbles: true })));
  expect(reloads).toEqual(['tree']);
  show(<StateView remote={allLoads(load({ error: '无法确认您的身份', errorCode: 'UNAUTHENTICATED' }), tree)} />);
  expect(byTestId('state-error')?.textContent).toContain('无法确认您的身份');
  expect(byTestId('state-retry')).toBeNull();
});
