/**
 * useAction, the one way a page calls an action: a double tap runs the work once, a refusal for a field the form
 * shows lands under that field (no dialog), any other refusal is explained once in a dialog, and editing a field
 * clears its error. Rendered with react-dom in jsdom; Taro's toast and modal are recorded.
 */
import { JSDOM } from 'jsdom';
import { act } from 'react';
import { createRoot } from 'react-dom/client';

const shown: Array<{ kind: 'toast' | 'modal'; text: string }> = [];
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    showToast: (o: { title: string }) => {
      shown.push({ kind: 'toast', text: o.title });
      return Promise.resolve();
    },
    showModal: (o: { title: string; content: string }) => {
      shown.push({ kind: 'modal', text: `${o.title}:${o.content}` });
      return Promise.resolve({ confirm: true });
    },
  },
}));

import { ApiError } from '../../../src/api/envelope';
import { fieldErrorsOf, refusalOf, withoutField } from '../../../src/api/refusal';
import { useAction, type ActionState } from '../../../src/hooks/useAction';

let root: ReturnType<typeof createRoot>;
let state: ActionState;

function Probe() {
  state = useAction();
  return (
    <div>
      <span id='busy'>{state.busy ? 'busy' : 'idle'}</span>
      <span id='errors'>{JSON.stringify(state.fieldErrors)}</span>
    </div>
  );
}

const text = (id: string) => document.getElementById(id)!.textContent;

beforeAll(() => {
  const dom = new JSDOM('<!doctype html><div id="root"></div>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document, IS_REACT_ACT_ENVIRONMENT: true });
});

beforeEach(() => {
  shown.length = 0;
  root = createRoot(document.getElementById('root')!);
  act(() => root.render(<Probe />));
});

afterEach(() => act(() => root.unmount()));

describe('refusalOf', () => {
  it('names the nested path before the top field, and a network failure has no field', () => {
    expect(refusalOf(new ApiError('INVALID_INPUT', '请填写手机号', { field: 'contact', path: 'contact.phone' }))).toEqual({
      code: 'INVALID_INPUT',
      message: '请填写手机号',
      field: 'contact.phone',
    });
    expect(refusalOf(new ApiError('FULL', '名额已满'))).toEqual({ code: 'FULL', message: '名额已满', field: undefined });
    expect(refusalOf(new Error('socket'))).toEqual({ code: 'NETWORK', message: '网络异常，请检查网络后重试' });
  });

  it('maps a field to the form key, or to nothing when the form does not show it', () => {
    const r = { code: 'INVALID_INPUT', message: '格式不正确', field: 'mobile' };
    expect(fieldErrorsOf(r)).toEqual({ mobile: '格式不正确' });
    expect(fieldErrorsOf(r, (f) => (f === 'mobile' ? 'phone' : undefined))).toEqual({ phone: '格式不正确' });
    expect(fieldErrorsOf(r, () => undefined)).toEqual({});
    expect(withoutField({ a: 'x', b: 'y' }, 'a')).toEqual({ b: 'y' });
  });
});

describe('useAction', () => {
  it('runs the work once for a double tap and is busy until it settles', async () => {
    let calls = 0;
    let finish: (v: string) => void = () => undefined;
    const work = () => {
      calls += 1;
      return new Promise<string>((r) => (finish = r));
    };
    let first: Promise<string | undefined> = Promise.resolve(undefined);
    let second: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => {
      first = state.run(work, { success: '已报名' });
      second = state.run(work, { success: '已报名' });
    });
    expect(text('busy')).toBe('busy');
    await act(async () => {
      finish('ok');
      await first;
    });
    expect(await second).toBeUndefined();
    expect(await first).toBe('ok');
    expect(calls).toBe(1);
    expect(text('busy')).toBe('idle');
    expect(shown).toEqual([{ kind: 'toast', text: '已报名' }]);
  });

  it('puts a refused field under that field without a dialog, and editing the field clears it', async () => {
    await act(async () => {
      await state.run(() => Promise.reject(new ApiError('INVALID_INPUT', '请填写正确的手机号', { field: 'mobile' })));
    });
    expect(JSON.parse(text('errors')!)).toEqual({ mobile: '请填写正确的手机号' });
    expect(shown).toEqual([]);
    act(() => state.clearField('mobile'));
    expect(JSON.parse(text('errors')!)).toEqual({});
  });

  it("binds a form field: field() gives the field's refusal, and typing keeps the value and clears it", async () => {
    await act(async () => {
      await state.run(() => Promise.reject(new ApiError('INVALID_INPUT', '请填写正确的手机号', { field: 'mobile' })));
    });
    const typed: string[] = [];
    expect(state.field('mobile', (v) => typed.push(v)).error).toBe('请填写正确的手机号');
    expect(state.field('name', (v) => typed.push(v)).error).toBeUndefined();
    act(() => state.field('mobile', (v) => typed.push(v)).onInput('13800138000'));
    expect(typed).toEqual(['13800138000']);
    expect(JSON.parse(text('errors')!)).toEqual({});
    expect(state.field('mobile', (v) => typed.push(v)).error).toBeUndefined();
  });

  it('explains any other refusal once in a dialog and calls onFail', async () => {
    const failed: string[] = [];
    let result: unknown = 'unset';
    await act(async () => {
      result = await state.run(() => Promise.reject(new ApiError('FULL', '名额已满，可登记候补')), {
        failTitle: '未能报名',
        fieldKey: () => undefined,
        onFail: (r) => failed.push(r.code),
      });
    });
    expect(result).toBeUndefined();
    expect(shown).toEqual([{ kind: 'modal', text: '未能报名:名额已满，可登记候补' }]);
    expect(failed).toEqual(['FULL']);
    expect(JSON.parse(text('errors')!)).toEqual({});
  });
});
