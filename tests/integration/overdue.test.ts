/**
 * No application waits unseen (issue 19): items of the staff queues waiting past the union's review deadline
 * (settings.deadlines.reviewDays, 7 days when the union never saved settings; counted in China days) are flagged
 * `overdue` with `overdueDays`, oldest first, counted on the 工作台, only within the staffer's scope; and the
 * cron reminds each union staff member once per China day — a subscribe message when they consented, a 我的申请
 * entry otherwise — however often the timer fires, also when two ticks run at once (forced at every request).
 */
import { chinaDate } from '../../cloudfunctions/api/src/rules/time';
import { apiBundleExists } from '../support/api';
import { setClock } from '../support/clock';
import { clearPauses, eachPausePoint } from '../support/interleave';
import { givenApplicant, givenMember, givenOrg, givenStaff, useCloud } from '../support/scenario';
import { profileInput } from '../support/matchmaking';
import { openTrip } from '../support/trips';

jest.setTimeout(600_000);

const env = useCloud({ demo: false });
const DAY = 86_400_000;
const REMINDERS = 'review_reminders';

type CronAnswer = { result: { ok: true; data: { tasks: Record<string, Record<string, number>> } } };
type Message = { touser: string; templateId: string; data: Record<string, { value: string }> };

async function fireCron(): Promise<Record<string, Record<string, number>>> {
  const res = await fetch(`${env.cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
  expect(res.status).toBe(200);
  return ((await res.json()) as CronAnswer).result.data.tasks;
}

async function outbox(): Promise<Message[]> {
  const all = ((await (await fetch(`${env.cloud.baseUrl}/_emu/outbox`)).json()) as { messages: Message[] }).messages;
  return all.filter((m) => m.templateId === 'review_overdue');
}

const entriesOf = (openid: string) =>
  env.store.all<{ title: string; note: string; status: string }>('timeline', { openid, area: 'reviewOverdue' });

/** Moves a stored date back by `days` (an application submitted, a transfer requested that long ago). */
async function backdate(collection: string, id: string, field: string, days: number): Promise<void> {
  await env.store.db
    .collection(collection)
    .doc(id)
    .update({ data: { [field]: new Date(Date.now() - days * DAY) } });
}

let tree: Awaited<ReturnType<typeof buildTree>>;

async function buildTree() {
  const city = await givenOrg(env, { name: '某市总工会' });
  const east = await givenOrg(env, { parentId: city._id, kind: 'district', name: '东区总工会' });
  const west = await givenOrg(env, { parentId: city._id, kind: 'district', name: '西区总工会' });
  const eastUnit = await givenOrg(env, { parentId: east._id, name: '东区某厂工会' });
  const westUnit = await givenOrg(env, { parentId: west._id, name: '西区某厂工会' });
  const eastStaff = await givenStaff(env, { orgId: east._id });
  const westStaff = await givenStaff(env, { orgId: west._id });
  const cityStaff = await givenStaff(env, { orgId: city._id });

  // Waiting 10 days (3 past the 7-day deadline), 7 days (on its last day), and today.
  const old = await givenApplicant(env, { orgId: eastUnit._id, name: '老申请' });
  await backdate('applications', old.applicationId, 'submittedAt', 10);
  const edge = await givenApplicant(env, { orgId: eastUnit._id, name: '边申请' });
  await backdate('applications', edge.applicationId, 'submittedAt', 7);
  const fresh = await givenApplicant(env, { orgId: eastUnit._id, name: '新申请' });

  // A transfer into the east unit, requested 9 days ago (2 past the deadline).
  const mover = await givenMember(env, { orgId: westUnit._id, name: '转会人' });
  const transfer = await env.ok(mover.openid, 'transfer.request', { toOrgId: eastUnit._id, reason: '工作调动' });
  await backdate('transfers', transfer._id, 'requestedAt', 9);
  return { city, east, west, eastUnit, westUnit, eastStaff, westStaff, cityStaff, old, edge, fresh, transfer };
}

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
  tree = await buildTree();
});

afterEach(async () => {
  await clearPauses(env.cloud.baseUrl);
  await setClock(env.cloud.baseUrl, 0);
});

describe('the queues', () => {
  it('flags what waits past the deadline with its days, oldest first, and counts it on the 工作台', async () => {
    const { items } = await env.ok(tree.eastStaff, 'membership.list', { status: 'pending' });
    expect(items.map((a) => [a.name, a.overdue, a.overdueDays])).toEqual([
      ['老申请', true, 3],
      ['边申请', undefined, undefined],
      ['新申请', undefined, undefined],
    ]);
    const detail = await env.ok(tree.eastStaff, 'membership.get', { applicationId: tree.old.applicationId });
    expect(detail).toMatchObject({ overdue: true, overdueDays: 3 });

    const transfers = await env.ok(tree.eastStaff, 'transfer.list', { status: 'pending' });
    expect(transfers.items.map((t) => [t.name, t.overdue, t.overdueDays])).toEqual([['转会人', true, 2]]);

    const summary = await env.ok(tree.eastStaff, 'workbench.summary', {});
    expect(summary.counts).toMatchObject({ membershipPending: 3, transferPending: 1 });
    expect(summary.overdue).toMatchObject({ membershipPending: 1, transferPending: 1, enrollmentPending: 0 });
  });

  it('counts days in China time: a day later the same application is a day more overdue, the edge one too', async () => {
    await setClock(env.cloud.baseUrl, DAY);
    const { items } = await env.ok(tree.cityStaff, 'membership.list', { status: 'pending' });
    expect(items.map((a) => [a.name, a.overdueDays])).toEqual([
      ['老申请', 4],
      ['边申请', 1],
      ['新申请', undefined],
    ]);
    expect((await env.ok(tree.cityStaff, 'workbench.summary', {})).overdue.membershipPending).toBe(2);
  });

  it("shows another union's staff nothing of it", async () => {
    expect((await env.ok(tree.westStaff, 'membership.list', { status: 'pending' })).items).toEqual([]);
    expect((await env.ok(tree.westStaff, 'transfer.list', { status: 'pending' })).items).toEqual([]);
    const summary = await env.ok(tree.westStaff, 'workbench.summary', {});
    expect(summary.overdue).toMatchObject({ membershipPending: 0, transferPending: 0 });
  });

  it('drops the flag once decided', async () => {
    const extra = await givenApplicant(env, { orgId: tree.eastUnit._id, name: '已处理' });
    await backdate('applications', extra.applicationId, 'submittedAt', 12);
    expect((await env.ok(tree.eastStaff, 'workbench.summary', {})).overdue.membershipPending).toBe(2);
    await env.ok(tree.eastStaff, 'membership.reject', { applicationId: extra.applicationId, reason: '材料不全' });
    const { items } = await env.ok(tree.eastStaff, 'membership.list', { status: 'rejected' });
    expect(items.find((a) => a.name === '已处理')).not.toHaveProperty('overdue');
    expect((await env.ok(tree.eastStaff, 'workbench.summary', {})).overdue.membershipPending).toBe(1);
  });
});

describe('the daily reminder', () => {
  it('reminds each staffer with something overdue in scope once a day: a message if consented, an entry otherwise', async () => {
    await env.ok(tree.cityStaff, 'notify.consent', { templateKey: 'review_overdue', accepted: true });

    const [first, second] = await Promise.all([fireCron(), fireCron()]);
    expect(first['workbench.remindOverdue'].reminded + second['workbench.remindOverdue'].reminded).toBe(2);
    expect((await fireCron())['workbench.remindOverdue']).toEqual({ reminded: 0, messages: 0 });

    // The city staffer consented: one message, no entry.
    const messages = await outbox();
    expect(messages.map((m) => m.touser)).toEqual([tree.cityStaff]);
    expect(messages[0].data).toMatchObject({
      thing1: { value: '2件申请已超过办理期限' },
      phrase2: { value: '已超期' },
      thing4: { value: '入会审核1件、转会审核1件' },
    });
    expect(await entriesOf(tree.cityStaff)).toEqual([]);

    // The east staffer did not: one 我的申请 entry. The west staffer has nothing overdue in scope: nothing.
    expect(await entriesOf(tree.eastStaff)).toEqual([
      expect.objectContaining({ title: '2件申请已超过办理期限', note: '入会审核1件、转会审核1件', status: 'overdue' }),
    ]);
    expect(await entriesOf(tree.westStaff)).toEqual([]);
    const timeline = await env.ok(tree.eastStaff, 'timeline.list', {});
    expect(timeline.items[0]).toMatchObject({ area: 'reviewOverdue', statusText: '已超期' });

    const today = chinaDate(new Date());
    expect(await env.store.all(REMINDERS)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _id: `${tree.eastStaff}_${today}`, openid: tree.eastStaff, day: today, total: 2 }),
        expect.objectContaining({ _id: `${tree.cityStaff}_${today}`, openid: tree.cityStaff, day: today, total: 2 }),
      ]),
    );
    expect(await env.store.count(REMINDERS)).toBe(2);
  });

  it('reminds again the next China day, once (consent used up: an entry this time)', async () => {
    await setClock(env.cloud.baseUrl, DAY);
    expect((await fireCron())['workbench.remindOverdue']).toEqual({ reminded: 2, messages: 0 });
    expect((await fireCron())['workbench.remindOverdue']).toEqual({ reminded: 0, messages: 0 });
    expect(await entriesOf(tree.eastStaff)).toHaveLength(2);
    expect(await entriesOf(tree.cityStaff)).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
    expect(await env.store.count(REMINDERS)).toBe(4);
  });

  it('sends one reminder per staffer when two ticks run at once, whichever request the first is held at', async () => {
    // Two days on: nobody has been reminded that day.
    let offset = 2 * DAY;
    const before = { east: (await entriesOf(tree.eastStaff)).length, city: (await entriesOf(tree.cityStaff)).length };
    // Held where two ticks can meet: the reminder marks and the entries (the other tasks cannot).
    const points = await eachPausePoint(
      env.cloud.baseUrl,
      { function: 'cron', collections: [REMINDERS, 'timeline'] },
      async (pause) => {
        offset += DAY; // a new China day for every order
        await setClock(env.cloud.baseUrl, offset);
        const first = fetch(`${env.cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
        const held = await pause.settled();
        if (held.state === 'paused') {
          await fireCron();
          await pause.release();
        }
        expect((await first).status).toBe(200);
        before.east += 1;
        before.city += 1;
        expect({ east: (await entriesOf(tree.eastStaff)).length, city: (await entriesOf(tree.cityStaff)).length }).toEqual(
          before,
        );
        expect(await env.store.count(REMINDERS, { day: chinaDate(new Date(Date.now() + offset)) })).toBe(2);
      },
    );
    expect(points).toBeGreaterThan(3);
    expect(await outbox()).toHaveLength(1);
  });
});

