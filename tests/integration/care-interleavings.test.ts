/**
 * Issue 22, every pair of state-changing actions on each shared document of 困难帮扶, 金秋助学, 医疗互助 and
 * 送温暖/送清凉, forced in each order: the first call held before EACH of its database requests in turn (k = 1, 2, …
 * until it makes fewer), the second run to its end meanwhile (or until it waits for a lock the held call took),
 * then the first goes on (`forceOrder` below, with `runWhilePaused` of tests/support/seatMatrix.ts). After every
 * order the invariant is checked on what is STORED, and no call may answer INTERNAL.
 *
 * Shared documents and the actions that change them:
 *   困难帮扶
 *     - a case (hardship_cases) and the member's lock (hardship_locks: the open case id, the last decision):
 *       apply, withdraw (member); visit (基层工会); decide approve / reject (district).
 *     - a file (hardship_files, _id = openid): decide approve (opens or renews it); recordHelp; recheck renew /
 *       close (解困脱困); the cron's lapse; publish / withdraw a 公示 (publicityId); an upheld objection (closes it).
 *     - a 公示 (hardship_publicity): publish, withdraw, finalize (staff or cron), object, resolve.
 *   金秋助学
 *     - a student's claim for a school year (student_aid_claims): apply, withdraw, check reject, decide reject, an
 *       upheld objection (each gives it back).
 *     - an application: apply, withdraw, check, decide, uphold, recordPayment.
 *     - a window (student_aid_windows: approvedCount, the 公示, openObjections, paidCount): decide approve,
 *       publish, object, resolve, recordPayment.
 *   医疗互助
 *     - an enrolment (mutualaid_enrolments: the live stays and the approved total against the cap): claim,
 *       withdraw, approve, reject.
 *     - a claim: claim (double tap), withdraw, approve, reject, pay.
 *   送温暖/送清凉
 *     - an entry (campaign_entries, collected at most once): addFromHardship / addFromMembers (insert, or put a
 *       removed one back), removeEntry, collect, close (its sweep), the cron's sweep.
 *     - a campaign (its status and collectedCount): collect, close.
 *
 * Already forced elsewhere (not repeated): hardship apply ‖ apply, visit ‖ withdraw (visit held), recordHelp ‖ close
 * (help held) in hardship.test.ts; objection ‖ finalize, uphold ‖ recordHelp, publish ‖ withdraw, decide ‖ withdraw,
 * recheck ‖ lapse in hardship-races.test.ts; studentAid apply ‖ apply, apply ‖ withdraw (withdraw held), decide ‖
 * withdraw (decide held) in student-aid.test.ts; mutualAid claim ‖ claim, approve ‖ approve, approve ‖ withdraw
 * (approve held) in mutual-aid.test.ts; campaigns collect ‖ collect, collect ‖ removeEntry and collect ‖ close
 * (collect held) in campaigns.test.ts. This file forces the other orders of those and the pairs below.
 *
 * Forced here, each in both orders unless the other order is elsewhere (the describe blocks below):
 *   困难帮扶: withdraw ‖ apply again (the lock); approve ‖ reject by two district staffers; withdraw held ‖ visit;
 *     解困脱困 held ‖ recordHelp; the cron's lapse ‖ recordHelp; object ‖ withdrawPublicity; uphold ‖ finalize;
 *     publish ‖ 解困脱困.
 *   金秋助学: check(reject) ‖ the other parent's apply; apply held ‖ withdraw; withdraw held ‖ decide; approve ‖
 *     reject by two staffers; the last decision ‖ publish; uphold ‖ recordPayment; dismiss ‖ recordPayment;
 *     saveWindow ‖ decide.
 *   医疗互助: approve ‖ reject; reject ‖ a claim for the same stay; withdraw ‖ a claim for the same stay; withdraw held
 *     ‖ approve; approve ‖ a claim for another stay; a double tap of pay.
 *   送温暖/送清凉: addFromHardship ‖ close (a new entry, and a removed one put back); removeEntry ‖ close;
 *     removeEntry held ‖ collect; close held ‖ collect.
 *
 * Left out, because they cannot touch the same document (or cannot run at the same time):
 *   - hardship: money help ‖ withdrawPublicity or ‖ an objection (money needs a final 公示, which has no open
 *     objection and cannot be withdrawn); recheck renew ‖ recordHelp (both transactions on the file, as 解困脱困 ‖
 *     help; a renewal changes nothing help reads but the status); apply ‖ visit or
 *     decide of the member's own open case (apply is refused on the lock while a case is open: withdraw ‖ apply
 *     covers the lock's hand-over); decide ‖ recheck (a decision needs an open case, which apply refuses while
 *     the file is active; a lapsed file's renewal and a new decision both write the file in a transaction).
 *   - 金秋助学: apply ‖ payment (apply needs the window open, payment a published list); apply ‖ publish can meet
 *     when staff end the period early, and is forced in student-aid.test.ts (each side looks again after it
 *     commits, so a late application is refused, never left open); object ‖ payment
 *     (objections while the 公示 is open, payment only after it and its grace); check ‖ decide (decide needs the
 *     check done first, both on the application in a transaction).
 *   - 医疗互助: enrol ‖ claim (the enrolment is created once by insertUnique; a claim needs it to exist); pay ‖
 *     withdraw / reject (payment needs an approved claim, the others a submitted one; all write the claim).
 *   - 送温暖/送清凉: add ‖ collect (collect needs a listed entry; adding never touches a listed one); two builds at
 *     once (one unique entry id per person, campaigns.test.ts); addFromMembers ‖ close (the same addEntries as
 *     addFromHardship); create ‖ anything (a new id).
 *
 * Found by this file and fixed: a list build held after its "campaign open" check while the campaign was closed
 * and swept left its entries 待领取 on a closed campaign for good (lists.ts `refuseIfClosedMeanwhile`).
 */
import { callApi } from '../support/api';
import { builtOnce, clearPauses, pauseAt } from '../support/interleave';
import { uploadAs } from '../support/matchmaking';
import { freshCode } from '../support/merchants';
import { fireCron, type Side } from '../support/race';
import { runWhilePaused } from '../support/seatMatrix';
import { studentAidInput } from '../support/studentAid';
import { givenMember, givenOrg, givenStaff, idNumberFor, useCloud, type GivenPerson } from '../support/scenario';
import { APPLY, DECIDE, VISIT } from '../support/hardship';

jest.setTimeout(600_000);

const env = useCloud({ demo: false });
afterEach(() => clearPauses(env.cloud.baseUrl));

const DAY = 86_400_000;
const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * DAY).toISOString().slice(0, 10);

/** The world: a city, a district with a 基层工会 (hardship, 金秋助学, 医疗互助), and one for the campaigns. */
const w = {} as {
  districtId: string;
  orgId: string;
  grassroots: string;
  district: string;
  district2: string;
  admin: string;
  campaignDistrict: string;
  campaignOrgPath: string[];
  campaignUnit: string;
  campaignStaff: string;
  campaignStaff2: string;
  stationStaff: string;
  planId: string;
};

