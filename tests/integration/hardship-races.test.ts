/**
 * 困难帮扶 under forced interleavings (tests/support/race.ts): for each pair of state-changing calls on a shared
 * document, the first is held before each of its database requests in turn, the second runs meanwhile, then the
 * first goes on — and the pair the other way round. Asserts on what is stored each time:
 *
 *   objection ‖ finalize        never both: an objection stored keeps the 公示 open; a final 公示 has none
 *   uphold ‖ recordHelp         help and the file's count move together; no help after the file closed
 *   publish ‖ withdraw          a family is never in two live 公示; the file names the live one (or none)
 *   decide ‖ withdraw           one of them: 已建档 with a file, or 已撤回 without one
 *   recheck ‖ lapse (the timer) a renewed file stays renewed; a lapse, if any, came before the renewal
 */
import { clearPauses } from '../support/interleave';
import { race, fireCron, type Side } from '../support/race';
import { APPLY, DECIDE, VISIT, approvedFile, hardshipWorld, memberOf, moveEnd, publish } from '../support/hardship';
import { useCloud, type GivenPerson } from '../support/scenario';

jest.setTimeout(900_000);

const env = useCloud({ demo: false });
const w = hardshipWorld(env);
const HOUR = 3600_000;
const LATER = 2 * HOUR;
let neighbour: GivenPerson;

beforeAll(async () => {
  neighbour = await memberOf(env, w.orgId, '赵志刚');
});
afterEach(() => clearPauses(env.cloud.baseUrl));

interface StoredPublicity {
  _id: string;
  status: string;
  openObjections: number;
  rows: Array<{ enrollmentId: string; removed?: boolean }>;
}
interface StoredFile {
  status: string;
  helpCount: number;
  publicityId?: string;
  recheckDue: Date;
  lapsedAt?: Date;
}
const publicityOf = (id: string) => env.store.byId<StoredPublicity>('hardship_publicity', id);
const fileOf = (id: string) => env.store.byId<StoredFile>('hardship_files', id);
const api = (openid: string, action: string, clock: number, input: unknown): Side => ({
  spec: { function: 'api', openid, action },
  clock,
  run: () => env.call(openid, action as 'hardship.object', input),
});

// ---- objection ‖ finalize --------------------------------------------------------------------------------

interface InPublicity {
  fileId: string;
  publicityId: string;
}
/** A family in a 公示 ending an hour from now: open for the objection now, over for the finalising two hours on. */
async function inPublicity(): Promise<InPublicity> {
  const { fileId } = await approvedFile(env, w);
  const publicityId = await publish(env, w, [fileId]);
  await moveEnd(env, publicityId, HOUR);
  return { fileId, publicityId };
}
const objectSide = (s: InPublicity) =>
  api(neighbour.openid, 'hardship.object', 0, { publicityId: s.publicityId, ticket: '001', reason: '该户收入情况不实' });
const finalizeSide = (s: InPublicity) => api(w.district, 'hardship.finalizePublicity', LATER, { publicityId: s.publicityId });

async function objectionOrFinal(objection: string, finalized: string, s: InPublicity): Promise<string> {
  const stored = await publicityOf(s.publicityId);
  const objections = await env.store.count('hardship_objections', { publicityId: s.publicityId });
  if (objection === 'ok') {
    expect(finalized).toBe('CONFLICT');
    expect(stored).toMatchObject({ status: 'publicity', openObjections: 1 });
    expect(objections).toBe(1);
    return 'objection';
  }
  expect(objection).toBe('CONFLICT');
  expect(finalized).toBe('ok');
  expect(stored).toMatchObject({ status: 'final', openObjections: 0 });
  expect(objections).toBe(0);
  return 'final';
}

describe('objection ‖ finalize', () => {
  it('the objection held at each of its requests: never both', async () => {
    const seen = new Set<string>();
    const points = await race(
      env.cloud.baseUrl,
      inPublicity,
      (s) => [objectSide(s), finalizeSide(s)],
      async ([o, f], s) => {
        seen.add(await objectionOrFinal(o, f, s));
      },
    );
    expect(points).toBeGreaterThanOrEqual(4);
    expect([...seen].sort()).toEqual(['final', 'objection']);
  });

  it('the finalising held at each of its requests: never both', async () => {
    const seen = new Set<string>();
    await race(
      env.cloud.baseUrl,
      inPublicity,
      (s) => [finalizeSide(s), objectSide(s)],
      async ([f, o], s) => {
        seen.add(await objectionOrFinal(o, f, s));
      },
    );
    expect([...seen].sort()).toEqual(['final', 'objection']);
  });
});

// ---- uphold ‖ recordHelp ----------------------------------------------------------------------------------

interface Objected extends InPublicity {
  objectionId: string;
  k: number;
}
let serial = 0;
async function objected(): Promise<Objected> {
  const s = await inPublicity();
  const { objectionId } = await env.ok(neighbour.openid, 'hardship.object', {
    publicityId: s.publicityId,
    ticket: '001',
    reason: '该户收入情况不实',
  });
  serial += 1;
  return { ...s, objectionId, k: serial };
}
const upholdSide = (s: Objected) =>
  api(w.district, 'hardship.resolveObjection', 0, { objectionId: s.objectionId, decision: 'uphold', note: '核实收入超过标准' });
