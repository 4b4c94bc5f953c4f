/**
 * The one client 公示 display (components/publicity): the window line in China time, and the objection dialog —
 * a short reason is refused before any call, a valid one is filed once (trimmed, for the entry tapped), a refused
 * reason is said under it, any other refusal in a dialog, and the objection dialog stays open. Rendered with react-dom in jsdom; Taro's parts are stubs.
 */
import { JSDOM } from 'jsdom';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

const modals: string[] = [];
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    showToast: () => Promise.resolve(),
    showModal: (o: { content: string }) => {
      modals.push(o.content);
      return Promise.resolve({ confirm: true });
    },
  },
}));
jest.mock('@tarojs/components', () => ({
  Text: ({ children, ...p }: { children?: ReactNode; 'data-testid'?: string; onClick?: () => void }) => (
    <span data-testid={p['data-testid']} onClick={p.onClick}>
      {children}
    </span>
  ),
  Textarea: (p: { value: string; 'data-testid'?: string; onInput: (e: { detail: { value: string } }) => void }) => (
    <textarea
      data-testid={p['data-testid']}
      value={p.value}
      onInput={(e) => p.onInput({ detail: { value: (e.target as HTMLTextAreaElement).value } })}
      readOnly
    />
  ),
}));
jest.mock('../../../src/components/ConfirmDialog', () => ({
  ConfirmDialog: (p: { visible: boolean; title: string; children?: ReactNode; onConfirm: () => void }) =>
    p.visible ? (
      <div data-testid='dialog'>
        <h1>{p.title}</h1>
        {p.children}
        <button data-testid='dialog-ok' onClick={p.onConfirm} />
      </div>
    ) : null,
}));

import { ApiError } from '../../../src/api/envelope';
import { ObjectionDialog, PublicityWindow, type ObjectionTarget } from '../../../src/components/publicity';

let root: ReturnType<typeof createRoot>;
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);

beforeAll(() => {
  const dom = new JSDOM('<!doctype html><div id="root"></div>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document, IS_REACT_ACT_ENVIRONMENT: true });
});
beforeEach(() => (root = createRoot(document.getElementById('root')!)));
afterEach(() => act(() => root.unmount()));

function typeReason(text: string) {
  const area = byTestId('rec-test-object-reason') as HTMLTextAreaElement;
  const setter = Object.getOwnPropertyDescriptor(window.HTMLTextAreaElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(area, text);
    area.dispatchEvent(new window.Event('input', { bubbles: true }));
  });
}

async function tapSubmit() {
  await act(async () => {
    (byTestId('dialog-ok') as HTMLButtonElement).dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
    await Promise.resolve();
  });
}

function renderDialog(target: ObjectionTarget | null, file: jest.Mock, onClose = jest.fn()) {
  act(() =>
    root.render(
      <ObjectionDialog
        target={target}
        checkedBy='工会'
        file={file}
        onClose={onClose}
        testIdPrefix='rec-test'
        classPrefix='rec'
      />,
    ),
  );
  return onClose;
}

describe('PublicityWindow', () => {
  it('says until when in China time while open, and the closed text after', () => {
    act(() => root.render(<PublicityWindow open until='2027-03-05T16:30:00.000Z' where='名单中的“异议”' testId='w' />));
    expect(byTestId('w')!.textContent).toBe('公示期至 3月6日 00:30，如有异议请点击名单中的“异议”并写明理由。');
    act(() =>
      root.render(
        <PublicityWindow open={false} until='2027-03-05T16:30:00.000Z' where='x' closedText='成绩已确定。' testId='w' />,
      ),
    );
    expect(byTestId('w')!.textContent).toBe('成绩已确定。');
  });
});

describe('ObjectionDialog', () => {
  it('refuses a reason under 5 characters without calling, then files a valid one once for the entry tapped', async () => {
    const file = jest.fn().mockResolvedValue({ objectionId: 'x' });
    const onClose = renderDialog({ ticket: 'T-1' }, file);
    typeReason('有问题');
    await tapSubmit();
    expect(file).not.toHaveBeenCalled();
    expect(byTestId('rec-test-object-error')!.textContent).toBe('请写明异议理由（至少5个字），工会将核实处理');
    typeReason('  该职工不在一线岗位工作  ');
    expect(byTestId('rec-test-object-error')).toBeNull();
    await tapSubmit();
    expect(file).toHaveBeenCalledTimes(1);
    expect(file).toHaveBeenCalledWith('T-1', '该职工不在一线岗位工作');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('says a refused reason under it, any other refusal in a dialog, and stays open', async () => {
    const file = jest
      .fn()
      .mockRejectedValueOnce(new ApiError('INVALID_INPUT', '异议理由不超过300字', { field: 'reason' }))
      .mockRejectedValueOnce(new ApiError('CONFLICT', '公示期已结束或尚未公示，不能再提出异议'));
    const onClose = renderDialog({ ticket: 'T-2' }, file);
    typeReason('该职工不在一线岗位工作');
    await tapSubmit();
    expect(byTestId('rec-test-object-error')!.textContent).toBe('异议理由不超过300字');
    await tapSubmit();
    expect(modals).toEqual(['公示期已结束或尚未公示，不能再提出异议']);
    expect(byTestId('dialog')).not.toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows nothing without a target', () => {
    renderDialog(null, jest.fn());
    expect(byTestId('dialog')).toBeNull();
  });
});
