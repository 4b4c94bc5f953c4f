/**
 * The house rules of the `api` function's areas: each module is its folder, its actions carry the folder's
 * prefix, its collections are declared (with indexes) in config/collections.json, modules do not import
 * each other in a cycle, a module queries only its own collections (and the core ones), the functions'
 * source never imports demo data, example inputs (cloudfunctions/api/fixtures/) or scripts/, and importing a
 * file only declares (no registry filled as a side effect: areas declare their hooks on their modules).
 * The checks themselves are in ./houseRules.ts; each is also run here on a small offender, to prove it can fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MODULES } from '../../../cloudfunctions/api/src/actions';
import declared from '../../../config/collections.json';
import {
  FIXTURES,
  MODULES_DIR,
  ROOT,
  SRC,
  foreignCollections,
  forbiddenImports,
  moduleState,
  ownedCollections,
  topLevelCalls,
  type OwnedCollections,
} from './houseRules';

it('names every action after its module, and every module after its folder', () => {
  const folders = fs.readdirSync(MODULES_DIR).sort();
  expect(MODULES.map((m) => m.area).sort()).toEqual(folders);
  for (const m of MODULES) {
    for (const action of Object.keys(m.actions)) expect(action.startsWith(`${m.area}.`)).toBe(true);
  }
});

it('declares every collection an area owns in config/collections.json, and no other', () => {
  const core = Object.values(
    require('../../../cloudfunctions/api/src/shared/collections').CORE_COLLECTIONS as Record<string, string>,
  );
  const owned = MODULES.flatMap((m) => Object.values((m as { collections?: Record<string, string> }).collections ?? {}));
  expect(new Set(owned).size).toBe(owned.length);
  expect([...core, ...owned].sort()).toEqual(declared.collections.map((c) => c.name).sort());
});

/** Relative imports of a file, resolved to files. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const candidates = [`${base}.ts`, path.join(base, 'index.ts')];
    const found = candidates.find((c) => fs.existsSync(c));
    if (found) out.push(found);
  }
  return out;
}

function moduleOf(file: string): string | null {
  const rel = path.relative(MODULES_DIR, file);
  return rel.startsWith('..') ? null : rel.split(path.sep)[0];
}

it('has no import cycle between modules', () => {
  const edges = new Map<string, Set<string>>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const from = moduleOf(full);
        if (!from) continue;
        for (const target of importsOf(full)) {
          const to = moduleOf(target);
          if (to && to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
        }
      }
    }
  };
  walk(MODULES_DIR);
  const visiting = new Set<string>();
  const done = new Set<string>();
  const cycle: string[] = [];
  const visit = (node: string, trail: string[]): void => {
    if (done.has(node)) return;
    if (visiting.has(node)) {
      cycle.push(...trail, node);
      return;
    }
    visiting.add(node);
    for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
    visiting.delete(node);
    done.add(node);
  };
  for (const node of edges.keys()) visit(node, []);
  expect(cycle).toEqual([]);
});

/** Every .ts file under `dir`. */
function tsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** The source of every cloud function (cloudfunctions/<name>/src). */
const FUNCTION_SOURCES = fs
  .readdirSync(path.join(ROOT, 'cloudfunctions'), { withFileTypes: true })
  .map((d) => path.join(ROOT, 'cloudfunctions', d.name, 'src'))
  .filter((dir) => fs.existsSync(dir));