const goodsSide = (s: Objected) =>
  api(w.grassroots, 'hardship.recordHelp', 0, {
    fileId: s.fileId,
    kind: 'goods',
    amount: 300,
    date: '2026-12-02',
    note: '米面油',
    requestId: `req-uphold-${s.k}`,
  });

async function helpAndClosing(uphold: string, help: string, s: Objected): Promise<string> {
  const file = await fileOf(s.fileId);
  const stored = await env.store.count('hardship_help', { fileId: s.fileId });
  // The count on the file and the help stored move together.
  expect(file?.helpCount).toBe(stored);
  expect(stored).toBe(help === 'ok' ? 1 : 0);
  expect(file?.status).toBe(uphold === 'ok' ? 'closed' : 'active');
  expect(await env.store.byId('hardship_objections', s.objectionId)).toMatchObject({
    status: uphold === 'ok' ? 'upheld' : 'open',
  });
  expect(await publicityOf(s.publicityId)).toMatchObject({ openObjections: uphold === 'ok' ? 0 : 1 });
  if (help !== 'ok') {
    // Refused only because the file was closed first (CONFLICT), or was being closed (BUSY: the held uphold's
    // transaction had written it); nothing of the help was stored either way.
    expect(uphold).toBe('ok');
    expect(['CONFLICT', 'BUSY']).toContain(help);
    return help === 'CONFLICT' ? 'closed first' : 'uphold held the file';
  }
  return uphold === 'ok' ? 'help, then closed' : 'help held the file';
}

describe('uphold ‖ recordHelp', () => {
  it('the help held at each of its requests: never help on a file closed by the objection', async () => {
    const seen = new Set<string>();
    await race(
      env.cloud.baseUrl,
      objected,
      (s) => [goodsSide(s), upholdSide(s)],
      async ([h, u], s) => {
        seen.add(await helpAndClosing(u, h, s));
      },
    );
    expect(seen.has('closed first')).toBe(true);
    expect(seen.size).toBeGreaterThanOrEqual(2);
  });

  it('the uphold held at each of its requests: never help on a file closed by the objection', async () => {
    const seen = new Set<string>();
    await race(
      env.cloud.baseUrl,
      objected,
      (s) => [upholdSide(s), goodsSide(s)],
      async ([u, h], s) => {
        seen.add(await helpAndClosing(u, h, s));
      },
    );
    expect(seen.has('closed first')).toBe(true);
    expect(seen.size).toBeGreaterThanOrEqual(2);
  });
});

// ---- publish ‖ withdraw -----------------------------------------------------------------------------------

const withdrawSide = (s: InPublicity) =>
  api(w.district, 'hardship.withdrawPublicity', 0, { publicityId: s.publicityId, reason: '拟帮扶金额有误' });
const republishSide = (s: InPublicity) =>
  api(w.district, 'hardship.publish', 0, {
    orgId: w.districtId,
    title: '更正后重新公示',
    entries: [{ fileId: s.fileId, helpPlanned: '资金救助 1500元' }],
    days: 1,
  });

async function oneLivePublicity(withdrawn: string, published: string, s: InPublicity): Promise<string> {
  const all = await env.store.all<StoredPublicity>('hardship_publicity', {});
  const live = all.filter((p) => p.status !== 'withdrawn' && p.rows.some((r) => r.enrollmentId === s.fileId));
  expect(live.length).toBeLessThanOrEqual(1);
  expect((await fileOf(s.fileId))?.publicityId ?? '').toBe(live[0]?._id ?? '');
  expect((await publicityOf(s.publicityId))?.status).toBe(withdrawn === 'ok' ? 'withdrawn' : 'publicity');
  if (published === 'ok') {
    expect(withdrawn).toBe('ok');
    expect(live[0]._id).not.toBe(s.publicityId);
    return 'republished';
  }
  expect(published).toBe('CONFLICT');
  return 'refused';
}

describe('publish ‖ withdraw', () => {
  it('the withdrawal held at each of its requests: a family in one live 公示 at most', async () => {
    const seen = new Set<string>();
    await race(
      env.cloud.baseUrl,
      inPublicity,
      (s) => [withdrawSide(s), republishSide(s)],
      async ([wd, p], s) => {
        seen.add(await oneLivePublicity(wd, p, s));
      },
    );
    expect(seen.has('refused')).toBe(true);
  });

  it('the publishing held at each of its requests: a family in one live 公示 at most', async () => {
    const seen = new Set<string>();
    await race(
      env.cloud.baseUrl,
      inPublicity,
      (s) => [republishSide(s), withdrawSide(s)],
      async ([p, wd], s) => {
        seen.add(await oneLivePublicity(wd, p, s));
      },
    );
    expect([...seen].sort()).toEqual(['refused', 'republished']);
  });
});