describe('the enrollment queue', () => {
  it('flags a sign-up waiting for review past the deadline in the roster and counts it on the 工作台, in scope only', async () => {
    const activityId = await openTrip(env.cloud.baseUrl, { orgId: tree.east._id, review: true }, tree.eastStaff);
    const early = await givenMember(env, { orgId: tree.eastUnit._id, name: '早报名' });
    const late = await givenMember(env, { orgId: tree.eastUnit._id, name: '晚报名' });
    const answers = {}; // the trip asks nothing beyond the member's card
    const first = await env.ok(early.openid, 'recuperation.signUp', { activityId, answers });
    await env.ok(late.openid, 'recuperation.signUp', { activityId, answers });
    await backdate('enrollments', first._id, 'createdAt', 9);

    const roster = await env.ok(tree.eastStaff, 'enrollment.roster', { activityId, status: 'pending' });
    expect(roster.items.map((e) => [e.name, e.overdue, e.overdueDays])).toEqual([
      ['早报名', true, 2],
      ['晚报名', undefined, undefined],
    ]);
    expect((await env.ok(tree.eastStaff, 'workbench.summary', {})).overdue.enrollmentPending).toBe(1);
    expect((await env.ok(tree.westStaff, 'workbench.summary', {})).overdue.enrollmentPending).toBe(0);

    await env.ok(tree.eastStaff, 'enrollment.review', { activityId, enrollmentIds: [first._id], decision: 'approve' });
    expect((await env.ok(tree.eastStaff, 'workbench.summary', {})).overdue.enrollmentPending).toBe(0);
  });
});

