/**
 * No application waits unseen (issue 19). Every staff queue declares how many of its items wait past the union's
 * review deadline in a caller's scope (ModuleDef.overdue, keyed like its 工作台 count); the 工作台 shows those
 * counts, and once per China day each union staff member with something overdue in scope gets ONE reminder — a
 * subscribe message when they consented to `review_overdue`, an entry in 我的申请 otherwise.
 *
 * The day is claimed before anything is sent: a document `${openid}_${day}` inserted with its deterministic _id
 * (and a unique index on openid + day), so a second tick, or two ticks at once, find it taken and send nothing.
 */
import type { ActionContext } from '../../action';
import { findAll, insertUnique } from '../../db';
import type { House } from '../../house';
import { chinaDate } from '../../lib/time';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { toRoleGrant } from '../../shared/grants';
import { sendSubscribeMessage } from '../../shared/notify';
import type { RoleRecord } from '../../shared/records';
import { addTimelineEntry } from '../../shared/timeline';
import { WORKBENCH_COLLECTIONS as C } from './collections';

/** The timeline kind (我的申请) and subscribe-message template of the reminder. */
export const OVERDUE_KIND = 'reviewOverdue';
export const OVERDUE_TEMPLATE = 'review_overdue';

/**
 * Each queue's overdue count in the caller's scope (keys as in workbench.summary's counts). `only`: count just these
 * queues; the others are 0 (the cron's reminder passes those with something overdue anywhere).
 */
export async function overdueCounts(ctx: ActionContext, only?: ReadonlySet<string>): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(ctx.house.overdueCounters).map(
      async ([key, c]) => [key, only && !only.has(key) ? 0 : await c.count(ctx)] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** 入会审核 3 件、转会审核 1 件 */
function breakdown(counts: Record<string, number>, house: House): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${house.overdueCounters[key].label}${n}件`)
    .join('、');
}

/** The union staff (role `staff` with an org scope), each with all their grants. */
async function unionStaff(): Promise<Map<string, RoleRecord[]>> {
  const rows = await findAll<RoleRecord>(CORE_COLLECTIONS.roles, { role: 'staff' });
  const byPerson = new Map<string, RoleRecord[]>();
  for (const r of rows) if (r.scopeId) byPerson.set(r.openid, [...(byPerson.get(r.openid) ?? []), r]);
  return byPerson;
}

/** The cron task: one reminder per staff member and China day, for what is overdue in their scope. */
export async function remindOverdue(now: Date, house: House): Promise<Record<string, number>> {
  const day = chinaDate(now);
  let reminded = 0;
  let messages = 0;
  // The cron runs every ten minutes and the reminder is daily: first the union as a whole (one count per queue, as
  // an administrator sees it), then only the queues with something overdue, and only for staff not yet reminded
  // today. A tick with nothing overdue anywhere used to cost a count per queue and staff member.
  const anywhere = await overdueCounts({ openid: '', grants: [], isAdmin: true, now, house });
  const live = new Set(Object.keys(anywhere).filter((key) => anywhere[key] > 0));
  if (!live.size) return { reminded, messages };
  const remindedToday = new Set((await findAll<{ openid: string }>(C.reminders, { day })).map((r) => r.openid));
  for (const [openid, roles] of await unionStaff()) {
    if (remindedToday.has(openid)) continue; // its claim for today is taken: the insert below would find it so
    const ctx: ActionContext = { openid, grants: roles.map(toRoleGrant), isAdmin: false, now, house };
    const counts = await overdueCounts(ctx, live);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (!total) continue;
    const claimed = await insertUnique(C.reminders, `${openid}_${day}`, { openid, day, total, counts, at: now });
    if (!claimed) continue;
    reminded += 1;
    const title = `${total}件申请已超过办理期限`;
    const note = breakdown(counts, house);
    if (await sendSubscribeMessage(openid, OVERDUE_TEMPLATE, { title, statusText: '已超期', note, at: now })) {
      messages += 1;
      continue;
    }
    await addTimelineEntry({
      openid,
      area: OVERDUE_KIND,
      refId: `${openid}_${day}`,
      title,
      status: 'overdue',
      statusText: '已超期',
      note,
      at: now,
    });
  }
  return { reminded, messages };
}
