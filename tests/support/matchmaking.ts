/**
 * Scenario helpers for 单身联谊: a valid profile and event to save, photos uploaded as a member would (the local
 * cloud's client upload), an event moved to "it has started" (time passing, as the function reads it fresh),
 * check-in by card code through the real actions, and a whole "these people took part" set-up.
 */
import type { ApiContract } from '../../cloudfunctions/api/src/contract';
import { callApi, callOk, type storeReader } from './api';
import { putMembers, type TestMember } from './trips';

type Store = ReturnType<typeof storeReader>;
type ProfileInput = ApiContract['matchmaking.saveProfile']['input'];
type EventInput = ApiContract['matchmaking.save']['input'];

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A valid profile (every field shown to fellow participants unless told otherwise). */
export function profileInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    nickname: '晨跑的小林',
    height: 172,
    education: 'bachelor',
    city: '常州市武进区',
    occupation: '机械工程师',
    intro: '喜欢跑步和做饭，周末常去淹城公园。',
    photos: [],
    contact: { kind: 'wechat', value: 'lin_runner88' },
    visibility: {
      birthYear: 'participants',
      height: 'participants',
      education: 'participants',
      city: 'participants',
      occupation: 'participants',
      intro: 'participants',
      photos: 'participants',
    },
    singleDeclared: true,
    ...overrides,
  };
}

/** Every field at one visibility level. */
export function allAt(level: 'participants' | 'matches' | 'nobody'): ProfileInput['visibility'] {
  return { birthYear: level, height: level, education: level, city: level, occupation: level, intro: level, photos: level };
}

/** A valid event whose sign-up window is open now (starts in three days), with the given changes. */
export function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  const now = Date.now();
  const iso = (offset: number) => new Date(now + offset).toISOString();
  return {
    orgId: 'org-cz',
    title: '常州市青年职工交友联谊会',
    description: '面向全市单身青年职工的交友联谊活动，含破冰游戏、分组交流和自由交谈。',
    place: '常州市工人文化宫三楼多功能厅',
    startAt: iso(72 * HOUR),
    endAt: iso(76 * HOUR),
    signupStart: iso(-HOUR),
    signupEnd: iso(48 * HOUR),
    capacity: 20,
    seats: { M: 10, F: 10 },
    review: false,
    waitlist: true,
    claimHours: 24,
    fee: '免费',
    cancelPolicy: { kind: 'untilSignupEnd' },
    requireConfirmedSingle: false,
    pickLimit: 3,
    pickDays: 3,
    ...overrides,
  };
}

/** Saves and opens an event as `staff` (default: the city union's staffer); returns its id. */
export async function openEvent(
  baseUrl: string,
  overrides: Partial<EventInput> = {},
  staff = 'demo-staff-city',
): Promise<string> {
  const saved = await callOk(baseUrl, staff, 'matchmaking.save', eventInput(overrides));
  await callOk(baseUrl, staff, 'matchmaking.open', { activityId: saved._id });
  return saved._id;
}

/** The event has started (picks open now, until `pickDaysLeft` days from now). */
export async function startEventNow(store: Store, activityId: string, pickDaysLeft = 3): Promise<void> {
  const now = Date.now();
  await store.db
    .collection('activities')
    .doc(activityId)
    .update({
      data: {
        signupEnd: new Date(now - 2 * HOUR),
        startAt: new Date(now - HOUR),
        endAt: new Date(now + 2 * HOUR),
        'matchmaking.pickCloseAt': new Date(now + pickDaysLeft * DAY),
      },
    });
}

/** Checks members in by their card codes, as the organiser's staff scan them on the day. */
export async function checkIn(baseUrl: string, activityId: string, openids: string[], staff = 'demo-staff-city'): Promise<void> {
  for (const openid of openids) {
    const { token } = await callOk(baseUrl, openid, 'card.token', {});
    await callOk(baseUrl, staff, 'enrollment.checkIn', { activityId, token });
  }
}

/** Runs `work` for every item, `size` at a time (set-up of many people without a cold-start storm). */
export async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>, size = 6): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** A tiny valid PNG (1×1). */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** Uploads bytes as `openid` into their own uploads folder (as the app does); returns the fileID. */
export async function uploadAs(baseUrl: string, openid: string, name: string, bytes: Buffer = PNG): Promise<string> {
  const cloudPath = `uploads/${openid}/${name}`;
  const res = await fetch(
    `${baseUrl}/_emu/client/upload?openid=${encodeURIComponent(openid)}&cloudPath=${encodeURIComponent(cloudPath)}`,
    {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(bytes),
    },
  );
  const body = (await res.json()) as { fileID?: string };
  if (!body.fileID) throw new Error(`upload failed: ${res.status}`);
  return body.fileID;
}

export interface Participant extends TestMember {
  openid: string;
  gender: 'M' | 'F';
  profile?: Partial<ProfileInput>;
}

/**
 * Members with profiles, signed up to a new event that then starts, all checked in. Returns the event id and
 * each member's participant id (as fellow participants see it).
 */
export async function eventWithParticipants(
  baseUrl: string,
  store: Store,
  people: Participant[],
  overrides: Partial<EventInput> = {},
): Promise<{ activityId: string; pid: Record<string, string> }> {
  await putMembers(store.db, people);
  await inBatches(people, (p) => callOk(baseUrl, p.openid, 'matchmaking.saveProfile', profileInput(p.profile)));
  const activityId = await openEvent(baseUrl, overrides);
  await inBatches(people, (p) => callOk(baseUrl, p.openid, 'matchmaking.signUp', { activityId, followUp: true }));
  await startEventNow(store, activityId);
  await inBatches(people, (p) => checkIn(baseUrl, activityId, [p.openid]));
  const pid: Record<string, string> = {};
  const rows = await store.all<{ openid: string; extra: { participantId: string } }>('enrollments', { activityId });
  for (const r of rows) pid[r.openid] = r.extra.participantId;
  return { activityId, pid };
}

export { callApi, callOk };
