/**
 * The 困难帮扶 form hook (src/packages/hardship/components/useForm.ts): values under the action's field names, and
 * an error that goes as soon as its own field is edited (issue 21) while the others stay. Rendered with react-dom
 * in jsdom, as tests/unit/app/action.test.tsx does.
 */
import { JSDOM } from 'jsdom';
import { act } from 'react';
import { createRoot } from 'react-dom/client';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { showToast: jest.fn(), showModal: jest.fn() } }));

import { useAction } from '../../../src/hooks/useAction';
import { useForm } from '../../../src/packages/hardship/components/useForm';

let root: ReturnType<typeof createRoot>;
let latest: {
  form: ReturnType<typeof useForm<{ income: string; story: string }>>;
  setErrors: (e: Record<string, string>) => void;
};

function Probe() {
  const action = useAction();
  const form = useForm({ income: '', story: '' }, action);
  latest = { form, setErrors: action.setFieldErrors };
  return <span id='errors'>{JSON.stringify(action.fieldErrors)}</span>;
}

beforeAll(() => {
  const dom = new JSDOM('<!doctype html><div id="root"></div>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document, IS_REACT_ACT_ENVIRONMENT: true });
});
beforeEach(() => {
  root = createRoot(document.getElementById('root')!);
  act(() => root.render(<Probe />));
});
afterEach(() => act(() => root.unmount()));

it('binds a field to its value and error; editing it clears its error only', () => {
  act(() => latest.setErrors({ income: '请填写家庭月总收入（元）', story: '请填写困难情况' }));
  expect(latest.form.bind('income')).toMatchObject({ value: '', error: '请填写家庭月总收入（元）' });
  act(() => latest.form.bind('income').onInput('2800'));
  expect(latest.form.values).toEqual({ income: '2800', story: '' });
  expect(latest.form.bind('income').error).toBeUndefined();
  expect(latest.form.bind('story').error).toBe('请填写困难情况');
  expect(JSON.parse(document.getElementById('errors')!.textContent!)).toEqual({ story: '请填写困难情况' });
});