beforeAll(async () => {
  const city = await givenOrg(env, { kind: 'city', name: '测试市总工会' });
  const d = await givenOrg(env, { parentId: city._id, kind: 'district', name: '测试区总工会' });
  const g = await givenOrg(env, { parentId: d._id, name: '测试机械厂工会' });
  const dc = await givenOrg(env, { parentId: city._id, kind: 'district', name: '送清凉测试区总工会' });
  const gc = await givenOrg(env, { parentId: dc._id, name: '送清凉测试厂工会' });
  Object.assign(w, {
    districtId: d._id,
    orgId: g._id,
    grassroots: await givenStaff(env, { orgId: g._id }),
    district: await givenStaff(env, { orgId: d._id }),
    district2: await givenStaff(env, { orgId: d._id }),
    admin: await givenStaff(env, { role: 'admin' }),
    campaignDistrict: dc._id,
    campaignOrgPath: gc.path,
    campaignUnit: gc._id,
    campaignStaff: await givenStaff(env, { orgId: dc._id }),
    campaignStaff2: await givenStaff(env, { orgId: dc._id }),
    stationStaff: await givenStaff(env, { orgId: gc._id }),
  });
  w.planId = (
    await env.ok(w.district, 'mutualAid.savePlan', {
      name: '测试区职工住院医疗互助保障',
      ownerOrgId: d._id,
      periodStart: chinaDay(-200),
      periodEnd: chinaDay(100),
      contribution: 30,
      deductible: 1000,
      ratioPercent: 50,
      cap: 10000,
      note: '',
    })
  ).planId;
}, 120_000);

// ---- the harness --------------------------------------------------------------------------------------------

const side = (openid: string, action: string, input: unknown): Side => ({
  spec: { function: 'api', openid, action },
  clock: 0,
  run: () => callApi(env.cloud.baseUrl, openid, action as 'hardship.apply', input),
});
const cronSide = (collections: string[]): Side => ({
  spec: { function: 'cron', collections },
  clock: 0,
  run: () => fireCron(env.cloud.baseUrl),
});
/** Both outcomes ('ok' or the error code), named by the pair's own order (a, b) whichever ran first. */
type Outcomes = { a: string; b: string };
type Check<S> = (o: Outcomes, s: S) => Promise<string[]>;

interface PairDef<S> {
  title: string;
  setup: () => Promise<S>;
  a: { name: string; side: (s: S) => Side };
  b: { name: string; side: (s: S) => Side };
  check: Check<S>;
  /** Orders to force: 'ab' holds a, 'ba' holds b (one only where the other order is forced elsewhere). */
  orders?: Array<'ab' | 'ba'>;
}

const points: string[] = [];
afterAll(() => {
  if (points.length) console.log(`care interleavings, pause points per order:\n${points.join('\n')}`);
});

/**
 * Holds `first` before its k-th database request (k = 1, 2, … until it makes fewer), runs `second` to its end
 * meanwhile (runWhilePaused: the held call is let go once `second` waits for a lock it took), then lets it go on;
 * checks after each order. Returns the number of pause points.
 */
async function forceOrder<S>(
  p: PairDef<S>,
  first: PairDef<S>['a'],
  second: PairDef<S>['a'],
  order: 'ab' | 'ba',
  found: string[],
): Promise<number> {
  const text = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
  const setup = builtOnce(env.cloud.baseUrl, p.setup);
  for (let k = 1; k <= 80; k += 1) {
    const s = await setup();
    const [x, y] = [first.side(s), second.side(s)];
    const pause = await pauseAt(env.cloud.baseUrl, { ...x.spec, atRequest: k });
    try {
      const held = x.run();
      const state = await pause.settled();
      if (state.state === 'missed') {
        await held;
        return k - 1;
      }
      const other = text(await runWhilePaused(env.cloud.baseUrl, pause, state, y.run));
      const mine = text(await held);
      const o = order === 'ab' ? { a: mine, b: other } : { a: other, b: mine };
      const v = [...(o.a === 'INTERNAL' || o.b === 'INTERNAL' ? ['an INTERNAL answer'] : []), ...(await p.check(o, s))];
      const where = `${first.name} held before request ${k} (${state.request?.collectionName ?? state.request?.action})`;
      if (v.length) found.push(`${where}: ${v.join('; ')} (${p.a.name}=${o.a}, ${p.b.name}=${o.b})`);
    } finally {
      await pause.disarm();
    }
  }
  throw new Error('more than 80 pause points');
}

function forcePair<S>(p: PairDef<S>): void {
  for (const order of p.orders ?? ['ab', 'ba']) {
    const [first, second] = order === 'ab' ? [p.a, p.b] : [p.b, p.a];
    it(`${p.title}: ${first.name} held at each request, ${second.name} meanwhile`, async () => {
      const found: string[] = [];
      const n = await forceOrder(p, first, second, order, found);
      points.push(`  ${p.title}: ${first.name} held ‖ ${second.name}: ${n}${found.length ? ` (${found.length} failing)` : ''}`);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(found).toEqual([]);
    });
  }
}

const expectIn = (what: string, got: string, allowed: string[]): string[] =>
  allowed.includes(got) ? [] : [`${what} answered ${got}, expected one of ${allowed.join('/')}`];
const exactlyOne = (o: Outcomes): string[] =>
  [o.a, o.b].filter((x) => x === 'ok').length === 1 ? [] : [`expected exactly one to succeed`];

// ---- 困难帮扶 -------------------------------------------------------------------------------------------------

interface StoredCase {
  _id: string;
  status: string;
  visit?: unknown;
  level?: string;
}
interface StoredFile {
  status: string;
  caseId: string;
  helpCount: number;
  helpTotalFen: number;
  lapsedAt?: Date;
}

/** One open case per member at most; the lock names it (or nothing); a file exists exactly for an approved case. */
async function hardshipViolations(openid: string): Promise<string[]> {
  const out: string[] = [];
  const cases = await env.store.all<StoredCase>('hardship_cases', { openid });
  const open = cases.filter((c) => c.status === 'submitted' || c.status === 'visited');
  if (open.length > 1) out.push(`${open.length} open cases`);
  const lock = await env.store.byId<{ openCaseId: string; lastDecision?: { caseId: string; status: string } }>(
    'hardship_locks',
    openid,
  );
  if ((lock?.openCaseId ?? '') !== (open[0]?._id ?? ''))
    out.push(`the lock names ${lock?.openCaseId || 'nothing'}, open: ${open[0]?._id}`);
  const approved = cases.filter((c) => c.status === 'approved');
  const file = await env.store.byId<StoredFile>('hardship_files', openid);
  if (approved.length && file?.caseId !== approved[approved.length - 1]._id) out.push(`approved without its file`);
  if (!approved.length && file) out.push(`a file without an approved case`);
  const decided = cases.filter((c) => c.status === 'approved' || c.status === 'rejected');
  if (decided.length && lock?.lastDecision?.status !== decided[0].status) out.push(`the lock's last decision is stale`);
  // Audit and timeline: one entry per decision / withdrawal that stands.
  for (const c of cases) {
    const said = await env.store.count('timeline', { openid, refId: c._id, status: c.status });
    if (c.status !== 'submitted' && said !== 1) out.push(`case ${c.status}: ${said} timeline entries of it`);
    const audits = await env.store.count('audit', {
      target: c._id,
      action: env.store.db.command.in(['hardship.approve', 'hardship.reject']),
    });
    const want = c.status === 'approved' || c.status === 'rejected' ? 1 : 0;
    if (audits !== want) out.push(`case ${c.status}: ${audits} decision audits`);
  }
  return out;
}

