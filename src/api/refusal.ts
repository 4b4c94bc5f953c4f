/**
 * What a failed action means for the screen that called it (pure, unit-tested): a message, and the form field it
 * belongs to when the server named one (validation gives `details.field`, or `details.path` for a nested field).
 */
import { ApiError, errorMessage } from './envelope';

export interface Refusal {
  code: string;
  message: string;
  /** The input field the server refused, when it named one. */
  field?: string;
}

export function refusalOf(e: unknown): Refusal {
  if (!(e instanceof ApiError)) return { code: 'NETWORK', message: errorMessage(e) };
  const details = (e.details ?? {}) as { field?: unknown; path?: unknown };
  const named = typeof details.path === 'string' && details.path ? details.path : details.field;
  const field = typeof named === 'string' && named ? named : undefined;
  return { code: e.code, message: e.message, field };
}

/**
 * The form's field errors after a refusal: the refused field (mapped to the form's own key by `fieldKey`) gets the
 * message when the form shows that field; otherwise nothing (the message is shown once, in the dialog).
 */
export function fieldErrorsOf(
  refusal: Refusal,
  fieldKey: (field: string) => string | undefined = (f) => f,
): Record<string, string> {
  if (!refusal.field) return {};
  const key = fieldKey(refusal.field);
  return key ? { [key]: refusal.message } : {};
}

/** The field errors without `key` (an error disappears as soon as its field is edited). */
export function withoutField(errors: Record<string, string>, key: string): Record<string, string> {
  if (!(key in errors)) return errors;
  const rest = { ...errors };
  delete rest[key];
  return rest;
}
