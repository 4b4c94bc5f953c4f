/**
 * The house rules of the `api` function's areas: each module is its folder, its actions carry the folder's
 * prefix, its collections are declared (with indexes) in config/collections.json, and modules do not import
 * each other in a cycle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MODULES } from '../../../cloudfunctions/api/src/actions';
import declared from '../../../config/collections.json';

const SRC = path.resolve(__dirname, '../../../cloudfunctions/api/src');
const MODULES_DIR = path.join(SRC, 'modules');

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

/** Files of a module folder that only the seed script and the tests read. */
const TEST_ONLY = ['demo.ts', 'examples.ts'];

it('keeps demo data and example inputs out of the function: nothing imports a demo or examples file', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !TEST_ONLY.includes(entry.name)) {
        if (importsOf(full).some((f) => TEST_ONLY.includes(path.basename(f)))) offenders.push(path.relative(SRC, full));
      }
    }
  };
  walk(SRC);
  expect(offenders).toEqual([]);
});
