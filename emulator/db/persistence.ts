/**
 * Durable store: SQLite (better-sqlite3) in WAL mode. Every acknowledged write is committed to SQLite
 * before the response is sent, so it survives the emulator being killed (kill -9). The working set
 * lives in memory; SQLite is read once at start.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import { decode, type Doc, type DocId } from './ejson';

export interface Change {
  collection: string;
  id: DocId;
  doc: Doc | null; // null: removed
}

/** The id column: string ids as they are (as stored before numeric ids existed), numbers marked. */
const rowId = (id: DocId) => (typeof id === 'number' ? `\u0000n${id}` : id);

export class Persistence {
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly addCollection: Database.Statement;
  private readonly writeMany: (changes: Change[]) => void;

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.db = new Database(path.join(dir, 'database.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a crash of this process (not of the OS).
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS documents (collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (collection, id));
    `);
    const check = this.db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`local cloud store is damaged: ${String(check)}`);
    this.upsert = this.db.prepare(
      'INSERT INTO documents (collection, id, doc) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc',
    );
    this.remove = this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?');
    this.addCollection = this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)');
    this.writeMany = this.db.transaction((changes: Change[]) => {
      for (const change of changes) {
        if (change.doc) this.upsert.run(change.collection, rowId(change.id), EJSON.stringify(change.doc, { relaxed: false }));
        else this.remove.run(change.collection, rowId(change.id));
      }
    });
  }

  load(): { collections: string[]; documents: Array<{ collection: string; doc: Doc }> } {
    const collections = (this.db.prepare('SELECT name FROM collections').all() as Array<{ name: string }>).map((r) => r.name);
    const documents = (
      this.db.prepare('SELECT collection, doc FROM documents').all() as Array<{ collection: string; doc: string }>
    ).map((row) => ({ collection: row.collection, doc: decode(row.doc, 'stored document') as Doc }));
    return { collections, documents };
  }

  createCollection(name: string): void {
    this.addCollection.run(name);
  }

  dropCollection(name: string): void {
    this.db.prepare('DELETE FROM documents WHERE collection = ?').run(name);
    this.db.prepare('DELETE FROM collections WHERE name = ?').run(name);
  }

  /** Writes a batch atomically. */
  write(changes: Change[]): void {
    if (changes.length) this.writeMany(changes);
  }

  close(): void {
    this.db.close();
  }
}
