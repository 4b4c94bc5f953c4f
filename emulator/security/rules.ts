/**
 * The environment's security rules, in WeChat Cloud's own formats (the JSON a developer pastes into the
 * console; this project keeps them in config/security/):
 *  - 云函数安全规则 `functions.json`: `{ "*": { "invoke": … }, "<function>": { "invoke": … } }` — the entry of the
 *    function's name wins over "*"; "*" is required; WeChat accepts only `true`, `false` and `"auth != null"`.
 *  - 云存储安全规则 `storage.json`: `{ "read": …, "write": … }` — boolean or expression over `auth`
 *    (`{ openid }` of the mini-program user, null when not logged in) and `resource` (`{ openid, path }` of the
 *    file); a missing key is false.
 * They govern client calls only (mini-program / web): server-side SDK calls, the console and timer triggers
 * are never checked, as in WeChat Cloud.
 */
import { compileRule, type CompiledRule, type RuleContext, RuleSyntaxError } from './expression';

export type FunctionRulesJson = Record<string, { invoke: boolean | string }>;
export interface StorageRulesJson {
  read?: boolean | string;
  write?: boolean | string;
}

/** WeChat's defaults when an environment has set no rules. */
export const DEFAULT_FUNCTION_RULES: FunctionRulesJson = { '*': { invoke: 'auth != null' } };
/** The console's default basic permission, 所有用户可读，仅创建者可读写. */
export const DEFAULT_STORAGE_RULES: StorageRulesJson = { read: true, write: 'resource.openid == auth.openid' };

export type Auth = RuleContext['auth'];

/** The identity a client request carries: a mini-program user's openid, or nobody. */
export function authOf(openid: string | null | undefined): Auth {
  return openid ? { openid } : null;
}

export class SecurityRules {
  private readonly invoke = new Map<string, CompiledRule>();
  private readonly read: CompiledRule;
  private readonly write: CompiledRule;

  constructor(functions: unknown = DEFAULT_FUNCTION_RULES, storage: unknown = DEFAULT_STORAGE_RULES) {
    if (!functions || typeof functions !== 'object' || Array.isArray(functions)) {
      throw new RuleSyntaxError('functions rules: an object of function names');
    }
    const entries = Object.entries(functions as Record<string, unknown>);
    if (!entries.some(([name]) => name === '*')) throw new RuleSyntaxError('functions rules: the "*" entry is required');
    for (const [name, entry] of entries) {
      const where = `functions rules "${name}"`;
      const keys = entry && typeof entry === 'object' ? Object.keys(entry) : [];
      if (!keys.includes('invoke') || keys.some((k) => k !== 'invoke')) {
        throw new RuleSyntaxError(`${where}: each entry has exactly one key, "invoke"`);
      }
      const rule = (entry as { invoke: unknown }).invoke;
      // WeChat accepts these three only; refusing others keeps a rule that works here working there.
      if (typeof rule === 'string' && rule.replace(/\s+/g, '') !== 'auth!=null') {
        throw new RuleSyntaxError(`${where}: invoke must be true, false or "auth != null" (WeChat accepts no other)`);
      }
      this.invoke.set(name, compileRule(rule, ['auth'], where));
    }
    if (!storage || typeof storage !== 'object' || Array.isArray(storage)) {
      throw new RuleSyntaxError('storage rules: an object { read, write }');
    }
    const unknown = Object.keys(storage).filter((k) => k !== 'read' && k !== 'write');
    if (unknown.length) throw new RuleSyntaxError(`storage rules: unknown key ${unknown[0]} (read, write)`);
    const s = storage as StorageRulesJson;
    this.read = compileRule(s.read ?? false, ['auth', 'resource'], 'storage rules "read"');
    this.write = compileRule(s.write ?? false, ['auth', 'resource'], 'storage rules "write"');
  }

  /** May a client (mini-program user or nobody) call this function? */
  mayInvoke(functionName: string, auth: Auth): boolean {
    const rule = this.invoke.get(functionName) ?? (this.invoke.get('*') as CompiledRule);
    return rule({ auth });
  }

  /** May a client read (download, get a temporary URL of) this file? */
  mayRead(auth: Auth, resource: { openid?: string; path: string }): boolean {
    return this.read({ auth, resource });
  }

  /** May a client upload (create or overwrite) or delete this file? */
  mayWrite(auth: Auth, resource: { openid?: string; path: string }): boolean {
    return this.write({ auth, resource });
  }
}