/** The count and total on a file are those of the help stored for it. */
async function helpViolations(fileId: string): Promise<string[]> {
  const file = await env.store.byId<StoredFile>('hardship_files', fileId);
  const help = await env.store.all<{ amountFen: number; kind: string }>('hardship_help', { fileId });
  const out: string[] = [];
  if (file?.helpCount !== help.length) out.push(`helpCount ${file?.helpCount} ≠ ${help.length} stored`);
  const money = help.filter((h) => h.kind === 'money').reduce((t, h) => t + h.amountFen, 0);
  if (file?.helpTotalFen !== money) out.push(`helpTotalFen ${file?.helpTotalFen} ≠ ${money}`);
  return out;
}

const hardshipMember = () => givenMember(env, { orgId: w.orgId, name: '王建军' });
let helpSerial = 0;
const goods = (fileId: string) =>
  side(w.grassroots, 'hardship.recordHelp', {
    fileId,
    kind: 'goods',
    amount: 300,
    date: chinaDay(0),
    note: '米面油',
    requestId: `req-care-${(helpSerial += 1)}`,
  });

async function submittedCase(): Promise<{ m: GivenPerson; caseId: string }> {
  const m = await hardshipMember();
  const c = await env.ok(m.openid, 'hardship.apply', APPLY);
  return { m, caseId: c.caseId };
}
async function visitedCase(): Promise<{ m: GivenPerson; caseId: string }> {
  const s = await submittedCase();
  await env.ok(w.grassroots, 'hardship.visit', { caseId: s.caseId, ...VISIT });
  return s;
}
async function activeFile(overdue = false): Promise<{ m: GivenPerson; fileId: string }> {
  const s = await visitedCase();
  await env.ok(w.district, 'hardship.decide', { caseId: s.caseId, ...DECIDE });
  if (overdue)
    await env.store.db
      .collection('hardship_files')
      .doc(s.m.openid)
      .update({ data: { recheckDue: new Date(Date.now() - DAY) } });
  return { m: s.m, fileId: s.m.openid };
}

describe('困难帮扶', () => {
  forcePair({
    title: 'withdraw ‖ applying again (the member’s lock)',
    setup: submittedCase,
    a: { name: 'withdraw', side: (s) => side(s.m.openid, 'hardship.withdraw', { caseId: s.caseId }) },
    b: { name: 'apply', side: (s) => side(s.m.openid, 'hardship.apply', APPLY) },
    check: async (o, s) => [
      ...(await hardshipViolations(s.m.openid)),
      ...expectIn('withdraw', o.a, ['ok', 'BUSY']),
      ...expectIn('apply', o.b, ['ok', 'CONFLICT', 'BUSY']),
      // A new application stands only once the old one is withdrawn.
      ...(o.b === 'ok' && o.a !== 'ok' ? ['applied again while the first case was open'] : []),
    ],
  });

  forcePair({
    title: 'decide approve ‖ decide reject by two district staffers',
    setup: visitedCase,
    a: { name: 'approve', side: (s) => side(w.district, 'hardship.decide', { caseId: s.caseId, ...DECIDE }) },
    b: {
      name: 'reject',
      side: (s) =>
        side(w.district2, 'hardship.decide', { caseId: s.caseId, approve: false, civilCheck: 'none', note: '收入超过标准' }),
    },
    check: async (o, s) => [
      ...(await hardshipViolations(s.m.openid)),
      ...exactlyOne(o),
      ...expectIn('approve', o.a, ['ok', 'CONFLICT', 'BUSY']),
      ...expectIn('reject', o.b, ['ok', 'CONFLICT', 'BUSY']),
    ],
  });

  forcePair({
    title: 'withdraw ‖ the home visit',
    setup: submittedCase,
    a: { name: 'withdraw', side: (s) => side(s.m.openid, 'hardship.withdraw', { caseId: s.caseId }) },
    b: { name: 'visit', side: (s) => side(w.grassroots, 'hardship.visit', { caseId: s.caseId, ...VISIT }) },
    orders: ['ab'], // the visit held: hardship.test.ts
    check: async (o, s) => {
      const stored = await env.store.byId<StoredCase>('hardship_cases', s.caseId);
      const out = await hardshipViolations(s.m.openid);
      if (Boolean(stored?.visit) !== (o.b === 'ok')) out.push(`visit answered ${o.b}, stored visit: ${Boolean(stored?.visit)}`);
      if ((stored?.status === 'withdrawn') !== (o.a === 'ok')) out.push(`withdraw answered ${o.a}, case ${stored?.status}`);
      return [...out, ...expectIn('visit', o.b, ['ok', 'CONFLICT', 'BUSY']), ...expectIn('withdraw', o.a, ['ok', 'BUSY'])];
    },
  });

  forcePair({
    title: '解困脱困 ‖ help recorded on the file',
    setup: () => activeFile(),
    a: {
      name: 'close',
      side: (s) => side(w.district, 'hardship.recheck', { fileId: s.fileId, stillQualifies: false, note: '子女就业，收入提高' }),
    },
    b: { name: 'recordHelp', side: (s) => goods(s.fileId) },
    orders: ['ab'], // the help held: hardship.test.ts
    check: async (o, s) => {
      const file = await env.store.byId<StoredFile>('hardship_files', s.fileId);
      const out = await helpViolations(s.fileId);
      if ((file?.status === 'closed') !== (o.a === 'ok')) out.push(`close answered ${o.a}, file ${file?.status}`);
      return [...out, ...expectIn('close', o.a, ['ok', 'BUSY']), ...expectIn('recordHelp', o.b, ['ok', 'CONFLICT', 'BUSY'])];
    },
  });

  forcePair({
    title: 'the timer’s lapse ‖ help recorded on the overdue file',
    setup: () => activeFile(true),
    a: { name: 'cron(lapse)', side: () => cronSide(['hardship_files', 'hardship_publicity']) },
    b: { name: 'recordHelp', side: (s) => goods(s.fileId) },
    check: async (o, s) => {
      const file = await env.store.byId<StoredFile>('hardship_files', s.fileId);
      const out = await helpViolations(s.fileId);
      if (file?.status !== 'lapsed') out.push(`the overdue file is ${file?.status}`);
      const told = await env.store.count('timeline', { openid: s.m.openid, status: 'lapsed' });
      if (told !== 1) out.push(`${told} lapse notes to the member`);
      return [...out, ...expectIn('recordHelp', o.b, ['ok', 'CONFLICT', 'BUSY'])];
    },
  });
});

