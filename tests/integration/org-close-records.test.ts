/**
 * Other areas' open records follow a merged union (issue 19): each area declares the collections whose open records
 * name a member's union (ModuleDef.orgRecords); org.merge moves them with the members, so the receiving union's staff
 * see and review them and the closed union's staff no longer do. Finished records are history and stay as they were.
 * A member applying while the merge runs is not left behind: whatever the order (forced with the local cloud's
 * pauses), the record ends on the receiving union once the close's second pass (the cron, after the settling time) ran.
 */
import { applyInput } from '../support/api';
import { clearPauses, eachPausePoint, type Pause } from '../support/interleave';
import { setClock } from '../support/clock';
import { APPLY, DECIDE, VISIT } from '../support/hardship';
import { uploadAs } from '../support/matchmaking';
import { expectStored, givenMember, givenOrg, givenStaff, idNumberFor, useCloud, type GivenPerson } from '../support/scenario';

jest.setTimeout(900_000);

const env = useCloud({ demo: false });
const DAY = 86400_000;
/** Past the close sweep's settling time (SETTLE_MS, 15 s): each sweep moves the clock this much further. */
const STEP_MS = 20_000;
let clock = 0;

const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * DAY).toISOString().slice(0, 10);

let t: {
  admin: string;
  district: string;
  districtId: string;
  target: { _id: string; name: string; path: string[] };
  targetStaff: string;
  windowId: string;
};

beforeAll(async () => {
  const city = await givenOrg(env, { kind: 'city', name: '合并市总工会' });
  const d = await givenOrg(env, { parentId: city._id, kind: 'district', name: '合并区总工会' });
  const target = await givenOrg(env, { parentId: d._id, name: '接收机械厂工会' });
  const district = await givenStaff(env, { orgId: d._id });
  const w = await env.ok(district, 'studentAid.saveWindow', {
    orgId: d._id,
    schoolYear: 2050,
    opensOn: chinaDay(-1),
    closesOn: chinaDay(30),
    amounts: { university: 3000, college: 2000, highSchool: 1000 },
    rule: 'fileOrIncome',
    note: '',
  });
  t = {
    admin: await givenStaff(env, { role: 'admin' }),
    district,
    districtId: d._id,
    target,
    targetStaff: await givenStaff(env, { orgId: target._id }),
    windowId: w.windowId,
  };
});

afterEach(() => clearPauses(env.cloud.baseUrl));

let serial = 0;
/** A 基层工会 of the district, to be merged into the target. */
async function closingUnion() {
  serial += 1;
  const org = await givenOrg(env, { parentId: t.districtId, name: `被合并工会${serial}` });
  return { org, staff: await givenStaff(env, { orgId: org._id }) };
}

/** Merges `orgId` into the target, sending the call again while it answers done: false (as the app does). */
/** The union merges while the held call waits at its pause (or after it answered, when it was never held). */
async function mergedAround<T>(pause: Pause, call: Promise<T>, orgId: string): Promise<T> {
  const held = await pause.settled();
  if (held.state === 'paused') {
    await merge(orgId);
    await pause.release();
  }
  const answer = await call;
  if (held.state !== 'paused') await merge(orgId);
  return answer;
}

async function merge(orgId: string) {
  let answer = await env.ok(t.admin, 'org.merge', { orgId, targetOrgId: t.target._id });
  const total = { ...answer };
  for (let i = 0; !answer.done && i < 10; i++) {
    answer = await env.ok(t.admin, 'org.merge', { orgId, targetOrgId: t.target._id });
    total.movedMembers += answer.movedMembers;
    total.movedRecords += answer.movedRecords;
  }
  expect(answer.done).toBe(true);
  return { ...total, done: answer.done };
}

