/**
 * The router: envelope → action lookup → input validation → identity → role check → handler.
 * It alone turns errors into `{ ok: false, error }`; unknown errors become INTERNAL with nothing leaked.
 */
import type { ActionContext, RoleRequirement } from './action';
import type { Envelope, ErrorCode } from './contract';
import { AppError, BASE_ERRORS, fail } from './errors';
import { withHouse, type House } from './house';
import { validateInput } from './lib/validateInput';
import { assertAreaOn } from './modules/settings/settings';
import type { RoleGrant } from './shared/grants';

export interface RouterDeps {
  /** OPENID from cloud.getWXContext(); never from the input. */
  getOpenid: () => string | undefined;
  loadGrants: (openid: string) => Promise<{ grants: RoleGrant[]; isAdmin: boolean }>;
  now?: () => Date;
  /** The modules' declarations (buildHouse of the action table): the actions, labels, hooks of every area. */
  house: House;
}

function parseEnvelope(event: unknown): { action: string; input: unknown } {
  if (!event || typeof event !== 'object') throw fail('INVALID_INPUT', '请求格式不正确');
  const { action, input } = event as { action?: unknown; input?: unknown };
  if (typeof action !== 'string' || action.length === 0 || action.length > 64) {
    throw fail('INVALID_INPUT', '请求缺少有效的 action');
  }
  return { action, input };
}

export function allows(required: RoleRequirement, grants: RoleGrant[], isAdmin: boolean): boolean {
  if (required === 'any' || isAdmin) return true;
  return grants.some((g) => required.includes(g.role));
}

function toFailure(error: unknown, action: string): Envelope {
  if (error instanceof AppError) {
    const failure: Envelope = { ok: false, error: { code: error.code as ErrorCode, message: error.message } };
    if (error.details) failure.error.details = error.details;
    return failure;
  }
  // Log the kind of failure only: messages from the SDK can echo query values (PII).
  const e = error as { name?: string; code?: unknown; errCode?: unknown };
  console.error('api internal error', { action, name: e?.name, code: e?.code ?? e?.errCode });
  return { ok: false, error: { code: 'INTERNAL', message: BASE_ERRORS.INTERNAL } };
}

/** Runs one call within the house it was given: validation, handler and every step they reach see that house. */
export function dispatch(event: unknown, deps: RouterDeps): Promise<Envelope> {
  return withHouse(deps.house, () => run(event, deps));
}

async function run(event: unknown, deps: RouterDeps): Promise<Envelope> {
  const { house } = deps;
  let actionName = '(none)';
  try {
    const { action, input: rawInput } = parseEnvelope(event);
    actionName = action.slice(0, 64);
    const def = house.action(action);
    if (!def) throw fail('NOT_FOUND', '不支持的操作', { action: actionName });
    const input = validateInput(def.input, rawInput, action, house);
    const openid = deps.getOpenid();
    if (!openid) throw fail('UNAUTHENTICATED');
    await assertAreaOn(action);
    const needed = def.roles !== 'any' || def.needsGrants === true;
    const { grants, isAdmin } = needed ? await deps.loadGrants(openid) : { grants: [], isAdmin: false };
    if (!allows(def.roles, grants, isAdmin)) throw fail('FORBIDDEN');
    const ctx: ActionContext = { openid, grants, isAdmin, now: deps.now?.() ?? new Date(), house };
    const data = await def.handler(input, ctx);
    return { ok: true, data: data ?? null };
  } catch (error) {
    return toFailure(error, actionName);
  }
}
