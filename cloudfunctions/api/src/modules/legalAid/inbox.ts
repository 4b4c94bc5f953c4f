/**
 * 消息与待办 of 法律援助: a confirmed booking today or tomorrow (China time) that has not started — the reminder the
 * cron also sends the day before. It goes when the booking starts, is cancelled or is moved to a later day.
 */
import type { ActionContext, InboxDeclaration, InboxItem } from '../../action';
import { command, findMany } from '../../db';
import { toIso } from '../../lib/time';
import { addDays } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { whenText } from './bookConsultation';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import type { BookingRecord } from './records';

async function upcomingBookings(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const today = chinaDate(ctx.now);
  const tomorrow = addDays(today, 1);
  const rows = await findMany<BookingRecord>(
    C.bookings,
    { openid, status: 'confirmed', date: command().in([today, tomorrow]) },
    { limit: 10 },
  );
  return rows
    .filter((b) => new Date(toIso(b.startsAt)) > ctx.now)
    .map((b) => ({
      key: `booking:${b._id}`,
      kind: 'todo' as const,
      label: '法律援助',
      title: `${b.date === today ? '今天' : '明天'}${b.start}法律援助咨询`,
      note: `${whenText(b)} · ${b.stationName}${b.way === 'callback' ? '（电话回拨，请保持电话畅通）' : '，请按时到场'}`,
      at: new Date(toIso(b.confirmedAt ?? b.armedAt)),
      dueAt: new Date(toIso(b.startsAt)),
      route: 'legalAidDetail',
      params: { id: b._id },
    }));
}

export const legalAidInbox: InboxDeclaration = { sources: { bookings: upcomingBookings } };
