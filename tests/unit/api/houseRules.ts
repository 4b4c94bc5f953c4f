/**
 * The checks behind the house rules of tests/unit/api/modules.test.ts, as pure functions of a file's path and
 * text, so that the test can also run them on small synthetic offenders and prove each rule can fail.
 */
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const API_DIR = path.join(ROOT, 'cloudfunctions/api');
export const SRC = path.join(API_DIR, 'src');
export const MODULES_DIR = path.join(SRC, 'modules');
export const FIXTURES = path.join(API_DIR, 'fixtures');
export const SCRIPTS = path.join(ROOT, 'scripts');

/** Every module specifier a file loads: static imports and re-exports (type-only too), require(), import(). */
export function specifiersOf(text: string): string[] {
  const out: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/**
 * Imports of a function's source that reach outside what the function may bundle: demo data and example inputs
 * (cloudfunctions/api/fixtures/) and the project's scripts (scripts/). Returns the offending specifiers.
 */
export function forbiddenImports(file: string, text: string): string[] {
  return specifiersOf(text).filter((spec) => {
    if (!spec.startsWith('.')) return false;
    const target = path.resolve(path.dirname(file), spec);
    return [FIXTURES, SCRIPTS].some((dir) => target === dir || target.startsWith(dir + path.sep));
  });
}

/** The module (folder under modules/) a file belongs to, or null for shared code (shared/, lib/, …). */
export function moduleOf(file: string): string | null {
  const rel = path.relative(MODULES_DIR, file);
  return rel.startsWith('..') ? null : rel.split(path.sep)[0];
}

/** One module's collections as its collections.ts declares them: `export const X_COLLECTIONS = { key: 'name' }`. */
export interface OwnedCollections {
  module: string;
  constant: string;
  /** key → collection name */
  names: Record<string, string>;
}

/** Reads a module's collections.ts text (a plain object literal of string values, as every area writes it). */
export function ownedCollections(module: string, text: string): OwnedCollections[] {
  const out: OwnedCollections[] = [];
  for (const m of text.matchAll(/export const (\w+)\s*=\s*\{([\s\S]*?)\}\s*as const/g)) {
    const names: Record<string, string> = {};
    for (const e of m[2].matchAll(/(\w+)\s*:\s*'([^']+)'/g)) names[e[1]] = e[2];
    out.push({ module, constant: m[1], names });
  }
  return out;
}

/** The text without comments (block comments, and line comments that start a line or follow a space). */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/**
 * Another module's collections a file uses: its constant under any local name (`X_COLLECTIONS`,
 * `X_COLLECTIONS as C`, `const E = X_COLLECTIONS`) with the keys read from it (`C.enrollments`), or a collection's
 * name written as a string. Returns `CONSTANT.key` (or `CONSTANT.*` when used whole, `'name'` for a literal).
 */
export function foreignCollections(file: string, source: string, owned: readonly OwnedCollections[]): string[] {
  const mine = moduleOf(file);
  const text = withoutComments(source);
  const found = new Set<string>();
  for (const o of owned) {
    if (o.module === mine) continue;
    if (text.includes(o.constant)) {
      const locals = new Set([o.constant]);
      for (const m of text.matchAll(new RegExp(`\\b${o.constant}\\s+as\\s+(\\w+)`, 'g'))) locals.add(m[1]);
      for (const m of text.matchAll(new RegExp(`\\b(?:const|let|var)\\s+(\\w+)\\s*=\\s*${o.constant}\\b`, 'g'))) locals.add(m[1]);
      const keys = new Set<string>();
      for (const local of locals) {
        for (const m of text.matchAll(new RegExp(`(?<![\\w.])${local}\\.(\\w+)`, 'g'))) keys.add(m[1]);
        for (const m of text.matchAll(new RegExp(`(?<![\\w.])${local}\\[`, 'g'))) if (m) keys.add('*');
      }
      if (keys.size === 0) keys.add('*');
      for (const key of keys) found.add(`${o.constant}.${key}`);
    }
    for (const name of Object.values(o.names)) {
      if (new RegExp(`['"\`]${name}['"\`]`).test(text)) found.add(`'${name}'`);
    }
  }
  return [...found].sort();
}

/**
 * Module-level mutable state a file declares: top-level `let`/`var`, and top-level Maps and Sets (a registry is
 * one of these, filled later). Returns the names. Top level = a statement starting its line (Prettier-formatted).
 */
export function moduleState(source: string): string[] {
  const text = withoutComments(source);
  const names: string[] = [];
  for (const m of text.matchAll(/^(?:export\s+)?(?:let|var)\s+([A-Za-z_$][\w$]*)/gm)) names.push(m[1]);
  for (const m of text.matchAll(
    /^(?:export\s+)?const\s+([A-Za-z_$][\w$]*)(?:\s*:[^=\n]+)?\s*=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\b/gm,
  )) {
    names.push(m[1]);
  }
  return names;
}

const NOT_CALLS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'typeof', 'await', 'void']);

/**
 * Calls a file makes when it is imported (a top-level statement that calls something, e.g. `registerArea(...)`):
 * importing a file must only declare. Returns the callee of each such statement.
 */
export function topLevelCalls(source: string): string[] {
  const text = withoutComments(source);
  const callees: string[] = [];
  for (const m of text.matchAll(/^(?:(?:await|void)\s+)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(/gm)) {
    if (!NOT_CALLS.has(m[1])) callees.push(m[1]);
  }
  return callees;
}
