import { z } from 'zod';
import { defineAction } from '../../../cloudfunctions/api/src/action';
import { AppError } from '../../../cloudfunctions/api/src/errors';
import { allows, dispatch, type RouterDeps } from '../../../cloudfunctions/api/src/router';
import type { RoleGrant } from '../../../cloudfunctions/api/src/shared/grants';
import { buildHouse } from '../../../cloudfunctions/api/src/house';
import type * as ValidateInput from '../../../cloudfunctions/api/src/lib/validateInput';

const staffGrant: RoleGrant = {
  _id: 'u2:staff:org-1',
  openid: 'u2',
  role: 'staff',
  scopeId: 'org-1',
  grantedAt: null,
  grantedBy: null,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Table = Record<string, ReturnType<typeof defineAction<any, any>>>;

function makeDeps(openid: string | undefined, overrides: Partial<RouterDeps> & { table?: Table } = {}) {
  const handler = jest.fn(async (input: { n: number }) => ({ doubled: input.n * 2 }));
  const table = {
    'test.echo': defineAction({ input: z.strictObject({ n: z.number().int().max(10) }), roles: 'any', handler }),
    'test.staffOnly': defineAction({ input: z.strictObject({}), roles: ['staff'], handler: async () => 'ok' }),
    'test.boom': defineAction({
      input: z.strictObject({}),
      roles: 'any',
      handler: async () => {
        throw new Error('db said: 320402199003071234 not found');
      },
    }),
    'test.appError': defineAction({
      input: z.strictObject({}),
      roles: 'any',
      handler: async () => {
        throw new AppError('CONFLICT', '已被处理');
      },
    }),
  };
  const loadGrants = jest.fn(async (id: string) => ({ grants: id === 'u2' ? [staffGrant] : [], isAdmin: id === 'admin' }));
  const { table: own, ...rest } = overrides;
  const house = buildHouse([{ area: 'test', actions: own ?? table }]);
  const deps: RouterDeps = { getOpenid: () => openid, loadGrants, house, ...rest };
  return { deps, handler, loadGrants };
}

describe('router', () => {
  it('runs the handler and wraps its result', async () => {
    const { deps, handler } = makeDeps('u1');
    await expect(dispatch({ action: 'test.echo', input: { n: 2 } }, deps)).resolves.toEqual({ ok: true, data: { doubled: 4 } });
    expect(handler).toHaveBeenCalledWith({ n: 2 }, expect.objectContaining({ openid: 'u1', isAdmin: false }));
  });

  it('ignores extra envelope keys WeChat adds (userInfo)', async () => {
    const { deps } = makeDeps('u1');
    const res = await dispatch({ action: 'test.echo', input: { n: 1 }, userInfo: { openId: 'x', appId: 'y' } }, deps);
    expect(res.ok).toBe(true);
  });

  it('rejects a malformed envelope and unknown actions', async () => {
    const { deps } = makeDeps('u1');
    expect(await dispatch(null, deps)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch({ input: {} }, deps)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch({ action: 'nope' }, deps)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '不支持的操作' },
    });
    expect(await dispatch({ action: 'toString' }, deps)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch({ action: '__proto__' }, deps)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('validates input before identity and never calls the handler on bad input', async () => {
    const { deps, handler, loadGrants } = makeDeps(undefined);
    const res = await dispatch({ action: 'test.echo', input: { n: 'x' } }, deps);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(handler).not.toHaveBeenCalled();
    expect(loadGrants).not.toHaveBeenCalled();
  });

  it('requires a WeChat identity', async () => {
    const { deps, handler } = makeDeps(undefined);
    expect(await dispatch({ action: 'test.echo', input: { n: 1 } }, deps)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('checks roles; admins pass every role check', async () => {
    expect(await dispatch({ action: 'test.staffOnly', input: {} }, makeDeps('u1').deps)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await dispatch({ action: 'test.staffOnly', input: {} }, makeDeps('u2').deps)).toEqual({ ok: true, data: 'ok' });
    expect(await dispatch({ action: 'test.staffOnly', input: {} }, makeDeps('admin').deps)).toEqual({ ok: true, data: 'ok' });
  });

  it('passes AppErrors through and hides unknown errors', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { deps } = makeDeps('u1');
    expect(await dispatch({ action: 'test.appError', input: {} }, deps)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '已被处理' },
    });
    const boom = await dispatch({ action: 'test.boom', input: {} }, deps);
    expect(boom).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } });
    expect(JSON.stringify(spy.mock.calls)).not.toContain('320402199003071234');
    spy.mockRestore();
  });
});

describe('allows()', () => {
  it('lets anyone through "any", admins through everything, others by grant', () => {
    expect(allows('any', [], false)).toBe(true);
    expect(allows(['staff'], [], true)).toBe(true);
    expect(allows(['merchant', 'staff'], [staffGrant], false)).toBe(true);
    expect(allows(['merchant'], [staffGrant], false)).toBe(false);
  });
});

describe('grants are loaded only when needed', () => {
  it('skips the grant lookup for member actions and gives them least privilege', async () => {
    const { deps, loadGrants } = makeDeps('u2');
    expect(await dispatch({ action: 'test.echo', input: { n: 2 } }, deps)).toEqual({ ok: true, data: { doubled: 4 } });
    expect(loadGrants).not.toHaveBeenCalled();
  });

  it('loads them for staff actions and for member actions that ask', async () => {
    const seen: unknown[] = [];
    const table = {
      'test.asks': defineAction({
        input: z.strictObject({}),
        roles: 'any',
        needsGrants: true,
        handler: async (_input, ctx) => {
          seen.push(ctx.grants.map((g) => g.role));
          return 'ok';
        },
      }),
    };
    const { deps, loadGrants } = makeDeps('u2', { table });
    expect(await dispatch({ action: 'test.asks', input: {} }, deps)).toEqual({ ok: true, data: 'ok' });
    expect(seen).toEqual([['staff']]);
    const staff = makeDeps('u2');
    expect(await dispatch({ action: 'test.staffOnly', input: {} }, staff.deps)).toEqual({ ok: true, data: 'ok' });
    expect(staff.loadGrants).toHaveBeenCalledTimes(1);
    expect(loadGrants).toHaveBeenCalledTimes(1);
  });
});

describe('field names in messages', () => {
  it('names a field as the acting area labels it, even where another area uses the same field name', () => {
    const { validateInput } = require('../../../cloudfunctions/api/src/lib/validateInput') as typeof ValidateInput;
    const schema = z.strictObject({ period: z.enum(['am', 'pm']) });
    const action = defineAction({ input: schema, roles: 'any', handler: async () => null });
    const house = buildHouse([
      { area: 'shop', actions: { 'shop.limit': action }, fieldLabels: { period: '限次周期' } },
      { area: 'desk', actions: { 'desk.slot': action }, fieldLabels: { period: '时段' } },
    ]);
    expect(() => validateInput(schema, { period: 'noon' }, 'desk.slot', house)).toThrow('「时段」');
    expect(() => validateInput(schema, { period: 'noon' }, 'shop.limit', house)).toThrow('「限次周期」');
  });
});
