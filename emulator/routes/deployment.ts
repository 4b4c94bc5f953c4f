/**
 * What a deploy has put into an EMPTY local cloud (`--empty`), beyond collections and documents (which the
 * database keeps itself): index declarations, function variables, security rules. Kept in
 * `<data>/deployment.json` for a durable store, so that a restarted local cloud is the environment that was
 * deployed; in memory otherwise. The deployed functions' code and config.json live in the deploy folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IndexSpec } from '../db/collection';

export interface DeploymentRecord {
  indexes: Record<string, IndexSpec[]>;
  functionEnv: Record<string, Record<string, string>>;
  security: { functions?: unknown; storage?: unknown };
}

export class DeploymentState {
  readonly record: DeploymentRecord;

  constructor(private readonly file: string | null) {
    const empty: DeploymentRecord = { indexes: {}, functionEnv: {}, security: {} };
    this.record = file && fs.existsSync(file) ? { ...empty, ...(JSON.parse(fs.readFileSync(file, 'utf8')) as object) } : empty;
  }

  save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(this.record, null, 2));
    fs.renameSync(temp, this.file);
  }
}
