/**
 * The member's items: every area's sources (house.inboxSources), asked at once, then the informational ones the
 * member already opened left out (one request for their seen marks, only when there are such items).
 */
import type { ActionContext, InboxItem } from '../../action';
import { command, findMany } from '../../db';
import { INBOX_COLLECTIONS as C } from './collections';

export function seenIdOf(openid: string, key: string): string {
  return `${openid}_${key}`;
}

/**
 * Most urgent first, then newest: to-do items with a deadline by their deadline, then everything else by when it
 * arose (ties by key, so the order is stable between pages).
 */
export function byUrgency(a: InboxItem, b: InboxItem): number {
  const dueA = a.kind === 'todo' ? a.dueAt?.getTime() : undefined;
  const dueB = b.kind === 'todo' ? b.dueAt?.getTime() : undefined;
  if (dueA !== undefined || dueB !== undefined) {
    if (dueA === undefined) return 1;
    if (dueB === undefined) return -1;
    if (dueA !== dueB) return dueA - dueB;
  }
  return b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key);
}

export async function gatherItems(ctx: ActionContext): Promise<InboxItem[]> {
  const lists = await Promise.all(Object.values(ctx.house.inboxSources).map((source) => source(ctx.openid, ctx)));
  const items = lists.flat();
  const info = items.filter((i) => i.kind === 'info');
  let seen = new Set<string>();
  if (info.length) {
    const ids = info.map((i) => seenIdOf(ctx.openid, i.key));
    const marks = await findMany<{ _id: string }>(C.seen, { _id: command().in(ids) }, { limit: ids.length });
    seen = new Set(marks.map((m) => m._id));
  }
  return items.filter((i) => i.kind === 'todo' || !seen.has(seenIdOf(ctx.openid, i.key))).sort(byUrgency);
}
