import { useCallback, useState } from 'react';
import type { ActionState } from '../../../hooks/useAction';

/** What a form control needs of one field: its value, the error under it, and the edit that clears that error. */
export interface FieldBinding<T> {
  value: T;
  error?: string;
  onInput: (value: T) => void;
}

/**
 * A form's values keyed by the action's input field names, bound to the page's `useAction`: `bind('income')`
 * gives a control its value, the server's (or the page's) error for that field, and an edit that clears the
 * error as soon as the member changes the field — so no page repeats `value / error / clearField` per field.
 */
export function useForm<V extends Record<string, unknown>>(initial: V, act: ActionState) {
  const [values, setValues] = useState<V>(initial);
  const { clearField } = act;
  const set = useCallback(
    <K extends keyof V & string>(key: K, value: V[K]) => {
      setValues((prev) => ({ ...prev, [key]: value }));
      clearField(key);
    },
    [clearField],
  );
  const bind = <K extends keyof V & string>(key: K): FieldBinding<V[K]> => ({
    value: values[key],
    error: act.fieldErrors[key],
    onInput: (value) => set(key, value),
  });
  return { values, set, bind };
}
