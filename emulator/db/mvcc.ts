/**
 * The committed state of the database, with the old versions open transactions still need.
 *
 * Every committed change takes the next number of one counter (the store's version). A transaction's
 * snapshot is the version when it started: it sees each document as it was at that version. The current
 * state lives in the collections (served from memory, persisted first when durable); when a change
 * replaces a document while transactions are open, the replaced version goes into a history, kept only
 * as long as an open transaction's snapshot may need it.
 */
import { Collection, type IndexSpec } from './collection';
import { docKey, type Doc, type DocId } from './ejson';
import type { Change, Persistence } from './persistence';

/** Collection name → document id → the stored document (see `Store.snapshot`). */
export type StoreSnapshot = Map<string, Map<DocId, Doc>>;

interface OldVersion {
  /** Version from which this content was current, and the version that replaced it. */
  from: number;
  to: number;
  doc: Doc | null;
}

export class Store {
  readonly collections = new Map<string, Collection>();
  private last = 0;
  /** Document key → replaced versions, oldest first. */
  private readonly history = new Map<string, OldVersion[]>();

  constructor(
    private readonly persistence: Persistence | null,
    declared: Array<{ name: string; indexes?: IndexSpec[] }>,
    /** True while some transaction is open (then replaced versions are kept). */
    private readonly snapshotsOpen: () => boolean,
  ) {
    if (persistence) {
      const { collections, documents } = persistence.load();
      collections.forEach((name) => this.ensureCollection(name, false));
      for (const { collection, doc } of documents) this.ensureCollection(collection, false).put(doc, ++this.last);
    }
    for (const { name, indexes } of declared) {
      const collection = this.ensureCollection(name);
      (indexes ?? []).forEach((index) => collection.addIndex(index));
    }
  }

  /** The version of the last committed change: a new transaction's snapshot. */
  get version(): number {
    return this.last;
  }

  ensureCollection(name: string, persist = true): Collection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Collection(name);
      this.collections.set(name, collection);
      if (persist) this.persistence?.createCollection(name);
    }
    return collection;
  }

  /** Version of a document's last committed change (0: never written). */
  versionOf(collection: string, id: DocId): number {
    return this.collections.get(collection)?.versions.get(id) ?? 0;
  }

  /** Writes changes atomically: persisted first (all or none), then applied to memory. */
  commit(changes: Change[]): void {
    if (!changes.length) return;
    this.persistence?.write(changes);
    const keep = this.snapshotsOpen();
    for (const change of changes) {
      const collection = this.ensureCollection(change.collection);
      const version = ++this.last;
      if (keep) {
        const key = docKey(change.collection, change.id);
        const old = { from: collection.versions.get(change.id) ?? 0, to: version, doc: collection.docs.get(change.id) ?? null };
        const versions = this.history.get(key);
        if (versions) versions.push(old);
        else this.history.set(key, [old]);
      }
      if (change.doc) collection.put(change.doc, version);
      else collection.delete(change.id, version);
    }
  }

  /** The document as of `snapshot` (a stored object: callers copy before handing out or changing it). */
  readAt(collection: string, id: DocId, snapshot: number): Doc | undefined {
    const stored = this.collections.get(collection);
    if ((stored?.versions.get(id) ?? 0) <= snapshot) return stored?.docs.get(id);
    const old = this.history.get(docKey(collection, id))?.find((v) => v.from <= snapshot && snapshot < v.to);
    return old?.doc ?? undefined;
  }

  /** Drops the versions no open snapshot can see (all of them when `oldest` is undefined: none open). */
  prune(oldest: number | undefined): void {
    if (oldest === undefined) {
      this.history.clear();
      return;
    }
    for (const [key, versions] of this.history) {
      const kept = versions.filter((v) => v.to > oldest);
      if (!kept.length) this.history.delete(key);
      else if (kept.length !== versions.length) this.history.set(key, kept);
    }
  }

  /**
   * The committed documents as they are now, for `restore` (the local cloud's test endpoint /_emu/snapshots).
   * Stored documents are never changed in place (a change stores a new object: the history above relies on it
   * too), so a snapshot keeps references, not copies.
   */
  snapshot(): StoreSnapshot {
    return new Map([...this.collections].map(([name, collection]) => [name, new Map(collection.docs)]));
  }

  /**
   * Puts every document back as it was at `snapshot`, as one commit of the differences: a document written or
   * removed since is put back or removed again, each with a new version (versions only go up, so transactions and
   * their conflict checks read it as any other change). Collections created since are emptied. Returns the
   * number of documents changed.
   */
  restore(snapshot: StoreSnapshot): number {
    const changes: Change[] = [];
    for (const [name, collection] of this.collections) {
      const then = snapshot.get(name) ?? new Map<DocId, Doc>();
      for (const [id, doc] of collection.docs) {
        if (then.get(id) !== doc) changes.push({ collection: name, id, doc: then.get(id) ?? null });
      }
      for (const [id, doc] of then) if (!collection.docs.has(id)) changes.push({ collection: name, id, doc });
    }
    this.commit(changes);
    return changes.length;
  }

  /** Old versions held (for tests and the benchmark). */
  get heldVersions(): number {
    let n = 0;
    for (const versions of this.history.values()) n += versions.length;
    return n;
  }
}
