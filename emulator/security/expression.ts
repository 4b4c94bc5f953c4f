/**
 * WeChat Cloud's security-rule expressions (云存储 / 云函数安全规则), as far as this project's rules need:
 *   literals true false null 'text' "text" 12, the variables `auth` and `resource` with `.field` access,
 *   == != (=== !==), && || !, parentheses, and a regex literal's `.test(expr)` (compared with == true,
 *   as the docs ask). Compiled once when the rules are loaded, so a mistake in a rule file stops the
 *   local cloud at start instead of refusing (or allowing) calls later.
 * Evaluation is deny-by-default: reading a field of a null `auth` or `resource` makes the whole rule false,
 * and a missing field equals nothing (a file with no owner never matches `resource.openid == auth.openid`).
 */

export type RuleValue = boolean | string;
export interface RuleContext {
  auth: { openid: string; uid?: string; loginType?: string } | null;
  resource?: { openid?: string; path?: string } | null;
}

type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'path'; root: 'auth' | 'resource'; fields: string[] }
  | { kind: 'regexTest'; regex: RegExp; arg: Node }
  | { kind: 'not'; operand: Node }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'eq' | 'ne'; left: Node; right: Node };

const MISSING = Symbol('missing');

class DenyError extends Error {}

export class RuleSyntaxError extends Error {}

/** A compiled rule: `(context) => allowed`. */
export type CompiledRule = (context: RuleContext) => boolean;

export function compileRule(rule: unknown, roots: Array<'auth' | 'resource'>, where: string): CompiledRule {
  if (rule === true || rule === false) return () => rule;
  if (typeof rule !== 'string') throw new RuleSyntaxError(`${where}: a rule is true, false or an expression string`);
  const node = new Parser(rule, roots, where).parseAll();
  return (context) => {
    try {
      return evaluate(node, context) === true;
    } catch (error) {
      if (error instanceof DenyError) return false;
      throw error;
    }
  };
}

function evaluate(node: Node, context: RuleContext): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'path': {
      let value: unknown = node.root === 'auth' ? context.auth : (context.resource ?? null);
      for (const field of node.fields) {
        if (value === null || value === undefined || value === MISSING) throw new DenyError();
        const next = (value as Record<string, unknown>)[field];
        value = next === undefined ? MISSING : next;
      }
      return value;
    }
    case 'regexTest': {
      const arg = evaluate(node.arg, context);
      return typeof arg === 'string' && node.regex.test(arg);
    }
    case 'not':
      return evaluate(node.operand, context) !== true;
    case 'and':
      return evaluate(node.left, context) === true && evaluate(node.right, context) === true;
    case 'or':
      return evaluate(node.left, context) === true || evaluate(node.right, context) === true;
    case 'eq':
    case 'ne': {
      const a = evaluate(node.left, context);
      const b = evaluate(node.right, context);
      const equal = a !== MISSING && b !== MISSING && a === b;
      return node.kind === 'eq' ? equal : !equal;
    }
  }
}

type Token =
  | { t: 'op'; v: string }
  | { t: 'ident'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'regex'; v: RegExp };

class Parser {
  private readonly tokens: Token[];
  private i = 0;

  constructor(
    private readonly source: string,
    private readonly roots: Array<'auth' | 'resource'>,
    private readonly where: string,
  ) {
    this.tokens = this.tokenize();
  }

  private fail(message: string): never {
    throw new RuleSyntaxError(`${this.where}: ${message} in rule ${JSON.stringify(this.source)}`);
  }

