/**
 * 消息与待办: one list of everything that needs the member — invitations, offers, corrections, reminders, results —
 * and the badge's count. Each area declares its item sources on its module definition (ModuleDef.inbox, in
 * modules/<area>/inbox.ts); this module only gathers, orders and pages them and keeps the seen marks of
 * informational items (docs/inbox.md).
 */
import { defineAction, defineModule, type ActionContext, type InboxItem } from '../../action';
import { command, PAGE_SIZE, removeWhere, setById, type Page } from '../../db';
import { INBOX_COLLECTIONS as C } from './collections';
import { gatherItems, seenIdOf } from './gatherItems';
import { inboxCountInput, inboxListInput, inboxSeenInput } from './schemas';
import type { InboxCount, InboxItemView } from './views';

/** Seen marks older than this are forgotten (their items left the list long before: INFO_DAYS). */
const SEEN_KEEP_MS = 90 * 86_400_000;

function toView(i: InboxItem): InboxItemView {
  return {
    key: i.key,
    kind: i.kind,
    label: i.label,
    title: i.title,
    ...(i.note ? { note: i.note } : {}),
    at: i.at.toISOString(),
    ...(i.dueAt ? { dueAt: i.dueAt.toISOString() } : {}),
    route: i.route,
    ...(i.params ? { params: i.params } : {}),
  };
}

async function listInbox(page: number, ctx: ActionContext): Promise<Page<InboxItemView>> {
  const items = await gatherItems(ctx);
  const from = (page - 1) * PAGE_SIZE;
  return { items: items.slice(from, from + PAGE_SIZE).map(toView), total: items.length };
}

async function countInbox(ctx: ActionContext): Promise<InboxCount> {
  const items = await gatherItems(ctx);
  return { count: items.length, todo: items.filter((i) => i.kind === 'todo').length };
}

async function markSeen(key: string, ctx: ActionContext): Promise<{ key: string }> {
  await setById(C.seen, seenIdOf(ctx.openid, key), { openid: ctx.openid, key, at: ctx.now });
  return { key };
}

async function forgetOldMarks(now: Date): Promise<Record<string, number>> {
  const forgotten = await removeWhere(C.seen, { at: command().lt(new Date(now.getTime() - SEEN_KEEP_MS)) });
  return { forgotten };
}

export const inboxModule = defineModule({
  area: 'inbox',
  collections: C,
  fieldLabels: { key: '消息' },
  cron: { forgetOldMarks },
  actions: {
    'inbox.list': defineAction({
      input: inboxListInput,
      roles: 'any',
      handler: (input, ctx) => listInbox(input.page ?? 1, ctx),
    }),
    'inbox.count': defineAction({ input: inboxCountInput, roles: 'any', handler: (_input, ctx) => countInbox(ctx) }),
    'inbox.seen': defineAction({ input: inboxSeenInput, roles: 'any', handler: (input, ctx) => markSeen(input.key, ctx) }),
  },
});
