/** Scenario helpers for the legal-aid tests: China dates and times, slots, evidence uploads, valid input. */
import type { ApiContract } from '../../cloudfunctions/api/src/contract';
import { LEGAL_AID_COLLECTIONS } from '../../cloudfunctions/api/src/modules/legalAid/collections';
import { opaqueId } from '../../cloudfunctions/api/src/lib/pii';
import { addDays, chinaInstant } from '../../cloudfunctions/api/src/rules/legalAid';
import { chinaDate } from '../../cloudfunctions/api/src/rules/time';
import { fixtureKeys } from '../../cloudfunctions/api/fixtures/people';
import { connectSdk, type LocalCloud } from './localCloud';

export const LA = LEGAL_AID_COLLECTIONS;
export const WUJIN = 'st-cz-wujin';
export const XINBEI = 'st-cz-xinbei';
export const LAWYER_WUJIN = 'demo-lawyer-wujin';
export const LAWYER_XINBEI = 'demo-lawyer-xinbei';

export function today(): string {
  return chinaDate(new Date());
}

/** Date (YYYY-MM-DD) and time (HH:MM) in China `ms` from now. */
export function chinaAt(ms: number): { date: string; time: string } {
  const t = new Date(Date.now() + ms + 8 * 3600_000).toISOString();
  return { date: t.slice(0, 10), time: t.slice(11, 16) };
}

export function personKey(openid: string): string {
  return opaqueId('P', openid, fixtureKeys().hashKey);
}

export function bookingIdOf(slotId: string, openid: string): string {
  return `${slotId}_${personKey(openid)}`;
}

export function seatKey(openid: string, attempt: string): string {
  return `${personKey(openid)}:${attempt}`;
}

let period = 0;
/** A fresh time-slot period id (t0001, t0002 …) so tests never collide on a slot id. */
export function freshPeriod(): string {
  period += 1;
  return `t${String(Math.floor(period / 60) % 24).padStart(2, '0')}${String(period % 60).padStart(2, '0')}`;
}

export interface SlotSpec {
  stationId?: string;
  date: string;
  period?: string;
  start?: string;
  end?: string;
  capacity?: number;
  status?: 'open' | 'cancelled';
}

/**
 * Writes a slot document straight into the store (as the roster sync would): for slots the actions refuse to
 * create on purpose (already started) and for test slots on dates of our choosing.
 */
export async function putSlot(cloud: LocalCloud, spec: SlotSpec): Promise<string> {
  const { db } = connectSdk(cloud.serviceUrl);
  const stationId = spec.stationId ?? WUJIN;
  const p = spec.period ?? freshPeriod();
  const start = spec.start ?? `${p.slice(1, 3)}:${p.slice(3, 5)}`;
  const end = spec.end ?? '23:59';
  const id = `${stationId}_${spec.date}_${p}`;
  const capacity = spec.capacity ?? 5;
  const names: Record<string, string> = { 'st-cz-wujin': '武进区职工法律援助站', 'st-cz-xinbei': '新北区劳动争议多元化解中心' };
  await db
    .collection(LA.slots)
    .doc(id)
    .set({
      data: {
        stationId,
        stationName: names[stationId] ?? stationId,
        date: spec.date,
        period: p,
        start,
        end,
        startsAt: chinaInstant(spec.date, start),
        endsAt: chinaInstant(spec.date, end),
        lawyers: ['测试律师'],
        capacity,
        seatsLeft: capacity,
        holders: {},
        groupsLeft: {},
        status: spec.status ?? 'open',
        source: 'manual',
        updatedAt: new Date(),
      },
    });
  return id;
}

/** A slot `daysAhead` days from today at a fresh time of day (always in the future for daysAhead ≥ 1). */
export function futureSlot(cloud: LocalCloud, daysAhead: number, extra: Partial<SlotSpec> = {}): Promise<string> {
  return putSlot(cloud, { date: addDays(today(), daysAhead), ...extra });
}

export function bookInput(
  slotId: string,
  overrides: Partial<ApiContract['legalAid.book']['input']> = {},
): ApiContract['legalAid.book']['input'] {
  return {
    slotId,
    type: 'wages',
    way: 'in_person',
    caseText: '我在常州一家电子厂上班，单位已经拖欠我两个月工资，想咨询如何维权。',
    evidence: [],
    ...overrides,
  };
}

/** A non-member's input (name and mobile given). */
export function guestInput(slotId: string, overrides: Partial<ApiContract['legalAid.book']['input']> = {}) {
  return bookInput(slotId, { contactName: '赵文涛', contactMobile: '13961234567', ...overrides });
}

/** Uploads a file to `uploads/<openid>/<name>` as the app would, and returns its fileID. */
export async function uploadEvidence(cloud: LocalCloud, openid: string, name: string, bytes = 2048): Promise<string> {
  const sdk = connectSdk(cloud.serviceUrl).cloud;
  const res = (await sdk.uploadFile({
    cloudPath: `uploads/${openid}/${name}`,
    fileContent: Buffer.alloc(bytes, 7),
  })) as { fileID: string };
  return res.fileID;
}

export { addDays, chinaInstant };

/**
 * Starts `instances` warm instances of the api function before a concurrency test, ramping up (2, 4, 8) so
 * that no call waits behind several cold starts at once (a cold start loads the SDK: seconds on a busy machine).
 */
export async function warmUp(baseUrl: string, instances = 8): Promise<void> {
  const { callApi } = await import('./api');
  for (let n = 2; n <= instances; n *= 2) {
    await Promise.all(Array.from({ length: n }, () => callApi(baseUrl, 'warm-up', 'legalAid.stations', {}).catch(() => null)));
  }
}
