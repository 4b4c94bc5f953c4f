/**
 * Every action accepts its example input, and rejects malformed input with INVALID_INPUT, a Chinese message and
 * the broken field named in `details.field`, and writes nothing: missing fields, wrong types, oversized strings,
 * extra fields, operator-like objects.
 */
import declared from '../../config/collections.json';
import { MODULES } from '../../cloudfunctions/api/src/actions';
import type { ActionName } from '../../cloudfunctions/api/src/contract';
import {
  AREA_EXAMPLES,
  EXAMPLE_INPUTS,
  EXAMPLE_OPTIONAL,
  EXAMPLE_REQUIRED,
  EXAMPLE_RUNS,
  type ExampleKit,
} from '../../cloudfunctions/api/fixtures/examples';
import { freshCode, uploadAs } from '../support/merchants';
import { useCloud } from '../support/scenario';

const env = useCloud();

/** Each area's example inputs (`fixtures/<area>/examples.ts`): a valid input per action, so each case below breaks
 * exactly one thing. A new area brings its own file; nothing here names an area. */
const VALID = EXAMPLE_INPUTS as Record<ActionName, Record<string, unknown>>;
/** Field names optional wherever they appear. */
const OPTIONAL = new Set(['status', 'page', 'occupation', 'reason', 'scopeId', 'submittedAt']);

function wrongType(value: unknown): unknown {
  if (typeof value === 'number') return 'x';
  if (typeof value === 'boolean') return 'yes';
  return 123;
}

/** A broken input and the field the refusal must name (null: the input as a whole is not an object). */
type Case = [label: string, input: unknown, field: string | null];

function casesFor(action: ActionName): Case[] {
  const valid = VALID[action];
  const cases: Case[] = [
    ['extra field', { ...valid, extra: 1 }, 'extra'],
    ['operator key at top level', { ...valid, $where: 'sleep(5000)' }, '$where'],
    ['a string instead of an object', 'hello', null],
    ['an array instead of an object', [valid], null],
    ['a number instead of an object', 7, null],
  ];
  for (const [field, value] of Object.entries(valid)) {
    const { [field]: _omit, ...without } = valid;
    const required =
      (!OPTIONAL.has(field) && !EXAMPLE_OPTIONAL[action]?.includes(field)) || EXAMPLE_REQUIRED[action]?.includes(field);
    if (required) cases.push([`missing ${field}`, without, field]);
    cases.push([`${field} of the wrong type`, { ...valid, [field]: wrongType(value) }, field]);
    cases.push([`${field} as an operator object`, { ...valid, [field]: { $gt: '' } }, field]);
    cases.push([`${field} as a nested operator`, { ...valid, [field]: { a: { $ne: null } } }, field]);
    if (typeof value === 'string') cases.push([`oversized ${field}`, { ...valid, [field]: '长'.repeat(5000) }, field]);
  }
  return cases;
}

const ACTIONS = MODULES.flatMap((m) => Object.keys(m.actions) as ActionName[]);

it('has an example input for every action of every area, and none for an action that does not exist', () => {
  const byArea = AREA_EXAMPLES as Record<string, { inputs: Record<string, unknown> }>;
  expect(Object.keys(byArea).sort()).toEqual(MODULES.map((m) => m.area).sort());
  for (const m of MODULES) expect(Object.keys(byArea[m.area].inputs).sort()).toEqual(Object.keys(m.actions).sort());
});

const ALL_COLLECTIONS = declared.collections.map((c) => c.name);

const kit: ExampleKit = {
  call: (openid, action, input) => env.call(openid, action, input),
  upload: (openid, name, content) => uploadAs(env.cloud.serviceUrl, openid, name, content),
  cardCode: (cardNo) => freshCode(cardNo),
};

/**
 * Every action's malformed inputs, each action a test: its refusals must leave the store's version (the local
 * cloud's count of committed changes, in any collection) where it was. Around them all, every declared
 * collection is read before and after, and must hold the same documents.
 */
describe('malformed input', () => {
  let before: Awaited<ReturnType<typeof env.store.snapshot>>;
  beforeAll(async () => {
    before = await env.store.snapshot(ALL_COLLECTIONS);
  });

  describe.each(ACTIONS)('%s', (action) => {
    it('rejects every malformed input with INVALID_INPUT naming the broken field, and stores nothing', async () => {
      const version = await env.store.version();
      for (const [label, input, field] of casesFor(action)) {
        // demo-admin passes every role check: a refusal can only come from validation.
        const r = await env.call('demo-admin', action, input);
        if (r.ok || r.error.code !== 'INVALID_INPUT')
          throw new Error(`${action} / ${label}: expected INVALID_INPUT, got ${JSON.stringify(r)}`);
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
        // The refusal is for the field broken here, not for something else the handler found wrong.
        // An operator is named in `details.field` and the top-level field holding it in `details.path`.
        if ((r.error.details?.path ?? r.error.details?.field ?? null) !== field)
          throw new Error(`${action} / ${label}: expected the refusal to name ${field}, got ${JSON.stringify(r.error)}`);
      }
      expect(await env.store.version()).toBe(version);
    });
  });

  it('left every document of every collection as it was', async () => {
    expect(await env.store.snapshot(ALL_COLLECTIONS)).toEqual(before);
  });
});

// After every action's malformed inputs (which must store nothing): the examples, in the same order, which may
// store what they do.
describe.each(ACTIONS)('%s', (action) => {
  it('accepts its example input (a refusal, if any, is a documented domain error, never INVALID_INPUT)', async () => {
    const run = EXAMPLE_RUNS[action] ?? {};
    const input = run.input ? await run.input(kit) : VALID[action];
    const r = await env.call(run.as ?? 'demo-admin', action, input);
    const outcome = r.ok ? 'ok' : `${r.error.code} ${r.error.message}`;
    if (run.refused) {
      expect(run.refused.code).not.toBe('INVALID_INPUT');
      expect(outcome.split(' ')[0]).toBe(run.refused.code);
    } else {
      expect(outcome).toBe('ok');
    }
  });
});

it('names the field in the message', async () => {
  const r = await env.call('hostile-1', 'membership.apply', { ...VALID['membership.apply'], mobile: '1234' });
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'mobile' } } });
  expect(r.ok === false && r.error.message).toContain('手机号');
});

it('names the field that holds an operator, and the operator', async () => {
  const r = await env.call('hostile-1', 'membership.apply', { ...VALID['membership.apply'], orgId: { $gt: '' } });
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: '$gt', path: 'orgId' } } });
  expect(r.ok === false && r.error.message).toMatch(/「所属.*」.*\$gt/);
});

it('rejects an unknown action and a broken envelope', async () => {
  const unknown = await env.call('hostile-1', 'nope.nope' as ActionName, {});
  expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '不支持的操作' } });
  const res = await fetch(`${env.cloud.baseUrl}/fn/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: 'hostile-1', data: { input: {} } }),
  });
  expect(((await res.json()) as { result: unknown }).result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await env.store.count('accounts', { openid: 'hostile-1' })).toBe(0);
});