async function fireCron(): Promise<Record<string, Record<string, number>>> {
  const res = await fetch(`${env.cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { tasks: Record<string, Record<string, number>> } } }).result.data.tasks;
}

/** Moves the clock past the settling time and runs the cron (the close's second pass). */
async function settle(): Promise<Record<string, Record<string, number>>> {
  clock += STEP_MS;
  await setClock(env.cloud.baseUrl, clock);
  return fireCron();
}

async function studentAidInput(m: GivenPerson) {
  return {
    windowId: t.windowId,
    childName: '孙悦',
    childIdNumber: idNumberFor('20080315'),
    level: 'university' as const,
    school: '南京理工大学',
    major: '机械工程',
    tuition: 5200,
    admissionLetter: await uploadAs(env.cloud.baseUrl, m.openid, `letter-${m.openid}.png`),
    receipt: await uploadAs(env.cloud.baseUrl, m.openid, `receipt-${m.openid}.png`),
    household: { householdSize: 3, income: 3000, rigidExpenses: 600 },
    sensitiveConsent: true as const,
  };
}

type Placed = { orgId: string; orgName: string; orgPath: string[]; status: string; movedFromOrgId?: string };

it('moves open hardship and 金秋助学 applications with a merge; the receiving union reviews them, a finished case stays', async () => {
  const { org, staff: closedStaff } = await closingUnion();
  const helped = await givenMember(env, { orgId: org._id, name: '王建军' });
  const parent = await givenMember(env, { orgId: org._id, name: '孙卫东' });
  const refused = await givenMember(env, { orgId: org._id, name: '李国强' });

  const open = await env.ok(helped.openid, 'hardship.apply', APPLY);
  const aid = await env.ok(parent.openid, 'studentAid.apply', await studentAidInput(parent));
  // A finished case: visited by the 基层工会, refused by the district before the merge.
  const done = await env.ok(refused.openid, 'hardship.apply', APPLY);
  await env.ok(closedStaff, 'hardship.visit', { caseId: done.caseId, ...VISIT });
  await env.ok(t.district, 'hardship.decide', { caseId: done.caseId, ...DECIDE, approve: false, note: '收入高于标准' });
  const refusedBefore = await env.store.byId<Placed>('hardship_cases', done.caseId);
  expect(refusedBefore).toMatchObject({ status: 'rejected', orgId: org._id });

  // Before the merge: the closing union's staff see the open ones, the receiving union's do not.
  expect((await env.ok(closedStaff, 'hardship.queue', {})).items.map((c) => c.caseId)).toEqual([open.caseId]);
  expect((await env.ok(t.targetStaff, 'hardship.queue', {})).items).toEqual([]);

  const merged = await merge(org._id);
  expect(merged).toMatchObject({ done: true, movedMembers: 3, movedRecords: 2 });

  const moved = { orgId: t.target._id, orgName: t.target.name, orgPath: t.target.path, movedFromOrgId: org._id };
  await expectStored(env, 'hardship_cases', open.caseId, { ...moved, status: 'submitted' });
  await expectStored(env, 'student_aid_applications', aid.applicationId, { ...moved, status: 'submitted' });
  // The finished case is history: it keeps the union it was decided under, untouched.
  expect(await env.store.byId<Placed>('hardship_cases', done.caseId)).toEqual(refusedBefore);

  // Counted in the closed union's record and in the audit, by collection.
  await expectStored(env, 'orgs', org._id, {
    closing: { done: true, movedMembers: 3, movedRecords: 2, movedRecordsBy: { hardship_cases: 1, student_aid_applications: 1 } },
  });
  expect(
    await env.store.count('audit', {
      action: 'org.merge',
      target: org._id,
      'details.movedRecords': 2,
      'details.movedRecordsBy': 'hardship_cases:1 student_aid_applications:1',
    }),
  ).toBe(1);

  // The receiving union's staff see and review them; the merged union's staff no longer see them.
  const queue = await env.ok(t.targetStaff, 'hardship.queue', {});
  expect(queue.items.map((c) => [c.caseId, c.orgName])).toEqual([[open.caseId, t.target.name]]);
  expect((await env.ok(closedStaff, 'hardship.queue', {})).items).toEqual([]);
  expect(await env.call(closedStaff, 'hardship.visit', { caseId: open.caseId, ...VISIT })).toMatchObject({ ok: false });
  await env.ok(t.targetStaff, 'hardship.visit', { caseId: open.caseId, ...VISIT });
  await expectStored(env, 'hardship_cases', open.caseId, { status: 'visited', orgId: t.target._id });

  expect((await env.ok(t.targetStaff, 'studentAid.queue', {})).items.map((a) => a.applicationId)).toEqual([aid.applicationId]);
  expect((await env.ok(closedStaff, 'studentAid.queue', {})).items).toEqual([]);
  expect(
    await env.call(closedStaff, 'studentAid.check', { applicationId: aid.applicationId, pass: true, note: '' }),
  ).toMatchObject({
    ok: false,
  });
  await env.ok(t.targetStaff, 'studentAid.check', { applicationId: aid.applicationId, pass: true, note: '材料齐全' });
  await expectStored(env, 'student_aid_applications', aid.applicationId, { status: 'checked', orgId: t.target._id });

  // The member's own view names the receiving union.
  const mine = await env.ok(helped.openid, 'hardship.mine', {});
  expect(mine.cases.map((c) => c.orgName)).toEqual([t.target.name]);

  // The second pass finds nothing left behind and is forgotten.
  const tasks = await settle();
  expect(tasks['org.sweepClosedUnions']).toMatchObject({ swept: 1, moved: 0 });
  expect(await env.store.count('org_close_sweeps', { orgId: org._id })).toBe(0);
});

it('moves open records page by page, leaves finished ones, and a second call moves what was left', async () => {
  const { org } = await closingUnion();
  const write = (id: string, status: string) =>
    env.store.db
      .collection('voice_reports')
      .doc(id)
      .set({
        data: { kind: 'hazard', openid: `v-${id}`, orgId: org._id, orgName: org.name, orgPath: org.path, status, title: '隐患' },
      });
  // 250 open reports (three pages of 100) in the union's statuses still open, and finished ones.
  for (let i = 0; i < 250; i++) await write(`vr-${serial}-${i}`, ['submitted', 'accepted', 'forwarded', 'replied'][i % 4]);
  for (const status of ['closed', 'declined', 'withdrawn']) await write(`vr-${serial}-${status}`, status);

  expect(await merge(org._id)).toMatchObject({ done: true, movedMembers: 0, movedRecords: 250 });
  expect(await env.store.count('voice_reports', { orgId: t.target._id, orgPath: t.target.path, movedFromOrgId: org._id })).toBe(
    250,
  );
  expect(await env.store.count('voice_reports', { orgId: org._id })).toBe(3);

  // A record written on the closed union afterwards (a call that read the member before it moved): the same call
  // again moves it, and only it; the closed union's counts add up.
  await write(`vr-${serial}-late`, 'submitted');
  expect(await env.ok(t.admin, 'org.merge', { orgId: org._id, targetOrgId: t.target._id })).toMatchObject({
    done: true,
    movedRecords: 1,
  });
  await expectStored(env, 'voice_reports', `vr-${serial}-late`, { orgId: t.target._id, orgName: t.target.name });
  await expectStored(env, 'orgs', org._id, { closing: { movedRecords: 251, movedRecordsBy: { voice_reports: 251 } } });
  expect(await env.store.count('voice_reports', { orgId: org._id })).toBe(3);
});

it('asks for a receiving union while another area has open records in the union', async () => {
  const { org } = await closingUnion();
  const m = await givenMember(env, { orgId: org._id, name: '周建华' });
  const c = await env.ok(m.openid, 'hardship.apply', APPLY);
  // The member left on a 转会 elsewhere; the open case still names the union.
  await env.store.db
    .collection('members')
    .doc(m.openid)
    .update({ data: { orgId: t.target._id, orgPath: t.target.path } });
  expect(await env.call(t.admin, 'org.close', { orgId: org._id })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: expect.stringContaining('1件其他业务的待办申请') },
  });
  expect((await env.store.byId<{ status?: string }>('orgs', org._id))?.status).not.toBe('closed');
  await expectStored(env, 'hardship_cases', c.caseId, { orgId: org._id });
});

it('hardship.apply held at each request while its union merges: no application is left behind', async () => {
  let stale = 0;
  const points = await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'hardship.apply' }, async (pause) => {
    const { org } = await closingUnion();
    const m = await givenMember(env, { orgId: org._id, name: '王建军' });
    const applied = env.call(m.openid, 'hardship.apply', APPLY);
    const answer = await mergedAround(pause, applied, org._id);
    expect(answer).toMatchObject({ ok: true, data: { status: 'submitted' } });
    const caseId = (answer as { data: { caseId: string } }).data.caseId;
    const first = await env.store.byId<Placed>('hardship_cases', caseId);
    if (first?.orgId === org._id) stale += 1;

    await settle();
    await expectStored(env, 'hardship_cases', caseId, {
      orgId: t.target._id,
      orgName: t.target.name,
      orgPath: t.target.path,
      status: 'submitted',
    });
    await expectStored(env, 'members', m.openid, { orgId: t.target._id });
    expect(await env.store.count('org_close_sweeps', {})).toBe(0);
    // Whatever the order, the receiving union's staff see it.
    expect((await env.ok(t.targetStaff, 'hardship.queue', {})).items.map((c) => c.caseId)).toContain(caseId);
    // Reviewed, so the next round's queue holds only its own.
    await env.ok(t.targetStaff, 'hardship.visit', { caseId, ...VISIT });
    await env.ok(t.district, 'hardship.decide', { caseId, ...DECIDE, approve: false, note: '收入高于标准' });
  });
  expect(points).toBeGreaterThan(2);
  // The race is real: some orders wrote the case on the closed union after the merge's pass (the sweep moved it).
  expect(stale).toBeGreaterThan(0);
});

it('org.merge held at each request while a member applies: every order ends on the receiving union', async () => {
  const points = await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'org.merge' }, async (pause) => {
    const { org } = await closingUnion();
    const m = await givenMember(env, { orgId: org._id, name: '孙卫东' });
    const merging = env.call(t.admin, 'org.merge', { orgId: org._id, targetOrgId: t.target._id });
    const held = await pause.settled();
    let caseId: string | null = null;
    if (held.state === 'paused') {
      const answer = await env.call(m.openid, 'hardship.apply', APPLY);
      expect(answer).toMatchObject({ ok: true });
      caseId = (answer as { data: { caseId: string } }).data.caseId;
      await pause.release();
    }
    expect(await merging).toMatchObject({ ok: true });
    await merge(org._id);
    if (!caseId) caseId = (await env.ok(m.openid, 'hardship.apply', APPLY)).caseId;
    await settle();
    await expectStored(env, 'hardship_cases', caseId, { orgId: t.target._id, orgPath: t.target.path, status: 'submitted' });
    await env.ok(t.targetStaff, 'hardship.visit', { caseId, ...VISIT });
    await env.ok(t.district, 'hardship.decide', { caseId, ...DECIDE, approve: false, note: '收入高于标准' });
  });
  expect(points).toBeGreaterThan(2);
});

/** A name of Chinese characters only (a person's name takes no digits), unique per applicant: 并甲乙丙. */
function nameOf(n: number): string {
  return `并${String(n)
    .padStart(3, '0')
    .replace(/\d/g, (d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)])}`;
}

it('membership.apply held at each request while the union merges: refused once closed, else it ends on the receiving union', async () => {
  let stale = 0;
  let refused = 0;
  const points = await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'membership.apply' }, async (pause) => {
    const { org } = await closingUnion();
    const openid = `close-applicant-${serial}`;
    const applied = env.call(openid, 'membership.apply', applyInput({ orgId: org._id, name: nameOf(serial) }));
    const answer = await mergedAround(pause, applied, org._id);
    if (!answer.ok) {
      // It read the union after the closing marker: refused, nothing stored.
      expect(answer.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('已撤销') });
      expect(await env.store.count('applications', { openid })).toBe(0);
      refused += 1;
      return;
    }
    const id = (answer.data as { _id: string })._id;
    if ((await env.store.byId<Placed>('applications', id))?.orgId === org._id) stale += 1;
    await settle();
    await expectStored(env, 'applications', id, { orgId: t.target._id, orgPath: t.target.path, status: 'pending' });
    expect(
      (await env.ok(t.targetStaff, 'membership.list', { status: 'pending', keyword: nameOf(serial) })).items.map((a) => a._id),
    ).toEqual([id]);
  });
  expect(points).toBeGreaterThan(2);
  // Both outcomes happen: refused after the marker, and written on the closed union after the pass (then moved).
  expect(refused).toBeGreaterThan(0);
  expect(stale).toBeGreaterThan(0);
});