interface StoredPublicity {
  _id: string;
  status: string;
  openObjections: number;
  rows: Array<{ enrollmentId: string; removed?: boolean }>;
}
/** The 公示's count of open objections is theirs; a family is in one live 公示 at most, the one its file names. */
async function publicityViolations(publicityId: string, fileId: string): Promise<string[]> {
  const p = (await env.store.byId<StoredPublicity>('hardship_publicity', publicityId))!;
  const out: string[] = [];
  const open = await env.store.count('hardship_objections', { publicityId, status: 'open' });
  if (p.openObjections !== open) out.push(`openObjections ${p.openObjections} ≠ ${open} open`);
  if (p.status === 'final' && open) out.push(`final with ${open} open objections`);
  const file = await env.store.byId<StoredFile & { publicityId?: string }>('hardship_files', fileId);
  const live = (
    await env.store.all<StoredPublicity>('hardship_publicity', { status: env.store.db.command.neq('withdrawn') })
  ).filter((x) => x.rows.some((r) => r.enrollmentId === fileId));
  if (live.length > 1) out.push(`the family is in ${live.length} live 公示`);
  if ((file?.publicityId ?? '') !== (live[0]?._id ?? '')) out.push(`the file names ${file?.publicityId || 'no 公示'}`);
  const row = p.rows.find((r) => r.enrollmentId === fileId);
  if (row?.removed && p.status !== 'withdrawn' && file?.status !== 'closed') out.push(`struck out, the file ${file?.status}`);
  return out;
}

let neighbour: GivenPerson | undefined;
interface Listed {
  m: GivenPerson;
  /** A neighbour in the family's union, who may object. */
  objector: string;
  fileId: string;
  publicityId: string;
  objectionId?: string;
}
/** A family 认定 and listed in a 公示 open for a day; `objected`: a neighbour's objection filed, the window then over. */
async function listedFamily(objected = false): Promise<Listed> {
  neighbour ??= await givenMember(env, { orgId: w.orgId, name: '赵志刚' });
  const f = await activeFile();
  const p = await env.ok(w.district, 'hardship.publish', {
    orgId: w.districtId,
    title: '测试区困难职工认定公示',
    entries: [{ fileId: f.fileId, helpPlanned: '资金救助 2000元' }],
    days: 1,
  });
  if (!objected) return { ...f, objector: neighbour.openid, publicityId: p.publicityId };
  const o = await env.ok(neighbour.openid, 'hardship.object', {
    publicityId: p.publicityId,
    ticket: '001',
    reason: '该户收入情况不实',
  });
  await env.store.db
    .collection('hardship_publicity')
    .doc(p.publicityId)
    .update({ data: { until: new Date(Date.now() - 5 * 60_000) } });
  return { ...f, objector: neighbour.openid, publicityId: p.publicityId, objectionId: o.objectionId };
}

describe('困难帮扶 · 公示', () => {
  forcePair({
    title: 'an objection ‖ withdrawing the 公示',
    setup: () => listedFamily(),
    a: {
      name: 'object',
      side: (s) => side(s.objector, 'hardship.object', { publicityId: s.publicityId, ticket: '001', reason: '该户收入情况不实' }),
    },
    b: {
      name: 'withdrawPublicity',
      side: (s) => side(w.district, 'hardship.withdrawPublicity', { publicityId: s.publicityId, reason: '拟帮扶金额有误' }),
    },
    check: async (o, s) => [
      ...(await publicityViolations(s.publicityId, s.fileId)),
      ...expectIn('object', o.a, ['ok', 'CONFLICT', 'NOT_FOUND', 'BUSY']),
      ...expectIn('withdrawPublicity', o.b, ['ok', 'BUSY']),
    ],
  });

  forcePair({
    title: 'an objection upheld ‖ finalising the 公示',
    setup: () => listedFamily(true),
    a: {
      name: 'uphold',
      side: (s) =>
        side(w.district, 'hardship.resolveObjection', {
          objectionId: s.objectionId,
          decision: 'uphold',
          note: '核实收入超过标准',
        }),
    },
    b: { name: 'finalize', side: (s) => side(w.district2, 'hardship.finalizePublicity', { publicityId: s.publicityId }) },
    check: async (o, s) => {
      const out = await publicityViolations(s.publicityId, s.fileId);
      const file = await env.store.byId<StoredFile>('hardship_files', s.fileId);
      if ((file?.status === 'closed') !== (o.a === 'ok')) out.push(`uphold answered ${o.a}, the file is ${file?.status}`);
      // Final only once the objection is resolved.
      if (o.b === 'ok' && o.a !== 'ok') out.push('final while the objection stood open');
      return [...out, ...expectIn('uphold', o.a, ['ok', 'BUSY']), ...expectIn('finalize', o.b, ['ok', 'CONFLICT', 'BUSY'])];
    },
  });

  forcePair({
    title: 'publishing ‖ 解困脱困 of a listed family',
    setup: () => activeFile(),
    a: {
      name: 'publish',
      side: (s) =>
        side(w.district2, 'hardship.publish', {
          orgId: w.districtId,
          title: '测试区困难职工认定公示',
          entries: [{ fileId: s.fileId, helpPlanned: '资金救助 2000元' }],
          days: 1,
        }),
    },
    b: {
      name: 'close',
      side: (s) => side(w.district, 'hardship.recheck', { fileId: s.fileId, stillQualifies: false, note: '子女就业，收入提高' }),
    },
    check: async (o, s) => {
      const file = await env.store.byId<StoredFile & { publicityId?: string }>('hardship_files', s.fileId);
      const out: string[] = [];
      if ((file?.status === 'closed') !== (o.b === 'ok')) out.push(`close answered ${o.b}, the file is ${file?.status}`);
      if (Boolean(file?.publicityId) !== (o.a === 'ok'))
        out.push(`publish answered ${o.a}, the file names ${file?.publicityId || 'nothing'}`);
      const listing = (await env.store.all<StoredPublicity>('hardship_publicity', { orgId: w.districtId })).filter((p) =>
        p.rows.some((r) => r.enrollmentId === s.fileId),
      );
      if (listing.length !== (o.a === 'ok' ? 1 : 0)) out.push(`${listing.length} 公示 list the family`);
      return [...out, ...expectIn('publish', o.a, ['ok', 'CONFLICT', 'BUSY']), ...expectIn('close', o.b, ['ok', 'BUSY'])];
    },
  });
});

// ---- 金秋助学 --------------------------------------------------------------------------------------------------

interface StoredApp {
  _id: string;
  status: string;
  claimId: string;
  payment?: unknown;
  windowId: string;
}
interface StoredWindow {
  approvedCount?: number;
  paidCount?: number;
  openObjections?: number;
  publicity?: unknown;
  rows?: Array<{ applicationId: string; removed?: boolean }>;
}
const LIVE = ['submitted', 'checked', 'approved', 'paid'];

/** One live application per student and year; the claim names it, or is gone when none is live. */
async function claimViolations(claimId: string): Promise<string[]> {
  const apps = await env.store.all<StoredApp>('student_aid_applications', { claimId });
  const live = apps.filter((a) => LIVE.includes(a.status));
  const claim = await env.store.byId<{ applicationId: string }>('student_aid_claims', claimId);
  const out: string[] = [];
  if (live.length > 1) out.push(`${live.length} live applications for one student`);
  if ((claim?.applicationId ?? '') !== (live[0]?._id ?? '')) out.push(`the claim names ${claim?.applicationId ?? 'nothing'}`);
  return out;
}