describe('the 单身状态确认 queue', () => {
  it('flags a request waiting past the deadline with its days and counts it on the 工作台, in scope only', async () => {
    const north = await givenOrg(env, { parentId: tree.city._id, kind: 'district', name: '北区总工会' });
    const northUnit = await givenOrg(env, { parentId: north._id, name: '北区某厂工会' });
    const northStaff = await givenStaff(env, { orgId: north._id });
    const waiting = await givenMember(env, { orgId: northUnit._id, name: '等确认' });
    const recent = await givenMember(env, { orgId: northUnit._id, name: '刚申请' });
    for (const m of [waiting, recent]) {
      await env.ok(m.openid, 'matchmaking.saveProfile', profileInput());
      await env.ok(m.openid, 'matchmaking.requestConfirmation', {});
    }
    await backdate('matchmaking_profiles', waiting.openid, 'single.requestedAt', 9);

    const queue = await env.ok(northStaff, 'matchmaking.confirmations', {});
    expect(queue.items.map((i) => [i.name, i.overdue ?? false, i.overdueDays ?? 0])).toEqual([
      ['等确认', true, 2],
      ['刚申请', false, 0],
    ]);
    const summary = await env.ok(northStaff, 'workbench.summary', {});
    expect(summary.counts.matchmakingConfirmations).toBe(2);
    expect(summary.overdue.matchmakingConfirmations).toBe(1);
    // Another district's staff see none of it.
    expect((await env.ok(tree.eastStaff, 'workbench.summary', {})).overdue.matchmakingConfirmations).toBe(0);
    // Decided: no longer flagged or counted.
    await env.ok(northStaff, 'matchmaking.decideSingle', { openid: waiting.openid, decision: 'confirm' });
    expect((await env.ok(northStaff, 'workbench.summary', {})).overdue.matchmakingConfirmations).toBe(0);
  });
});

