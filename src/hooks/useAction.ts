import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { fieldErrorsOf, refusalOf, withoutField, type Refusal } from '../api/refusal';

export interface RunOptions<T> {
  /** Toast shown after success (e.g. 已保存); none when omitted. */
  success?: string;
  /** Title of the dialog that explains a refusal; 未能完成 by default. */
  failTitle?: string;
  /**
   * The form field a refused input field belongs to (server field name → form key), or undefined when the form
   * does not show it. Defaults to the same name. A refusal for a shown field is shown under the field only.
   */
  fieldKey?: (field: string) => string | undefined;
  /** Runs after success with the result (navigate, reload, replace data). */
  onDone?: (value: T) => void;
  /** Runs after a refusal (e.g. reload the page's data because it changed underneath). */
  onFail?: (refusal: Refusal) => void;
}

export interface ActionState {
  /** True while an action runs: disable the buttons, show 处理中. */
  busy: boolean;
  /** Messages under form fields, from the last refusal or from `setFieldErrors` (client-side checks). */
  fieldErrors: Record<string, string>;
  setFieldErrors: (errors: Record<string, string>) => void;
  /** Call when a field is edited: its error disappears. */
  clearField: (key: string) => void;
  /**
   * A form field's props (Field, ChoiceField…): the refusal shown under it, and an onInput that keeps the value
   * with `set` and clears that refusal. `<Field … value={date} {...act.field('date', setDate)} />`
   */
  field: (key: string, set: (value: string) => void) => { error?: string; onInput: (value: string) => void };
  /**
   * Runs one action: ignored while another runs (a double tap does nothing), then success toast or one way of
   * explaining a refusal (under its field when the form shows it, else a dialog). Resolves to the result, or
   * undefined when refused or ignored.
   */
  run: <T>(work: () => Promise<T>, opts?: RunOptions<T>) => Promise<T | undefined>;
}

/** The one way a page calls a state-changing action (busy state, errors, field errors). */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const running = useRef(false);

  const clearField = useCallback((key: string) => setFieldErrors((errors) => withoutField(errors, key)), []);

  const run = useCallback(async <T>(work: () => Promise<T>, opts: RunOptions<T> = {}): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setFieldErrors({});
    try {
      const value = await work();
      if (opts.success) void Taro.showToast({ title: opts.success, icon: 'success' });
      opts.onDone?.(value);
      return value;
    } catch (e) {
      const refusal = refusalOf(e);
      const onField = fieldErrorsOf(refusal, opts.fieldKey);
      if (Object.keys(onField).length) setFieldErrors(onField);
      else void Taro.showModal({ title: opts.failTitle ?? '未能完成', content: refusal.message, showCancel: false });
      opts.onFail?.(refusal);
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const field = (key: string, set: (value: string) => void) => ({
    error: fieldErrors[key],
    onInput: (value: string) => {
      set(value);
      clearField(key);
    },
  });

  return { busy, fieldErrors, setFieldErrors, clearField, field, run };
}