/** The window's counts and its 公示 rows agree with the applications. */
async function windowViolations(windowId: string, upheld = 0): Promise<string[]> {
  const wd = (await env.store.byId<StoredWindow>('student_aid_windows', windowId))!;
  const apps = await env.store.all<StoredApp>('student_aid_applications', { windowId });
  const granted = apps.filter((a) => a.status === 'approved' || a.status === 'paid');
  const out: string[] = [];
  if ((wd.approvedCount ?? 0) !== granted.length + upheld)
    out.push(`approvedCount ${wd.approvedCount} ≠ ${granted.length}+${upheld}`);
  const paid = apps.filter((a) => a.status === 'paid');
  if ((wd.paidCount ?? 0) !== paid.length) out.push(`paidCount ${wd.paidCount} ≠ ${paid.length}`);
  if (apps.some((a) => a.status !== 'paid' && a.payment)) out.push(`a payment on an application not paid`);
  if (wd.publicity) {
    const standing = (wd.rows ?? [])
      .filter((r) => !r.removed)
      .map((r) => r.applicationId)
      .sort();
    const ids = granted.map((a) => a._id).sort();
    if (standing.join() !== ids.join()) out.push(`the 公示 lists [${standing.length}] ≠ granted [${ids.length}]`);
    const open = await env.store.count('student_aid_objections', { windowId, status: 'open' });
    if ((wd.openObjections ?? 0) !== open) out.push(`openObjections ${wd.openObjections} ≠ ${open}`);
  }
  return out;
}

let uploads = 0;
let windowUnion = 0;
/**
 * A window for the school year 2060: on the test district (`shared`: the one window of the pairs that only need it
 * open), or on a fresh 区总工会 below it with a 基层工会 of its own (a window per union and year, and a 公示 per
 * window: each scenario that publishes needs its own). The test district's staff cover both.
 */
async function openWindow(shared = false): Promise<{ windowId: string; unitId: string }> {
  let orgId = w.districtId;
  let unitId = w.orgId;
  if (!shared) {
    windowUnion += 1;
    const d = await givenOrg(env, { parentId: w.districtId, kind: 'district', name: `金秋助学测试区${windowUnion}` });
    orgId = d._id;
    unitId = (await givenOrg(env, { parentId: d._id, name: `金秋助学测试厂${windowUnion}` }))._id;
  }
  const saved = await env.ok(w.district, 'studentAid.saveWindow', {
    orgId,
    schoolYear: 2060,
    opensOn: chinaDay(-1),
    closesOn: chinaDay(2),
    amounts: { university: 3000, college: 2000, highSchool: 1000 },
    rule: 'fileOrIncome',
    note: '',
  });
  return { windowId: saved.windowId, unitId };
}
const aidInput = (m: GivenPerson, windowId: string, childIdNumber: string) => studentAidInput(env, m, windowId, childIdNumber);
const aidMember = (name = '孙卫东', orgId = w.orgId) => givenMember(env, { orgId, name });
/** Closes the window's application period (as if its last day were yesterday). */
const pastClosing = (windowId: string) =>
  env.store.db
    .collection('student_aid_windows')
    .doc(windowId)
    .update({ data: { opensOn: chinaDay(-3), closesOn: chinaDay(-1) } });

interface TwoParents {
  windowId: string;
  parent: string;
  applicationId: string;
  claimId: string;
  other: GivenPerson;
  otherInput: Awaited<ReturnType<typeof aidInput>>;
}
let sharedWindow: string | undefined;
async function oneParentApplied(): Promise<TwoParents> {
  sharedWindow ??= (await openWindow(true)).windowId;
  const [a, b] = [await aidMember('孙卫东'), await aidMember('刘美华')];
  const child = idNumberFor('20080315');
  const applied = await env.ok(a.openid, 'studentAid.apply', await aidInput(a, sharedWindow, child));
  const stored = (await env.store.byId<StoredApp>('student_aid_applications', applied.applicationId))!;
  return {
    windowId: sharedWindow,
    parent: a.openid,
    applicationId: applied.applicationId,
    claimId: stored.claimId,
    other: b,
    otherInput: await aidInput(b, sharedWindow, child),
  };
}
async function checkedApplication(): Promise<TwoParents> {
  const s = await oneParentApplied();
  await env.ok(w.grassroots, 'studentAid.check', { applicationId: s.applicationId, pass: true, note: '' });
  return s;
}