describe('the cost of a tick', () => {
  /** The database requests of the cron's last run (the local cloud counts them per invocation). */
  async function lastCronRequests(): Promise<number> {
    const res = await fetch(`${env.cloud.baseUrl}/_emu/invocations?function=cron&limit=1`);
    const [last] = ((await res.json()) as { invocations: Array<{ dbRequests: number; status: string }> }).invocations;
    expect(last.status).toBe('ok');
    return last.dbRequests;
  }

  it('reminds a staffer whose only overdue item is a sign-up (the look at the whole union counts every queue)', async () => {
    const activityId = await openTrip(env.cloud.baseUrl, { orgId: tree.west._id, review: true }, tree.westStaff);
    const member = await givenMember(env, { orgId: tree.westUnit._id, name: '西区报名' });
    const signUp = await env.ok(member.openid, 'recuperation.signUp', { activityId, answers: {} });
    await backdate('enrollments', signUp._id, 'createdAt', 9);
    expect(await entriesOf(tree.westStaff)).toEqual([]);
    await fireCron();
    expect(await entriesOf(tree.westStaff)).toEqual([
      expect.objectContaining({ title: '1件申请已超过办理期限', note: '活动报名审核1件', status: 'overdue' }),
    ]);
  });

  it('when nothing is overdue anywhere, costs the same few requests however many staff the union has', async () => {
    // A month back: nothing stored has waited past the deadline yet.
    await setClock(env.cloud.baseUrl, -30 * DAY);
    const before = await fireCron();
    expect(before['workbench.remindOverdue']).toEqual({ reminded: 0, messages: 0 });
    const requests = await lastCronRequests();
    for (let i = 0; i < 12; i += 1) await givenStaff(env, { orgId: i % 2 ? tree.east._id : tree.city._id });
    expect((await fireCron())['workbench.remindOverdue']).toEqual({ reminded: 0, messages: 0 });
    // It counted one request per queue and staff member: twelve more staff were over a hundred more requests.
    expect(await lastCronRequests()).toBe(requests);
  });
});
