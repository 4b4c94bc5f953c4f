/**
 * One id per opened form (8–40 letters and digits, as the function's schemas take it): the server creates the
 * record once however often the same form is sent — a double tap, or a retry after the network dropped the answer.
 */
export function newRequestId(): string {
  return `f${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
