/** Scenario helpers for the counselling tests: a room made through the API, its free slots, the person key. */
import { COUNSELLING_COLLECTIONS } from '../../cloudfunctions/api/src/modules/counselling/collections';
import { opaqueId } from '../../cloudfunctions/api/src/lib/pii';
import { addDays } from '../../cloudfunctions/api/src/rules/legalAid';
import { chinaDate } from '../../cloudfunctions/api/src/rules/time';
import { fixtureKeys } from '../../cloudfunctions/api/fixtures/people';
import type { TestCloud } from './scenario';

export const CR = COUNSELLING_COLLECTIONS;

export function counselKey(openid: string): string {
  return opaqueId('C', openid, fixtureKeys().hashKey);
}

/** Every day 14:00–16:00 in 60-minute sessions (two a day), unless told otherwise. */
export function roomInput(orgId: string, o: { cancelBeforeHours?: number; name?: string; until?: string } = {}) {
  return {
    name: o.name ?? '测试职工心理咨询室',
    address: '常州市武进区湖塘镇测试路1号',
    phone: '0519-8631 2356',
    orgId,
    hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '14:00', end: o.until ?? '16:00' })),
    sessionMinutes: 60,
    cancelBeforeHours: o.cancelBeforeHours ?? 12,
    closures: [],
  };
}

/** The room's free slots starting on or after `fromDays` days ahead (China dates), in time order. */
export async function freeSlots(env: TestCloud, openid: string, roomId: string, fromDays = 2): Promise<string[]> {
  const from = addDays(chinaDate(new Date()), fromDays);
  const { items } = await env.ok(openid, 'counselling.slots', { roomId });
  return items.filter((s) => s.free && s.date >= from).map((s) => s._id);
}

export interface StoredSlot {
  seatsLeft: number;
  holders: Record<string, string[]>;
  status: string;
}

export const slotDoc = (env: TestCloud, id: string) => env.store.byId<StoredSlot>(CR.slots, id);
export const allowanceDoc = (env: TestCloud, openid: string) => env.store.byId<StoredSlot>(CR.allowances, counselKey(openid));