// ---- decide ‖ withdraw ------------------------------------------------------------------------------------

interface Visited {
  m: GivenPerson;
  caseId: string;
}
async function visited(): Promise<Visited> {
  const m = await memberOf(env, w.orgId);
  const c = await env.ok(m.openid, 'hardship.apply', APPLY);
  await env.ok(w.grassroots, 'hardship.visit', { caseId: c.caseId, ...VISIT });
  return { m, caseId: c.caseId };
}
const decideSide = (s: Visited) => api(w.district, 'hardship.decide', 0, { caseId: s.caseId, ...DECIDE });
const memberWithdrawSide = (s: Visited) => api(s.m.openid, 'hardship.withdraw', 0, { caseId: s.caseId });

async function decidedOrWithdrawn(decided: string, withdrawn: string, s: Visited): Promise<string> {
  const stored = await env.store.byId<{ status: string }>('hardship_cases', s.caseId);
  const file = await fileOf(s.m.openid);
  expect(await env.store.byId('hardship_locks', s.m.openid)).toMatchObject({ openCaseId: '' });
  expect([decided, withdrawn].filter((o) => o === 'ok')).toHaveLength(1);
  if (decided === 'ok') {
    expect(stored?.status).toBe('approved');
    expect(file).toMatchObject({ status: 'active' });
    expect(['CONFLICT', 'BUSY']).toContain(withdrawn);
    return 'decided';
  }
  expect(stored?.status).toBe('withdrawn');
  expect(file).toBeNull();
  expect(['CONFLICT', 'BUSY']).toContain(decided);
  return 'withdrawn';
}

describe('decide ‖ withdraw', () => {
  it('the decision held at each of its requests: 已建档 with a file, or 已撤回 without one', async () => {
    const seen = new Set<string>();
    await race(
      env.cloud.baseUrl,
      visited,
      (s) => [decideSide(s), memberWithdrawSide(s)],
      async ([d, wd], s) => {
        seen.add(await decidedOrWithdrawn(d, wd, s));
      },
    );
    expect([...seen].sort()).toEqual(['decided', 'withdrawn']);
  });

  it('the withdrawal held at each of its requests: 已建档 with a file, or 已撤回 without one', async () => {
    const seen = new Set<string>();
    await race(
      env.cloud.baseUrl,
      visited,
      (s) => [memberWithdrawSide(s), decideSide(s)],
      async ([wd, d], s) => {
        seen.add(await decidedOrWithdrawn(d, wd, s));
      },
    );
    expect([...seen].sort()).toEqual(['decided', 'withdrawn']);
  });
});

// ---- recheck (renew) ‖ lapse by the timer ------------------------------------------------------------------

/** A file whose re-check date passed yesterday (set in the store: a year is not waited for). */
async function overdue(): Promise<{ fileId: string; openid: string }> {
  const { fileId, m } = await approvedFile(env, w);
  await env.store.db
    .collection('hardship_files')
    .doc(fileId)
    .update({ data: { recheckDue: new Date(Date.now() - 86400_000) } });
  return { fileId, openid: m.openid };
}
const cronSide = (): Side => ({ spec: { function: 'cron' }, clock: 0, run: () => fireCron(env.cloud.baseUrl) });
const renewSide = (s: { fileId: string }) =>
  api(w.district, 'hardship.recheck', 0, { fileId: s.fileId, stillQualifies: true, level: 'general', note: '' });

async function renewedStays(renewed: string, s: { fileId: string; openid: string }): Promise<string> {
  expect(renewed).toBe('ok');
  const file = await fileOf(s.fileId);
  expect(file).toMatchObject({ status: 'active', level: 'general' });
  expect(new Date(file!.recheckDue).getTime()).toBeGreaterThan(Date.now() + 300 * 86400_000);
  // The member heard of a lapse only if the file did lapse (before the renewal).
  const lapsedNotes = await env.store.count('timeline', { openid: s.openid, status: 'lapsed' });
  expect(lapsedNotes).toBe(file?.lapsedAt ? 1 : 0);
  return file?.lapsedAt ? 'lapsed, then renewed' : 'renewed before the timer';
}

describe('recheck ‖ lapse', () => {
  it('the renewal held at each of its requests: a renewed file never lapses after it', async () => {
    const seen = new Set<string>();
    await race(
      env.cloud.baseUrl,
      overdue,
      (s) => [renewSide(s), cronSide()],
      async ([r], s) => {
        seen.add(await renewedStays(r, s));
      },
    );
    expect([...seen].sort()).toEqual(['lapsed, then renewed', 'renewed before the timer']);
  });

  it('the timer held at each of its requests: a renewed file never lapses after it', async () => {
    const seen = new Set<string>();
    await race(
      env.cloud.baseUrl,
      overdue,
      (s) => [cronSide(), renewSide(s)],
      async ([, r], s) => {
        seen.add(await renewedStays(r, s));
      },
    );
    expect([...seen].sort()).toEqual(['lapsed, then renewed', 'renewed before the timer']);
  });
});
