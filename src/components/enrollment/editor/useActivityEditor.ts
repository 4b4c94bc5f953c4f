import { useState } from 'react';
import { useAction } from '../../../hooks/useAction';
import type { Checked } from './fields';

export interface ActivityEditorSetup<F, I> {
  /** The form to start from (the activity's, or a new one's). */
  initial: () => F;
  /** The input to send, or the problems found on the phone. */
  check: (form: F) => Checked<I>;
  /** Sends the input; resolves to the saved activity. */
  send: (input: I) => Promise<{ _id: string }>;
  /** The form key a field the server refuses is shown under, or undefined when the form has no such field. */
  fieldKey: (field: string) => string | undefined;
  /** Where to go after 已保存. */
  leave: (savedId: string) => void;
}

/**
 * The activity editor's state and save flow: `set` edits one field (its complaint goes at once); `save` checks the
 * form, shows its problems under their fields, or sends it through useAction (busy, a refusal under its field or in
 * one dialog, 已保存 and `leave`).
 */
export function useActivityEditor<F extends object, I>(setup: ActivityEditorSetup<F, I>) {
  const act = useAction();
  const [form, setForm] = useState<F>(setup.initial);
  const set = <K extends keyof F>(key: K, value: F[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    act.clearField(String(key));
  };
  /** Several fields at once (tick chips that stand for several settings). */
  const patch = (values: Partial<F>) => {
    setForm((f) => ({ ...f, ...values }));
    Object.keys(values).forEach(act.clearField);
  };
  const save = () => {
    const checked = setup.check(form);
    if ('problems' in checked) return act.setFieldErrors(checked.problems);
    void act.run(() => setup.send(checked.input), {
      success: '已保存',
      failTitle: '未能保存',
      fieldKey: setup.fieldKey,
      onDone: (saved) => setup.leave(saved._id),
    });
  };
  return { form, set, patch, save, errors: act.fieldErrors, busy: act.busy };
}

export type ActivityEditorState<F> = ReturnType<typeof useActivityEditor<F & object, unknown>>;