describe('金秋助学', () => {
  forcePair({
    title: '基层工会 refusal ‖ the other parent applying for the child',
    setup: oneParentApplied,
    a: {
      name: 'check(reject)',
      side: (s) => side(w.grassroots, 'studentAid.check', { applicationId: s.applicationId, pass: false, note: '材料不全' }),
    },
    b: { name: 'apply(other parent)', side: (s) => side(s.other.openid, 'studentAid.apply', s.otherInput) },
    check: async (o, s) => [
      ...(await claimViolations(s.claimId)),
      ...(await windowViolations(s.windowId)),
      ...expectIn('check', o.a, ['ok', 'BUSY']),
      ...expectIn('apply', o.b, ['ok', 'CONFLICT', 'BUSY']),
    ],
  });

  forcePair({
    title: 'withdraw ‖ the other parent applying',
    setup: oneParentApplied,
    a: { name: 'withdraw', side: (s) => side(s.parent, 'studentAid.withdraw', { applicationId: s.applicationId }) },
    b: { name: 'apply(other parent)', side: (s) => side(s.other.openid, 'studentAid.apply', s.otherInput) },
    orders: ['ba'], // the withdrawal held: student-aid.test.ts
    check: async (o, s) => [
      ...(await claimViolations(s.claimId)),
      ...expectIn('withdraw', o.a, ['ok', 'BUSY']),
      ...expectIn('apply', o.b, ['ok', 'CONFLICT', 'BUSY']),
    ],
  });

  forcePair({
    title: 'withdraw ‖ the district’s decision',
    setup: checkedApplication,
    a: { name: 'withdraw', side: (s) => side(s.parent, 'studentAid.withdraw', { applicationId: s.applicationId }) },
    b: {
      name: 'decide(approve)',
      side: (s) => side(w.district, 'studentAid.decide', { applicationId: s.applicationId, approve: true, note: '' }),
    },
    orders: ['ab'], // the decision held: student-aid.test.ts
    check: async (o, s) => [
      ...(await claimViolations(s.claimId)),
      ...(await windowViolations(s.windowId)),
      ...exactlyOne(o),
      ...expectIn('withdraw', o.a, ['ok', 'CONFLICT', 'BUSY']),
      ...expectIn('decide', o.b, ['ok', 'CONFLICT', 'BUSY']),
    ],
  });

  forcePair({
    title: 'decide approve ‖ decide reject by two district staffers',
    setup: checkedApplication,
    a: {
      name: 'approve',
      side: (s) => side(w.district, 'studentAid.decide', { applicationId: s.applicationId, approve: true, note: '' }),
    },
    b: {
      name: 'reject',
      side: (s) =>
        side(w.district2, 'studentAid.decide', { applicationId: s.applicationId, approve: false, note: '收入超过标准' }),
    },
    check: async (o, s) => [
      ...(await claimViolations(s.claimId)),
      ...(await windowViolations(s.windowId)),
      ...exactlyOne(o),
      ...expectIn('approve', o.a, ['ok', 'CONFLICT', 'BUSY']),
      ...expectIn('reject', o.b, ['ok', 'CONFLICT', 'BUSY']),
    ],
  });

  /** A fresh window past its closing: one grant approved, another application checked and waiting for its decision. */
  async function lastDecisionPending(): Promise<{ windowId: string; pending: string }> {
    const { windowId, unitId } = await openWindow();
    const ids: string[] = [];
    for (const name of ['孙卫东', '钱学军']) {
      const m = await aidMember(name, unitId);
      const a = await env.ok(m.openid, 'studentAid.apply', await aidInput(m, windowId, idNumberFor('20080401')));
      await env.ok(w.district, 'studentAid.check', { applicationId: a.applicationId, pass: true, note: '' });
      ids.push(a.applicationId);
    }
    await env.ok(w.district, 'studentAid.decide', { applicationId: ids[0], approve: true, note: '' });
    await pastClosing(windowId);
    return { windowId, pending: ids[1] };
  }

  forcePair({
    title: 'the last decision ‖ publishing the grant list',
    setup: lastDecisionPending,
    a: {
      name: 'decide(approve)',
      side: (s) => side(w.district, 'studentAid.decide', { applicationId: s.pending, approve: true, note: '' }),
    },
    b: { name: 'publish', side: (s) => side(w.district2, 'studentAid.publish', { windowId: s.windowId, days: 1 }) },
    check: async (o, s) => [
      ...(await windowViolations(s.windowId)),
      ...expectIn('decide', o.a, ['ok', 'CONFLICT', 'BUSY']),
      ...expectIn('publish', o.b, ['ok', 'CONFLICT', 'BUSY']),
    ],
  });

  /** A published grant list whose 公示 (and grace) is over, with one objection to the only grant still open. */
  async function objectedGrant(): Promise<{ windowId: string; applicationId: string; claimId: string; objectionId: string }> {
    const { windowId, unitId } = await openWindow();
    const m = await aidMember('孙卫东', unitId);
    const a = await env.ok(m.openid, 'studentAid.apply', await aidInput(m, windowId, idNumberFor('20080501')));
    await env.ok(w.district, 'studentAid.check', { applicationId: a.applicationId, pass: true, note: '' });
    await env.ok(w.district, 'studentAid.decide', { applicationId: a.applicationId, approve: true, note: '' });
    await pastClosing(windowId);
    await env.ok(w.district, 'studentAid.publish', { windowId, days: 1 });
    const objector = await aidMember('赵志刚', unitId);
    const o = await env.ok(objector.openid, 'studentAid.object', { windowId, ticket: '1', reason: '该生已获得其他资助' });
    const wd = await env.store.byId<{ publicity: { publishedAt: Date } }>('student_aid_windows', windowId);
    await env.store.db
      .collection('student_aid_windows')
      .doc(windowId)
      .update({ data: { publicity: { ...wd!.publicity, until: new Date(Date.now() - 10 * 60_000) } } });
    const stored = await env.store.byId<StoredApp>('student_aid_applications', a.applicationId);
    return { windowId, applicationId: a.applicationId, claimId: stored!.claimId, objectionId: o.objectionId };
  }

  forcePair({
    title: 'an objection upheld ‖ payment of that grant',
    setup: objectedGrant,
    a: {
      name: 'uphold',
      side: (s) =>
        side(w.district, 'studentAid.resolveObjection', { objectionId: s.objectionId, decision: 'uphold', note: '核实属实' }),
    },
    b: {
      name: 'recordPayment',
      side: (s) =>
        side(w.district2, 'studentAid.recordPayment', { applicationId: s.applicationId, date: chinaDay(0), amount: 3000 }),
    },
    check: async (o, s) => {
      const a = await env.store.byId<StoredApp>('student_aid_applications', s.applicationId);
      const out = [
        ...(await claimViolations(s.claimId)),
        ...(await windowViolations(s.windowId, a?.status === 'rejected' ? 1 : 0)),
        ...expectIn('uphold', o.a, ['ok', 'BUSY']),
        ...expectIn('recordPayment', o.b, ['ok', 'CONFLICT', 'NOT_PAYABLE', 'BUSY']),
      ];
      if (o.a === 'ok' && a?.status !== 'rejected') out.push(`upheld, but the grant is ${a?.status}`);
      if (a?.status === 'paid' && o.a === 'ok') out.push('paid a grant withdrawn by an upheld objection');
      return out;
    },
  });

  forcePair({
    title: 'an objection dismissed ‖ payment of that grant',
    setup: objectedGrant,
    a: {
      name: 'dismiss',
      side: (s) =>
        side(w.district, 'studentAid.resolveObjection', {
          objectionId: s.objectionId,
          decision: 'dismiss',
          note: '经核实不属实',
        }),
    },
    b: {
      name: 'recordPayment',
      side: (s) =>
        side(w.district2, 'studentAid.recordPayment', { applicationId: s.applicationId, date: chinaDay(0), amount: 3000 }),
    },
    check: async (o, s) => [
      ...(await claimViolations(s.claimId)),
      ...(await windowViolations(s.windowId)),
      ...expectIn('dismiss', o.a, ['ok', 'BUSY']),
      ...expectIn('recordPayment', o.b, ['ok', 'NOT_PAYABLE', 'BUSY']),
      // Paid only once no objection was open.
      ...(o.b === 'ok' && o.a !== 'ok' ? ['paid while an objection stood open'] : []),
    ],
  });

  forcePair({
    title: 'editing the window ‖ a decision counted on it',
    setup: checkedApplication,
    a: {
      name: 'saveWindow',
      side: () =>
        side(w.district2, 'studentAid.saveWindow', {
          orgId: w.districtId,
          schoolYear: 2060,
          opensOn: chinaDay(-1),
          closesOn: chinaDay(2),
          amounts: { university: 3000, college: 2000, highSchool: 1000 },
          rule: 'fileOrIncome',
          note: '请于截止日前提交',
        }),
    },
    b: {
      name: 'decide(approve)',
      side: (s) => side(w.district, 'studentAid.decide', { applicationId: s.applicationId, approve: true, note: '' }),
    },
    check: async (o, s) => [
      ...(await windowViolations(s.windowId)),
      ...expectIn('saveWindow', o.a, ['ok', 'BUSY']),
      ...expectIn('decide', o.b, ['ok', 'BUSY']),
    ],
  });
});

// ---- 医疗互助 --------------------------------------------------------------------------------------------------

interface StoredClaim {
  _id: string;
  status: string;
  approvedFen?: number;
  admittedOn: string;
  dischargedOn: string;
  payment?: unknown;
}
const OPEN_CLAIM = ['submitted', 'approved', 'paid'];

