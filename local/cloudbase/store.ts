/**
 * @module Durable document store: a SQLite file (WAL, fsync on commit) mirrored in memory for queries.
 * The file keeps documents, not their history: rows are laid out by collection and id (a table
 * without rowid), carry no commit number, and freed space is zeroed, so a copy of the file says
 * nothing about which documents were written together or when (README, "Ballot pools").
 */
import Database from 'better-sqlite3'
import { EJSON } from 'bson'
import fs from 'node:fs'
import path from 'node:path'
import { type Doc, parse, stringify } from './ejson'
import { collectionNotExist } from './errors'

export interface Entry {
  doc: Doc
  /** Commit sequence number of the last write, in memory only (0 for what the file held at start); snapshot checks compare against it. */
  version: number
}

/** A write to apply at commit: `doc: null` deletes. `id` is the document's {@link idKey}. */
export interface Write {
  coll: string
  id: string
  doc: Doc | null
}

/**
 * The store's key for an `_id`. MongoDB keeps 1 and '1' apart, so only a string is its own key (as
 * it always was: existing data files stay valid); any other value is its EJSON behind a NUL, and a
 * string that itself starts with NUL gets a second one.
 */
export const idKey = (id: unknown): string =>
  typeof id === 'string' ? (id.startsWith('\u0000') ? `\u0000${id}` : id) : `\u0000${EJSON.stringify({ id } as never, { relaxed: true })}`

/** One key per document across collections, whatever characters the names hold. */
export const docKey = (coll: string, id: string): string => JSON.stringify([coll, id])

export class Store {
  private readonly db: Database.Database
  private readonly collections = new Map<string, Map<string, Entry>>()
  /** Deletions since start, so a transaction can tell a document vanished after its snapshot. */
  private readonly tombstones = new Map<string, number>()
  private seq = 0
  /** One SQLite transaction for a commit's writes; its statements compiled once per store, not per commit. */
  private readonly writeAll: (writes: Write[]) => void

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    // Nothing acknowledged may be lost: every commit is fsynced before we answer.
    this.db.pragma('synchronous = FULL')
    // A rewritten document leaves no older copy in the file's free space.
    this.db.pragma('secure_delete = ON')
    this.db.exec(`CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (coll, id)) WITHOUT ROWID;`)
    this.relayOut()
    const upsert = this.db.prepare('INSERT INTO docs (coll, id, doc) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET doc = excluded.doc')
    const remove = this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?')
    this.writeAll = this.db.transaction((writes: Write[]) => {
      for (const w of writes) {
        if (w.doc) upsert.run(w.coll, w.id, stringify(w.doc))
        else remove.run(w.coll, w.id)
      }
    })
    for (const { name } of this.db.prepare('SELECT name FROM collections').all() as { name: string }[]) {
      this.collections.set(name, new Map())
    }
    for (const row of this.db.prepare('SELECT coll, id, doc FROM docs').iterate() as Iterable<{ coll: string; id: string; doc: string }>) {
      this.collections.get(row.coll)?.set(row.id, { doc: parse(row.doc) as Doc, version: 0 })
    }
  }

  /** A file from before: rows in write order with commit numbers. Copied by id, then the file is rewritten without the old pages. */
  private relayOut(): void {
    const columns = this.db.prepare("SELECT name FROM pragma_table_info('docs')").all() as { name: string }[]
    if (!columns.some((c) => c.name === 'version')) return
    this.db.transaction(() => {
      this.db.exec(`CREATE TABLE docs_by_id (coll TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (coll, id)) WITHOUT ROWID;
        INSERT INTO docs_by_id (coll, id, doc) SELECT coll, id, doc FROM docs; DROP TABLE docs; ALTER TABLE docs_by_id RENAME TO docs;`)
    })()
    this.db.exec('VACUUM')
  }

  get currentSeq(): number {
    return this.seq
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false
    this.db.prepare('INSERT INTO collections (name) VALUES (?)').run(name)
    this.collections.set(name, new Map())
    return true
  }

  collection(name: string): Map<string, Entry> {
    const coll = this.collections.get(name)
    if (!coll) throw collectionNotExist(name)
    return coll
  }

  /** Version of the newest write (or delete) of a document, 0 if never written. */
  versionOf(coll: string, id: string): number {
    return this.collection(coll).get(id)?.version ?? this.tombstones.get(docKey(coll, id)) ?? 0
  }

  /** Applies a set of writes atomically as one commit; returns its sequence number. */
  apply(writes: Write[]): number {
    if (writes.length === 0) return this.seq
    const seq = this.seq + 1
    this.writeAll(writes)
    this.seq = seq
    for (const w of writes) {
      const coll = this.collection(w.coll)
      if (w.doc) coll.set(w.id, { doc: w.doc, version: seq })
      else {
        coll.delete(w.id)
        this.tombstones.set(docKey(w.coll, w.id), seq)
      }
    }
    return seq
  }

  close(): void {
    this.db.close()
  }
}
