/**
 * 单身联谊 with more fellow participants than one storage call may name: WeChat refuses getTempFileURL for more
 * than 50 files (the local cloud too), so a participant list with 53 cover photos must ask for its links in
 * batches. Every participant's cover link is there, is their own photo, and downloads.
 */
import { callOk, startSeededCloud, type storeReader } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { eventWithParticipants, profileInput, uploadAs, type Participant } from '../support/matchmaking';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
const PEOPLE = 54; // the viewer sees 53 others: one more batch than 50

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
}, 60_000);
afterAll(() => cloud?.stop());

it('the participant list carries every cover link (53 photos, asked for 50 at a time)', async () => {
  const openids = Array.from({ length: PEOPLE }, (_, i) => `mph-${String(i).padStart(2, '0')}`);
  const photoOf = new Map<string, Buffer>();
  const people: Participant[] = [];
  for (const [i, openid] of openids.entries()) {
    // A distinct tiny file per person (a PNG header plus their id), so a link shows whose photo it is.
    const bytes = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(openid)]);
    photoOf.set(openid, bytes);
    const photo = await uploadAs(cloud.baseUrl, openid, 'cover.png', bytes);
    people.push({
      openid,
      gender: i % 2 ? 'M' : 'F',
      profile: profileInput({ nickname: `会员${i}`, photos: [photo], contact: { kind: 'wechat', value: `wx_${openid}` } }),
    });
  }
  const { activityId, pid } = await eventWithParticipants(cloud.baseUrl, store, people, {
    capacity: PEOPLE,
    seats: { M: PEOPLE / 2, F: PEOPLE / 2 },
    pickRule: 'any', // every other participant in one list
  });

  const list = await callOk(cloud.baseUrl, openids[0], 'matchmaking.participants', { activityId });
  expect(list.items).toHaveLength(PEOPLE - 1);
  const byPid = new Map(list.items.map((item) => [item.participantId, item.profile.photoUrls ?? []]));
  for (const openid of openids.slice(1)) {
    const urls = byPid.get(pid[openid]);
    expect(urls).toHaveLength(1);
    const res = await fetch(urls![0]);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(photoOf.get(openid));
  }
}, 600_000);