/** The enrolment's stays are the member's live claims; its approved total is theirs, within the cap. */
async function enrolmentViolations(openid: string): Promise<string[]> {
  const e = await env.store.byId<{ stays: Array<{ claimId: string }>; approvedFen: number }>(
    'mutualaid_enrolments',
    `${w.planId}_${openid}`,
  );
  const claims = await env.store.all<StoredClaim>('mutualaid_claims', { openid });
  const live = claims.filter((c) => OPEN_CLAIM.includes(c.status));
  const out: string[] = [];
  const stays = (e?.stays ?? []).map((s) => s.claimId).sort();
  if (
    stays.join() !==
    live
      .map((c) => c._id)
      .sort()
      .join()
  )
    out.push(`stays [${stays.length}] ≠ live claims [${live.length}]`);
  const approved = claims
    .filter((c) => c.status === 'approved' || c.status === 'paid')
    .reduce((t, c) => t + (c.approvedFen ?? 0), 0);
  if (e?.approvedFen !== approved) out.push(`approvedFen ${e?.approvedFen} ≠ ${approved}`);
  if (approved > 1_000_000) out.push(`above the cap: ${approved}`);
  for (const c of live)
    for (const d of live)
      if (c._id < d._id && c.admittedOn <= d.dischargedOn && d.admittedOn <= c.dischargedOn)
        out.push('two live claims for one stay');
  return out;
}

let seq = 0;
const rid = () => `req-care-${(seq += 1)}`;
async function claimInput(m: GivenPerson, from = -10, to = -5) {
  uploads += 1;
  return {
    planId: w.planId,
    hospital: '常州市第一人民医院',
    admittedOn: chinaDay(from),
    dischargedOn: chinaDay(to),
    invoiceTotal: 30000,
    selfPaid: 12000,
    evidence: [await uploadAs(env.cloud.baseUrl, m.openid, `invoice-${uploads}.png`)],
    sensitiveConsent: true as const,
    requestId: rid(),
  };
}
interface Claimed {
  m: GivenPerson;
  claimId: string;
  again: Awaited<ReturnType<typeof claimInput>>;
}
async function claimFiled(): Promise<Claimed> {
  const m = await givenMember(env, { orgId: w.orgId, name: '王建军' });
  await env.ok(w.admin, 'mutualAid.enrol', { planId: w.planId, cardNos: [m.cardNo] });
  const c = await env.ok(m.openid, 'mutualAid.claim', await claimInput(m));
  return { m, claimId: c.claimId, again: await claimInput(m) };
}
const approveClaim = (s: Claimed, by = w.district) =>
  side(by, 'mutualAid.approve', { claimId: s.claimId, amount: 5500, note: '' });

describe('医疗互助', () => {
  forcePair({
    title: 'approve ‖ reject of one claim',
    setup: claimFiled,
    a: { name: 'approve', side: (s) => approveClaim(s) },
    b: { name: 'reject', side: (s) => side(w.district2, 'mutualAid.reject', { claimId: s.claimId, note: '发票不清晰' }) },
    check: async (o, s) => [
      ...(await enrolmentViolations(s.m.openid)),
      ...exactlyOne(o),
      ...expectIn('approve', o.a, ['ok', 'CONFLICT', 'BUSY']),
      ...expectIn('reject', o.b, ['ok', 'CONFLICT', 'BUSY']),
    ],
  });

  forcePair({
    title: 'reject ‖ a new claim for the same stay',
    setup: claimFiled,
    a: { name: 'reject', side: (s) => side(w.district, 'mutualAid.reject', { claimId: s.claimId, note: '发票不清晰' }) },
    b: { name: 'claim(same stay)', side: (s) => side(s.m.openid, 'mutualAid.claim', s.again) },
    check: async (o, s) => [
      ...(await enrolmentViolations(s.m.openid)),
      ...expectIn('reject', o.a, ['ok', 'BUSY']),
      ...expectIn('claim', o.b, ['ok', 'CONFLICT', 'BUSY']),
    ],
  });

  forcePair({
    title: 'withdraw ‖ a new claim for the same stay',
    setup: claimFiled,
    a: { name: 'withdraw', side: (s) => side(s.m.openid, 'mutualAid.withdraw', { claimId: s.claimId }) },
    b: { name: 'claim(same stay)', side: (s) => side(s.m.openid, 'mutualAid.claim', s.again) },
    check: async (o, s) => [
      ...(await enrolmentViolations(s.m.openid)),
      ...expectIn('withdraw', o.a, ['ok', 'BUSY']),
      ...expectIn('claim', o.b, ['ok', 'CONFLICT', 'BUSY']),
    ],
  });

  forcePair({
    title: 'withdraw ‖ approve of one claim',
    setup: claimFiled,
    a: { name: 'withdraw', side: (s) => side(s.m.openid, 'mutualAid.withdraw', { claimId: s.claimId }) },
    b: { name: 'approve', side: (s) => approveClaim(s) },
    orders: ['ab'], // the approval held: mutual-aid.test.ts
    check: async (o, s) => [
      ...(await enrolmentViolations(s.m.openid)),
      ...exactlyOne(o),
      ...expectIn('withdraw', o.a, ['ok', 'CONFLICT', 'BUSY']),
      ...expectIn('approve', o.b, ['ok', 'CONFLICT', 'BUSY']),
    ],
  });

  forcePair({
    title: 'approve ‖ a claim for another stay (the enrolment)',
    setup: async () => {
      const s = await claimFiled();
      return { ...s, again: await claimInput(s.m, -40, -35) };
    },
    a: { name: 'approve', side: (s) => approveClaim(s) },
    b: { name: 'claim(another stay)', side: (s) => side(s.m.openid, 'mutualAid.claim', s.again) },
    check: async (o, s) => [
      ...(await enrolmentViolations(s.m.openid)),
      ...expectIn('approve', o.a, ['ok', 'BUSY']),
      ...expectIn('claim', o.b, ['ok', 'BUSY']),
    ],
  });

  forcePair({
    title: 'double tap of 登记支付',
    setup: async () => {
      const s = await claimFiled();
      await env.ok(w.district, 'mutualAid.approve', { claimId: s.claimId, amount: 5500, note: '' });
      return s;
    },
    a: {
      name: 'pay',
      side: (s) => side(w.district, 'mutualAid.pay', { claimId: s.claimId, date: chinaDay(0), reference: 'ZF001' }),
    },
    b: {
      name: 'pay again',
      side: (s) => side(w.district, 'mutualAid.pay', { claimId: s.claimId, date: chinaDay(0), reference: 'ZF001' }),
    },
    orders: ['ab'],
    check: async (o, s) => {
      const c = await env.store.byId<StoredClaim>('mutualaid_claims', s.claimId);
      const out = [...(await enrolmentViolations(s.m.openid)), ...exactlyOne(o)];
      if (c?.status !== 'paid') out.push(`the claim is ${c?.status}`);
      const audits = await env.store.count('audit', { action: 'mutualAid.pay', target: s.claimId });
      const told = await env.store.count('timeline', { refId: s.claimId, status: 'paid' });
      if (audits !== 1 || told !== 1) out.push(`payment audited ${audits}×, told ${told}×`);
      return out;
    },
  });
});

// ---- 送温暖 / 送清凉 -------------------------------------------------------------------------------------------

interface StoredEntry {
  _id: string;
  status: string;
}

