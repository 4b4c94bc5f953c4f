/**
 * 消息与待办 of 心理咨询: a session today or tomorrow (China time) that has not started (a todo: it goes when the
 * session starts or is cancelled), and a session the room cancelled in the last 7 days whose time has not
 * passed (info: cleared when opened). Titles carry no detail beyond the time and the room.
 */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { command, findMany } from '../../db';
import { toIso } from '../../lib/time';
import { addDays } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { COUNSELLING_COLLECTIONS as C } from './collections';
import type { SessionRecord } from './records';
import { whenText } from './sessions';

async function upcomingSessions(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const today = chinaDate(ctx.now);
  const rows = await findMany<SessionRecord>(
    C.bookings,
    { openid, status: 'confirmed', date: command().in([today, addDays(today, 1)]) },
    { limit: 5 },
  );
  return rows
    .filter((s) => new Date(toIso(s.startsAt)) > ctx.now)
    .map((s) => ({
      key: `session:${s._id}`,
      kind: 'todo' as const,
      label: '心理咨询',
      title: `${s.date === today ? '今天' : '明天'}${s.start}心理咨询`,
      note: `${whenText(s)} · ${s.roomName}，如不能前来请提前取消`,
      at: new Date(toIso(s.confirmedAt ?? s.armedAt)),
      dueAt: new Date(toIso(s.startsAt)),
      route: 'counsellingDetail',
      params: { id: s._id },
    }));
}

async function cancelledByRoom(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const _ = command();
  const rows = await findMany<SessionRecord>(
    C.bookings,
    { openid, status: 'cancelled', cancelledBy: 'room', closedAt: _.gt(new Date(ctx.now.getTime() - 7 * 86400_000)) },
    { limit: 5 },
  );
  return rows
    .filter((s) => new Date(toIso(s.startsAt)) > ctx.now)
    .map((s) => ({
      key: `roomCancel:${s._id}`,
      kind: 'info' as const,
      label: '心理咨询',
      title: `${whenText(s)}的心理咨询已被咨询室取消`,
      note: `${s.cancelReason ?? ''}。可重新预约其他时段`,
      at: new Date(toIso(s.closedAt)),
      route: 'counsellingDetail',
      params: { id: s._id },
    }));
}

export const counsellingInbox: InboxDeclaration = { sources: { sessions: upcomingSessions, roomCancels: cancelledByRoom } };
