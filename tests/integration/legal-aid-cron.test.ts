/**
 * The `cron` function's legal-aid tasks, fired on demand through the local cloud's timer trigger: the
 * day-before reminder (a subscribe message, once, however often the timer fires) and the settling of
 * attempts a crash left behind.
 */
import { apiBundleExists } from '../support/api';
import { useCloud } from '../support/scenario';
import { addDays, bookingIdOf, futureSlot, guestInput, LA, personKey, seatKey, today } from '../support/legalAid';

const env = useCloud();

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
});

type CronAnswer = { result: { ok: true; data: { tasks: Record<string, Record<string, number>> } } };

async function fireCron(): Promise<Record<string, Record<string, number>>> {
  const res = await fetch(`${env.cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
  expect(res.status).toBe(200);
  return ((await res.json()) as CronAnswer).result.data.tasks;
}

type Message = { touser: string; templateId: string; page: string; data: Record<string, { value: string }> };
async function outbox(): Promise<Message[]> {
  return ((await (await fetch(`${env.cloud.baseUrl}/_emu/outbox`)).json()) as { messages: Message[] }).messages;
}

it("reminds tomorrow's confirmed bookings once, whoever consented, however often the timer fires", async () => {
  const tomorrow = await futureSlot(env.cloud, 1, { period: 't0930', start: '09:30' });
  const later = await futureSlot(env.cloud, 2);
  const people = ['la-cron-a', 'la-cron-b', 'la-cron-c', 'la-cron-d'];
  for (const who of people) await env.ok(who, 'notify.consent', { templateKey: 'legal_aid_reminder', accepted: true });
  await env.ok('la-cron-a', 'legalAid.book', guestInput(tomorrow));
  await env.ok('la-cron-b', 'legalAid.book', guestInput(tomorrow, { way: 'callback' }));
  const cancelled = await env.ok('la-cron-c', 'legalAid.book', guestInput(tomorrow));
  await env.ok('la-cron-c', 'legalAid.cancel', { bookingId: cancelled._id });
  await env.ok('la-cron-d', 'legalAid.book', guestInput(later));

  const [first, second] = await Promise.all([fireCron(), fireCron()]);
  expect(first['legalAid.reminders'].reminded + second['legalAid.reminders'].reminded).toBe(2);
  expect((await fireCron())['legalAid.reminders']).toEqual({ reminded: 0 });

  const reminders = (await outbox()).filter((m) => m.templateId === 'legal_aid_reminder');
  expect(reminders.map((m) => m.touser).sort()).toEqual(['la-cron-a', 'la-cron-b']);
  expect(reminders.find((m) => m.touser === 'la-cron-a')?.data).toMatchObject({
    thing1: { value: '明天09:30法律援助咨询' },
    phrase2: { value: '明日咨询' },
  });
  expect(reminders[0].page).toBe('pages/me/index');
  const a = await env.store.byId<{ remindedAt?: Date }>(LA.bookings, bookingIdOf(tomorrow, 'la-cron-a'));
  expect(a?.remindedAt).toBeTruthy();
  expect(await env.store.byId(LA.bookings, bookingIdOf(later, 'la-cron-d'))).not.toHaveProperty('remindedAt');
  const timeline = await env.ok('la-cron-b', 'timeline.list', {});
  expect(timeline.items[0]).toMatchObject({ area: 'legalAidReminder', note: expect.stringContaining('电话回拨') });
  expect(addDays(today(), 1)).toBe(tomorrow.split('_')[1]);
});

it('settles an attempt a crash left pending with a seat held, and a cancellation cut off before its release', async () => {
  const slotId = await futureSlot(env.cloud, 3, { capacity: 2 });
  const who = 'la-cron-crash';
  const key = personKey(who);
  const minutesAgo = new Date(Date.now() - 5 * 60_000);
  // A crash after the seat claim: the record pending, the seat taken, no confirmation.
  const id = bookingIdOf(slotId, who);
  await env.store.db
    .collection(LA.slots)
    .doc(slotId)
    .update({ data: { seatsLeft: 1, holders: { [seatKey(who, 'crash0000001')]: [] } } });
  await env.store.db.collection(LA.bookings).add({
    data: {
      _id: id,
      slotId,
      holderKey: key,
      openid: who,
      status: 'pending',
      attempt: 'crash0000001',
      allowanceKey: 'crash0000001',
      armedAt: minutesAgo,
      evidence: [],
    },
  });
  // A cancellation cut off after its status change: still holding its allowance seat.
  const other = await futureSlot(env.cloud, 4);
  const b = await env.ok(who, 'legalAid.book', guestInput(other));
  const attempt = (await env.store.byId<{ attempt: string }>(LA.bookings, b._id))!.attempt;
  await env.store.db
    .collection(LA.bookings)
    .doc(b._id)
    .update({ data: { status: 'cancelled', closedAt: minutesAgo, released: false } });
  expect(await env.store.byId(LA.allowances, key)).toMatchObject({ seatsLeft: 1 });

  const tasks = await fireCron();
  expect(tasks['legalAid.settle']).toMatchObject({ settled: 1, released: 1 });
  expect(await env.store.byId(LA.bookings, id)).toBeNull();
  expect(await env.store.byId(LA.slots, slotId)).toMatchObject({ seatsLeft: 2, holders: {} });
  expect(await env.store.byId(LA.slots, other)).toMatchObject({ seatsLeft: 5, holders: {} });
  expect(await env.store.byId(LA.bookings, b._id)).toMatchObject({ status: 'cancelled', released: true, attempt });
  expect(await env.store.byId(LA.allowances, key)).toMatchObject({ seatsLeft: 2, holders: {} });
  expect((await fireCron())['legalAid.settle']).toEqual({ settled: 0, released: 0, freed: 0 });
});

it('frees a seat no live attempt explains (a late tap that crashed after its attempt had ended)', async () => {
  const slotId = await futureSlot(env.cloud, 5, { capacity: 3 });
  await env.store.db
    .collection(LA.slots)
    .doc(slotId)
    .update({ data: { seatsLeft: 2, holders: { [seatKey('la-cron-ghost', 'ghost0000001')]: [] } } });
  expect((await fireCron())['legalAid.settle']).toMatchObject({ freed: 1 });
  expect(await env.store.byId(LA.slots, slotId)).toMatchObject({ seatsLeft: 3, holders: {} });
});