/** Closed means closed for everyone: once the sweep is done (or the timer did it), nobody is left waiting. */
async function campaignViolations(campaignId: string): Promise<string[]> {
  const c = await env.store.byId<{ status: string; collectedCount: number; entriesSwept?: boolean }>('campaigns', campaignId);
  const entries = await env.store.all<StoredEntry>('campaign_entries', { campaignId });
  const out: string[] = [];
  const collected = entries.filter((e) => e.status === 'collected').length;
  if (c?.collectedCount !== collected) out.push(`collectedCount ${c?.collectedCount} ≠ ${collected} collected`);
  if (c?.status === 'closed') {
    if (c.entriesSwept === false) await fireCron(env.cloud.baseUrl);
    const waiting = await env.store.count('campaign_entries', { campaignId, status: 'listed' });
    if (waiting) out.push(`${waiting} entries still waiting on a closed campaign`);
  }
  return out;
}

let campaignSerial = 0;
interface CampaignState {
  campaignId: string;
  m: GivenPerson & { cardNo: string };
  entryId: string;
}
/** A campaign of the campaigns' district and a family with an active file there; `listed`: already on the list. */
async function campaignState(listed: boolean | 'removed'): Promise<CampaignState> {
  // Files of earlier scenarios are closed, so that each build lists one family.
  const _ = env.store.db.command;
  await env.store.db
    .collection('hardship_files')
    .where({ orgPath: _.in([w.campaignDistrict]), status: 'active' })
    .update({ data: { status: 'closed' } });
  campaignSerial += 1;
  const c = await env.ok(w.campaignStaff, 'campaigns.create', {
    orgId: w.campaignDistrict,
    kind: 'winter',
    title: `冬送温暖${campaignSerial}`,
    gift: '米面油一份',
    startDate: chinaDay(0),
    endDate: chinaDay(20),
    stations: [
      { name: '测试区总工会一楼服务大厅', address: '测试路1号' },
      { name: '测试户外劳动者驿站', address: '测试路88号' },
    ],
  });
  const m = await givenMember(env, { orgId: w.campaignUnit, name: '王建军' });
  await env.store.db
    .collection('hardship_files')
    .doc(m.openid)
    .set({
      data: {
        openid: m.openid,
        name: '王建军',
        orgId: w.campaignUnit,
        orgName: '送清凉测试厂工会',
        orgPath: w.campaignOrgPath,
        caseId: `H-${m.openid}`,
        level: 'deep',
        status: 'active',
        since: new Date(),
        recheckDue: new Date(Date.now() + 300 * DAY),
        helpCount: 0,
        helpTotalFen: 0,
      },
    });
  const entryId = `${c._id}_${m.openid}`;
  if (listed) await env.ok(w.campaignStaff, 'campaigns.addFromHardship', { campaignId: c._id });
  if (listed === 'removed') await env.ok(w.campaignStaff, 'campaigns.removeEntry', { campaignId: c._id, openid: m.openid });
  return { campaignId: c._id, m, entryId };
}
const withTicket = async (listed: boolean) => {
  const s = await campaignState(listed);
  const { ticket } = await env.ok(w.stationStaff, 'campaigns.check', {
    campaignId: s.campaignId,
    stationId: 's2',
    code: freshCode(s.m.cardNo),
  });
  return { ...s, ticket };
};
const entryOf = (s: CampaignState) => env.store.byId<StoredEntry>('campaign_entries', s.entryId);
const closeSide = (s: CampaignState) => side(w.campaignStaff2, 'campaigns.close', { campaignId: s.campaignId });
const buildSide = (s: CampaignState) => side(w.campaignStaff, 'campaigns.addFromHardship', { campaignId: s.campaignId });

describe('送温暖/送清凉', () => {
  forcePair({
    title: 'building the list ‖ closing the campaign',
    setup: () => campaignState(false),
    a: { name: 'addFromHardship', side: buildSide },
    b: { name: 'close', side: closeSide },
    check: async (o, s) => [
      ...(await campaignViolations(s.campaignId)),
      ...expectIn('addFromHardship', o.a, ['ok', 'CAMPAIGN_CLOSED', 'BUSY']),
      ...expectIn('close', o.b, ['ok', 'BUSY']),
    ],
  });

  forcePair({
    title: 'putting a removed family back on the list ‖ closing the campaign',
    setup: () => campaignState('removed'),
    a: { name: 'addFromHardship', side: buildSide },
    b: { name: 'close', side: closeSide },
    check: async (o, s) => [
      ...(await campaignViolations(s.campaignId)),
      ...expectIn('addFromHardship', o.a, ['ok', 'CAMPAIGN_CLOSED', 'BUSY']),
      ...expectIn('close', o.b, ['ok', 'BUSY']),
    ],
  });

  forcePair({
    title: 'removing from the list ‖ closing the campaign',
    setup: () => campaignState(true),
    a: {
      name: 'removeEntry',
      side: (s) => side(w.campaignStaff, 'campaigns.removeEntry', { campaignId: s.campaignId, openid: s.m.openid }),
    },
    b: { name: 'close', side: closeSide },
    check: async (o, s) => {
      const out = await campaignViolations(s.campaignId);
      const e = await entryOf(s);
      if (!['removed', 'closed'].includes(e?.status ?? '')) out.push(`the entry is ${e?.status}`);
      if (o.a === 'ok' && e?.status !== 'removed') out.push(`removal answered ok, the entry is ${e?.status}`);
      return [...out, ...expectIn('removeEntry', o.a, ['ok', 'BUSY']), ...expectIn('close', o.b, ['ok', 'BUSY'])];
    },
  });

  forcePair({
    title: 'removing from the list ‖ collecting',
    setup: () => withTicket(true),
    a: {
      name: 'removeEntry',
      side: (s) => side(w.campaignStaff, 'campaigns.removeEntry', { campaignId: s.campaignId, openid: s.m.openid }),
    },
    b: { name: 'collect', side: (s) => side(w.stationStaff, 'campaigns.collect', { ticket: s.ticket }) },
    orders: ['ab'], // the collection held: campaigns.test.ts
    check: async (o, s) => {
      const out = [...(await campaignViolations(s.campaignId)), ...exactlyOne(o)];
      const e = await entryOf(s);
      if (e?.status !== (o.b === 'ok' ? 'collected' : 'removed')) out.push(`collect answered ${o.b}, the entry is ${e?.status}`);
      return [
        ...out,
        ...expectIn('removeEntry', o.a, ['ok', 'ALREADY_COLLECTED', 'BUSY']),
        ...expectIn('collect', o.b, ['ok', 'NOT_LISTED', 'BUSY']),
      ];
    },
  });

  forcePair({
    title: 'closing ‖ collecting',
    setup: () => withTicket(true),
    a: { name: 'close', side: closeSide },
    b: { name: 'collect', side: (s) => side(w.stationStaff, 'campaigns.collect', { ticket: s.ticket }) },
    orders: ['ab'], // the collection held: campaigns.test.ts
    check: async (o, s) => {
      const out = await campaignViolations(s.campaignId);
      const e = await entryOf(s);
      if (e?.status !== (o.b === 'ok' ? 'collected' : 'closed')) out.push(`collect answered ${o.b}, the entry is ${e?.status}`);
      return [...out, ...expectIn('close', o.a, ['ok', 'BUSY']), ...expectIn('collect', o.b, ['ok', 'CAMPAIGN_CLOSED', 'BUSY'])];
    },
  });
});