describe('demo data and example inputs stay out of the functions', () => {
  it('keeps them in cloudfunctions/api/fixtures/, not in src/', () => {
    const misplaced = tsFiles(SRC)
      .map((f) => path.relative(SRC, f))
      .filter((f) => /(^|\/)(demo\w*|examples)\.ts$/.test(f));
    expect(misplaced).toEqual([]);
    expect(fs.existsSync(path.join(FIXTURES, 'examples.ts'))).toBe(true);
  });

  it('has no file of a function source import fixtures/ or scripts/ (type-only imports too)', () => {
    const offenders = FUNCTION_SOURCES.flatMap(tsFiles).flatMap((f) =>
      forbiddenImports(f, fs.readFileSync(f, 'utf8')).map((spec) => `${path.relative(ROOT, f)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('catches such an import (the check can fail)', () => {
    const file = path.join(MODULES_DIR, 'merchants', 'directory.ts');
    expect(forbiddenImports(file, "import { demo } from '../../../fixtures/merchants/demo';")).toEqual([
      '../../../fixtures/merchants/demo',
    ]);
    expect(forbiddenImports(file, "import type { DemoKit } from '../../../fixtures/demoKit';")).toHaveLength(1);
    expect(forbiddenImports(file, "export { examples } from '../../../fixtures/examples';")).toHaveLength(1);
    expect(forbiddenImports(file, "const seed = require('../../../../../scripts/seed-demo');")).toHaveLength(1);
    expect(forbiddenImports(file, "const x = await import('../../../../../scripts/dev');")).toHaveLength(1);
    // Its own folder, shared code and packages are fine.
    expect(
      forbiddenImports(
        file,
        "import { C } from './collections';\nimport { fail } from '../../errors';\nimport { z } from 'zod';",
      ),
    ).toEqual([]);
  });
});

/** Every module's collection constants (from its collections.ts). */
const OWNED: OwnedCollections[] = fs.readdirSync(MODULES_DIR).flatMap((m) => {
  const file = path.join(MODULES_DIR, m, 'collections.ts');
  return fs.existsSync(file) ? ownedCollections(m, fs.readFileSync(file, 'utf8')) : [];
});

/**
 * Known violations of "a module queries only its own collections": file (under cloudfunctions/api/src/) → the
 * other module's collections it reads or writes directly. 20 files when the rule came (issue 18); none since
 * the areas on the enrollment engine reach activities and enrollments through its repository
 * (modules/enrollment/repository.ts) and a transfer asks membership for the member's channel.
 * THIS LIST MAY ONLY SHRINK: a new violation fails the test, and so does an entry no longer needed. Do not add
 * to it: ask the owning module instead (a function it exports), or move the query there.
 */
const KNOWN_FOREIGN_COLLECTIONS: Record<string, string[]> = {};

/** What differs from the allow-list: new violations, and entries that are no longer needed. */
function againstAllowList(found: Record<string, string[]>, allowed: Record<string, string[]>) {
  const added: string[] = [];
  const stale: string[] = [];
  for (const [file, uses] of Object.entries(found))
    for (const use of uses) if (!allowed[file]?.includes(use)) added.push(`${file} → ${use}`);
  for (const [file, uses] of Object.entries(allowed))
    for (const use of uses) if (!found[file]?.includes(use)) stale.push(`${file} → ${use}`);
  return { added, stale };
}

describe('a module queries only its own collections', () => {
  it('finds no use of another module’s collections beyond the known ones, and every known one still there', () => {
    const found: Record<string, string[]> = {};
    for (const file of tsFiles(SRC)) {
      const uses = foreignCollections(file, fs.readFileSync(file, 'utf8'), OWNED);
      if (uses.length) found[path.relative(SRC, file)] = uses;
    }
    const { added, stale } = againstAllowList(found, KNOWN_FOREIGN_COLLECTIONS);
    // A new violation: query through the owning module instead (do not extend the list).
    expect(added).toEqual([]);
    // A violation fixed: delete its entry from KNOWN_FOREIGN_COLLECTIONS (the list only shrinks).
    expect(stale).toEqual([]);
  });

  it('reads every module’s collection constants', () => {
    expect(OWNED.map((o) => o.constant)).toEqual(expect.arrayContaining(['ENROLLMENT_COLLECTIONS', 'MEMBERSHIP_COLLECTIONS']));
    expect(OWNED.find((o) => o.constant === 'ENROLLMENT_COLLECTIONS')?.names.enrollments).toBe('enrollments');
  });

  it('catches another module’s collections under any name, and not a module’s own (the check can fail)', () => {
    const recuperation = path.join(MODULES_DIR, 'recuperation', 'newFile.ts');
    const check = (text: string) => foreignCollections(recuperation, text, OWNED);
    expect(
      check("import { ENROLLMENT_COLLECTIONS as C } from '../enrollment/engine';\nawait findById(C.enrollments, id);"),
    ).toEqual(['ENROLLMENT_COLLECTIONS.enrollments']);
    expect(
      check("import { ENROLLMENT_COLLECTIONS } from '../enrollment/collections';\nconst E = ENROLLMENT_COLLECTIONS;\nE.draws;"),
    ).toEqual(['ENROLLMENT_COLLECTIONS.draws']);
    expect(check("import { MERCHANTS_COLLECTIONS } from '../merchants/collections';\nlist(MERCHANTS_COLLECTIONS);")).toEqual([
      'MERCHANTS_COLLECTIONS.*',
    ]);
    expect(check("await db.collection('legal_bookings').get();")).toEqual(["'legal_bookings'"]);
    // Shared code is no module: it may not reach into an area's collections either.
    expect(foreignCollections(path.join(SRC, 'shared', 'x.ts'), "findMany('competition_scores', {})", OWNED)).toEqual([
      "'competition_scores'",
    ]);
    // A module's own collections, core collections and a name in a comment are fine.
    const enrollment = path.join(MODULES_DIR, 'enrollment', 'newFile.ts');
    expect(
      foreignCollections(enrollment, "import { ENROLLMENT_COLLECTIONS as C } from './collections';\nC.enrollments;", OWNED),
    ).toEqual([]);
    expect(
      check("import { CORE_COLLECTIONS } from '../../shared/collections';\nCORE_COLLECTIONS.members;\n// see `enrollments`"),
    ).toEqual([]);
  });

  it('fails on a new violation and on a stale allow-list entry (the allow-list check can fail)', () => {
    const allowed = { 'modules/a/x.ts': ['B_COLLECTIONS.y'] };
    expect(againstAllowList({ 'modules/a/x.ts': ['B_COLLECTIONS.y'] }, allowed)).toEqual({ added: [], stale: [] });
    expect(againstAllowList({ 'modules/a/x.ts': ['B_COLLECTIONS.y', 'B_COLLECTIONS.z'] }, allowed).added).toEqual([
      'modules/a/x.ts → B_COLLECTIONS.z',
    ]);
    expect(againstAllowList({}, allowed).stale).toEqual(['modules/a/x.ts → B_COLLECTIONS.y']);
  });
});

/**
 * Module-level state that is not a registry, each with why (file under cloudfunctions/<fn>/src → names).
 * THIS LIST MAY ONLY SHRINK: what areas contribute is declared on their module definitions and reaches the
 * code through the house (house.ts), never through state filled when a file is imported.
 */
const KNOWN_MODULE_STATE: Record<string, string[]> = {
  // The SDK is initialised once per warm instance, on first use (not on import).
  'api/src/db.ts': ['initialized'],
  // A warm instance's short-lived read cache of activity definitions, filled by calls (sign-ups).
  'api/src/modules/enrollment/activities.ts': ['cache'],
  // A warm instance's 30-second copy of the union's settings, filled by calls (which areas are switched on).
  'api/src/modules/settings/settings.ts': ['cached'],
  // A constant lookup set (province codes), never written.
  'api/src/rules/idNumber.ts': ['PROVINCES'],
};

describe('declared, not registered: importing a file only declares', () => {
  const files = FUNCTION_SOURCES.flatMap(tsFiles).map((f) => ({
    rel: path.relative(path.join(ROOT, 'cloudfunctions'), f),
    text: fs.readFileSync(f, 'utf8'),
  }));

  it('makes no call at the top level of any file of a function (no registerX() on import)', () => {
    const offenders = files.flatMap(({ rel, text }) => topLevelCalls(text).map((callee) => `${rel} → ${callee}()`));
    expect(offenders).toEqual([]);
  });

  it('keeps no module-level mutable state beyond the known, non-registry ones', () => {
    const found: Record<string, string[]> = {};
    for (const { rel, text } of files) {
      const names = moduleState(text);
      if (names.length) found[rel] = names;
    }
    const { added, stale } = againstAllowList(found, KNOWN_MODULE_STATE);
    // New state: declare it on the module definition and read it from the house instead.
    expect(added).toEqual([]);
    // State removed: delete its entry (the list only shrinks).
    expect(stale).toEqual([]);
  });

  it('exports no register* function that fills module state (the shape issue 18 removed)', () => {
    const registries = files
      .filter(({ text }) => /^export (?:async )?function register[A-Z]\w*/m.test(text) && moduleState(text).length > 0)
      .map(({ rel }) => rel);
    expect(registries).toEqual([]);
  });

  it('catches a registry and its registration (the checks can fail)', () => {
    // The rule registry as it was, and an area registering into it when its index loaded.
    const registry = [
      'const ruleKinds = new Map<string, RuleKind>();',
      'let modules: readonly ModuleDef[] = [];',
      'export function registerRuleKind(kind: string, def: RuleKind): void {',
      '  ruleKinds.set(kind, def);',
      '}',
    ].join('\n');
    expect(moduleState(registry)).toEqual(['modules', 'ruleKinds']);
    expect(topLevelCalls("import { registerRecuperation } from './groups';\n\nregisterRecuperation();\n")).toEqual([
      'registerRecuperation',
    ]);
    expect(topLevelCalls("registerRuleKind('gender', {\n  params: z.strictObject({}),\n});")).toEqual(['registerRuleKind']);
    expect(topLevelCalls('registry.register(MODULES);')).toEqual(['registry.register']);
    // Declarations, nested calls, control flow and comments are fine.
    const declaring = [
      "export const recuperationEngine = { activityArea: { area: 'recuperation', hooks } } satisfies EngineHooks;",
      'const HOUSE = buildHouse(MODULES);',
      'export function f(): void {',
      '  register(x);',
      '  if (y) g();',
      '}',
      '// registerArea(area, hooks);',
      'const PROVINCES_TEXT = new Intl.Collator();',
    ].join('\n');
    expect(topLevelCalls(declaring)).toEqual([]);
    expect(moduleState(declaring)).toEqual([]);
  });
});
