/** The jest globalSetup rebuilds a function bundle that is missing or older than any function's source. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { staleBundles } from '../support/globalSetup';

function write(file: string, text: string, at: Date): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.utimesSync(file, at, at);
}

it('finds a bundle older than a source file (of its own function or of one it bundles), and a missing one', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'functions-'));
  const old = new Date('2026-01-01T00:00:00Z');
  const later = new Date('2026-01-02T00:00:00Z');
  for (const name of ['api', 'cron']) {
    write(path.join(root, name, 'package.json'), '{}', old);
    write(path.join(root, name, 'src/index.ts'), '', old);
    write(path.join(root, name, 'index.js'), '', later);
  }
  expect(staleBundles(root)).toEqual([]);

  // A module of api changed after both bundles were built: cron bundles api's modules too.
  write(path.join(root, 'api', 'src/modules/x/y.ts'), '', new Date('2026-01-03T00:00:00Z'));
  expect(staleBundles(root)).toEqual(['api', 'cron']);

  write(path.join(root, 'api', 'index.js'), '', new Date('2026-01-04T00:00:00Z'));
  fs.rmSync(path.join(root, 'cron', 'index.js'));
  expect(staleBundles(root)).toEqual(['cron']);
  fs.rmSync(root, { recursive: true });
});