  private tokenize(): Token[] {
    const s = this.source;
    const out: Token[] = [];
    let i = 0;
    // A "/" starts a regex where an operand is expected (not after a value).
    const expectsOperand = () => {
      const last = out[out.length - 1];
      return !last || (last.t === 'op' && last.v !== ')');
    };
    while (i < s.length) {
      const c = s[i];
      if (/\s/.test(c)) {
        i += 1;
        continue;
      }
      const three = s.slice(i, i + 3);
      const two = s.slice(i, i + 2);
      if (three === '===' || three === '!==') {
        out.push({ t: 'op', v: three.slice(0, 2) });
        i += 3;
      } else if (['==', '!=', '&&', '||'].includes(two)) {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if ('!().'.includes(c)) {
        out.push({ t: 'op', v: c });
        i += 1;
      } else if (c === '"' || c === "'") {
        const end = s.indexOf(c, i + 1);
        if (end < 0) this.fail('unterminated string');
        out.push({ t: 'string', v: s.slice(i + 1, end) });
        i = end + 1;
      } else if (c === '/' && expectsOperand()) {
        let j = i + 1;
        let inClass = false;
        while (j < s.length && (s[j] !== '/' || inClass)) {
          if (s[j] === '\\') j += 1;
          else if (s[j] === '[') inClass = true;
          else if (s[j] === ']') inClass = false;
          j += 1;
        }
        if (j >= s.length) this.fail('unterminated regular expression');
        const flags = /^[gimsuy]*/.exec(s.slice(j + 1))![0];
        try {
          out.push({ t: 'regex', v: new RegExp(s.slice(i + 1, j), flags.replace('g', '')) });
        } catch (e) {
          this.fail(`bad regular expression (${(e as Error).message})`);
        }
        i = j + 1 + flags.length;
      } else if (/[0-9]/.test(c)) {
        const m = /^[0-9]+(\.[0-9]+)?/.exec(s.slice(i))!;
        out.push({ t: 'number', v: Number(m[0]) });
        i += m[0].length;
      } else if (/[A-Za-z_$]/.test(c)) {
        const m = /^[A-Za-z_$][\w$]*/.exec(s.slice(i))!;
        out.push({ t: 'ident', v: m[0] });
        i += m[0].length;
      } else this.fail(`unexpected character ${JSON.stringify(c)}`);
    }
    return out;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) this.fail(`expected "${v}"`);
    this.i += 1;
  }

  parseAll(): Node {
    const node = this.or();
    if (this.i < this.tokens.length) this.fail('unexpected text after the expression');
    return node;
  }

  private or(): Node {
    let left = this.and();
    while (this.isOp('||')) {
      this.i += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.unary();
    while (this.isOp('&&')) {
      this.i += 1;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.isOp('!')) {
      this.i += 1;
      return { kind: 'not', operand: this.unary() };
    }
    const left = this.primary();
    if (this.isOp('==') || this.isOp('!=')) {
      const op = (this.tokens[this.i++] as { v: string }).v;
      return { kind: op === '==' ? 'eq' : 'ne', left, right: this.primary() };
    }
    return left;
  }

  private primary(): Node {
    const t = this.tokens[this.i++];
    if (!t) this.fail('unexpected end');
    if (t.t === 'op' && t.v === '(') {
      const inner = this.or();
      this.expectOp(')');
      return inner;
    }
    if (t.t === 'string' || t.t === 'number') return { kind: 'literal', value: t.v };
    if (t.t === 'regex') {
      this.expectOp('.');
      const method = this.tokens[this.i++];
      if (method?.t !== 'ident' || method.v !== 'test') this.fail('a regular expression supports only .test(…)');
      this.expectOp('(');
      const arg = this.or();
      this.expectOp(')');
      return { kind: 'regexTest', regex: t.v, arg };
    }
    if (t.t === 'ident') {
      if (t.v === 'true' || t.v === 'false') return { kind: 'literal', value: t.v === 'true' };
      if (t.v === 'null') return { kind: 'literal', value: null };
      if (!(this.roots as string[]).includes(t.v)) this.fail(`unknown variable ${t.v} (known: ${this.roots.join(', ')})`);
      const fields: string[] = [];
      while (this.isOp('.')) {
        this.i += 1;
        const field = this.tokens[this.i++];
        if (field?.t !== 'ident') this.fail('expected a field name after "."');
        fields.push(field.v);
      }
      return { kind: 'path', root: t.v as 'auth' | 'resource', fields };
    }
    return this.fail(`unexpected "${String((t as { v: unknown }).v)}"`);
  }
}
