/**
 * Every action rejects malformed input with INVALID_INPUT and a Chinese message, and writes nothing:
 * missing fields, wrong types, oversized strings, extra fields, operator-like objects.
 */
import path from 'node:path';
import declared from '../../config/collections.json';
import { MODULES } from '../../cloudfunctions/api/src/actions';
import type { ActionName } from '../../cloudfunctions/api/src/contract';
import { useCloud } from '../support/scenario';

/** What a modules/<area>/examples.ts exports (typed per area by AreaExamples in cloudfunctions/api/src/examples.ts). */
type Examples = {
  inputs: Record<string, Record<string, unknown>>;
  optional?: Record<string, string[]>;
  required?: Record<string, string[]>;
};
const MODULES_DIR = path.resolve(__dirname, '../../cloudfunctions/api/src/modules');

const env = useCloud();

/** Each area's example inputs (`modules/<area>/examples.ts`): a valid input per action, so each case below breaks
 * exactly one thing. A new area brings its own file; nothing here names an area. */
const AREAS = MODULES.map((m) => ({
  area: m.area,
  actions: Object.keys(m.actions) as ActionName[],
  examples: (require(path.join(MODULES_DIR, m.area, 'examples.ts')) as { examples: Examples }).examples,
}));
const VALID = Object.fromEntries(AREAS.flatMap((a) => Object.entries(a.examples.inputs))) as Record<
  ActionName,
  Record<string, unknown>
>;
const OPTIONAL_IN = Object.assign({}, ...AREAS.map((a) => a.examples.optional ?? {})) as Partial<Record<ActionName, string[]>>;
const REQUIRED_IN = Object.assign({}, ...AREAS.map((a) => a.examples.required ?? {})) as Partial<Record<ActionName, string[]>>;
/** Field names optional wherever they appear. */
const OPTIONAL = new Set(['status', 'page', 'occupation', 'reason', 'scopeId', 'submittedAt']);

function wrongType(value: unknown): unknown {
  if (typeof value === 'number') return 'x';
  if (typeof value === 'boolean') return 'yes';
  return 123;
}

function casesFor(action: ActionName): [string, unknown][] {
  const valid = VALID[action];
  const cases: [string, unknown][] = [
    ['extra field', { ...valid, extra: 1 }],
    ['operator key at top level', { ...valid, $where: 'sleep(5000)' }],
    ['a string instead of an object', 'hello'],
    ['an array instead of an object', [valid]],
    ['a number instead of an object', 7],
  ];
  for (const [field, value] of Object.entries(valid)) {
    const { [field]: _omit, ...without } = valid;
    const required = (!OPTIONAL.has(field) && !OPTIONAL_IN[action]?.includes(field)) || REQUIRED_IN[action]?.includes(field);
    if (required) cases.push([`missing ${field}`, without]);
    cases.push([`${field} of the wrong type`, { ...valid, [field]: wrongType(value) }]);
    cases.push([`${field} as an operator object`, { ...valid, [field]: { $gt: '' } }]);
    cases.push([`${field} as a nested operator`, { ...valid, [field]: { a: { $ne: null } } }]);
    if (typeof value === 'string') cases.push([`oversized ${field}`, { ...valid, [field]: '长'.repeat(5000) }]);
  }
  return cases;
}

const ACTIONS = AREAS.flatMap((a) => a.actions);

it('has an example input for every action of every area, and none for an action that does not exist', () => {
  for (const a of AREAS) expect(Object.keys(a.examples.inputs).sort()).toEqual([...a.actions].sort());
});
const ALL_COLLECTIONS = declared.collections.map((c) => c.name);

describe.each(ACTIONS)('%s', (action) => {
  it('rejects every malformed input with INVALID_INPUT and stores nothing', async () => {
    const before = await env.store.snapshot(ALL_COLLECTIONS);
    for (const [label, input] of casesFor(action)) {
      // demo-admin passes every role check: a refusal can only come from validation.
      const r = await env.call('demo-admin', action, input);
      if (r.ok || r.error.code !== 'INVALID_INPUT')
        throw new Error(`${action} / ${label}: expected INVALID_INPUT, got ${JSON.stringify(r)}`);
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await env.store.snapshot(ALL_COLLECTIONS)).toEqual(before);
  });
});

it('names the field in the message', async () => {
  const r = await env.call('hostile-1', 'membership.apply', { ...VALID['membership.apply'], mobile: '1234' });
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'mobile' } } });
  expect(r.ok === false && r.error.message).toContain('手机号');
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
