/** One line of 消息与待办, as the app shows it. */
export interface InboxItemView {
  key: string;
  /** todo: the member acts, and acting clears it; info: a decision to read, cleared when opened. */
  kind: 'todo' | 'info';
  label: string;
  title: string;
  note?: string;
  at: string;
  /** The deadline (an offer's, a booking's start), when there is one. */
  dueAt?: string;
  /** App route name (src/features.ts) and its query parameters: the page where the member acts. */
  route: string;
  params?: Record<string, string>;
}

export interface InboxCount {
  /** Everything in the list (the badge). */
  count: number;
  /** Of which to do. */
  todo: number;
}
