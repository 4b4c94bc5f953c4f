/** What union staff see of counselling: counts per room and month, never who booked (no identities at all). */
import type { ActionContext } from '../../action';
import { command, findAll, findMany } from '../../db';
import { subtreeWhere } from '../../shared/scope';
import { COUNSELLING_COLLECTIONS as C } from './collections';
import type { RoomRecord, SessionRecord, SlotRecord } from './records';
import type { RoomStatsView } from './views';

export async function roomStats(month: string, ctx: ActionContext): Promise<{ items: RoomStatsView[] }> {
  const _ = command();
  const rooms = await findMany<RoomRecord>(C.rooms, subtreeWhere(ctx), { orderBy: [['sort', 'asc']], limit: 100 });
  if (!rooms.length) return { items: [] };
  const ids = rooms.map((r) => r._id);
  const inMonth = _.gte(`${month}-01`).and(_.lte(`${month}-31`));
  // Only counts leave: no openid, pseudonym or contact ever reaches this answer. Every row of the month is read
  // (a district's rooms have more than one query's 1000 slots a month: a capped read undercounted silently).
  const [slots, sessions] = await Promise.all([
    findAll<Pick<SlotRecord, 'roomId'>>(C.slots, { roomId: _.in(ids), date: inMonth, status: 'open' }),
    findAll<Pick<SessionRecord, 'roomId' | 'status'>>(C.bookings, {
      roomId: _.in(ids),
      date: inMonth,
      status: _.in(['confirmed', 'completed', 'no_show', 'cancelled']),
    }),
  ]);
  return {
    items: rooms.map((r) => {
      const mine = sessions.filter((s) => s.roomId === r._id);
      const count = (st: string) => mine.filter((s) => s.status === st).length;
      return {
        roomId: r._id,
        roomName: r.name,
        month,
        slots: slots.filter((s) => s.roomId === r._id).length,
        booked: count('confirmed') + count('completed') + count('no_show'),
        completed: count('completed'),
        noShow: count('no_show'),
        cancelled: count('cancelled'),
      };
    }),
  };
}
